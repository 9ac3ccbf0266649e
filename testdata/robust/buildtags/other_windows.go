package buildtags

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// windowsOnly is compiled for GOOS=windows only (file name suffix).
func windowsOnly(ctx context.Context) {
	bus.Emit(ctx, "OrderWindows", nil)
}
