// Package versioned emits events whose last segment is a version
// (-naming.version).
package versioned

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "object.deleted.v2", nil) // fine
	bus.Emit(ctx, "object.created", nil)    // fine: the version is optional
	bus.Emit(ctx, "object.delete.v2", nil)  // want `^event name "object.delete.v2" does not end in a past-tense verb \("delete"\): name it "object.deleted.v2"$`
	bus.Emit(ctx, "object.v2", nil)         // want `^event name "object.v2" has 1 segment, want <aggregate>.<verb>\[.v<n>\]: name it .*$`
}
