// Package adapter implements ports.Publisher by forwarding to the bus.
package adapter

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type BusPublisher struct{}

func (BusPublisher) Publish(ctx context.Context, event string, payload any) {
	bus.Emit(ctx, event, payload)
}
