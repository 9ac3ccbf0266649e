package bus

import (
	"context"

	"github.com/eventlint/eventlint/bus/internal/testhook"
)

// The operations package bus/bustest needs to isolate a bus in a test, and
// to record and drop its emits. They are reachable only through an internal
// package, so that the bus's own API has nothing that exists for tests.
func init() {
	testhook.Save = func(b any) any {
		return b.(*Bus).subs.Load()
	}
	testhook.Restore = func(b any, state any) {
		bs := b.(*Bus)
		bs.mu.Lock()
		defer bs.mu.Unlock()
		bs.subs.Store(state.(*table))
	}
	testhook.SetTap = func(b any, tap func(context.Context, string, any), drop bool) {
		b.(*Bus).setHooks(func(h *hooks) { h.tap, h.drop = tap, drop })
	}
}
