package emitter

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Receive(ctx context.Context, amount int) {
	bus.Emit(ctx, "payment.received", amount) // reported in package main: only its test links the handler
}
