//go:build ignore

package buildtags

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// ignored is never compiled: not analysed.
func ignored(ctx context.Context) {
	bus.Emit(ctx, "OrderIgnored", nil)
}
