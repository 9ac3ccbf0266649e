package bus_test

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventlint/eventlint/bus"
)

// The benchmarks of the observer are apart from bench_test.go so that those
// of Emit can be run against the bus as it was before SetObserver existed
// (BENCHMARKS.md).

// BenchmarkEmitObserver measures Emit with and without an observer, side by
// side in one run: observer=none is BenchmarkEmit's set-up, observer=counting
// adds an observer whose Start passes the context through and whose End
// counts the calls and adds up their durations, about the least an observer
// that records metrics does.
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
				stop := startCPU(b)
				for b.Loop() {
					bs.Emit(ctx, "employee.created", p)
				}
				stop()
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
	stop := startCPU(b)
	for b.Loop() {
		total += time.Since(benchClockBase)
	}
	stop()
	if total < 0 {
		b.Fatal("the monotonic clock went backwards")
	}
}
