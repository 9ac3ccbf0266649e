package fix

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// publish is a wrapper in this package: calls of it are sites.
func publish(event string) {
	bus.Emit(context.Background(), event, nil) // fine: forwarded
}

func missing(ctx context.Context) {
	bus.Emit(ctx, "report.failed", nil) // want `^string literal repeats the catalogued event name "report.failed": use events.ReportFailed$`
	publish("report.failed")            // want `^string literal repeats the catalogued event name "report.failed": use events.ReportFailed$`
}

func taken(ctx context.Context) {
	// No fix below: the name the import needs is taken.
	events := 1
	_ = events
	bus.Emit(ctx, "report.failed", nil) // want `^string literal repeats the catalogued event name "report.failed": use events.ReportFailed$`
}
