// Package router subscribes under event names computed at run time.
package router

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func Route(names []string) {
	for _, n := range names {
		bus.On(n, func(ctx context.Context, id int) error { return nil })
	}
}

func Forward(ctx context.Context, name string, id int) { bus.Emit(ctx, "fwd."+name, id) }
