// Package orders is changed by the fake fixes of the driver's tests.
package orders

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "order.paid", nil) // renamed by the fake fix
	bus.Emit(ctx, "order.created", nil)
	bus.Emit(ctx, "order.paid", 1) // renamed too
}
