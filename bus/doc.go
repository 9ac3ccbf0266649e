// Package bus is a small, fast, in-process event bus.
//
// One part of a program emits a named event with a payload; the handlers
// that other packages subscribed to that name are called with it. The bus
// lives inside one process and is synchronous: Emit calls the handlers on the
// emitting goroutine and returns when they have all returned. It is not a
// message queue: nothing is persisted, retried, buffered or sent to another
// process, and an event emitted while nobody is subscribed is gone.
//
// # Usage
//
// A handler package subscribes from its init function, with a handler typed
// for the payload it expects:
//
//	package notify
//
//	func init() {
//		bus.On("employee.created", sendWelcomeMail)
//	}
//
//	func sendWelcomeMail(ctx context.Context, e *hr.Employee) error {
//		return mail.Send(ctx, e.Email, "Welcome!")
//	}
//
// and the code where the event happens emits it:
//
//	bus.Emit(ctx, "employee.created", employee)
//
// On and the package-level Emit use the process-wide Default bus; New makes
// a separate Bus (for a library, or for a test) and Subscribe and Bus.Emit
// work on it. A payload that is a set of named values rather than one type
// can be passed as Fields, to handlers that take Fields.
//
// # Handler packages must be imported
//
// A handler package takes part only if its init function runs, that is, if
// the program imports it. Nothing else refers to it, so it is usually
// imported for its side effect only:
//
//	import _ "example.com/app/notify"
//
// Forgetting that import compiles and runs without complaint; the event
// just reaches no handler. eventlint's unregistered check reports events that
// are emitted but whose handler packages are not imported, and WithUnhandled
// lets a Bus report such emits at run time.
//
// # Semantics
//
//   - Emit calls, in subscription order, every handler subscribed to the
//     event when that Emit starts. The set is a snapshot: handlers
//     subscribed or unsubscribed while it runs do not change it.
//   - Handlers run synchronously on the emitting goroutine. No lock is held
//     while a handler runs, so a handler may Emit, subscribe and unsubscribe
//     on the same bus.
//   - A handler that returns an error or panics does not stop the others.
//     The failure goes to the error handler (WithErrorHandler; by default
//     slog.Default() at level Error) as a *HandlerError carrying the event,
//     the handler's function name, and for a panic the recovered value and
//     stack. Emit never returns an error and never re-panics.
//   - A handler is called only with a payload whose dynamic type asserts to
//     its parameter type T. Any other payload is a handler error naming both
//     types. A nil payload is handed over only when T is an interface type.
//   - The function returned by On and Subscribe unsubscribes. It is
//     idempotent, reports whether it removed the subscription, and once it
//     returns no Emit that starts afterwards calls the handler; an Emit
//     already in progress may still call it.
//   - Emit does not look at its context, only passes it to the handlers:
//     every handler is called even if the context is cancelled before or
//     during the Emit. Each handler decides what cancellation means for its
//     work (see Emit for why).
//   - Every function and method is safe for concurrent use. Concurrent
//     Emits do not contend on a lock: Emit reads an immutable,
//     copy-on-write subscription table with one atomic load and does not
//     allocate (an observer's functions may), while subscribing and
//     unsubscribing, which are rare, copy the table under a mutex.
//   - The bus starts no goroutines.
//
// # In production and in tests
//
// SetObserver lets a program see every handler call (event, handler,
// duration, error or panic) to log it, count it or open a trace span around
// it, and Handlers lists what is subscribed, for an admin endpoint or a
// start-up log line. Both work on the same snapshot of the subscriptions as
// Emit.
//
// Tests should not Clear the Default bus: the handlers that init functions
// subscribed would be gone for every later test of the binary. Package
// bus/bustest isolates a bus for one test and gives its subscriptions back
// when the test ends, records what the test emits, and drops emits; it is a
// separate import, so programs do not link it.
package bus

// Fields is a keyword-style payload: a set of named values for events that
// do not warrant a payload type of their own. A handler receives it by
// taking Fields as its payload type; emit a Fields value, since a plain
// map[string]any has a different dynamic type and does not match.
//
// Handlers run one after another on the same map, so a handler that modifies
// it changes what later handlers see; treat it as read-only.
type Fields map[string]any
