package bus_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventlint/eventlint/bus"
)

const pkg = "github.com/eventlint/eventlint/bus_test"

type Employee struct{ Name string }

type Patient struct{ Name string }

// recorder collects what handlers and hooks saw, in order.
type recorder struct {
	mu    sync.Mutex
	calls []string
	errs  []*bus.HandlerError
	ctxs  []context.Context
}

func (r *recorder) add(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, s)
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

func (r *recorder) onError(ctx context.Context, err *bus.HandlerError) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err)
	r.ctxs = append(r.ctxs, ctx)
}

func (r *recorder) errors() []*bus.HandlerError {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.errs)
}

// handler returns a handler that records name when called.
func (r *recorder) handler(name string) func(context.Context, *Employee) error {
	return func(context.Context, *Employee) error {
		r.add(name)
		return nil
	}
}

func newRecordingBus() (*bus.Bus, *recorder) {
	r := new(recorder)
	return bus.New(bus.WithErrorHandler(r.onError)), r
}

// noErrors fails the test if the bus reported any handler error.
func noErrors(t *testing.T, r *recorder) {
	t.Helper()
	for _, err := range r.errors() {
		t.Errorf("unexpected handler error: %v", err)
	}
}

func TestEmitCallsHandlersInSubscriptionOrder(t *testing.T) {
	b, r := newRecordingBus()
	bus.Subscribe(b, "employee.created", r.handler("first"))
	unsubscribeSecond := bus.Subscribe(b, "employee.created", r.handler("second"))
	bus.Subscribe(b, "employee.created", r.handler("third"))
	bus.Subscribe(b, "employee.deleted", r.handler("other event"))

	b.Emit(context.Background(), "employee.created", &Employee{})
	if got, want := r.got(), []string{"first", "second", "third"}; !slices.Equal(got, want) {
		t.Fatalf("calls = %q, want %q", got, want)
	}

	// Re-subscribing puts a handler at the end: order is by subscription.
	unsubscribeSecond()
	bus.Subscribe(b, "employee.created", r.handler("second again"))
	r.calls = nil
	b.Emit(context.Background(), "employee.created", &Employee{})
	if got, want := r.got(), []string{"first", "third", "second again"}; !slices.Equal(got, want) {
		t.Fatalf("calls after resubscribe = %q, want %q", got, want)
	}
	noErrors(t, r)
}

func TestEmitPassesContextAndPayload(t *testing.T) {
	type key struct{}
	b, r := newRecordingBus()
	ctx := context.WithValue(context.Background(), key{}, "request-7")
	want := &Employee{Name: "Ada"}
	var gotCtx context.Context
	var gotPayload *Employee
	bus.Subscribe(b, "employee.created", func(ctx context.Context, e *Employee) error {
		gotCtx, gotPayload = ctx, e
		return nil
	})
	b.Emit(ctx, "employee.created", want)
	if gotPayload != want {
		t.Errorf("handler got payload %p, want %p", gotPayload, want)
	}
	if gotCtx == nil || gotCtx.Value(key{}) != "request-7" {
		t.Errorf("handler did not get the Emit's context")
	}
	noErrors(t, r)
}

func TestSubscribeSameFunctionTwiceCallsItTwice(t *testing.T) {
	b, r := newRecordingBus()
	h := r.handler("h")
	unsubscribe1 := bus.Subscribe(b, "e", h)
	bus.Subscribe(b, "e", h)
	b.Emit(context.Background(), "e", &Employee{})
	if got := len(r.got()); got != 2 {
		t.Fatalf("handler subscribed twice called %d times, want 2", got)
	}
	// Unsubscribing one leaves the other.
	unsubscribe1()
	b.Emit(context.Background(), "e", &Employee{})
	if got := len(r.got()); got != 3 {
		t.Fatalf("after one unsubscribe, total calls %d, want 3", got)
	}
}

func TestHandlerSubscribedDuringEmitIsNotCalledByThatEmit(t *testing.T) {
	b, r := newRecordingBus()
	subscribed := false
	bus.Subscribe(b, "e", func(context.Context, *Employee) error {
		r.add("subscriber")
		if !subscribed {
			subscribed = true
			bus.Subscribe(b, "e", r.handler("late"))
		}
		return nil
	})
	bus.Subscribe(b, "e", r.handler("existing"))

	b.Emit(context.Background(), "e", &Employee{})
	if got, want := r.got(), []string{"subscriber", "existing"}; !slices.Equal(got, want) {
		t.Fatalf("first Emit calls = %q, want %q (late subscriber must wait for the next Emit)", got, want)
	}
	r.calls = nil
	b.Emit(context.Background(), "e", &Employee{})
	if got, want := r.got(), []string{"subscriber", "existing", "late"}; !slices.Equal(got, want) {
		t.Fatalf("second Emit calls = %q, want %q", got, want)
	}
	noErrors(t, r)
}

func TestUnsubscribeFromInsideHandler(t *testing.T) {
	b, r := newRecordingBus()
	var unsubscribeSelf, unsubscribeLater func() bool
	var selfResult, laterResult bool
	unsubscribeSelf = bus.Subscribe(b, "e", func(context.Context, *Employee) error {
		r.add("self")
		selfResult = unsubscribeSelf()
		laterResult = unsubscribeLater()
		return nil
	})
	unsubscribeLater = bus.Subscribe(b, "e", r.handler("later"))
	bus.Subscribe(b, "e", r.handler("stays"))

	b.Emit(context.Background(), "e", &Employee{})
	if !selfResult || !laterResult {
		t.Fatalf("unsubscribe from inside a handler returned %v, %v; want true, true", selfResult, laterResult)
	}
	// The Emit in progress works on its snapshot, so "later" is still called.
	if got, want := r.got(), []string{"self", "later", "stays"}; !slices.Equal(got, want) {
		t.Fatalf("calls during the unsubscribing Emit = %q, want %q", got, want)
	}
	r.calls = nil
	b.Emit(context.Background(), "e", &Employee{})
	if got, want := r.got(), []string{"stays"}; !slices.Equal(got, want) {
		t.Fatalf("calls after unsubscribe = %q, want %q", got, want)
	}
	noErrors(t, r)
}

// within fails the test if f does not return in time; it turns a deadlock
// into a failure instead of a hung test binary.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not return within %v (deadlock?)", d)
	}
}

func TestReentrantEmitSubscribeUnsubscribe(t *testing.T) {
	b, r := newRecordingBus()
	depth := 0
	bus.Subscribe(b, "outer", func(ctx context.Context, e *Employee) error {
		r.add("outer")
		// Emit the same event recursively, and another one.
		if depth < 2 {
			depth++
			b.Emit(ctx, "outer", e)
		}
		b.Emit(ctx, "inner", e)
		unsubscribe := bus.Subscribe(b, "temp", r.handler("temp"))
		b.Emit(ctx, "temp", e)
		unsubscribe()
		if !b.HasSubscribers("inner") {
			t.Error("HasSubscribers(inner) = false inside a handler")
		}
		return nil
	})
	bus.Subscribe(b, "inner", r.handler("inner"))
	within(t, 5*time.Second, func() {
		b.Emit(context.Background(), "outer", &Employee{})
	})
	want := []string{
		"outer", "outer", "outer", "inner", "temp", "inner", "temp", "inner", "temp",
	}
	if got := r.got(); !slices.Equal(got, want) {
		t.Fatalf("calls = %q, want %q", got, want)
	}
	if b.HasSubscribers("temp") {
		t.Error("temp still has subscribers")
	}
	noErrors(t, r)
}

var errWelcome = errors.New("smtp unavailable")

func sendWelcomeMail(context.Context, *Employee) error { return errWelcome }

func panicWithString(context.Context, *Employee) error { panic("boom") }

var errPanicValue = errors.New("panic value that is an error")

func panicWithError(context.Context, *Employee) error { panic(errPanicValue) }

func panicNilPointer(_ context.Context, e *Employee) error {
	var m map[string]*Employee
	_ = m["x"].Name // nil pointer dereference: a runtime.Error
	return nil
}

func TestFailingHandlersAreIsolatedAndReported(t *testing.T) {
	b, r := newRecordingBus()
	type ctxKey struct{}
	ctx := context.WithValue(context.Background(), ctxKey{}, 1)
	bus.Subscribe(b, "employee.created", r.handler("before"))
	bus.Subscribe(b, "employee.created", sendWelcomeMail)
	bus.Subscribe(b, "employee.created", panicWithString)
	bus.Subscribe(b, "employee.created", r.handler("middle"))
	bus.Subscribe(b, "employee.created", panicWithError)
	bus.Subscribe(b, "employee.created", panicNilPointer)
	bus.Subscribe(b, "employee.created", r.handler("after"))

	b.Emit(ctx, "employee.created", &Employee{}) // must neither panic nor stop early

	if got, want := r.got(), []string{"before", "middle", "after"}; !slices.Equal(got, want) {
		t.Fatalf("healthy handlers called = %q, want %q", got, want)
	}
	errs := r.errors()
	if len(errs) != 4 {
		t.Fatalf("got %d handler errors, want 4: %v", len(errs), errs)
	}
	for i, c := range r.ctxs {
		if c.Value(ctxKey{}) != 1 {
			t.Errorf("error handler call %d did not get the Emit's context", i)
		}
	}

	// A returned error.
	e := errs[0]
	if e.Event != "employee.created" || e.Handler != pkg+".sendWelcomeMail" {
		t.Errorf("returned error: Event %q Handler %q", e.Event, e.Handler)
	}
	if e.Err != errWelcome || !errors.Is(e, errWelcome) {
		t.Errorf("returned error: Err = %v, errors.Is = %v; want errWelcome", e.Err, errors.Is(e, errWelcome))
	}
	if e.Panic != nil || e.Stack != nil {
		t.Errorf("returned error has Panic %v, Stack %d bytes; want none", e.Panic, len(e.Stack))
	}
	if got, want := e.Error(), `bus: handler `+pkg+`.sendWelcomeMail for "employee.created": smtp unavailable`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}

	// A panic with a non-error value.
	e = errs[1]
	if e.Handler != pkg+".panicWithString" || e.Event != "employee.created" {
		t.Errorf("string panic: Event %q Handler %q", e.Event, e.Handler)
	}
	if e.Panic != "boom" {
		t.Errorf("string panic: Panic = %#v, want \"boom\"", e.Panic)
	}
	if e.Err != nil || errors.Unwrap(e) != nil {
		t.Errorf("string panic: Err = %v, want nil", e.Err)
	}
	if !bytes.Contains(e.Stack, []byte("panicWithString")) {
		t.Errorf("string panic: Stack does not show the panicking handler:\n%s", e.Stack)
	}
	if got, want := e.Error(), `bus: handler `+pkg+`.panicWithString for "employee.created": panic: boom`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}

	// A panic whose value is an error: errors.Is sees through it.
	e = errs[2]
	if e.Handler != pkg+".panicWithError" || e.Panic != errPanicValue || e.Err != errPanicValue || !errors.Is(e, errPanicValue) {
		t.Errorf("error panic: Handler %q Panic %v Err %v", e.Handler, e.Panic, e.Err)
	}
	if !strings.HasSuffix(e.Error(), ": panic: panic value that is an error") {
		t.Errorf("error panic: Error() = %q", e.Error())
	}

	// A runtime error.
	e = errs[3]
	var rerr runtime.Error
	if e.Handler != pkg+".panicNilPointer" || !errors.As(e, &rerr) || len(e.Stack) == 0 {
		t.Errorf("runtime panic: Handler %q Err %v Stack %d bytes", e.Handler, e.Err, len(e.Stack))
	}
}

func TestEveryHandlerPanicking(t *testing.T) {
	// Recovery resumes after the failed handler: none is called twice and
	// the Emit returns normally even when every handler fails.
	b, r := newRecordingBus()
	calls := 0
	for range 3 {
		bus.Subscribe(b, "e", func(context.Context, *Employee) error {
			calls++
			panic("again")
		})
	}
	b.Emit(context.Background(), "e", &Employee{})
	if calls != 3 || len(r.errors()) != 3 {
		t.Fatalf("calls = %d, errors = %d; want 3, 3", calls, len(r.errors()))
	}
}

type mailer struct{}

func (*mailer) send(context.Context, *Employee) error { return errWelcome }

func generic[T any](context.Context, T) error { return errWelcome }

// funcNameByReflect is the name runtime.FuncForPC gives through reflection,
// the reference the bus's own (reflection-free) lookup must agree with.
func funcNameByReflect(f any) string {
	return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
}

func TestHandlerErrorNamesTheHandlerFunction(t *testing.T) {
	closure := func(context.Context, *Employee) error { return errWelcome }
	m := &mailer{}
	tests := []struct {
		name string
		h    func(context.Context, *Employee) error
		want string
	}{
		{"function", sendWelcomeMail, pkg + ".sendWelcomeMail"},
		{"closure", closure, funcNameByReflect(closure)},
		// The compiler's wrapper for a method value is called "...-fm"; the
		// bus reports the method itself.
		{"method value", m.send, strings.TrimSuffix(funcNameByReflect(m.send), "-fm")},
		{"generic", generic[*Employee], funcNameByReflect(generic[*Employee])},
	}
	if got := tests[2].want; got != pkg+".(*mailer).send" {
		t.Fatalf("method value reference name = %q", got)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, r := newRecordingBus()
			bus.Subscribe(b, "e", tt.h)
			b.Emit(context.Background(), "e", &Employee{})
			errs := r.errors()
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1", len(errs))
			}
			if errs[0].Handler != tt.want {
				t.Errorf("Handler = %q, want %q", errs[0].Handler, tt.want)
			}
		})
	}
}

func TestPayloadOfWrongTypeIsAHandlerError(t *testing.T) {
	b, r := newRecordingBus()
	var gotEmployee *Employee
	bus.Subscribe(b, "e", func(_ context.Context, p Patient) error {
		t.Error("handler taking Patient was called with another type")
		return nil
	})
	bus.Subscribe(b, "e", func(_ context.Context, p *Patient) error {
		t.Error("handler taking *Patient was called with another type")
		return nil
	})
	bus.Subscribe(b, "e", func(_ context.Context, s fmt.Stringer) error {
		t.Error("handler taking fmt.Stringer was called with a non-Stringer")
		return nil
	})
	bus.Subscribe(b, "e", func(_ context.Context, e *Employee) error {
		gotEmployee = e
		return nil
	})
	var gotAny any
	bus.Subscribe(b, "e", func(_ context.Context, v any) error {
		gotAny = v
		return nil
	})

	emp := &Employee{Name: "Ada"}
	b.Emit(context.Background(), "e", emp)

	if gotEmployee != emp || gotAny != emp {
		t.Errorf("matching handlers got %v and %v, want %v", gotEmployee, gotAny, emp)
	}
	errs := r.errors()
	wants := []string{
		"payload type *bus_test.Employee cannot be handed to handler taking bus_test.Patient",
		"payload type *bus_test.Employee cannot be handed to handler taking *bus_test.Patient",
		"payload type *bus_test.Employee cannot be handed to handler taking fmt.Stringer",
	}
	if len(errs) != len(wants) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(wants), errs)
	}
	for i, want := range wants {
		if errs[i].Err == nil || errs[i].Err.Error() != want {
			t.Errorf("error %d: Err = %v, want %q", i, errs[i].Err, want)
		}
		if errs[i].Panic != nil || errs[i].Event != "e" || !strings.HasPrefix(errs[i].Handler, pkg+".TestPayloadOfWrongTypeIsAHandlerError.func") {
			t.Errorf("error %d: Panic %v Event %q Handler %q", i, errs[i].Panic, errs[i].Event, errs[i].Handler)
		}
		if !strings.HasSuffix(errs[i].Error(), `for "e": `+want) {
			t.Errorf("error %d: Error() = %q", i, errs[i].Error())
		}
	}
}

func TestNilPayload(t *testing.T) {
	b, r := newRecordingBus()
	var anyCalled, errorCalled bool
	bus.Subscribe(b, "e", func(_ context.Context, v any) error {
		anyCalled = true
		if v != nil {
			t.Errorf("handler taking any got %v, want nil", v)
		}
		return nil
	})
	bus.Subscribe(b, "e", func(_ context.Context, err error) error {
		errorCalled = true
		if err != nil {
			t.Errorf("handler taking error got %v, want nil", err)
		}
		return nil
	})
	bus.Subscribe(b, "e", func(context.Context, *Employee) error {
		t.Error("handler taking *Employee was called with an untyped nil payload")
		return nil
	})
	bus.Subscribe(b, "e", func(context.Context, Patient) error {
		t.Error("handler taking Patient was called with a nil payload")
		return nil
	})

	b.Emit(context.Background(), "e", nil)

	if !anyCalled || !errorCalled {
		t.Errorf("interface handlers called: any %v, error %v; want both", anyCalled, errorCalled)
	}
	errs := r.errors()
	wants := []string{
		"nil payload cannot be handed to handler taking non-interface type *bus_test.Employee",
		"nil payload cannot be handed to handler taking non-interface type bus_test.Patient",
	}
	if len(errs) != len(wants) {
		t.Fatalf("got %d errors, want %d: %v", len(errs), len(wants), errs)
	}
	for i, want := range wants {
		if errs[i].Err.Error() != want {
			t.Errorf("error %d = %q, want %q", i, errs[i].Err, want)
		}
	}

	// A typed nil pointer is a non-nil payload of its type, and is handed
	// to a handler of that type like any other pointer.
	b2, r2 := newRecordingBus()
	called := false
	bus.Subscribe(b2, "e", func(_ context.Context, e *Employee) error {
		called = true
		if e != nil {
			t.Errorf("got %v, want nil *Employee", e)
		}
		return nil
	})
	b2.Emit(context.Background(), "e", (*Employee)(nil))
	if !called {
		t.Error("handler taking *Employee not called with (*Employee)(nil)")
	}
	noErrors(t, r2)
}

func TestUnsubscribe(t *testing.T) {
	b, r := newRecordingBus()
	unsubscribe := bus.Subscribe(b, "e", r.handler("h"))
	bus.Subscribe(b, "e", r.handler("other"))
	if !unsubscribe() {
		t.Fatal("first unsubscribe returned false, want true")
	}
	for i := range 3 {
		if unsubscribe() {
			t.Fatalf("unsubscribe call %d returned true, want false", i+2)
		}
	}
	b.Emit(context.Background(), "e", &Employee{})
	if got, want := r.got(), []string{"other"}; !slices.Equal(got, want) {
		t.Fatalf("calls after unsubscribe = %q, want %q", got, want)
	}
}

func TestHasSubscribersAndClear(t *testing.T) {
	b, r := newRecordingBus()
	if b.HasSubscribers("a") {
		t.Fatal("new bus has subscribers")
	}
	unsubscribeA := bus.Subscribe(b, "a", r.handler("a"))
	unsubscribeB := bus.Subscribe(b, "b", r.handler("b"))
	if !b.HasSubscribers("a") || !b.HasSubscribers("b") || b.HasSubscribers("c") {
		t.Fatalf("HasSubscribers a, b, c = %v, %v, %v; want true, true, false",
			b.HasSubscribers("a"), b.HasSubscribers("b"), b.HasSubscribers("c"))
	}
	// A name with the same contents but different bytes finds the event too.
	if !b.HasSubscribers(strings.Repeat("a", 1)) {
		t.Fatal("HasSubscribers with a dynamically built name = false")
	}
	unsubscribeA()
	if b.HasSubscribers("a") || !b.HasSubscribers("b") {
		t.Fatal("HasSubscribers wrong after unsubscribe")
	}

	b.Clear()
	if b.HasSubscribers("b") {
		t.Fatal("HasSubscribers(b) after Clear = true")
	}
	b.Emit(context.Background(), "b", &Employee{})
	if got := r.got(); len(got) != 0 {
		t.Fatalf("handlers called after Clear: %q", got)
	}
	if unsubscribeB() {
		t.Fatal("unsubscribe after Clear returned true, want false")
	}
	// The bus is usable after Clear.
	bus.Subscribe(b, "b", r.handler("new"))
	b.Emit(context.Background(), "b", &Employee{})
	if got, want := r.got(), []string{"new"}; !slices.Equal(got, want) {
		t.Fatalf("calls after Clear and resubscribe = %q, want %q", got, want)
	}
}

func TestEventNamesAreMatchedByContents(t *testing.T) {
	b, r := newRecordingBus()
	// Names built at run time have their own bytes; lookups must not depend
	// on the caller passing the very string that was subscribed.
	for i := range 40 {
		bus.Subscribe(b, fmt.Sprintf("event.%d", i), r.handler(fmt.Sprint(i)))
	}
	bus.Subscribe(b, "", r.handler("empty"))
	for i := range 40 {
		b.Emit(context.Background(), "event."+fmt.Sprint(i), &Employee{})
	}
	b.Emit(context.Background(), "", &Employee{})
	b.Emit(context.Background(), "event.40", &Employee{})
	b.Emit(context.Background(), "event", &Employee{})
	got := r.got()
	if len(got) != 41 {
		t.Fatalf("got %d calls, want 41: %q", len(got), got)
	}
	for i := range 40 {
		if got[i] != fmt.Sprint(i) {
			t.Fatalf("call %d went to handler %q", i, got[i])
		}
	}
	if got[40] != "empty" {
		t.Fatalf("empty event name went to %q", got[40])
	}
}

func TestWithUnhandled(t *testing.T) {
	type call struct {
		ctx     context.Context
		event   string
		payload any
	}
	var calls []call
	r := new(recorder)
	b := bus.New(
		bus.WithErrorHandler(r.onError),
		bus.WithUnhandled(func(ctx context.Context, event string, payload any) {
			calls = append(calls, call{ctx, event, payload})
		}),
	)
	ctx := context.Background()
	emp := &Employee{}
	b.Emit(ctx, "nobody.listens", emp)
	if len(calls) != 1 || calls[0].event != "nobody.listens" || calls[0].payload != emp || calls[0].ctx != ctx {
		t.Fatalf("unhandled calls = %+v, want one for nobody.listens", calls)
	}

	// Handlers that fail still count as handled.
	unsubscribe := bus.Subscribe(b, "e", sendWelcomeMail)
	b.Emit(ctx, "e", emp)
	if len(calls) != 1 || len(r.errors()) != 1 {
		t.Fatalf("with a failing handler: %d unhandled calls, %d errors; want 1, 1", len(calls), len(r.errors()))
	}

	// After the last handler is gone the event is unhandled again.
	unsubscribe()
	b.Emit(ctx, "e", nil)
	if len(calls) != 2 || calls[1].event != "e" || calls[1].payload != nil {
		t.Fatalf("after unsubscribe: unhandled calls = %+v", calls)
	}
}

// captureHandler is a slog.Handler that keeps the records it is given.
type captureHandler struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *captureHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *captureHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *captureHandler) WithGroup(string) slog.Handler            { return h }
func (h *captureHandler) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r.Clone())
	return nil
}

func attrs(r slog.Record) map[string]string {
	m := map[string]string{}
	r.Attrs(func(a slog.Attr) bool {
		m[a.Key] = a.Value.String()
		return true
	})
	return m
}

func TestDefaultErrorHandlerLogsThroughSlog(t *testing.T) {
	capture := new(captureHandler)
	old := slog.Default()
	slog.SetDefault(slog.New(capture))
	t.Cleanup(func() { slog.SetDefault(old) })

	b := bus.New() // no WithErrorHandler: the default applies
	bus.Subscribe(b, "employee.created", sendWelcomeMail)
	bus.Subscribe(b, "employee.created", panicWithString)
	b.Emit(context.Background(), "employee.created", &Employee{})

	capture.mu.Lock()
	defer capture.mu.Unlock()
	if len(capture.records) != 2 {
		t.Fatalf("logged %d records, want 2", len(capture.records))
	}
	for _, r := range capture.records {
		if r.Level != slog.LevelError {
			t.Errorf("record level %v, want ERROR", r.Level)
		}
		if r.Message != "bus: handler failed" {
			t.Errorf("record message %q", r.Message)
		}
	}
	a := attrs(capture.records[0])
	if a["event"] != "employee.created" || a["handler"] != pkg+".sendWelcomeMail" || a["error"] != "smtp unavailable" {
		t.Errorf("returned-error record attrs = %v", a)
	}
	if _, ok := a["stack"]; ok {
		t.Errorf("returned-error record has a stack attr")
	}
	a = attrs(capture.records[1])
	if a["event"] != "employee.created" || a["handler"] != pkg+".panicWithString" || a["error"] != "panic: boom" {
		t.Errorf("panic record attrs = %v", a)
	}
	if !strings.Contains(a["stack"], "panicWithString") {
		t.Errorf("panic record stack attr does not show the handler: %q", a["stack"])
	}
}

func TestDefaultBusWithOnAndEmit(t *testing.T) {
	if bus.Default() == nil || bus.Default() != bus.Default() {
		t.Fatal("Default() is nil or not always the same bus")
	}
	var got []string
	unsubscribe := bus.On("test.default.bus", func(_ context.Context, f bus.Fields) error {
		got = append(got, f["name"].(string))
		return nil
	})
	defer unsubscribe()
	if !bus.Default().HasSubscribers("test.default.bus") {
		t.Fatal("On did not subscribe on Default()")
	}
	bus.Emit(context.Background(), "test.default.bus", bus.Fields{"name": "via Emit"})
	bus.Default().Emit(context.Background(), "test.default.bus", bus.Fields{"name": "via Default().Emit"})
	if want := []string{"via Emit", "via Default().Emit"}; !slices.Equal(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if !unsubscribe() || bus.Default().HasSubscribers("test.default.bus") {
		t.Fatal("unsubscribe from On did not remove the subscription")
	}
}

func TestFieldsPayloadMustBeFields(t *testing.T) {
	b, r := newRecordingBus()
	var got bus.Fields
	bus.Subscribe(b, "e", func(_ context.Context, f bus.Fields) error {
		got = f
		return nil
	})
	b.Emit(context.Background(), "e", bus.Fields{"id": 1})
	if got["id"] != 1 {
		t.Fatalf("handler got %v", got)
	}
	b.Emit(context.Background(), "e", map[string]any{"id": 2})
	errs := r.errors()
	if len(errs) != 1 || errs[0].Err.Error() != "payload type map[string]interface {} cannot be handed to handler taking bus.Fields" {
		t.Fatalf("plain map payload: errors %v", errs)
	}
}

func TestZeroBusIsUsable(t *testing.T) {
	var b bus.Bus
	called := false
	bus.Subscribe(&b, "e", func(context.Context, *Employee) error {
		called = true
		return nil
	})
	b.Emit(context.Background(), "e", &Employee{})
	if !called || !b.HasSubscribers("e") {
		t.Fatal("zero Bus did not deliver")
	}
	b.Emit(context.Background(), "unhandled", nil) // no hook: must not panic
}

func TestSubscribeNilHandlerPanics(t *testing.T) {
	defer func() {
		r := recover()
		if r != `bus: nil handler for event "e"` {
			t.Fatalf("recovered %#v, want the nil handler message", r)
		}
	}()
	bus.Subscribe[*Employee](bus.New(), "e", nil)
	t.Fatal("Subscribe with a nil handler did not panic")
}

func TestOptionsNilMeanDefault(t *testing.T) {
	capture := new(captureHandler)
	old := slog.Default()
	slog.SetDefault(slog.New(capture))
	t.Cleanup(func() { slog.SetDefault(old) })

	b := bus.New(bus.WithErrorHandler(nil), bus.WithUnhandled(nil))
	bus.Subscribe(b, "e", sendWelcomeMail)
	b.Emit(context.Background(), "e", &Employee{})
	b.Emit(context.Background(), "unhandled", nil)
	capture.mu.Lock()
	defer capture.mu.Unlock()
	if len(capture.records) != 1 {
		t.Fatalf("WithErrorHandler(nil): logged %d records, want 1", len(capture.records))
	}
}

func TestErrorHandlerMayEmit(t *testing.T) {
	var b *bus.Bus
	var reported []string
	b = bus.New(bus.WithErrorHandler(func(ctx context.Context, err *bus.HandlerError) {
		b.Emit(ctx, "handler.failed", bus.Fields{"handler": err.Handler})
	}))
	bus.Subscribe(b, "handler.failed", func(_ context.Context, f bus.Fields) error {
		reported = append(reported, f["handler"].(string))
		return nil
	})
	bus.Subscribe(b, "e", sendWelcomeMail)
	within(t, 5*time.Second, func() { b.Emit(context.Background(), "e", &Employee{}) })
	if want := []string{pkg + ".sendWelcomeMail"}; !slices.Equal(reported, want) {
		t.Fatalf("reported %q, want %q", reported, want)
	}
}

func TestEmitDoesNotAllocate(t *testing.T) {
	b := bus.New()
	for range 3 {
		bus.Subscribe(b, "employee.created", func(context.Context, *Employee) error { return nil })
	}
	bus.Subscribe(b, "fields", func(context.Context, bus.Fields) error { return nil })
	ctx := context.Background()
	emp := &Employee{}
	f := bus.Fields{"a": 1}
	dynamic := strings.Repeat("employee.created", 1)
	allocs := testing.AllocsPerRun(1000, func() {
		b.Emit(ctx, "employee.created", emp)
		b.Emit(ctx, dynamic, emp)
		b.Emit(ctx, "fields", f)
		b.Emit(ctx, "unhandled", emp)
	})
	if allocs != 0 {
		t.Fatalf("Emit allocated %v times per run, want 0", allocs)
	}
}
