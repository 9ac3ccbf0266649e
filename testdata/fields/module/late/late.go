// Package late emits shift.planned with a note; no command imports it.
package late

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Plan(ctx context.Context, id int, note string) {
	bus.Emit(ctx, "shift.planned", bus.Fields{"shift_id": id, "note": note})
}
