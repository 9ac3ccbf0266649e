// Package lateinit registers its handler when asked to, not at init: a
// blank import would not help, and it is not reported as never running.
package lateinit

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Register() {
	bus.On("employee.deleted", func(ctx context.Context, e any) error { return nil }) // fine: registered by a call, not at init
}
