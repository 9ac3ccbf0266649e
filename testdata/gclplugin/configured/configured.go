// Package configured is linted by the golangci-lint plugin with
// segments: [2, 3] and irregular: [sewn].
package configured

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "employee.created", nil)
	bus.Emit(ctx, "billing.invoice.paid", nil) // fine: 3 segments allowed
	bus.Emit(ctx, "order.refund", nil)         // want `^event name "order.refund" does not end in a past-tense verb \("refund"\)`
	bus.Emit(ctx, "uniform.sewn", nil)         // fine: irregular participle added
	bus.Emit(ctx, "EmployeeCreated", nil)      // want `^event name "EmployeeCreated" has 1 segment`
}
