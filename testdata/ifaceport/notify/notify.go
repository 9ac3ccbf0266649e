// Package notify handles order.placed, which only orders emits.
package notify

import (
	"context"

	"example.com/lint/ifaceport/events"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On(events.OrderPlaced, func(ctx context.Context, n int) error { return nil })
}
