// Package blind sees no catalogue: without the -catalogue.require flag the
// catalogue checks have nothing to say about it.
package blind

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emit(ctx context.Context) {
	bus.Emit(ctx, "anything.happened", nil)                                           // fine: no catalogue is visible here
	bus.On("employee.craeted", func(ctx context.Context, p any) error { return nil }) // fine: no catalogue to compare the name with
}
