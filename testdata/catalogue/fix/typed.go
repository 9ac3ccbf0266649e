package fix

import (
	"context"

	"example.com/lint/catalogue/events"
	"github.com/eventlint/eventlint/bus"
)

// Kind is this package's own type of event names.
type Kind string

// publishKind is a wrapper whose name parameter has its own named type.
func publishKind(k Kind) {
	bus.Emit(context.Background(), string(k), nil) // fine: forwarded
}

// publishName is a wrapper whose name parameter has the catalogue's type.
func publishName(n events.Name) {
	bus.Emit(context.Background(), string(n), nil) // fine: forwarded
}

func typed() {
	publishKind("report.failed") // want `^string literal repeats the catalogued event name "report.failed": use events.ReportFailed$`
	// No fix: the typed constant is an events.Name, not a Kind.
	publishKind("shift.swapped") // want `^string literal repeats the catalogued event name "shift.swapped": use events.ShiftSwapped$`
	publishName("shift.swapped") // want `^string literal repeats the catalogued event name "shift.swapped": use events.ShiftSwapped$`
}
