package fix

import "github.com/eventlint/eventlint/bus"

func single(b *bus.Bus) {
	b.Emit(nil, "report.failed", nil) // want `^string literal repeats the catalogued event name "report.failed": use events.ReportFailed$`
}
