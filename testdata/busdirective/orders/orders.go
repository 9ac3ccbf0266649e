// Package orders sees only the ports.Publisher interface.
package orders

import (
	"context"

	"example.com/lint/busdirective/ports"
)

type Order struct{ ID int }

func Place(ctx context.Context, p ports.Publisher, o *Order) error {
	return p.Publish(ctx, "OrderPlaced", o) // want `^event name "OrderPlaced" has 1 segment`
}

func Ship(ctx context.Context, p ports.Publisher, o *Order) error {
	return p.Publish(ctx, "order.shipped", o)
}

func Cancel(ctx context.Context, p ports.Publisher, o *Order, why string) error {
	return ports.Publisher.Publish(p, ctx, why+".cancelled", o) // want `^event name passed to`
}

func Listen(p ports.Publisher) {
	p.Subscribe("order.Refunded", func(ctx context.Context, data any) error { return nil }) // want `^event name "order.Refunded" segment "Refunded" is not lowercase snake_case`
}
