// Package buildtags has files that are only analysed when their build
// constraint is satisfied.
package buildtags

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func plain(ctx context.Context) {
	bus.Emit(ctx, "order.created", nil)
	bus.Emit(ctx, "OrderPlain", nil) // want `^event name "OrderPlain" has 1 segment`
}
