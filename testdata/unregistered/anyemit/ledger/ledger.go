package ledger

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Close(ctx context.Context, kind string) {
	bus.Emit(ctx, kind+".closed", nil) // a computed name: may be any event
}
