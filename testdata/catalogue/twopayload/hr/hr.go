// Package hr emits the events of the twopayload catalogue.
package hr

import (
	"context"

	"example.com/lint/catalogue/twopayload"
	"github.com/eventlint/eventlint/bus"
)

func hire(ctx context.Context, e twopayload.Employee) {
	bus.Emit(ctx, twopayload.EmployeeCreated, e)  // fine: no payload is declared until one directive is left
	bus.Emit(ctx, twopayload.EmployeeCreated, &e) // fine
	bus.Emit(ctx, twopayload.EmployeeRenamed, 3)  // fine
	bus.Emit(ctx, twopayload.EmployeeMoved, &e)   // fine: the one declared payload
	bus.Emit(ctx, twopayload.EmployeeMoved, e)    // want `^event "employee.moved" is catalogued with payload \*twopayload.Employee, but this emits twopayload.Employee: emit \*twopayload.Employee$`
}
