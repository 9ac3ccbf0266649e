package events

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// probeSent is unexported, so it is no published event.
const probeSent = "probe.sent"

func emitInCatalogue(ctx context.Context) {
	bus.Emit(ctx, EmployeeCreated, &Employee{})    // fine: the catalogue's own constant, declared payload
	bus.Emit(ctx, "employee.created", &Employee{}) // want `^string literal repeats the catalogued event name "employee.created": use EmployeeCreated$`
	bus.Emit(ctx, probeSent, nil)                  // want `^event "probe.sent" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there$`
	bus.Emit(ctx, defaultShift, nil)               // want `^event "shift.planned" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there$`
}

func shadowedInCatalogue(ctx context.Context) {
	// No fix below: the constant is shadowed.
	EmployeeCreated := "shadowed"
	_ = EmployeeCreated
	bus.Emit(ctx, "employee.created", &Employee{}) // want `^string literal repeats the catalogued event name "employee.created": use EmployeeCreated$`
}
