// Package b emits the order events; their handlers are in c.
package b

import (
	"context"

	"example.com/vetchain/c"
	"github.com/eventlint/eventlint/bus"
)

// Place places an order and ships it.
func Place(ctx context.Context, id int) {
	o := &c.Order{ID: id}
	bus.Emit(ctx, "order.created", o) // fine: c handles it with *c.Order
	bus.Emit(ctx, "order.shipped", o) // c's handler takes c.Order: EL3002 in package main
	c.Reserve(ctx, id)
}
