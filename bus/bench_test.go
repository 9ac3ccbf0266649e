package bus_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventlint/eventlint/bus"
)

type benchPayload struct{ n int }

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
			for b.Loop() {
				bs.Emit(ctx, "employee.created", p)
			}
			if p.n != b.N*handlers {
				b.Fatalf("handlers ran %d times, want %d", p.n, b.N*handlers)
			}
		})
	}
}

// BenchmarkEmitParallel emits from GOMAXPROCS goroutines at once, each with
// its own payload so the handler writes no shared memory. Emit takes no lock,
// so ns/op should fall roughly in proportion to -cpu.
func BenchmarkEmitParallel(b *testing.B) {
	bs := bus.New()
	bus.Subscribe(bs, "employee.created", countHandler)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		p := &benchPayload{}
		for pb.Next() {
			bs.Emit(ctx, "employee.created", p)
		}
	})
}

// BenchmarkEmitUnhandled is the cost of emitting an event nobody handles.
func BenchmarkEmitUnhandled(b *testing.B) {
	bs := bus.New()
	bus.Subscribe(bs, "employee.created", countHandler)
	ctx := context.Background()
	p := &benchPayload{}
	b.ReportAllocs()
	for b.Loop() {
		bs.Emit(ctx, "employee.deleted", p)
	}
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
	for b.Loop() {
		bs.Emit(ctx, "employee.created", f)
	}
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

// BenchmarkEmitObserver measures Emit with and without an observer, side by
// side in one run: observer=none is BenchmarkEmit's set-up, observer=counting
// adds an observer whose Start passes the context through and whose End
// counts the calls and adds up their durations, about the least an observer
// that records metrics does. Besides ns/op it reports cpu-ns/op, the
// process's CPU time per Emit, where the system provides it.
func BenchmarkEmitObserver(b *testing.B) {
	for _, handlers := range []int{1, 10} {
		for _, observed := range []bool{false, true} {
			name := "handlers=" + strconv.Itoa(handlers) + "/observer=none"
			if observed {
				name = "handlers=" + strconv.Itoa(handlers) + "/observer=counting"
			}
			b.Run(name, func(b *testing.B) {
				bs := newBenchBus(handlers)
				var calls, total atomic.Int64
				if observed {
					bs.SetObserver(bus.Observer{
						Start: func(ctx context.Context, _, _ string) context.Context { return ctx },
						End: func(_ context.Context, c bus.HandlerCall) {
							calls.Add(1)
							total.Add(int64(c.Duration))
						},
					})
				}
				ctx := context.Background()
				p := &benchPayload{}
				b.ReportAllocs()
				cpu0, cpuOK := cpuTime()
				for b.Loop() {
					bs.Emit(ctx, "employee.created", p)
				}
				if cpu1, ok := cpuTime(); ok && cpuOK {
					// On a shared machine ns/op includes the time other
					// processes held the CPU; this does not.
					b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
				}
				if p.n != b.N*handlers {
					b.Fatalf("handlers ran %d times, want %d", p.n, b.N*handlers)
				}
				if observed && calls.Load() != int64(b.N*handlers) {
					b.Fatalf("observer saw %d calls, want %d", calls.Load(), b.N*handlers)
				}
			})
		}
	}
}

// benchClockBase is what BenchmarkClockRead measures against, as the bus
// measures handler calls.
var benchClockBase = time.Now()

// BenchmarkClockRead is one read of the monotonic clock. An observed
// handler call makes two (see Bus.SetObserver), so on a machine where the
// clock is slow to read they are most of what an observer costs.
func BenchmarkClockRead(b *testing.B) {
	var total time.Duration
	cpu0, cpuOK := cpuTime()
	for b.Loop() {
		total += time.Since(benchClockBase)
	}
	if cpu1, ok := cpuTime(); ok && cpuOK {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
	if total < 0 {
		b.Fatal("the monotonic clock went backwards")
	}
}
