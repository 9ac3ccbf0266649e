// Package seeing sees the required catalogue through mid, without
// importing it itself: that is enough.
package seeing

import (
	"context"

	"example.com/lint/catalogue/mid"
	"github.com/eventlint/eventlint/bus"
)

func emit(ctx context.Context) {
	bus.Emit(ctx, mid.Created, mid.NewEmployee()) // fine: the required catalogue is visible and declares the event
}
