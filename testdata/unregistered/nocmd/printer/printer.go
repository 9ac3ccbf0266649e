// Package printer emits; the module has no command and no root.
package printer

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Print(ctx context.Context, doc string) {
	bus.Emit(ctx, "doc.printed", doc) // fine: printer is no program, so nothing is checked against its imports
}
