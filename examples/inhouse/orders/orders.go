// Package orders takes the customers' orders.
package orders

import (
	"context"

	"example.com/inhouse/events"
	"example.com/inhouse/pubsub"
)

// Service takes orders and tells the rest of the shop about them.
type Service struct {
	pub pubsub.Publisher
}

// New returns a service publishing on pub.
func New(pub pubsub.Publisher) *Service {
	return &Service{pub: pub}
}

// Place takes an order.
func (s *Service) Place(ctx context.Context, id int, email string, total float64) (*events.Order, error) {
	o := &events.Order{ID: id, Email: email, Total: total}
	return o, s.pub.Publish(ctx, events.OrderPlaced, o)
}

// Cancel cancels an order.
func (s *Service) Cancel(ctx context.Context, o *events.Order) error {
	// Mistake: a name in the wrong shape, missing from the catalogue, and
	// nothing subscribes to it.
	return s.pub.Publish(ctx, "OrderCanceled", o)
}
