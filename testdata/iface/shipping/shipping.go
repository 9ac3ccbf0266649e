// Package shipping handles the order events at init.
package shipping

import (
	"context"

	"example.com/lint/iface/events"
	"example.com/lint/iface/orders"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On(events.OrderPlaced, func(ctx context.Context, o orders.Order) error { return nil })
	bus.On(events.OrderShipped, func(ctx context.Context, o orders.Order) error { return nil })
}
