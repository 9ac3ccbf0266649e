// Package shipping sends orders out of the warehouse.
package shipping

import (
	"context"

	"example.com/inhouse/events"
	"example.com/inhouse/pubsub"
)

// Warehouse ships orders.
type Warehouse struct {
	pub pubsub.Publisher
}

// NewWarehouse returns a warehouse publishing on pub.
func NewWarehouse(pub pubsub.Publisher) *Warehouse {
	return &Warehouse{pub: pub}
}

// Ship sends order o.
func (w *Warehouse) Ship(ctx context.Context, o *events.Order) error {
	return w.pub.Publish(ctx, events.OrderShipped, o)
}
