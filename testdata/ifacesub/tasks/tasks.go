// Package tasks emits task.done on the bus.
package tasks

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Done(ctx context.Context, id string) {
	bus.Emit(ctx, "task.done", bus.Fields{"id": id})
}
