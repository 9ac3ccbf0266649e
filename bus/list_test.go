package bus_test

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/eventlint/eventlint/bus"
)

func TestHandlers(t *testing.T) {
	b := bus.New()
	if got := b.Handlers(); got == nil || len(got) != 0 {
		t.Fatalf("new bus: Handlers() = %#v, want an empty list", got)
	}
	m := &mailer{}
	bus.Subscribe(b, "employee.created", sendWelcomeMail)
	unsubscribe := bus.Subscribe(b, "employee.created", panicWithString)
	bus.Subscribe(b, "employee.created", m.send)
	bus.Subscribe(b, "employee.created", sendWelcomeMail)
	bus.Subscribe(b, "audit.logged", welcome)
	bus.Subscribe(b, "zebra.fed", sendWelcomeMail)

	want := []bus.EventHandlers{
		{Event: "audit.logged", Handlers: []string{pkg + ".welcome"}},
		{Event: "employee.created", Handlers: []string{
			pkg + ".sendWelcomeMail",
			pkg + ".panicWithString",
			pkg + ".(*mailer).send",
			pkg + ".sendWelcomeMail",
		}},
		{Event: "zebra.fed", Handlers: []string{pkg + ".sendWelcomeMail"}},
	}
	got := b.Handlers()
	if !slices.EqualFunc(got, want, equalEventHandlers) {
		t.Fatalf("Handlers() =\n%v\nwant\n%v", got, want)
	}

	// The list is the caller's: changing it changes nothing on the bus.
	got[1].Handlers[0] = "changed"
	got[0] = bus.EventHandlers{}
	if again := b.Handlers(); !slices.EqualFunc(again, want, equalEventHandlers) {
		t.Fatalf("after changing the returned list, Handlers() = %v", again)
	}

	unsubscribe()
	want[1].Handlers = slices.Delete(want[1].Handlers, 1, 2)
	if got := b.Handlers(); !slices.EqualFunc(got, want, equalEventHandlers) {
		t.Fatalf("after unsubscribe, Handlers() =\n%v\nwant\n%v", got, want)
	}

	js, err := json.Marshal(b.Handlers()[:1])
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"event":"audit.logged","handlers":["` + pkg + `.welcome"]}]`; string(js) != want {
		t.Errorf("JSON = %s, want %s", js, want)
	}

	b.Clear()
	if got := b.Handlers(); len(got) != 0 {
		t.Fatalf("after Clear, Handlers() = %v", got)
	}
}

func equalEventHandlers(a, b bus.EventHandlers) bool {
	return a.Event == b.Event && slices.Equal(a.Handlers, b.Handlers)
}

// Handlers names the handlers an Emit starting at that moment calls, in the
// order it calls them.
func TestHandlersAgreeWithEmit(t *testing.T) {
	b := bus.New()
	var called []string
	record := func(name string) {
		called = append(called, pkg+"."+name)
	}
	bus.Subscribe(b, "e", func(context.Context, *Employee) error { record("TestHandlersAgreeWithEmit.func2"); return nil })
	bus.Subscribe(b, "e", func(context.Context, *Employee) error { record("TestHandlersAgreeWithEmit.func3"); return nil })
	bus.Subscribe(b, "e", func(context.Context, *Employee) error { record("TestHandlersAgreeWithEmit.func4"); return nil })
	b.Emit(context.Background(), "e", &Employee{})
	list := b.Handlers()
	if len(list) != 1 || !slices.Equal(list[0].Handlers, called) {
		t.Fatalf("Handlers() = %v, Emit called %q", list, called)
	}
}

// TestHandlersIsASnapshot lists the bus while another goroutine subscribes
// handler after handler and then unsubscribes them in the same order. Every
// list must be one of the states the bus went through, never a mixture of
// two: the first k handlers while subscribing, the last k while
// unsubscribing.
func TestHandlersIsASnapshot(t *testing.T) {
	b := bus.New()
	handlers := []func(context.Context, *Employee) error{sendWelcomeMail, panicWithString, panicWithError, panicNilPointer}
	names := []string{pkg + ".sendWelcomeMail", pkg + ".panicWithString", pkg + ".panicWithError", pkg + ".panicNilPointer"}
	isState := func(l []bus.EventHandlers) bool {
		if len(l) == 0 {
			return true
		}
		if len(l) != 1 || l[0].Event != "e" {
			return false
		}
		h := l[0].Handlers
		return slices.Equal(h, names[:len(h)]) || slices.Equal(h, names[len(names)-len(h):])
	}

	var wg sync.WaitGroup
	stop := make(chan struct{})
	var lists sync.Map // one bad list per reader is enough to fail
	for reader := range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				if l := b.Handlers(); !isState(l) {
					lists.Store(reader, l)
					return
				}
			}
		})
	}
	for range 200 {
		var unsubscribe []func() bool
		for _, h := range handlers {
			unsubscribe = append(unsubscribe, bus.Subscribe(b, "e", h))
		}
		for _, u := range unsubscribe {
			u()
		}
	}
	close(stop)
	wg.Wait()
	lists.Range(func(_, l any) bool {
		t.Errorf("Handlers() returned a list that is no state of the bus: %v", l)
		return true
	})
}
