package naming

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Employee struct{ ID int }

const orderRefund = "order.refund"

type EventName string

const employeeHired EventName = "employee.hired"

func emits(ctx context.Context, b *bus.Bus, kind string) {
	bus.Emit(ctx, "employee.created", &Employee{})        // fine: <aggregate>.<verb> in the past tense
	bus.Emit(ctx, "employee.status_changed", &Employee{}) // fine: snake_case details before the verb
	bus.Emit(ctx, "invoice.paid", nil)                    // fine: irregular past participle
	bus.Emit(ctx, "treatment.undergone", nil)             // fine: a prefixed irregular participle (under + gone)
	bus.Emit(ctx, "vote.cast", nil)                       // fine: an irregular verb whose participle is its base form
	bus.Emit(ctx, "EmployeeCreated", &Employee{})         // want `^event name "EmployeeCreated" has 1 segment, want <aggregate>.<verb>: name it "employee.created"$`
	bus.Emit(ctx, "RefundOrder", nil)                     // want `^event name "RefundOrder" has 1 segment, want <aggregate>.<verb>: name it "order.refunded"$`
	b.Emit(ctx, orderRefund, nil)                         // want `^event name "order.refund" does not end in a past-tense verb \("refund"\): name it "order.refunded"$`
	bus.Emit(ctx, "Order.Created", nil)                   // want `^event name "Order.Created" segment "Order" is not lowercase snake_case: name it "order.created"$`
	bus.Emit(ctx, "order..created", nil)                  // want `^event name "order..created" has an empty segment: name it "order.created"$`
	bus.Emit(ctx, "change_employee_status_done", nil)     // want `^event name "change_employee_status_done" has 1 segment, want <aggregate>.<verb>: name it "employee.status_changed"$`
	bus.Emit(ctx, string(employeeHired), nil)             // fine: typed constant through a conversion
	bus.Emit(ctx, "patient"+".created", nil)              // fine: constant expression
	bus.Emit(ctx, kind+".created", nil)                   // want `^event name passed to bus.Emit is not a compile-time constant, so its contract cannot be checked: use a constant$`
	(*bus.Bus).Emit(b, ctx, "Payment", nil)               // want `^event name "Payment" has 1 segment, want <aggregate>.<verb>: name it .*$`
	emit := b.Emit
	emit(ctx, "shift_planned", nil) // want `^event name "shift_planned" has 1 segment, want <aggregate>.<verb>: name it "shift.planned"$`
}

func subscribes() {
	bus.On("appointment.scheduled", func(ctx context.Context, e *Employee) error { return nil }) // fine
	bus.On("appointment.schedule", func(ctx context.Context, e *Employee) error { return nil })  // want `^event name "appointment.schedule" does not end in a past-tense verb \("schedule"\): name it "appointment.scheduled"$`
}
