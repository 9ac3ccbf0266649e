package handler

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("payment.received", func(ctx context.Context, amount int) error { return nil }) // linked into the tests of main only
}
