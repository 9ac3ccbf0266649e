// Package jobs passes its callers' names on through the interface: they
// are not followed, so the emit counts as one under a computed name.
package jobs

import (
	"context"

	"example.com/lint/ifaceforward/ports"
	"github.com/eventlint/eventlint/bus"
)

type Runner struct{ out ports.Emitter }

func New(out ports.Emitter) *Runner { return &Runner{out: out} }

func (r *Runner) Finish(ctx context.Context, event string) {
	r.out.Emit(ctx, event, nil)
}

// Done is a wrapper of the bus, as usual.
func Done(ctx context.Context, b *bus.Bus, event string) { b.Emit(ctx, event, nil) }
