package bus

import (
	"context"
	"time"
)

// An Observer sees every handler call on the Bus it is set on (see
// SetObserver), to log it, count it or open a trace span around it. Either
// function may be nil.
//
// For each handler an Emit calls, in subscription order and on the emitting
// goroutine, the bus calls Start, then the handler, then End, then the error
// handler if the handler failed, and only then goes on to the next handler.
// Concurrent Emits call Start and End concurrently, so they must be safe for
// concurrent use. Like the error handler, they may Emit (such an Emit is
// observed too), subscribe and unsubscribe on the bus, and the bus does not
// recover their panics: a panic in Start or End propagates out of Emit, so
// they should not panic.
//
// An Emit that reaches no handler calls neither; WithUnhandled is for that.
type Observer struct {
	// Start, if not nil, is called just before a handler of event is
	// called, with the Emit's context and the handler's fully qualified
	// function name (as in HandlerError.Handler). The context it returns,
	// which must not be nil, is passed to the handler and to End in place
	// of the Emit's: return ctx to pass it through, or a context carrying a
	// trace span to make the handler's work part of that span.
	Start func(ctx context.Context, event, handler string) context.Context

	// End, if not nil, is called when the handler has returned or
	// panicked, with the context Start returned (the Emit's if Start is
	// nil). It is not called for a handler that ends its goroutine with
	// runtime.Goexit.
	End func(ctx context.Context, call HandlerCall)
}

// A HandlerCall describes one finished handler call, for Observer.End.
type HandlerCall struct {
	// Event is the name of the emitted event.
	Event string
	// Handler is the handler's fully qualified function name, as in
	// HandlerError.Handler.
	Handler string
	// Duration is how long the handler ran, from just before it was
	// called until it returned or panicked, on the monotonic clock. It
	// does not include Start or End.
	Duration time.Duration
	// Err is nil if the handler returned nil. Otherwise it is the
	// *HandlerError that the error handler receives right after End: the
	// handler's error, its panic (HandlerError.Panic and Stack), or a
	// payload that could not be handed to it, in which case the handler
	// was not called.
	Err error
}

// SetObserver makes o the observer of the handler calls on b, replacing the
// previous one; the zero Observer removes it. It is a method rather than an
// Option because the Default bus, on which handler packages subscribe from
// init, is not made by New.
//
// The observer is part of the same snapshot as the subscriptions (see Emit):
// every Emit that starts after SetObserver returns uses o, and an Emit
// already in progress keeps, for all its handler calls, the observer it
// started with. Clear does not remove it. SetObserver is safe for concurrent
// use, including from a handler and from the observer itself; like
// subscribing, it copies the subscription table, so it is for set-up, not
// for every request.
//
// A bus without an observer pays one nil check per Emit for this feature
// and still does not allocate. With one, each handler call also calls Start
// and End and, if End is set, reads the monotonic clock twice; Emit
// allocates only what Start and End allocate. BENCHMARKS.md gives both
// costs.
func (b *Bus) SetObserver(o Observer) {
	b.setHooks(func(h *hooks) { h.observer = o })
}

// hooks is what an Emit does besides calling handlers: an observer, and the
// recording and dropping of emits that package bus/bustest sets up for a
// test. A table without any holds a nil *hooks, so that Emit's common path
// pays one nil check.
type hooks struct {
	observer Observer

	// tap, if not nil, is called first by every Emit, with its arguments;
	// drop makes Emit return after the tap without calling handlers or the
	// unhandled function. Only package bus/bustest sets them, through
	// bus/internal/testhook.
	tap  func(ctx context.Context, event string, payload any)
	drop bool
}

// setHooks publishes a table with the same subscriptions and a copy of the
// hooks changed by f.
func (b *Bus) setHooks(f func(h *hooks)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	cur := b.subs.Load()
	h := new(hooks)
	if old := cur.hookSet(); old != nil {
		*h = *old
	}
	f(h)
	b.subs.Store(newTable(cur.eventMap(), h.orNil()))
}

// orNil returns h, or nil if h has nothing to do.
func (h *hooks) orNil() *hooks {
	if h.observer.Start == nil && h.observer.End == nil && h.tap == nil && !h.drop {
		return nil
	}
	return h
}

// clockBase is what emitHooked measures handler calls against: time.Since
// of a time that has a monotonic clock reading reads only the monotonic
// clock, where time.Now reads the wall clock as well, and clock reads are
// most of what an observer costs.
var clockBase = time.Now()

// emitHooked is Emit on t, a table with hooks.
//
// Each handler runs with a recovery of its own, rather than one for a run of
// handlers as on the plain path, so that End comes right after its handler
// and sees how it ended.
func (b *Bus) emitHooked(ctx context.Context, t *table, event string, payload any) {
	h := t.hooks
	if h.tap != nil {
		h.tap(ctx, event, payload)
	}
	if h.drop {
		return
	}
	subs := t.lookup(event)
	if len(subs) == 0 {
		if b.onUnhandled != nil {
			b.onUnhandled(ctx, event, payload)
		}
		return
	}
	o := &h.observer
	for i, s := range subs {
		hctx := ctx
		if o.Start != nil {
			hctx = o.Start(ctx, event, s.name)
		}
		var start time.Duration
		if o.End != nil {
			start = time.Since(clockBase)
		}
		_, herr := run(hctx, subs[i:i+1], 0, payload)
		var elapsed time.Duration
		if o.End != nil {
			elapsed = time.Since(clockBase) - start
		}
		var err error // nil unless herr is: no typed nil in HandlerCall.Err
		if herr != nil {
			herr.Event = event
			err = herr
		}
		if o.End != nil {
			o.End(hctx, HandlerCall{Event: event, Handler: s.name, Duration: elapsed, Err: err})
		}
		if herr != nil {
			b.reportError(ctx, herr)
		}
	}
}
