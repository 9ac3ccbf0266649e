// Package mid imports the catalogue and emits; package app sees the
// catalogue only through mid's summary.
package mid

import (
	"context"
	"errors"

	"example.com/lint/catalogue/events"
	"github.com/eventlint/eventlint/bus"
)

// Created re-exports a catalogue constant for packages that do not import
// the catalogue.
const Created = events.EmployeeCreated

// NewEmployee returns a payload of the employee events.
func NewEmployee() *events.Employee { return &events.Employee{} }

// NewPatient returns a payload of the patient events.
func NewPatient() events.Patient { return events.Patient{} }

// Publish is a wrapper: its callers' event names are checked.
func Publish(ctx context.Context, event string, payload any) {
	bus.Emit(ctx, event, payload) // fine: forwarded, Publish's callers are the sites
}

// PublishFields is a wrapper whose payload parameter is concrete: what it
// emits has that type, whatever its callers pass.
func PublishFields(ctx context.Context, event string, fields bus.Fields) {
	bus.Emit(ctx, event, fields) // fine: forwarded
}

// PublishEmployee is a wrapper whose payload parameter is a pointer.
func PublishEmployee(ctx context.Context, event string, e *events.Employee) {
	bus.Emit(ctx, event, e) // fine: forwarded
}

func emitThroughWrappers(ctx context.Context, e *events.Employee) {
	PublishFields(ctx, events.EmployeeUpdated, map[string]any{"id": 1, "name": "Ada"}) // fine: the wrapper emits it as bus.Fields
	PublishFields(ctx, events.EmployeeCreated, map[string]any{})                       // want `^event "employee.created" is catalogued with payload \*events.Employee, but this emits bus.Fields: emit \*events.Employee$`
	PublishEmployee(ctx, events.EmployeeCreated, nil)                                  // fine: a nil *events.Employee reaches handlers of *events.Employee
	PublishEmployee(ctx, events.EmployeeUpdated, e)                                    // want `^event "employee.updated" is catalogued with payload bus.Fields{"id", "name"}, but this emits \*events.Employee: emit bus.Fields$`
	Publish(ctx, events.EmployeeCreated, nil)                                          // want `^event "employee.created" is catalogued with payload \*events.Employee, but this emits nil, which no handler of that type receives: emit \*events.Employee$`
}

func emitPayloads(ctx context.Context, e *events.Employee, fields bus.Fields, key string, payload any) {
	bus.Emit(ctx, events.EmployeeCreated, e)               // fine: the declared payload type
	bus.Emit(ctx, events.EmployeeCreated, *e)              // want `^event "employee.created" is catalogued with payload \*events.Employee, but this emits events.Employee: emit \*events.Employee$`
	bus.Emit(ctx, events.EmployeeCreated, payload)         // fine: an interface may hold a *events.Employee
	bus.Emit(ctx, events.EmployeeCreated, nil)             // want `^event "employee.created" is catalogued with payload \*events.Employee, but this emits nil, which no handler of that type receives: emit \*events.Employee$`
	bus.Emit(ctx, events.EmployeeCreated, bus.Fields{})    // want `^event "employee.created" is catalogued with payload \*events.Employee, but this emits bus.Fields: emit \*events.Employee$`
	bus.Emit(ctx, events.EmployeeArchived, 42)             // fine: its payload directive is broken, so nothing is declared
	bus.Emit(ctx, events.ReportFailed, errors.New("x"))    // fine: an interface payload is declared
	bus.Emit(ctx, events.ReportFailed, nil)                // fine: a handler of an interface type receives nil
	bus.Emit(ctx, string(events.ShiftSwapped), struct{}{}) // fine: no payload declared
	Publish(ctx, events.PatientCreated, events.Patient{})  // fine: through the wrapper, the declared payload
	Publish(ctx, events.PatientCreated, &events.Patient{}) // want `^event "patient.created" is catalogued with payload events.Patient, but this emits \*events.Patient: emit events.Patient$`
	emitGeneric(ctx, e)

	bus.Emit(ctx, events.EmployeeUpdated, bus.Fields{"id": 1, "name": "Ada"})      // fine: the catalogued keys
	bus.Emit(ctx, events.EmployeeUpdated, bus.Fields{"name": "Ada", "id": 1})      // fine: in another order
	bus.Emit(ctx, events.EmployeeUpdated, bus.Fields{"id": 1, "nmae": "Ada"})      // want `^bus.Fields payload of event "employee.updated" lacks key "name" and has undeclared key "nmae": emit bus.Fields{"id", "name"} as catalogued, or update the catalogue$`
	bus.Emit(ctx, events.EmployeeUpdated, bus.Fields{})                            // want `^bus.Fields payload of event "employee.updated" lacks keys "id", "name": emit bus.Fields{"id", "name"} as catalogued, or update the catalogue$`
	bus.Emit(ctx, events.EmployeeUpdated, bus.Fields{"id": 1, "name": "", "x": 2}) // want `^bus.Fields payload of event "employee.updated" has undeclared key "x": emit bus.Fields{"id", "name"} as catalogued, or update the catalogue$`
	bus.Emit(ctx, events.EmployeeUpdated, bus.Fields{"id": 1, key: "Ada"})         // fine: a computed key may be "name"
	bus.Emit(ctx, events.EmployeeUpdated, fields)                                  // fine: the keys are not spelled out here
	bus.Emit(ctx, events.EmployeeUpdated, map[string]any{"id": 1, "name": "Ada"})  // want `^event "employee.updated" is catalogued with payload bus.Fields{"id", "name"}, but this emits map\[string\]any: emit bus.Fields$`
	bus.Emit(ctx, events.EmployeeUpdated, e)                                       // want `^event "employee.updated" is catalogued with payload bus.Fields{"id", "name"}, but this emits \*events.Employee: emit bus.Fields$`
	bus.Emit(ctx, events.EmployeeUpdated, nil)                                     // want `^event "employee.updated" is catalogued with payload bus.Fields{"id", "name"}, but this emits nil, which no handler of that type receives: emit bus.Fields$`
	bus.Emit(ctx, events.AuditLogged, bus.Fields{"anything": 1})                   // fine: no keys are declared
	bus.Emit(ctx, events.AuditLogged, e)                                           // want `^event "audit.logged" is catalogued with payload bus.Fields, but this emits \*events.Employee: emit bus.Fields$`
}

// emitGeneric emits a type parameter: its type is not known here.
func emitGeneric[T any](ctx context.Context, p T) {
	bus.Emit(ctx, events.EmployeeCreated, p) // fine: T may be *events.Employee
}

func emitDeprecated(ctx context.Context, b *bus.Bus) {
	bus.Emit(ctx, events.PatientRegistered, events.Patient{})                                          // want `^event "patient.registered" is deprecated: "emit PatientCreated; this one goes away once the reporting service has moved over."$`
	b.Emit(ctx, events.PatientRegistered, events.Patient{})                                            // want `^event "patient.registered" is deprecated: ".*"$`
	bus.On(events.PatientRegistered, func(ctx context.Context, p events.Patient) error { return nil }) // fine: subscribing to a deprecated event still works while it is emitted
}

func uncatalogued(ctx context.Context) {
	bus.Emit(ctx, "employee.craeted", nil)                                                         // want `^event "employee.craeted" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there \(did you mean "employee.created"\?\)$`
	bus.Emit(ctx, "invoice.voided", nil)                                                           // want `^event "invoice.voided" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there$`
	bus.Emit(ctx, "invoice.voided", nil)                                                           //eventlint:ignore EL2001 fine: suppressed, the billing service consumes it
	bus.On("patient.regsitered", func(ctx context.Context, p events.Patient) error { return nil }) // want `^event "patient.regsitered" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there \(did you mean "patient.registered"\?\)$`
	bus.Emit(ctx, events.InvoicePay, nil)                                                          // fine here: catalogued; the naming analyzer reports the name at the constant
	bus.Emit(ctx, "employee"+".created", &events.Employee{})                                       // fine: a constant expression, not a literal, naming a catalogued event
	Publish(ctx, "patient.craeted", nil)                                                           // want `^event "patient.craeted" is not declared in the catalogue example.com/lint/catalogue/events: add a constant for it there \(did you mean "patient.created"\?\)$`
}
