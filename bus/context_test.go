package bus_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

// Emit calls every handler whatever the state of its context (see Emit):
// handlers are notifications and audit logs of something that has already
// happened, and each decides for itself what a cancelled context means.

func TestEmitWithCancelledContextCallsEveryHandler(t *testing.T) {
	for _, observed := range []bool{false, true} {
		t.Run(map[bool]string{false: "plain", true: "observed"}[observed], func(t *testing.T) {
			b, r := newRecordingBus()
			ends := 0
			if observed {
				b.SetObserver(bus.Observer{End: func(context.Context, bus.HandlerCall) { ends++ }})
			}
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			var seen []error
			bus.Subscribe(b, "e", func(ctx context.Context, _ *Employee) error {
				seen = append(seen, ctx.Err())
				return ctx.Err() // what a handler doing I/O with ctx would get
			})
			bus.Subscribe(b, "e", func(ctx context.Context, _ *Employee) error {
				seen = append(seen, ctx.Err())
				return nil // an audit log that writes regardless
			})
			b.Emit(ctx, "e", &Employee{})

			if want := []error{context.Canceled, context.Canceled}; !slices.Equal(seen, want) {
				t.Fatalf("handlers saw %v, want both called with the cancelled context", seen)
			}
			errs := r.errors()
			if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
				t.Fatalf("errors %v, want the first handler's context.Canceled", errs)
			}
			if observed && ends != 2 {
				t.Fatalf("observer saw %d handler calls, want 2", ends)
			}
		})
	}
}

func TestEmitContextCancelledByAHandler(t *testing.T) {
	b, r := newRecordingBus()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen []error
	bus.Subscribe(b, "e", func(ctx context.Context, _ *Employee) error {
		seen = append(seen, ctx.Err())
		cancel()
		return nil
	})
	bus.Subscribe(b, "e", func(ctx context.Context, _ *Employee) error {
		seen = append(seen, ctx.Err())
		// A handler whose work must outlive the request detaches from it.
		seen = append(seen, context.WithoutCancel(ctx).Err())
		return nil
	})
	b.Emit(ctx, "e", &Employee{})
	if want := []error{nil, context.Canceled, nil}; !slices.Equal(seen, want) {
		t.Fatalf("handlers saw %v, want %v", seen, want)
	}
	noErrors(t, r)
}

func TestUnhandledWithCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var got context.Context
	b := bus.New(bus.WithUnhandled(func(ctx context.Context, _ string, _ any) { got = ctx }))
	b.Emit(ctx, "nobody.listens", nil)
	if got != ctx {
		t.Fatal("WithUnhandled was not called with the cancelled context")
	}
}
