// Package path emits events named as containerd names its topics:
// /<aggregate>/<action> in lowercase kebab-case (-naming.style=path).
package path

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "/tasks/exit", nil)       // fine
	bus.Emit(ctx, "/tasks/exec-added", nil) // fine: kebab-case
	bus.Emit(ctx, "/images/delete", nil)    // fine: the style has no tense rule
	bus.Emit(ctx, "tasks/exit", nil)        // want `^event name "tasks/exit" does not start with "/": name it "/tasks/exit"$`
	bus.Emit(ctx, "/tasks/exec_added", nil) // want `^event name "/tasks/exec_added" segment "exec_added" is not lowercase kebab-case: name it "/tasks/exec-added"$`
	bus.Emit(ctx, "/containers", nil)       // want `^event name "/containers" has 1 segment, want /<aggregate>/<verb>: name it /<aggregate>/<verb> in lowercase kebab-case, e.g. "/order/refunded"$`
	bus.Emit(ctx, "containers.create", nil) // want `^event name "containers.create" does not start with "/": name it "/containers/create"$`
}
