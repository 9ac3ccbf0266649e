// Package fix holds the suggested fixes of string literals that repeat a
// catalogued event name.
package fix

import (
	"context"

	"example.com/lint/catalogue/events"
	"github.com/eventlint/eventlint/bus"
)

func imported(ctx context.Context, e *events.Employee) {
	bus.Emit(ctx, events.EmployeeCreated, e)     // fine: the constant
	bus.Emit(ctx, "employee.created", e)         // want `^string literal repeats the catalogued event name "employee.created": use events.EmployeeCreated$`
	bus.Emit(ctx, ("employee.created"), e)       // want `^string literal repeats the catalogued event name "employee.created": use events.EmployeeCreated$`
	bus.Emit(ctx, "shift.swapped", nil)          // want `^string literal repeats the catalogued event name "shift.swapped": use string\(events.ShiftSwapped\)$`
	bus.Emit(ctx, string("employee.created"), e) // fine: not a bare literal (the fix would have to drop the conversion)
}

func shadowed(ctx context.Context, e *events.Employee) {
	// No fix below: events is a local variable here.
	events := []string{"employee.created"}
	_ = events
	bus.Emit(ctx, "employee.created", e) // want `^string literal repeats the catalogued event name "employee.created": use events.EmployeeCreated$`
}
