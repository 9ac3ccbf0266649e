// Package defaults is linted by the golangci-lint plugin with no settings.
// configured and pasttense hold the same calls under other settings.
package defaults

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "employee.created", nil)
	bus.Emit(ctx, "billing.invoice.paid", nil) // want `^event name "billing.invoice.paid" has 3 segments, want <aggregate>.<verb>`
	bus.Emit(ctx, "order.refund", nil)         // want `^event name "order.refund" does not end in a past-tense verb \("refund"\)`
	bus.Emit(ctx, "uniform.sewn", nil)         // want `^event name "uniform.sewn" does not end in a past-tense verb \("sewn"\)`
	bus.Emit(ctx, "EmployeeCreated", nil)      // want `^event name "EmployeeCreated" has 1 segment`
}
