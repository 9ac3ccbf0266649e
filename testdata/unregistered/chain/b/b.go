package b

import (
	"context"

	_ "example.com/lint/unregistered/chain/c"
	"github.com/eventlint/eventlint/bus"
)

type Invoice struct{ Number int }

func Send(ctx context.Context, inv Invoice) {
	bus.Emit(ctx, "invoice.sent", inv)  // reported in package main: no handler in the program
	bus.Emit(ctx, "invoice.sent", &inv) // reported in package main: no handler in the program
	bus.Emit(ctx, "invoice.sent", nil)  // reported in package main: no handler in the program
	bus.Emit(ctx, "invoice.sent", 1)    // reported in package main: no handler in the program
}
