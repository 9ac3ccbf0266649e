// Package c handles the order events at init, and emits stock.reserved,
// which nothing linked into the command handles.
package c

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Order is the payload of the order events.
type Order struct{ ID int }

func init() {
	bus.On("order.created", created)
	bus.On("order.shipped", shipped)
}

func created(ctx context.Context, o *Order) error { return nil }

func shipped(ctx context.Context, o Order) error { return nil }

// Reserve reserves the stock of an order.
func Reserve(ctx context.Context, id int) {
	bus.Emit(ctx, "stock.reserved", id) // EL3001 in package main: no handler linked in
}
