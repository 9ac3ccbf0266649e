package fix

import (
	"context"

	ev "example.com/lint/catalogue/events"
	"github.com/eventlint/eventlint/bus"
)

func renamed(ctx context.Context, e *ev.Employee) {
	bus.Emit(ctx, "employee.created", e)                                                     // want `^string literal repeats the catalogued event name "employee.created": use ev.EmployeeCreated$`
	bus.On("employee.updated", func(ctx context.Context, f bus.Fields) error { return nil }) // want `^string literal repeats the catalogued event name "employee.updated": use ev.EmployeeUpdated$`
}
