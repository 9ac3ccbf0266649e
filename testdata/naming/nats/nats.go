// Package nats emits events named as NATS subjects: two to four
// dot-separated tokens, the last a past-tense verb (-naming.style=nats).
package nats

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "orders.created", nil)         // fine
	bus.Emit(ctx, "orders.eu.shipped", nil)      // fine: three tokens
	bus.Emit(ctx, "acme.orders.eu.created", nil) // fine: four
	bus.Emit(ctx, "orders.create", nil)          // want `^event name "orders.create" does not end in a past-tense verb \("create"\): name it "orders.created"$`
	bus.Emit(ctx, "orders", nil)                 // want `^event name "orders" has 1 segment, want <2 to 4 segments>: name it <2 to 4 segments> in lowercase snake_case with a past-tense verb, e.g. "order.refunded"$`
	bus.Emit(ctx, "OrderCreated", nil)           // want `^event name "OrderCreated" has 1 segment, want <2 to 4 segments>: name it "order.created"$`
}
