//go:build eventlint_robust

package buildtags

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// tagged is only compiled with -tags=eventlint_robust: without the tag
// its bad name is never analysed.
func tagged(ctx context.Context) {
	bus.Emit(ctx, "OrderTagged", nil)
}
