// Package mailer mails customers when things happen to their orders. It
// plugs its subscriptions in at init: a command takes part by importing it.
package mailer

import (
	"context"
	"fmt"

	"example.com/inhouse/events"
	"example.com/inhouse/pubsub"
)

func init() {
	pubsub.Plug(func(s pubsub.Subscriber) {
		s.Subscribe(events.OrderPlaced, confirmOrder)
		// Mistake: the handler takes a Payment, but payment.captured
		// carries a *Payment: the bus skips it at every publish.
		s.Subscribe(events.PaymentCaptured, sendReceipt)
	})
}

func confirmOrder(ctx context.Context, o *events.Order) error {
	fmt.Printf("mail to %s: order %d received\n", o.Email, o.ID)
	return nil
}

func sendReceipt(ctx context.Context, p events.Payment) error {
	fmt.Printf("receipt for order %d: %.2f\n", p.OrderID, p.Amount)
	return nil
}
