package bus_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventlint/eventlint/bus"
)

// spanKey is the context key under which the test observers store the
// handler their Start was called for, the way a tracer stores its span.
type spanKey struct{}

// callLog is an observer and an error handler that log, in order, every call
// they and the handlers get.
type callLog struct {
	mu    sync.Mutex
	log   []string
	calls []bus.HandlerCall
	errs  []*bus.HandlerError
}

func (l *callLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.log = append(l.log, fmt.Sprintf(format, args...))
}

func (l *callLog) got() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.log)
}

func (l *callLog) observer() bus.Observer {
	return bus.Observer{
		Start: func(ctx context.Context, event, handler string) context.Context {
			l.add("start %s %s", event, short(handler))
			return context.WithValue(ctx, spanKey{}, handler)
		},
		End: func(ctx context.Context, c bus.HandlerCall) {
			if span := ctx.Value(spanKey{}); span != c.Handler {
				l.add("end with the context of %v, not of %s", span, short(c.Handler))
			}
			l.mu.Lock()
			l.calls = append(l.calls, c)
			l.mu.Unlock()
			l.add("end %s %s err=%v", c.Event, short(c.Handler), c.Err != nil)
		},
	}
}

func (l *callLog) onError(_ context.Context, err *bus.HandlerError) {
	l.mu.Lock()
	l.errs = append(l.errs, err)
	l.mu.Unlock()
	l.add("error %s", short(err.Handler))
}

// short strips the test package's path from a handler name.
func short(handler string) string {
	if len(handler) > len(pkg)+1 && handler[:len(pkg)+1] == pkg+"." {
		return handler[len(pkg)+1:]
	}
	return handler
}

func welcome(ctx context.Context, e *Employee) error {
	if ctx.Value(spanKey{}) != pkg+".welcome" {
		return errors.New("welcome did not get the context Start returned")
	}
	return nil
}

func TestObserverSeesEveryHandlerCall(t *testing.T) {
	l := new(callLog)
	b := bus.New(bus.WithErrorHandler(l.onError))
	b.SetObserver(l.observer())
	bus.Subscribe(b, "employee.created", welcome)
	bus.Subscribe(b, "employee.created", sendWelcomeMail)
	bus.Subscribe(b, "employee.created", panicWithString)
	bus.Subscribe(b, "employee.created", func(context.Context, *Patient) error {
		t.Error("handler taking *Patient was called with an *Employee")
		return nil
	})

	before := time.Now()
	b.Emit(context.Background(), "employee.created", &Employee{})
	total := time.Since(before)

	want := []string{
		"start employee.created welcome",
		"end employee.created welcome err=false",
		"start employee.created sendWelcomeMail",
		"end employee.created sendWelcomeMail err=true",
		"error sendWelcomeMail",
		"start employee.created panicWithString",
		"end employee.created panicWithString err=true",
		"error panicWithString",
		"start employee.created TestObserverSeesEveryHandlerCall.func1",
		"end employee.created TestObserverSeesEveryHandlerCall.func1 err=true",
		"error TestObserverSeesEveryHandlerCall.func1",
	}
	if got := l.got(); !slices.Equal(got, want) {
		t.Fatalf("calls:\n%q\nwant:\n%q", got, want)
	}
	if l.calls[0].Err != nil {
		t.Errorf("a handler that returned nil has End Err %#v, want untyped nil", l.calls[0].Err)
	}
	for i, c := range l.calls {
		if c.Duration < 0 || c.Duration > total {
			t.Errorf("call %d: Duration %v is not within the Emit's %v", i, c.Duration, total)
		}
		if i == 0 {
			continue // succeeded
		}
		// End gets the very *HandlerError the error handler gets next.
		var herr *bus.HandlerError
		if !errors.As(c.Err, &herr) || herr != l.errs[i-1] {
			t.Errorf("call %d: End Err %v is not the error handler's %v", i, c.Err, l.errs[i-1])
		}
	}
	if !errors.Is(l.calls[1].Err, errWelcome) {
		t.Errorf("returned error: End Err = %v, want errWelcome", l.calls[1].Err)
	}
	if herr := l.errs[1]; herr.Panic != "boom" || len(herr.Stack) == 0 {
		t.Errorf("panic: Panic %v, %d bytes of stack", herr.Panic, len(herr.Stack))
	}
}

func TestObserverNotCalledWithoutHandlers(t *testing.T) {
	l := new(callLog)
	unhandled := 0
	b := bus.New(bus.WithUnhandled(func(context.Context, string, any) { unhandled++ }))
	b.SetObserver(l.observer())
	b.Emit(context.Background(), "nobody.listens", nil)
	if got := l.got(); len(got) != 0 || unhandled != 1 {
		t.Fatalf("observer calls %q, unhandled calls %d; want none and 1", got, unhandled)
	}
}

func TestObserverStartOrEndMayBeNil(t *testing.T) {
	var starts, ends int
	b := bus.New()
	bus.Subscribe(b, "e", func(context.Context, *Employee) error { return nil })
	b.SetObserver(bus.Observer{Start: func(ctx context.Context, _, _ string) context.Context {
		starts++
		return ctx
	}})
	b.Emit(context.Background(), "e", &Employee{})
	b.SetObserver(bus.Observer{End: func(context.Context, bus.HandlerCall) { ends++ }})
	b.Emit(context.Background(), "e", &Employee{})
	if starts != 1 || ends != 1 {
		t.Fatalf("starts %d, ends %d; want 1, 1", starts, ends)
	}
}

func TestSetObserverTakesEffectWithTheNextEmit(t *testing.T) {
	first, second := new(callLog), new(callLog)
	b := bus.New(bus.WithErrorHandler(func(_ context.Context, err *bus.HandlerError) { t.Error(err) }))
	b.SetObserver(first.observer())
	switched := false
	bus.Subscribe(b, "e", func(ctx context.Context, e *Employee) error {
		if !switched {
			switched = true
			b.SetObserver(second.observer())
		}
		return nil
	})
	bus.Subscribe(b, "e", welcome)

	// The Emit that switches observers keeps the one it started with.
	b.Emit(context.Background(), "e", &Employee{})
	if n1, n2 := len(first.got()), len(second.got()); n1 != 4 || n2 != 0 {
		t.Fatalf("switching Emit: first observer %d calls, second %d; want 4, 0", n1, n2)
	}
	b.Emit(context.Background(), "e", &Employee{})
	if n1, n2 := len(first.got()), len(second.got()); n1 != 4 || n2 != 4 {
		t.Fatalf("next Emit: first observer %d calls, second %d; want 4, 4", n1, n2)
	}

	// Clear removes handlers, not the observer.
	b.Clear()
	bus.Subscribe(b, "e", welcome)
	b.Emit(context.Background(), "e", &Employee{})
	if n := len(second.got()); n != 6 {
		t.Fatalf("after Clear: second observer %d calls, want 6", n)
	}

	// The zero Observer removes it.
	b.SetObserver(bus.Observer{})
	b.Clear()
	bus.Subscribe(b, "e", func(context.Context, *Employee) error { return nil })
	b.Emit(context.Background(), "e", &Employee{})
	if n := len(second.got()); n != 6 {
		t.Fatalf("after SetObserver(Observer{}): %d calls, want still 6", n)
	}
}

func TestObserverSeesEmitsFromHandlers(t *testing.T) {
	l := new(callLog)
	b := bus.New()
	b.SetObserver(l.observer())
	bus.Subscribe(b, "outer", func(ctx context.Context, e *Employee) error {
		b.Emit(ctx, "inner", e)
		return nil
	})
	bus.Subscribe(b, "inner", func(ctx context.Context, e *Employee) error {
		if ctx.Value(spanKey{}) == nil {
			return errors.New("inner handler lost the context of the outer one")
		}
		return nil
	})
	b.Emit(context.Background(), "outer", &Employee{})
	want := []string{
		"start outer TestObserverSeesEmitsFromHandlers.func1",
		"start inner TestObserverSeesEmitsFromHandlers.func2",
		"end inner TestObserverSeesEmitsFromHandlers.func2 err=false",
		"end outer TestObserverSeesEmitsFromHandlers.func1 err=false",
	}
	if got := l.got(); !slices.Equal(got, want) {
		t.Fatalf("calls:\n%q\nwant:\n%q", got, want)
	}
}

func TestObserverEndNotCalledAfterGoexit(t *testing.T) {
	l := new(callLog)
	b := bus.New()
	b.SetObserver(l.observer())
	bus.Subscribe(b, "e", func(context.Context, *Employee) error {
		runtime.Goexit()
		return nil
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.Emit(context.Background(), "e", &Employee{})
	}()
	<-done
	if got, want := l.got(), []string{"start e TestObserverEndNotCalledAfterGoexit.func1"}; !slices.Equal(got, want) {
		t.Fatalf("calls %q, want %q", got, want)
	}
}

func TestObservedEmitDoesNotAllocate(t *testing.T) {
	b := bus.New()
	var n atomic.Int64
	b.SetObserver(bus.Observer{
		Start: func(ctx context.Context, _, _ string) context.Context { return ctx },
		End:   func(_ context.Context, c bus.HandlerCall) { n.Add(int64(c.Duration)) },
	})
	for range 3 {
		bus.Subscribe(b, "employee.created", func(context.Context, *Employee) error { return nil })
	}
	ctx := context.Background()
	emp := &Employee{}
	allocs := testing.AllocsPerRun(1000, func() {
		b.Emit(ctx, "employee.created", emp)
		b.Emit(ctx, "unhandled", emp)
	})
	if allocs != 0 {
		t.Fatalf("observed Emit allocated %v times per run, want 0", allocs)
	}
}

// TestObserverWithConcurrentSubscribeUnsubscribe emits from several
// goroutines on an observed bus whose handlers subscribe and unsubscribe,
// themselves and others, while the observer is switched on and off. Under
// -race it checks that none of that needs a lock the bus does not take; and
// every End must pair with the Start of the same handler call.
func TestObserverWithConcurrentSubscribeUnsubscribe(t *testing.T) {
	b := bus.New(bus.WithErrorHandler(func(_ context.Context, err *bus.HandlerError) {
		t.Errorf("handler failed: %v", err)
	}))
	var starts, ends, unpaired atomic.Int64
	observer := bus.Observer{
		Start: func(ctx context.Context, event, handler string) context.Context {
			starts.Add(1)
			return context.WithValue(ctx, spanKey{}, event+" "+handler)
		},
		End: func(ctx context.Context, c bus.HandlerCall) {
			ends.Add(1)
			if ctx.Value(spanKey{}) != c.Event+" "+c.Handler {
				unpaired.Add(1)
			}
		},
	}
	b.SetObserver(observer)

	// A handler of "churn" subscribes a short-lived handler, emits to it and
	// unsubscribes it; one of "self" unsubscribes itself and subscribes a
	// successor.
	bus.Subscribe(b, "churn", func(ctx context.Context, e *Employee) error {
		unsubscribe := bus.Subscribe(b, "temp", func(context.Context, *Employee) error { return nil })
		b.Emit(ctx, "temp", e)
		if !unsubscribe() {
			return errors.New("temp handler was already unsubscribed")
		}
		return nil
	})
	var self func(context.Context, *Employee) error
	var selfUnsub atomic.Pointer[func() bool]
	self = func(context.Context, *Employee) error {
		if u := selfUnsub.Swap(nil); u != nil && (*u)() {
			next := bus.Subscribe(b, "self", self)
			selfUnsub.Store(&next)
		}
		return nil
	}
	first := bus.Subscribe(b, "self", self)
	selfUnsub.Store(&first)

	const goroutines, emits = 4, 300
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range emits {
				b.Emit(context.Background(), "churn", &Employee{})
				b.Emit(context.Background(), "self", &Employee{})
			}
		})
	}
	wg.Go(func() {
		for i := range emits {
			if i%2 == 0 {
				b.SetObserver(bus.Observer{})
			} else {
				b.SetObserver(observer)
			}
			b.Handlers()
		}
	})
	wg.Wait()

	if s, e := starts.Load(), ends.Load(); s != e || s == 0 {
		t.Errorf("%d Starts, %d Ends; want as many, and some", s, e)
	}
	if n := unpaired.Load(); n != 0 {
		t.Errorf("%d Ends did not get the context of their Start", n)
	}
	if b.HasSubscribers("temp") {
		t.Error("a temp handler is still subscribed")
	}
	if got := b.Handlers(); len(got) != 2 || len(got[1].Handlers) != 1 {
		t.Errorf("after the churn the bus has %v, want one churn and one self handler", got)
	}
}
