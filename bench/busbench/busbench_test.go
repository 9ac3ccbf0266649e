// Package busbench compares eventlint's bus with github.com/asaskevich/EventBus.
//
// It lives in its own module (bench/) so that the main module never depends
// on the library it is compared with. Run it from bench/:
//
//	go test -run='^$' -bench=. -benchmem ./...
package busbench

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"

	eventbus "github.com/asaskevich/EventBus"

	"github.com/eventlint/eventlint/bus"
)

const event = "employee.created"

// payload is what both buses deliver; every handler increments n, so both
// do the same work per handler: receive a pointer and bump a counter.
type payload struct{ n int }

var handlerCounts = []int{1, 10}

// otherEvents gives both buses the same 20 unrelated events, so that the
// lookup is not into a table of one.
func otherEvents(subscribe func(event string)) {
	for i := range 20 {
		subscribe("other.event." + strconv.Itoa(i))
	}
}

func BenchmarkEmit(b *testing.B) {
	b.Run("eventlint", func(b *testing.B) {
		for _, handlers := range handlerCounts {
			b.Run("handlers="+strconv.Itoa(handlers), func(b *testing.B) {
				bs := bus.New()
				h := func(_ context.Context, p *payload) error {
					p.n++
					return nil
				}
				for range handlers {
					bus.Subscribe(bs, event, h)
				}
				otherEvents(func(e string) { bus.Subscribe(bs, e, h) })
				ctx := context.Background()
				p := &payload{}
				b.ReportAllocs()
				for b.Loop() {
					bs.Emit(ctx, event, p)
				}
				checkCount(b, p.n, handlers)
			})
		}
	})
	b.Run("EventBus", func(b *testing.B) {
		for _, handlers := range handlerCounts {
			b.Run("handlers="+strconv.Itoa(handlers), func(b *testing.B) {
				eb := eventbus.New()
				h := func(p *payload) { p.n++ }
				for range handlers {
					if err := eb.Subscribe(event, h); err != nil {
						b.Fatal(err)
					}
				}
				otherEvents(func(e string) {
					if err := eb.Subscribe(e, h); err != nil {
						b.Fatal(err)
					}
				})
				p := &payload{}
				b.ReportAllocs()
				for b.Loop() {
					eb.Publish(event, p)
				}
				checkCount(b, p.n, handlers)
			})
		}
	})
}

// BenchmarkEmitParallel emits from GOMAXPROCS goroutines on one bus with one
// handler. Each goroutine has its own payload, so the only shared state is
// the bus itself.
func BenchmarkEmitParallel(b *testing.B) {
	b.Run("eventlint", func(b *testing.B) {
		bs := bus.New()
		bus.Subscribe(bs, event, func(_ context.Context, p *payload) error {
			p.n++
			return nil
		})
		ctx := context.Background()
		var total atomic.Int64
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			p := &payload{}
			for pb.Next() {
				bs.Emit(ctx, event, p)
			}
			total.Add(int64(p.n))
		})
		checkCount(b, int(total.Load()), 1)
	})
	b.Run("EventBus", func(b *testing.B) {
		eb := eventbus.New()
		if err := eb.Subscribe(event, func(p *payload) { p.n++ }); err != nil {
			b.Fatal(err)
		}
		var total atomic.Int64
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			p := &payload{}
			for pb.Next() {
				eb.Publish(event, p)
			}
			total.Add(int64(p.n))
		})
		checkCount(b, int(total.Load()), 1)
	})
}

// checkCount makes sure the handlers really ran, so that neither bus is
// credited for work it skipped.
func checkCount(b *testing.B, got, handlers int) {
	b.Helper()
	if want := b.N * handlers; got != want {
		b.Fatalf("handlers ran %d times, want %d", got, want)
	}
}
