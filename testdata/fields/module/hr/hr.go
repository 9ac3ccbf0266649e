// Package hr emits shift.planned, which notify handles.
package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Plan(ctx context.Context, id int, starts, ends string) {
	bus.Emit(ctx, "shift.planned", bus.Fields{"shift_id": id, "starts": starts, "ends": ends})
}
