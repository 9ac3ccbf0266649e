package bus_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/eventlint/eventlint/bus"
)

type Invoice struct {
	ID     string
	Amount int
}

// A handler package registers its handlers from init with On, and the code
// where the event happens calls Emit. Both use the Default bus.
func ExampleOn() {
	// In package billing, in func init:
	unsubscribe := bus.On("invoice.paid", func(ctx context.Context, inv *Invoice) error {
		fmt.Printf("billing: invoice %s paid, %d cents\n", inv.ID, inv.Amount)
		return nil
	})
	defer unsubscribe() // only because examples share the Default bus

	// Anywhere else:
	bus.Emit(context.Background(), "invoice.paid", &Invoice{ID: "INV-1", Amount: 4200})
	// Output:
	// billing: invoice INV-1 paid, 4200 cents
}

// A separate Bus, for example one owned by a library or a test, is made with
// New and used with Subscribe and its Emit method. Handlers run in the order
// they subscribed; a Fields payload carries named values.
func ExampleSubscribe() {
	b := bus.New()
	bus.Subscribe(b, "user.signed_up", func(ctx context.Context, f bus.Fields) error {
		fmt.Println("send welcome mail to", f["email"])
		return nil
	})
	bus.Subscribe(b, "user.signed_up", func(ctx context.Context, f bus.Fields) error {
		fmt.Println("count sign-up from", f["source"])
		return nil
	})
	b.Emit(context.Background(), "user.signed_up", bus.Fields{"email": "ada@example.com", "source": "ads"})
	// Output:
	// send welcome mail to ada@example.com
	// count sign-up from ads
}

// The function returned by Subscribe removes the handler; it reports true only
// the first time.
func ExampleSubscribe_unsubscribe() {
	b := bus.New(bus.WithUnhandled(func(ctx context.Context, event string, payload any) {
		fmt.Println("nobody handled", event)
	}))
	unsubscribe := bus.Subscribe(b, "tick", func(ctx context.Context, n int) error {
		fmt.Println("tick", n)
		return nil
	})
	b.Emit(context.Background(), "tick", 1)
	fmt.Println(unsubscribe())
	fmt.Println(unsubscribe())
	b.Emit(context.Background(), "tick", 2)
	// Output:
	// tick 1
	// true
	// false
	// nobody handled tick
}

var errCardDeclined = errors.New("card declined")

func chargeCard(ctx context.Context, inv *Invoice) error {
	if inv.Amount > 1000 {
		return errCardDeclined
	}
	return nil
}

func updateLedger(ctx context.Context, inv *Invoice) error {
	var ledger map[string]int
	ledger[inv.ID] = inv.Amount // a bug: assignment to a nil map panics
	return nil
}

func notifyCustomer(ctx context.Context, inv *Invoice) error {
	fmt.Println("customer notified about", inv.ID)
	return nil
}

// A handler that fails or panics does not stop the others. The error handler
// is told which handler failed, and why.
func ExampleWithErrorHandler() {
	b := bus.New(bus.WithErrorHandler(func(ctx context.Context, err *bus.HandlerError) {
		switch {
		case err.Panic != nil:
			fmt.Printf("%s panicked on %s: %v\n", err.Handler, err.Event, err.Panic)
		case errors.Is(err, errCardDeclined):
			fmt.Printf("%s: card declined\n", err.Handler)
		default:
			fmt.Println(err)
		}
	}))
	bus.Subscribe(b, "invoice.created", chargeCard)
	bus.Subscribe(b, "invoice.created", updateLedger)
	bus.Subscribe(b, "invoice.created", notifyCustomer)

	b.Emit(context.Background(), "invoice.created", &Invoice{ID: "INV-2", Amount: 5000})
	// Output:
	// github.com/eventlint/eventlint/bus_test.chargeCard: card declined
	// github.com/eventlint/eventlint/bus_test.updateLedger panicked on invoice.created: assignment to entry in nil map
	// customer notified about INV-2
}

// An observer sees every handler call. This one logs each with log/slog, at
// level Error for a failure and Debug otherwise; the same two functions could
// count calls or open a trace span around each one (docs/bus.md shows
// OpenTelemetry).
func ExampleBus_SetObserver() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		Level: slog.LevelDebug,
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == "duration" {
				return slog.Attr{} // they vary from run to run
			}
			return a
		},
	}))
	b := bus.New(bus.WithErrorHandler(func(context.Context, *bus.HandlerError) {}))
	b.SetObserver(bus.Observer{
		End: func(ctx context.Context, c bus.HandlerCall) {
			level := slog.LevelDebug
			if c.Err != nil {
				level = slog.LevelError
			}
			logger.Log(ctx, level, "event handled", "event", c.Event, "handler", c.Handler,
				"duration", c.Duration, "error", c.Err)
		},
	})
	bus.Subscribe(b, "invoice.created", chargeCard)
	bus.Subscribe(b, "invoice.created", notifyCustomer)

	b.Emit(context.Background(), "invoice.created", &Invoice{ID: "INV-3", Amount: 5000})
	// Output:
	// level=ERROR msg="event handled" event=invoice.created handler=github.com/eventlint/eventlint/bus_test.chargeCard error="bus: handler github.com/eventlint/eventlint/bus_test.chargeCard for \"invoice.created\": card declined"
	// customer notified about INV-3
	// level=DEBUG msg="event handled" event=invoice.created handler=github.com/eventlint/eventlint/bus_test.notifyCustomer error=<nil>
}

// Handlers lists what is subscribed, for an admin endpoint or a start-up log
// line: the events in name order, each with its handlers in the order Emit
// calls them.
func ExampleBus_Handlers() {
	b := bus.New()
	bus.Subscribe(b, "invoice.created", chargeCard)
	bus.Subscribe(b, "invoice.created", notifyCustomer)
	bus.Subscribe(b, "invoice.archived", notifyCustomer)
	for _, e := range b.Handlers() {
		fmt.Println(e.Event, e.Handlers)
	}
	// Output:
	// invoice.archived [github.com/eventlint/eventlint/bus_test.notifyCustomer]
	// invoice.created [github.com/eventlint/eventlint/bus_test.chargeCard github.com/eventlint/eventlint/bus_test.notifyCustomer]
}
