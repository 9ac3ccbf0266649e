// Package ledger emits bus.Fields payloads whose keys are not known where
// they are emitted: the handlers reading them are not checked.
package ledger

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Close(ctx context.Context, f bus.Fields, key string) {
	bus.Emit(ctx, "ledger.closed", f)                        // built by the caller
	bus.Emit(ctx, "ledger.opened", bus.Fields{key: 1})       // a computed key
	bus.Emit(ctx, "ledger.audited", any(bus.Fields{"a": 1})) // an interface: any payload
}

func init() {
	bus.On("ledger.closed", func(ctx context.Context, f bus.Fields) error { _ = f["anything"]; return nil })
	bus.On("ledger.opened", func(ctx context.Context, f bus.Fields) error { _ = f["anything"]; return nil })
	bus.On("ledger.audited", func(ctx context.Context, f bus.Fields) error { _ = f["anything"]; return nil })
}
