// Package orders imports neither the bus nor a catalogue nor the
// adapter: it reaches the bus only through ports.Publisher, and the
// standalone command does not analyse it.
package orders

import (
	"context"

	"example.com/lint/ifaceport/ports"
)

type Service struct{ Pub ports.Publisher }

func (s Service) Place(ctx context.Context) {
	s.Pub.Publish(ctx, "order.placed", 1)
}
