// Package generics forwards event names through generic wrappers.
package generics

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Publish is a generic wrapper of bus.Emit: its callers are the sites.
func Publish[T any](ctx context.Context, name string, p T) {
	bus.Emit(ctx, name, p)
}

// Typed is a generic type whose method forwards the name.
type Typed[T any] struct{ b *bus.Bus }

func (t Typed[T]) Send(ctx context.Context, name string, p T) {
	t.b.Emit(ctx, name, p)
}

// Handle is a generic wrapper of bus.On.
func Handle[T any](name string, h func(context.Context, T) error) {
	bus.On(name, h)
}

type Order struct{ ID int }

const badName = "OrderPlaced"

func callers(ctx context.Context, t Typed[*Order]) {
	Publish(ctx, "order.placed", &Order{})
	Publish(ctx, badName, &Order{})      // want `^event name "OrderPlaced" has 1 segment, want <aggregate>\.<verb>: name it "order\.placed"$`
	Publish[int](ctx, "order.cancel", 1) // want `^event name "order\.cancel" does not end in a past-tense verb \("cancel"\): name it "order\.canceled"$`
	pub := Publish[string]
	pub(ctx, "Order.Shipped", "") // want `^event name "Order\.Shipped" segment "Order" is not lowercase snake_case: name it "order\.shipped"$`
	t.Send(ctx, "order.paid", &Order{})
	t.Send(ctx, "PaidOrder", &Order{}) // want `^event name "PaidOrder" has 1 segment`
	Handle("order.placed", func(ctx context.Context, o *Order) error { return nil })
	Handle("order.place", func(ctx context.Context, o *Order) error { return nil }) // want `^event name "order\.place" does not end in a past-tense verb`
}
