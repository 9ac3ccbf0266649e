// Package hr emits the bus.Fields payloads the handlers of notify read.
package hr

import (
	"context"
	"strconv"

	"example.com/lint/fields/program/events"
	"github.com/eventlint/eventlint/bus"
)

func ChangeStatus(ctx context.Context, id int, from, to string, why any) {
	bus.Emit(ctx, events.StatusChanged, bus.Fields{"employee_id": id, "from_state": from, "to_state": to, "reason": why})
	bus.Emit(ctx, events.StatusChanged, bus.Fields{
		"employee_id": strconv.Itoa(id), // want `^key "employee_id" of event "employee\.status_changed" is catalogued as int, but this emits string: handlers asserting int get nothing; emit int or change the catalogue$`
		"from_state":  from,
		"to_state":    why, // an interface: it may hold a string
		"reason":      42,  // no type declared
	})
}

func Create(ctx context.Context, id int, name string) {
	bus.Emit(ctx, events.EmployeeCreated, bus.Fields{"employee_id": id, "name": name})
	bus.Emit(ctx, events.EmployeeCreated, bus.Fields{"employee_id": 7, "name": "seven"})
}

func Pay(ctx context.Context, id string) {
	bus.Emit(ctx, events.InvoicePaid, bus.Fields{"invoice_id": id})
}
