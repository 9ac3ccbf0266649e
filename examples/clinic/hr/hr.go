// Package hr manages the clinic's employees.
package hr

import (
	"context"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

// Hire adds an employee and tells the rest of the clinic.
func Hire(ctx context.Context, name, email string) *events.Employee {
	e := &events.Employee{ID: 1, Name: name, Email: email, Status: "active"}
	bus.Emit(ctx, events.EmployeeCreated, e)
	return e
}

// SetStatus changes an employee's status.
func SetStatus(ctx context.Context, e *events.Employee, status string) {
	e.Status = status
	bus.Emit(ctx, events.EmployeeStatusChanged, e)
	// Mistake: a second, ad-hoc event per status, named at run time.
	bus.Emit(ctx, "employee."+status, e)
}

// Terminate removes an employee.
func Terminate(ctx context.Context, e *events.Employee) {
	// Mistake: a name in the wrong shape, and missing from the catalogue.
	bus.Emit(ctx, "EmployeeTerminated", e)
}
