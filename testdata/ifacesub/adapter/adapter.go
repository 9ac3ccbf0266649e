// Package adapter implements ports.Subscriber with the bus.
package adapter

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Subscriber struct{}

func (Subscriber) Subscribe(event string, h func(context.Context, bus.Fields) error) {
	bus.On(event, h)
}
