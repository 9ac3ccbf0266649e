// Package busadapter implements ports.Publisher by forwarding to the bus.
package busadapter

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Publisher struct{}

// Publish is a wrapper: its callers' names reach the bus.
func (Publisher) Publish(ctx context.Context, event string, payload any) {
	bus.Emit(ctx, event, payload)
}
