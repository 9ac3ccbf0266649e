// Package d handles stock.reserved, but the command does not import it:
// the standalone command names it in EL3001 and offers the blank import,
// and reports it as EL3003; go vet can do neither.
package d

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("stock.reserved", reserved)
}

func reserved(ctx context.Context, id int) error { return nil }
