package bustest

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

// An Event is one recorded Emit: the event name and the payload as they
// were passed to Emit.
type Event struct {
	Name    string
	Payload any
}

// String returns the event as the Recorder's failure messages show it: the
// quoted name and the payload, a bus.Fields as its key=value pairs in key
// order, any other payload in Go syntax (%#v).
//
//	"employee.created" with employee_id=42 name="Ada"
//	"invoice.paid" with &billing.Invoice{ID:"INV-1", Amount:4200}
func (e Event) String() string {
	return strconv.Quote(e.Name) + " with " + describe(e.Payload)
}

// A Recorder holds the emits on one bus during a test, in the order the
// Emits started; see Record. Its methods are safe for concurrent use.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

// Record records every Emit on b from now until the test t ends, whether or
// not a handler is subscribed and whether or not the emits are dropped
// (see Drop). Handlers still run unless the test drops the emits. Calling
// Record again in the same test returns the same Recorder; a subtest that
// calls Record gets a Recorder of its own, and its emits are recorded by
// its parents' Recorders too.
//
// Record holds b for t (see the package documentation). The Recorder keeps
// the payloads themselves, not copies: a payload the code under test
// changes after emitting it is recorded as it is when the test looks.
func Record(t testing.TB, b *bus.Bus) *Recorder {
	t.Helper()
	h := take(t, b)
	mu.Lock()
	defer mu.Unlock()
	if h.rec == nil {
		h.rec = new(Recorder)
		apply(b)
	}
	return h.rec
}

func (r *Recorder) add(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

// Events returns the recorded emits, in order. The slice is the caller's.
func (r *Recorder) Events() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.events)
}

// WantOnce reports an error to t unless exactly one recorded emit of event
// has a payload that matches payload: a bus.Fields payload matches if it is
// a bus.Fields with every key of payload, each with a value equal by
// reflect.DeepEqual (keys payload does not mention are not compared); any
// other payload matches a recorded payload equal to it by
// reflect.DeepEqual. The error lists every recorded emit:
//
//	want "employee.created" emitted once with employee_id=42, got:
//		"employee.created" with employee_id=41 name="Ada"
func (r *Recorder) WantOnce(t testing.TB, event string, payload any) {
	t.Helper()
	events := r.Events()
	n := 0
	for _, e := range events {
		if e.Name == event && matches(e.Payload, payload) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want %q emitted once with %s, got:%s", event, describe(payload), list(events))
	}
}

// WantCount reports an error to t unless event was emitted n times, with
// any payloads. WantCount(t, event, 0) checks that it was not emitted.
func (r *Recorder) WantCount(t testing.TB, event string, n int) {
	t.Helper()
	events := r.Events()
	got := 0
	for _, e := range events {
		if e.Name == event {
			got++
		}
	}
	if got != n {
		times := strconv.Itoa(n) + " times"
		if n == 1 {
			times = "once"
		}
		t.Errorf("want %q emitted %s, got:%s", event, times, list(events))
	}
}

// WantEvents reports an error to t unless the recorded emits are, in order,
// of exactly the events named, with any payloads.
func (r *Recorder) WantEvents(t testing.TB, events ...string) {
	t.Helper()
	got := r.Events()
	if slices.EqualFunc(got, events, func(e Event, name string) bool { return e.Name == name }) {
		return
	}
	if len(events) == 0 {
		t.Errorf("want no emits, got:%s", list(got))
		return
	}
	quoted := make([]string, len(events))
	for i, name := range events {
		quoted[i] = strconv.Quote(name)
	}
	t.Errorf("want emits of %s in this order, got:%s", strings.Join(quoted, ", "), list(got))
}

// matches reports whether a recorded payload matches want (see WantOnce).
func matches(payload, want any) bool {
	wf, ok := want.(bus.Fields)
	if !ok {
		return reflect.DeepEqual(payload, want)
	}
	pf, ok := payload.(bus.Fields)
	if !ok {
		return false
	}
	for k, w := range wf {
		if p, ok := pf[k]; !ok || !reflect.DeepEqual(p, w) {
			return false
		}
	}
	return true
}

// list formats recorded emits for the end of a failure message, one per
// line after the message's first.
func list(events []Event) string {
	if len(events) == 0 {
		return " no emits"
	}
	var sb strings.Builder
	for _, e := range events {
		sb.WriteString("\n\t")
		sb.WriteString(e.String())
	}
	return sb.String()
}

// describe formats a payload for a failure message (see Event.String).
func describe(payload any) string {
	f, ok := payload.(bus.Fields)
	if !ok {
		return fmt.Sprintf("%#v", payload)
	}
	if len(f) == 0 {
		return "bus.Fields{}"
	}
	keys := slices.Sorted(maps.Keys(f))
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = k + "=" + fieldValue(f[k])
	}
	return strings.Join(pairs, " ")
}

// fieldValue formats one bus.Fields value. Values of the types an untyped
// constant defaults to print bare (42, "Ada", true, 1.5); other basic types
// print with their type (int64(42), hr.EmployeeID(42)), so that a failure
// caused by a value of the wrong type does not print two equal-looking
// values.
func fieldValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case string:
		return strconv.Quote(v)
	case int, float64, bool:
		return fmt.Sprint(v)
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.String:
		return fmt.Sprintf("%T(%q)", v, v)
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return fmt.Sprintf("%T(%v)", v, v)
	}
	return fmt.Sprintf("%#v", v)
}
