package generated

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func handwritten(ctx context.Context) {
	bus.Emit(ctx, "HandwrittenThing", nil) // want `^event name "HandwrittenThing" has 1 segment`
}
