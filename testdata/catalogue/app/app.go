// Package app imports mid but not the catalogue: it sees the catalogue
// through mid's summary fact, which folds in the catalogue mid imports.
package app

import (
	"context"

	"example.com/lint/catalogue/mid"
	"github.com/eventlint/eventlint/bus"
)

func run(ctx context.Context) {
	bus.Emit(ctx, mid.Created, mid.NewEmployee())                                            // fine: catalogued (through mid's constant), the declared payload
	bus.Emit(ctx, mid.Created, mid.NewPatient())                                             // want `^event "employee.created" is catalogued with payload \*events.Employee, but this emits events.Patient: emit \*events.Employee$`
	mid.Publish(ctx, "employee.hired", nil)                                                  // want `^event "employee.hired" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there$`
	bus.Emit(ctx, "patient.registered", mid.NewPatient())                                    // want `^string literal repeats the catalogued event name "patient.registered": use events.PatientRegistered$` `^event "patient.registered" is deprecated: ".*"$`
	bus.On("employee.updated", func(ctx context.Context, f bus.Fields) error { return nil }) // want `^string literal repeats the catalogued event name "employee.updated": use events.EmployeeUpdated$`
}
