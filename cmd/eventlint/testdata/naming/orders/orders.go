// Package orders emits events whose names break the naming convention.
package orders

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Order struct{ ID int }

const orderRefund = "order.refund"

func emits(ctx context.Context, b *bus.Bus, kind string) {
	bus.Emit(ctx, "order.created", &Order{})   // fine
	bus.Emit(ctx, "OrderShipped", &Order{})    // EL1001
	b.Emit(ctx, orderRefund, nil)              // EL1002
	bus.Emit(ctx, kind+".cancelled", &Order{}) // EL1003
	bus.Emit(ctx, "order.paid", nil)           //eventlint:ignore EL1001 a fine name, the directive is only here to be valid
}

// The finding follows non-ASCII text on its line: its byte and
// character columns differ.
func émis(çtx context.Context) {
	bus.Emit(çtx, "OrderCréé", nil) // EL1001
}
