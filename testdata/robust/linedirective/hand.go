package linedirective

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func hand(ctx context.Context) {
	bus.Emit(ctx, "HandWritten", nil) // want `^event name "HandWritten" has 1 segment`
	//eventlint:ignore EL1001 checked by the parser team
	bus.Emit(ctx, "HandIgnored", nil)
}
