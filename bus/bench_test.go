package bus_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

type benchPayload struct{ n int }

// startCPU starts measuring the CPU time per operation of b, which the
// returned function reports as cpu-ns/op where the system provides it. On a
// shared machine ns/op includes the time other processes held the CPU;
// cpu-ns/op, the process's CPU time (every thread's, user and system)
// divided by b.N, does not.
func startCPU(b *testing.B) (stop func()) {
	cpu0, ok := cpuTime()
	return func() {
		if cpu1, ok1 := cpuTime(); ok && ok1 {
			b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
		}
	}
}

// countHandler is the handler every benchmark subscribes: it does the least
// real work a handler can do, so the numbers measure the bus.
func countHandler(_ context.Context, p *benchPayload) error {
	p.n++
	return nil
}

// newBenchBus returns a bus with the given number of handlers of
// "employee.created", and 20 other events, which make the lookup realistic.
func newBenchBus(handlers int) *bus.Bus {
	bs := bus.New()
	for range handlers {
		bus.Subscribe(bs, "employee.created", countHandler)
	}
	for i := range 20 {
		bus.Subscribe(bs, "other.event."+strconv.Itoa(i), countHandler)
	}
	return bs
}

// BenchmarkEmit measures one Emit with a pointer payload and 1 or 10
// handlers. Targets: handlers=1 at most 15 ns/op, handlers=10 at most
// 40 ns/op, both with 0 allocs/op.
func BenchmarkEmit(b *testing.B) {
	for _, handlers := range []int{1, 10} {
		b.Run("handlers="+strconv.Itoa(handlers), func(b *testing.B) {
			bs := newBenchBus(handlers)
			ctx := context.Background()
			p := &benchPayload{}
			b.ReportAllocs()
			stop := startCPU(b)
			for b.Loop() {
				bs.Emit(ctx, "employee.created", p)
			}
			stop()
			if p.n != b.N*handlers {
				b.Fatalf("handlers ran %d times, want %d", p.n, b.N*handlers)
			}
		})
	}
}

// BenchmarkFloor is the physical floor under BenchmarkEmit: the same
// handlers, with the same context and payload, called directly through a
// slice of func values, with the same check of their errors. Nothing the bus
// does can be cheaper, so Emit is reported as a ratio to it (BENCHMARKS.md).
// Targets: Emit at most 3× this with one handler, at most 2× with ten.
func BenchmarkFloor(b *testing.B) {
	for _, handlers := range []int{1, 10} {
		b.Run("handlers="+strconv.Itoa(handlers), func(b *testing.B) {
			hs := make([]func(context.Context, *benchPayload) error, handlers)
			for i := range hs {
				hs[i] = countHandler
			}
			ctx := context.Background()
			p := &benchPayload{}
			b.ReportAllocs()
			stop := startCPU(b)
			for b.Loop() {
				if err := callAll(ctx, hs, p); err != nil {
					b.Fatal(err)
				}
			}
			stop()
			if p.n != b.N*handlers {
				b.Fatalf("handlers ran %d times, want %d", p.n, b.N*handlers)
			}
		})
	}
}

// callAll calls the handlers in hs with ctx and p, in order, until one
// fails, and returns its error. It is not inlined so that, like Emit, it is
// one call per iteration.
//
//go:noinline
func callAll(ctx context.Context, hs []func(context.Context, *benchPayload) error, p *benchPayload) error {
	for _, h := range hs {
		if err := h(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkEmitParallel emits from GOMAXPROCS goroutines at once, each with
// its own payload so the handler writes no shared memory. Emit takes no lock,
// so ns/op should fall roughly in proportion to -cpu.
func BenchmarkEmitParallel(b *testing.B) {
	bs := bus.New()
	bus.Subscribe(bs, "employee.created", countHandler)
	ctx := context.Background()
	b.ReportAllocs()
	stop := startCPU(b)
	b.RunParallel(func(pb *testing.PB) {
		p := &benchPayload{}
		for pb.Next() {
			bs.Emit(ctx, "employee.created", p)
		}
	})
	stop()
}

// BenchmarkEmitUnhandled is the cost of emitting an event nobody handles.
func BenchmarkEmitUnhandled(b *testing.B) {
	bs := bus.New()
	bus.Subscribe(bs, "employee.created", countHandler)
	ctx := context.Background()
	p := &benchPayload{}
	b.ReportAllocs()
	stop := startCPU(b)
	for b.Loop() {
		bs.Emit(ctx, "employee.deleted", p)
	}
	stop()
}

// BenchmarkEmitFields emits a Fields payload, the keyword style; a map is
// pointer-shaped, so this too should not allocate.
func BenchmarkEmitFields(b *testing.B) {
	bs := bus.New()
	n := 0
	bus.Subscribe(bs, "employee.created", func(_ context.Context, f bus.Fields) error {
		n += len(f)
		return nil
	})
	ctx := context.Background()
	f := bus.Fields{"id": 42, "name": "Ada"}
	b.ReportAllocs()
	stop := startCPU(b)
	for b.Loop() {
		bs.Emit(ctx, "employee.created", f)
	}
	stop()
}

// BenchmarkSubscribeUnsubscribe is the writer side: one subscribe plus one
// unsubscribe, each copying a table of 20 events.
func BenchmarkSubscribeUnsubscribe(b *testing.B) {
	bs := bus.New()
	for i := range 20 {
		bus.Subscribe(bs, "other.event."+strconv.Itoa(i), countHandler)
	}
	b.ReportAllocs()
	for b.Loop() {
		unsubscribe := bus.Subscribe(bs, "employee.created", countHandler)
		unsubscribe()
	}
}
