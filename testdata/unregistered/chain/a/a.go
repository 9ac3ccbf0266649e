package a

import (
	"context"

	_ "example.com/lint/unregistered/chain/b"
	"github.com/eventlint/eventlint/bus"
)

func Create(ctx context.Context, id string) {
	bus.Emit(ctx, "order.created", id) // fine: c, linked in through b, handles it
}
