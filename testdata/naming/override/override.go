// Package override is checked with -naming.style=nats and
// -naming.past-tense=false: the flag wins over the style.
package override

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "orders.create", nil)  // fine: no tense rule
	bus.Emit(ctx, "orders.eu.ship", nil) // fine: three tokens, as the style allows
	bus.Emit(ctx, "Orders.create", nil)  // want `^event name "Orders.create" segment "Orders" is not lowercase snake_case: name it "orders.create"$`
}
