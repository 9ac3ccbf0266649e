package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A Bus delivers events to the handlers subscribed to them, synchronously and
// within one process.
//
// A Bus is safe for concurrent use by multiple goroutines: Emit, Subscribe,
// the unsubscribe functions, HasSubscribers, Handlers, SetObserver and
// Clear may all be called at the same time, including from inside a handler.
//
// The zero Bus is ready to use and behaves like New() with no options.
// A Bus must not be copied after first use.
type Bus struct {
	// subs is the current subscription table. It is replaced, never
	// modified: writers build a new table under mu and publish it with one
	// atomic store, so Emit reads a consistent snapshot with one atomic load
	// and no lock. Writers (subscribe, unsubscribe, Clear) are rare; emits
	// are the hot path.
	subs atomic.Pointer[table]

	// mu serialises writers so that two concurrent subscriptions cannot both
	// copy the same old table and lose one another's change. It is never
	// held while a handler runs.
	mu sync.Mutex

	// onError and onUnhandled are set by New and never change afterwards,
	// so Emit may read them without synchronisation.
	onError     func(ctx context.Context, err *HandlerError)
	onUnhandled func(ctx context.Context, event string, payload any)
}

// subscription is one handler subscribed to one event.
type subscription struct {
	// typ and direct are the fast path of a handler whose payload type T
	// is pointer-shaped (see pointerShaped): typ is the type word an
	// interface holding a T has, and direct is the handler itself, typed
	// to take the interface's data word. An Emit whose payload has type
	// word typ calls direct with its data word, which is what call would
	// do after the assertion, one indirect call sooner. For any other T,
	// typ is &noDirect, which no payload's type word equals, and direct is
	// nil.
	typ    unsafe.Pointer
	direct func(ctx context.Context, payload unsafe.Pointer) error

	event string
	// name is the handler's fully qualified function name, resolved once at
	// subscribe time for HandlerError.Handler.
	name string
	// call type-asserts the payload and calls the typed handler. It is
	// created once per subscription by the generic Subscribe, so Emit itself
	// is not generic, does no reflection and allocates nothing.
	call func(ctx context.Context, payload any) error
}

// An Option configures a Bus created by New.
type Option func(*Bus)

// WithErrorHandler sets the function that is told about every handler that
// returned an error, panicked, or could not be handed the payload (see
// HandlerError). It is called synchronously on the emitting goroutine, after
// the failing handler and before the next one, with the context given to
// Emit. The bus does not recover panics from f: a panic in f propagates out
// of Emit, so f should not panic. f may itself Emit on the bus.
//
// Without this option, or with a nil f, failures are logged with
// slog.Default() at level Error, with the attributes "event", "handler" and
// "error" (plus "stack" for a panic).
func WithErrorHandler(f func(ctx context.Context, err *HandlerError)) Option {
	return func(b *Bus) { b.onError = f }
}

// WithUnhandled sets a function that Emit calls, synchronously and with the
// Emit's arguments, when the event has no subscribers at the moment the Emit
// starts. It is not called when handlers exist but fail. Like the error
// handler, f runs on the emitting goroutine and its panics are not
// recovered. A nil f (the default) means unhandled events are silently
// dropped.
//
// An unhandled event usually means that the package holding its handlers was
// never imported; see the package documentation.
func WithUnhandled(f func(ctx context.Context, event string, payload any)) Option {
	return func(b *Bus) { b.onUnhandled = f }
}

// New returns a new, empty Bus configured by opts.
func New(opts ...Option) *Bus {
	b := new(Bus)
	for _, opt := range opts {
		opt(b)
	}
	return b
}

var defaultBus Bus

// Default returns the process-wide Bus used by On and Emit. It has the default
// options: failures are logged through slog.Default() and unhandled events are
// dropped. It is never nil and is the same Bus for the life of the process.
func Default() *Bus { return &defaultBus }

// On subscribes h to event on the Default bus. It is shorthand for
// Subscribe(Default(), event, h) and has the same semantics; it is meant to
// be called from the init function of the package that handles the event.
func On[T any](event string, h func(ctx context.Context, payload T) error) (unsubscribe func() bool) {
	return Subscribe(&defaultBus, event, h)
}

// Emit emits event with payload on the Default bus. It is shorthand for
// Default().Emit(ctx, event, payload).
func Emit(ctx context.Context, event string, payload any) {
	defaultBus.Emit(ctx, event, payload)
}

// Subscribe adds h to the handlers of event on b and returns a function that
// removes it again. It is safe to call concurrently with every other method,
// including from inside a running handler.
//
// Handlers of one event are called in the order they were subscribed. An Emit
// that started before Subscribe was called does not call h; every Emit of
// event that starts after Subscribe returns does, until h is unsubscribed. Subscribing the same function twice adds two subscriptions,
// and each is called.
//
// Emit hands h the payload only if the payload's dynamic type can be
// asserted to T (payload.(T) succeeds). Otherwise the call is reported to
// the error handler as a *HandlerError naming both types and h is skipped
// for that Emit. A nil payload is handed over, as the zero T, only when T is
// an interface type. In particular, a handler taking Fields receives only
// payloads of type Fields, not a plain map[string]any.
//
// The returned unsubscribe function is safe for concurrent use and may be
// called any number of times. It reports whether this call removed the
// subscription: true the first time, false afterwards and after Clear. Once
// it has returned, no Emit that starts later calls h. An Emit that started
// earlier (on another goroutine, or the Emit that is running the caller's
// handler) works on its snapshot and may still call h.
//
// Subscribe panics if b or h is nil: a nil handler is a programming error
// that would otherwise only surface when the event is emitted.
func Subscribe[T any](b *Bus, event string, h func(ctx context.Context, payload T) error) (unsubscribe func() bool) {
	if b == nil {
		panic("bus: Subscribe on nil *Bus for event " + strconv.Quote(event))
	}
	if h == nil {
		panic("bus: nil handler for event " + strconv.Quote(event))
	}
	// Worked out once here rather than on every mismatch: the name of T
	// for error messages, and whether T is an interface type (the only
	// kind whose zero value boxes to a nil any), which decides whether a
	// nil payload can be handed over.
	want := typeName[T]()
	var zero T
	nilOK := any(zero) == nil
	s := &subscription{
		typ:   unsafe.Pointer(&noDirect),
		event: event,
		name:  funcName(h),
		call: func(ctx context.Context, payload any) error {
			if p, ok := payload.(T); ok {
				return h(ctx, p)
			}
			// Out of line, so that the common path above needs no stack
			// frame or register spills for the rare one.
			return mismatch(ctx, h, payload, nilOK, want)
		},
	}
	if pointerShaped[T]() {
		s.typ = eface(any(zero)).typ
		// A func taking a pointer-shaped T and one taking an
		// unsafe.Pointer are passed their arguments the same way (the T
		// is one pointer in one register or stack word), so h may be
		// called as the latter with the data word of an interface
		// holding a T, which is that T.
		s.direct = *(*func(context.Context, unsafe.Pointer) error)(unsafe.Pointer(&h))
	}
	b.add(s)
	return func() bool { return b.remove(s) }
}

// noDirect is what subscription.typ points to when the handler has no
// direct path: no type word is its address.
var noDirect byte

// emptyInterface is the layout of an interface value without methods (an
// any): a pointer to the dynamic type, and a data word that is the value
// itself for a pointer-shaped type and a pointer to the value otherwise.
type emptyInterface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// eface returns the two words of x.
func eface(x any) emptyInterface {
	return *(*emptyInterface)(unsafe.Pointer(&x))
}

// pointerShaped reports whether T is a non-interface type that an
// interface holds in its data word (a pointer, map, channel, func or
// unsafe.Pointer, or a struct or array of one such element). For those
// the zero T is a nil data word; for every other non-interface type the
// data word points to the value, and is never nil, even for the zero
// value.
func pointerShaped[T any]() bool {
	var zero T
	e := eface(any(zero))
	return e.typ != nil && e.data == nil
}

// mismatch handles a payload that does not assert to T: a nil payload is
// handed over as the zero T if nilOK (T is an interface type); anything
// else is an error naming the payload's type and want, the name of T.
//
//go:noinline
func mismatch[T any](ctx context.Context, h func(context.Context, T) error, payload any, nilOK bool, want string) error {
	if payload == nil && nilOK {
		var zero T
		return h(ctx, zero)
	}
	if payload == nil {
		return errors.New("nil payload cannot be handed to handler taking non-interface type " + want)
	}
	return fmt.Errorf("payload type %T cannot be handed to handler taking %s", payload, want)
}

// typeName returns the name of T as fmt's %T prints it. It formats a *T
// rather than a zero T because the zero value of an interface type is nil,
// for which %T prints "<nil>".
func typeName[T any]() string {
	return strings.TrimPrefix(fmt.Sprintf("%T", (*T)(nil)), "*")
}

// funcName returns the fully qualified name of the function h, such as
// "example.com/app/notify.sendWelcomeMail".
//
// A func value is a pointer to a closure record whose first word is the
// code pointer; this is the layout reflect.Value.Pointer relies on as well.
// Reading it directly spares the bus the reflect package, and it happens
// once per subscription, never on the Emit path.
func funcName[F any](h F) string {
	pc := **(**uintptr)(unsafe.Pointer(&h))
	fn := runtime.FuncForPC(pc)
	if fn == nil {
		return "unknown"
	}
	// The compiler wraps a method value such as srv.handle in a function
	// named "pkg.(*Server).handle-fm"; report the method the user wrote.
	return strings.TrimSuffix(fn.Name(), "-fm")
}

// add publishes a table that has s appended to its event's handlers.
func (b *Bus) add(s *subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	cur := b.subs.Load()
	old := cur.eventMap()
	next := make(map[string][]*subscription, len(old)+1)
	maps.Copy(next, old)
	// Copy the slice too: an Emit may be iterating over the old one, and
	// append could otherwise write into its spare capacity.
	subs := make([]*subscription, len(old[s.event]), len(old[s.event])+1)
	copy(subs, old[s.event])
	next[s.event] = append(subs, s)
	b.subs.Store(newTable(next, cur.hookSet()))
}

// remove publishes a table without s and reports whether s was present.
func (b *Bus) remove(s *subscription) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	cur := b.subs.Load()
	old := cur.eventMap()
	i := slices.Index(old[s.event], s)
	if i < 0 {
		return false
	}
	next := maps.Clone(old)
	if len(old[s.event]) == 1 {
		delete(next, s.event)
	} else {
		// slices.Delete would modify the shared old slice in place.
		subs := make([]*subscription, 0, len(old[s.event])-1)
		subs = append(subs, old[s.event][:i]...)
		next[s.event] = append(subs, old[s.event][i+1:]...)
	}
	b.subs.Store(newTable(next, cur.hookSet()))
	return true
}

// Clear removes every subscription from b. Emits that start after Clear
// returns call no handler; unsubscribe functions of the removed
// subscriptions return false. The observer (see SetObserver) stays. Clear is
// safe for concurrent use.
//
// Clear is permanent: on the Default bus it removes the subscriptions made
// by the init functions of handler packages, which nothing makes again. A
// test that wants a bus without them should use package bus/bustest, which
// gives them back when the test ends.
func (b *Bus) Clear() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs.Store(newTable(nil, b.subs.Load().hookSet()))
}

// HasSubscribers reports whether event has at least one handler at the
// moment of the call. The answer may be stale by the time the caller acts on
// it if other goroutines subscribe or unsubscribe concurrently.
func (b *Bus) HasSubscribers(event string) bool {
	return len(b.subs.Load().lookup(event)) > 0
}

// Emit calls every handler subscribed to event, synchronously on the calling
// goroutine and in subscription order, passing ctx and payload. It returns
// when the last handler has returned. It is safe for concurrent use, and
// concurrent Emits do not serialise on a lock.
//
// The set of handlers is taken when Emit starts: a handler subscribed during
// the Emit is not called by it, and one unsubscribed during it may still be
// called by it. No lock is held while a handler runs, so a handler may Emit
// (on any event, including this one), subscribe or unsubscribe on b.
//
// Failures are isolated. A handler that returns an error, panics, or cannot
// be handed the payload's type is reported to the error handler (see
// WithErrorHandler) as a *HandlerError, and the remaining handlers still run.
// Emit itself never returns an error and never re-panics a handler's panic.
// A handler that calls runtime.Goexit (as testing.T.FailNow does) still ends
// the emitting goroutine.
//
// If event has no handlers, Emit calls the function set with WithUnhandled,
// if any, and returns.
//
// Emit does not look at ctx, only passes it on: it calls every handler even
// if ctx is already cancelled when Emit starts or a handler cancels it. An
// event reports something that has already happened, and its handlers
// (notifications, audit logs, projections) are the rest of that change; if
// Emit skipped the remaining handlers on cancellation, which of them ran
// would depend on timing and a finished change could go unaudited. A handler
// that should not start work for a cancelled request checks ctx.Err()
// itself; one whose work must outlive the request detaches with
// context.WithoutCancel. A handler's error, including ctx.Err(), is reported
// like any other.
//
// Emit does not allocate unless a handler fails or an observer's functions
// (see SetObserver) do; a non-pointer payload may allocate when it is
// converted to any at the call site.
func (b *Bus) Emit(ctx context.Context, event string, payload any) {
	t := b.subs.Load()
	subs, ok := t.lookupFast(event)
	if !ok {
		subs = t.lookupSlow(event)
	}
	if len(subs) == 0 {
		if t.hookSet() != nil {
			b.emitHooked(ctx, t, event, payload)
			return
		}
		if b.onUnhandled != nil {
			b.onUnhandled(ctx, event, payload)
		}
		return
	}
	if t.hooks != nil {
		// An observer, or a test recording or dropping emits: rare, and
		// out of line so that a bus without them pays one check.
		b.emitHooked(ctx, t, event, payload)
		return
	}
	for i := 0; i < len(subs); {
		n, herr := run(ctx, subs, i, payload)
		if herr == nil {
			return
		}
		herr.Event = event
		b.reportError(ctx, herr)
		i = n + 1
	}
}

// run calls subs[i:] in order until one of them fails, and returns the index
// of the failed handler with its error, or len(subs) and nil if none failed.
//
// Recovering once for a run of handlers, rather than once per handler, keeps
// the common no-failure path to a single deferred call per Emit; after a
// failure Emit resumes with the next handler. The error handler is called by
// Emit, outside this function, so that a panic in it is not mistaken for a
// panic in a subscription handler.
func run(ctx context.Context, subs []*subscription, i int, payload any) (n int, herr *HandlerError) {
	defer func() {
		// The loop neither finished nor returned an error, so the handler at
		// n panicked (or called runtime.Goexit, in which case recover returns
		// nil and the goroutine ends regardless of what is set here).
		if n < len(subs) && herr == nil {
			r := recover()
			herr = &HandlerError{Handler: subs[n].name, Panic: r, Stack: debug.Stack(), panicked: true}
			if err, ok := r.(error); ok {
				herr.Err = err
			}
		}
	}()
	p := eface(payload)
	for n = i; n < len(subs); n++ {
		s := subs[n]
		var err error
		if s.typ == p.typ {
			err = s.direct(ctx, p.data)
		} else {
			err = s.call(ctx, payload)
		}
		if err != nil {
			return n, &HandlerError{Handler: s.name, Err: err}
		}
	}
	return n, nil
}

func (b *Bus) reportError(ctx context.Context, err *HandlerError) {
	if b.onError != nil {
		b.onError(ctx, err)
		return
	}
	attrs := []any{
		slog.String("event", err.Event),
		slog.String("handler", err.Handler),
		slog.String("error", err.cause()),
	}
	if err.panicked {
		attrs = append(attrs, slog.String("stack", string(err.Stack)))
	}
	slog.Default().ErrorContext(ctx, "bus: handler failed", attrs...)
}

// HandlerError describes one failed handler call during an Emit. It is what
// the error handler set with WithErrorHandler receives.
//
// For a handler that returned an error, Err is that error and Panic and
// Stack are nil. For a handler that panicked, Panic is the recovered value
// and Stack the goroutine's stack at the panic (from runtime/debug.Stack);
// Err is the panic value if that value is an error, so that errors.Is and
// errors.As see through it, and nil otherwise. For a payload that could not
// be handed to the handler, Err describes the mismatch, naming the payload's
// type and the handler's parameter type.
type HandlerError struct {
	// Event is the name of the emitted event.
	Event string
	// Handler is the fully qualified name of the handler function, e.g.
	// "example.com/app/notify.sendWelcomeMail"; for a function literal it
	// is the compiler's name for it, e.g. "example.com/app/notify.init.func1".
	Handler string
	Err     error
	Panic   any
	Stack   []byte

	// panicked records that the handler panicked even if the recovered
	// value is nil (possible under GODEBUG=panicnil=1).
	panicked bool
}

// Error returns a message of the form
//
//	bus: handler example.com/app/notify.sendWelcomeMail for "employee.created": <error>
//
// or, for a panic, with "panic: <value>" in place of the error.
func (e *HandlerError) Error() string {
	return "bus: handler " + e.Handler + " for " + strconv.Quote(e.Event) + ": " + e.cause()
}

// cause is the part of the message after the handler and event.
func (e *HandlerError) cause() string {
	if e.panicked || e.Panic != nil {
		return fmt.Sprintf("panic: %v", e.Panic)
	}
	if e.Err == nil {
		return "<nil>"
	}
	return e.Err.Error()
}

// Unwrap returns e.Err, which is nil for a panic whose value is not an error.
func (e *HandlerError) Unwrap() error { return e.Err }
