// Package orders emits only through the ports.Publisher interface: it
// sees neither the bus nor the implementation.
package orders

import (
	"context"

	"example.com/lint/iface/events"
	"example.com/lint/iface/ports"
)

type Order struct{ ID int }

type Service struct{ pub ports.Publisher }

func New(pub ports.Publisher) *Service { return &Service{pub: pub} }

func (s *Service) Place(ctx context.Context, o Order) {
	s.pub.Publish(ctx, events.OrderPlaced, o)
}

func (s *Service) Ship(ctx context.Context, o Order) {
	s.pub.Publish(ctx, "OrderShipped", o)
}
