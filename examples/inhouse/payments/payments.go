// Package payments collects the payments of orders.
package payments

import (
	"context"

	"example.com/inhouse/events"
	"example.com/inhouse/pubsub"
)

// Capture collects the payment of order o and publishes it on pub.
func Capture(ctx context.Context, pub pubsub.Publisher, o *events.Order) error {
	return pub.Publish(ctx, events.PaymentCaptured, &events.Payment{OrderID: o.ID, Amount: o.Total})
}
