package bus_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventlint/eventlint/bus"
)

var soakDuration = flag.Duration("bus.soak", 2*time.Second,
	"how long TestSoak churns the bus (skipped with -short)")

// The churn tests run emitters, which Emit in a loop, against churners, which
// subscribe, wait a little and unsubscribe, all on one bus at once, and check
// every delivery against the documented guarantees.
//
// Each emitter numbers its Emits 1, 2, 3, ... and publishes, in atomic
// counters, the number of the Emit it has started and of the one it has
// finished. A churner reads those counters around Subscribe and unsubscribe,
// which gives, per emitter, the Emits that
//
//   - must reach the handler: started after Subscribe returned and finished
//     before unsubscribe was called;
//   - may reach it: the Emits overlapping Subscribe or unsubscribe;
//   - must not reach it: finished before Subscribe was called, or started
//     after unsubscribe returned.
//
// Because one emitter's Emits run one after another and each sees a
// subscription table at least as new as the previous one did, the Emits of
// one emitter that reach a handler are consecutive, each exactly once. The
// handler checks that as it goes; the churner checks the ranges when the
// subscription is over.

const (
	eventA    = "churn.a"
	eventB    = "churn.b"
	eventSide = "churn.side"
)

var errChurn = errors.New("churn failure")

type churnPayload struct {
	from int   // emitter index
	seq  int64 // the emitter's Emit number
}

type emitter struct {
	event             string
	started, finished atomic.Int64
	payload           churnPayload // written by the emitter before each Emit
}

func (e *emitter) run(b *bus.Bus, stop *atomic.Bool) {
	ctx := context.Background()
	for seq := int64(1); !stop.Load(); seq++ {
		e.started.Store(seq)
		e.payload.seq = seq
		b.Emit(ctx, e.event, &e.payload)
		e.finished.Store(seq)
		if seq%16 == 0 {
			// Without this, emitters hold the Ps for whole preemption time
			// slices and churners barely get to run.
			runtime.Gosched()
		}
	}
}

// deliveries is what one subscription got from one emitter. Only that
// emitter's goroutine writes it, from inside the handler.
type deliveries struct {
	first, last, count int64
	violation          string
}

type churnSub struct {
	event string
	got   []deliveries // per emitter
	// Per emitter: finished before Subscribe, started after Subscribe
	// returned, finished before unsubscribe, started after unsubscribe
	// returned.
	finBeforeSub, startAfterSub, finBeforeUnsub, startAfterUnsub []int64
	done                                                         atomic.Bool
	lateCalls                                                    *atomic.Int64
}

func (s *churnSub) handle(_ context.Context, p *churnPayload) error {
	if s.done.Load() {
		// Checked and over: any call now comes from an Emit that started
		// after unsubscribe returned.
		s.lateCalls.Add(1)
		return nil
	}
	d := &s.got[p.from]
	switch {
	case d.count == 0:
		d.first = p.seq
	case p.seq == d.last:
		d.violation = fmt.Sprintf("Emit %d delivered twice", p.seq)
	case p.seq != d.last+1:
		d.violation = fmt.Sprintf("Emit %d delivered after %d: %d..%d skipped", p.seq, d.last, d.last+1, p.seq-1)
	}
	d.last = p.seq
	d.count++
	return nil
}

type churnTest struct {
	bus       *bus.Bus
	emitters  []*emitter
	lateCalls atomic.Int64
	errs      atomic.Int64 // reported handler errors
	side      atomic.Int64 // deliveries of eventSide
	checked   atomic.Int64 // subscriptions checked
	mu        sync.Mutex
	failures  []string
}

func (c *churnTest) fail(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.failures) < 20 {
		c.failures = append(c.failures, fmt.Sprintf(format, args...))
	}
}

func (c *churnTest) read(f func(e *emitter) int64) []int64 {
	out := make([]int64, len(c.emitters))
	for i, e := range c.emitters {
		out[i] = f(e)
	}
	return out
}

func started(e *emitter) int64  { return e.started.Load() }
func finished(e *emitter) int64 { return e.finished.Load() }

func (c *churnTest) newSub(event string) *churnSub {
	return &churnSub{event: event, got: make([]deliveries, len(c.emitters)), lateCalls: &c.lateCalls}
}

// check compares what s got with the ranges of Emits recorded for it.
func (c *churnTest) check(s *churnSub) {
	c.checked.Add(1)
	for g, e := range c.emitters {
		if e.event != s.event {
			if s.got[g].count != 0 {
				c.fail("subscription to %s got %d Emits of %s", s.event, s.got[g].count, e.event)
			}
			continue
		}
		d := s.got[g]
		if d.violation != "" {
			c.fail("emitter %d: %s", g, d.violation)
		}
		mustFirst, mustLast := s.startAfterSub[g]+1, s.finBeforeUnsub[g]
		if mustFirst <= mustLast && (d.count == 0 || d.first > mustFirst || d.last < mustLast) {
			c.fail("emitter %d: Emits %d..%d must all be delivered, got %d in %d..%d",
				g, mustFirst, mustLast, d.count, d.first, d.last)
		}
		if d.count > 0 && (d.first <= s.finBeforeSub[g] || d.last > s.startAfterUnsub[g]) {
			c.fail("emitter %d: got Emits %d..%d, but only %d..%d may be delivered",
				g, d.first, d.last, s.finBeforeSub[g]+1, s.startAfterUnsub[g])
		}
	}
}

// churn runs emitters against churners until each churner has done cycles
// subscribe/unsubscribe cycles or until deadline, whichever comes first.
func churn(t *testing.T, cycles int, deadline time.Time) {
	c := &churnTest{}
	c.bus = bus.New(bus.WithErrorHandler(func(_ context.Context, err *bus.HandlerError) {
		if !errors.Is(err, errChurn) {
			c.fail("unexpected handler error: %v", err)
		}
		c.errs.Add(1)
	}))
	const numEmitters, numChurners = 4, 4
	for i := range numEmitters {
		e := &emitter{event: eventA}
		if i%2 == 1 {
			e.event = eventB
		}
		e.payload.from = i
		c.emitters = append(c.emitters, e)
	}

	// Subscriptions that live through the whole run must see every Emit of
	// their event. One of them re-emits on the same bus from inside the
	// handler, and one fails every time.
	zero := make([]int64, numEmitters)
	var permanent []*churnSub
	for _, event := range []string{eventA, eventB} {
		s := c.newSub(event)
		s.finBeforeSub, s.startAfterSub = zero, zero
		bus.Subscribe(c.bus, event, s.handle)
		permanent = append(permanent, s)
	}
	bus.Subscribe(c.bus, eventA, func(ctx context.Context, p *churnPayload) error {
		c.bus.Emit(ctx, eventSide, p)
		return nil
	})
	bus.Subscribe(c.bus, eventSide, func(context.Context, *churnPayload) error {
		c.side.Add(1)
		return nil
	})
	bus.Subscribe(c.bus, eventB, func(context.Context, *churnPayload) error { return errChurn })

	var stopEmitters atomic.Bool
	var emitters, churners sync.WaitGroup
	for _, e := range c.emitters {
		emitters.Go(func() { e.run(c.bus, &stopEmitters) })
	}
	for i := range numChurners {
		churners.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			for n := 0; n < cycles && time.Now().Before(deadline); n++ {
				event := eventA
				if rng.IntN(2) == 1 {
					event = eventB
				}
				s := c.newSub(event)
				s.finBeforeSub = c.read(finished)
				unsubscribe := bus.Subscribe(c.bus, event, s.handle)
				s.startAfterSub = c.read(started)

				if !c.bus.HasSubscribers(event) {
					c.fail("HasSubscribers(%s) = false with a live subscription", event)
				}
				for range rng.IntN(4) {
					runtime.Gosched() // let some Emits through
				}

				s.finBeforeUnsub = c.read(finished)
				if !unsubscribe() {
					c.fail("first unsubscribe returned false")
				}
				s.startAfterUnsub = c.read(started)
				if unsubscribe() {
					c.fail("second unsubscribe returned true")
				}

				// Emits that were in progress may still call the handler;
				// wait for them before reading what it got.
				for g, e := range c.emitters {
					for e.finished.Load() < s.startAfterUnsub[g] {
						runtime.Gosched()
					}
				}
				c.check(s)
				s.done.Store(true)
			}
		})
	}
	churners.Wait()
	stopEmitters.Store(true)
	emitters.Wait()

	final := c.read(finished)
	var emitsA, emitsB int64
	for g, e := range c.emitters {
		if e.event == eventA {
			emitsA += final[g]
		} else {
			emitsB += final[g]
		}
	}
	for _, s := range permanent {
		s.finBeforeUnsub, s.startAfterUnsub = final, final
		c.check(s)
	}
	if n := c.lateCalls.Load(); n != 0 {
		c.fail("%d handler calls from Emits that started after unsubscribe returned", n)
	}
	if got := c.side.Load(); got != emitsA {
		c.fail("re-entrant Emit from a handler: %d deliveries, want %d", got, emitsA)
	}
	if got := c.errs.Load(); got != emitsB {
		c.fail("failing handler: %d errors reported, want %d", got, emitsB)
	}
	for _, f := range c.failures {
		t.Error(f)
	}
	if emitsA == 0 || emitsB == 0 || c.checked.Load() < numChurners {
		t.Errorf("too little happened to prove anything: %d+%d Emits, %d subscriptions checked",
			emitsA, emitsB, c.checked.Load())
	}
	t.Logf("%d Emits, %d subscriptions checked", emitsA+emitsB, c.checked.Load())
}

// TestConcurrentEmitSubscribeUnsubscribe is the race-detector stress test:
// short enough for every run, including -short.
func TestConcurrentEmitSubscribeUnsubscribe(t *testing.T) {
	churn(t, 500, time.Now().Add(10*time.Second))
}

// TestSoak churns the bus for -bus.soak (2s by default) and also checks that
// the bus leaves no goroutine behind.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test skipped with -short")
	}
	before := runtime.NumGoroutine()
	churn(t, int(^uint(0)>>1), time.Now().Add(*soakDuration))

	// The test's own goroutines have returned (churn waited for them); give
	// the runtime a moment to retire them before counting.
	after := runtime.NumGoroutine()
	for wait := time.Now().Add(time.Second); after > before && time.Now().Before(wait); {
		time.Sleep(10 * time.Millisecond)
		after = runtime.NumGoroutine()
	}
	if after > before {
		t.Errorf("goroutines: %d before, %d after", before, after)
	}
}
