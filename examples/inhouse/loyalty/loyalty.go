// Package loyalty awards points for shipped orders. Mistake: no command
// imports it, so its subscription is never made and order.shipped reaches no
// handler.
package loyalty

import (
	"context"
	"fmt"

	"example.com/inhouse/events"
	"example.com/inhouse/pubsub"
)

func init() {
	pubsub.Plug(func(s pubsub.Subscriber) {
		s.Subscribe(events.OrderShipped, award)
	})
}

func award(ctx context.Context, o *events.Order) error {
	fmt.Printf("%s earns %d points\n", o.Email, int(o.Total))
	return nil
}
