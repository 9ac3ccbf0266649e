package c

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("order.created", handleOrder) // fine: a emits it with a string
}

func handleOrder(ctx context.Context, id string) error { return nil }
