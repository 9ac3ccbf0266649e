// Package bustest helps test code that uses package bus: it isolates a bus
// for one test, records what the test emits, and drops emits.
//
// Tests should not call Clear on the Default bus to start from a clean
// state: handler packages subscribe from their init functions, which run
// once per test binary, so a cleared Default bus stays without those
// handlers for every later test. Isolate and IsolateCopy give a test its
// own view of a bus and put the bus back as it was when the test ends,
// whether it passes, fails or panics.
//
// This package is a separate import from package bus, so programs that use
// the bus do not link it or package testing.
//
// # A bus is held by one test at a time
//
// Isolate, IsolateCopy, Drop and Record change what a bus does for every
// goroutine that uses it, so each of them holds the bus for the test that
// calls it, until that test ends. At the test's cleanup the bus gets back
// the subscriptions and the observer it had when the test first passed it
// to this package, and recording and dropping stop; subscriptions made
// during the test are dropped then, and their unsubscribe functions return
// false.
//
// While one test holds a bus, its subtests may use the bus through this
// package too, each holding it in turn and putting it back as the subtest
// found it. Any other test that passes the same bus to this package fails
// at once, with a message naming both tests: that is what happens when two
// tests that use the Default bus call t.Parallel. Tests that each use their
// own bus, made with bus.New, may run in parallel freely. This package
// cannot see a test that uses a held bus directly, without it; such a test
// should not run in parallel with one that holds the bus.
//
// Handlers that a test run lazily subscribes (from a sync.Once, say) while
// it holds the Default bus are dropped at the test's cleanup like any other
// subscription made during the test.
//
// # How it works
//
// A bus keeps its subscriptions and its observer in an immutable table that
// every change replaces, so isolating a bus is keeping the table it had and
// putting it back. Recording and dropping are two more fields of that table,
// which Emit already reads. Package bus gives this package those three
// operations through an internal package rather than exported methods: the
// bus's API has nothing that exists only for tests, no program can record
// or drop emits by accident, and a bus that no test touches pays for them
// only the one check per Emit that it pays for the observer.
package bustest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/eventlint/eventlint/bus"
	"github.com/eventlint/eventlint/bus/internal/testhook"
)

// Isolate removes every subscription from b for the rest of the test t, so
// that the test starts from an empty bus and sees only the handlers it
// subscribes itself. When t ends, b gets its subscriptions back (see the
// package documentation).
func Isolate(t testing.TB, b *bus.Bus) {
	t.Helper()
	take(t, b)
	b.Clear()
}

// IsolateCopy lets the test t change b's subscriptions, starting from the
// ones b has now, without the change outliving the test: when t ends, b
// gets back the subscriptions it had when the test first passed it to this
// package (see the package documentation).
func IsolateCopy(t testing.TB, b *bus.Bus) {
	t.Helper()
	take(t, b)
}

// Drop makes every Emit on b, for the rest of the test t, return without
// calling a handler or the function set with bus.WithUnhandled: the emits
// are dropped, as if the code under test called a no-op instead of
// bus.Emit. The subscriptions stay, and a Recorder still records the
// dropped emits. When t ends, Emit calls handlers again.
func Drop(t testing.TB, b *bus.Bus) {
	t.Helper()
	h := take(t, b)
	mu.Lock()
	defer mu.Unlock()
	h.drop = true
	apply(b)
}

// hold is one test's hold on a bus.
type hold struct {
	t     testing.TB
	saved any // the bus's state when t took it, for testhook.Restore
	rec   *Recorder
	drop  bool
}

var (
	// mu guards holds and serialises the changes this package makes to a
	// bus's tap.
	mu sync.Mutex
	// holds lists, per bus, the tests holding it, outermost first: a
	// test, then a subtest of it, and so on.
	holds = map[*bus.Bus][]*hold{}
)

// take returns t's hold on b, taking the bus for t if t does not hold it
// yet, and fails t if another test holds it.
func take(t testing.TB, b *bus.Bus) *hold {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	stack := holds[b]
	if n := len(stack); n > 0 {
		top := stack[n-1]
		if top.t == t {
			return top
		}
		if !strings.HasPrefix(t.Name(), top.t.Name()+"/") {
			t.Fatalf("bustest: %s cannot use %s: %s holds it until it ends; tests that use the same bus through bustest must not run in parallel",
				t.Name(), busName(b), top.t.Name())
		}
	}
	h := &hold{t: t, saved: testhook.Save(b)}
	holds[b] = append(stack, h)
	t.Cleanup(func() { release(b, h) })
	return h
}

// release ends h, putting b back as h found it.
func release(b *bus.Bus, h *hold) {
	mu.Lock()
	defer mu.Unlock()
	stack := holds[b]
	for i, other := range stack {
		if other == h {
			// A hold's subtests end before it, so it is the innermost.
			stack = stack[:i]
			break
		}
	}
	if len(stack) == 0 {
		delete(holds, b)
	} else {
		holds[b] = stack
	}
	testhook.Restore(b, h.saved)
}

// apply sets b's tap from the holds on it: every Recorder of the test and
// its parents records, and the emits are dropped if any of them drops
// them. mu must be held.
func apply(b *bus.Bus) {
	var recs []*Recorder
	drop := false
	for _, h := range holds[b] {
		if h.rec != nil {
			recs = append(recs, h.rec)
		}
		drop = drop || h.drop
	}
	var tap func(context.Context, string, any)
	if len(recs) > 0 {
		tap = func(_ context.Context, event string, payload any) {
			for _, r := range recs {
				r.add(Event{Name: event, Payload: payload})
			}
		}
	}
	testhook.SetTap(b, tap, drop)
}

// busName names b in failure messages.
func busName(b *bus.Bus) string {
	if b == bus.Default() {
		return "bus.Default()"
	}
	return fmt.Sprintf("bus %p", b)
}
