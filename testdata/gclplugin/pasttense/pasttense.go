// Package pasttense is linted by the golangci-lint plugin with
// past-tense: false.
package pasttense

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "employee.created", nil)
	bus.Emit(ctx, "billing.invoice.paid", nil) // want `^event name "billing.invoice.paid" has 3 segments, want <aggregate>.<verb>`
	bus.Emit(ctx, "order.refund", nil)         // fine: past-tense rule off
	bus.Emit(ctx, "uniform.sewn", nil)         // fine: past-tense rule off
	bus.Emit(ctx, "EmployeeCreated", nil)      // want `^event name "EmployeeCreated" has 1 segment`
}
