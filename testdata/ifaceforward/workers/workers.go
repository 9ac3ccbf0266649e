// Package workers subscribes to an event that only the interface call in
// jobs may emit.
package workers

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("job.finished", func(context.Context, any) error { return nil })
}
