// Package adapter implements ports.Emitter with the bus.
package adapter

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Emitter struct{ B *bus.Bus }

func (e *Emitter) Emit(ctx context.Context, event string, payload any) {
	e.B.Emit(ctx, event, payload)
}
