package bustest_test

import (
	"context"
	"testing"

	"github.com/eventlint/eventlint/bus"
	"github.com/eventlint/eventlint/bus/bustest"
)

// hire is the code under test in the examples: it emits on the Default bus,
// where handler packages subscribed from init.
func hire(ctx context.Context, id int, name string) {
	bus.Emit(ctx, "employee.created", bus.Fields{"employee_id": id, "name": name})
}

// A test that wants the Default bus to itself isolates it: it starts empty,
// the test subscribes what it needs, and the handlers that init functions
// subscribed are back when the test ends, also if it fails or panics.
// (The examples show the body of a test function; t is its *testing.T.)
func ExampleIsolate() {
	var t *testing.T // the test's

	bustest.Isolate(t, bus.Default())
	var got []int
	bus.On("employee.created", func(ctx context.Context, f bus.Fields) error {
		got = append(got, f["employee_id"].(int))
		return nil
	})
	hire(context.Background(), 42, "Ada")
	if len(got) != 1 || got[0] != 42 {
		t.Errorf("handler got %v, want [42]", got)
	}
}

// A test checks what the code under test emitted with a Recorder. Failures
// list everything that was emitted:
//
//	want "employee.created" emitted once with employee_id=42, got:
//		"employee.created" with employee_id=41 name="Ada"
func ExampleRecord() {
	var t *testing.T // the test's

	rec := bustest.Record(t, bus.Default())
	hire(context.Background(), 42, "Ada")
	rec.WantOnce(t, "employee.created", bus.Fields{"employee_id": 42})
	rec.WantEvents(t, "employee.created")
}

// Dropping the emits keeps the handlers from running, as a no-op Emit would,
// without changing the code under test; with a Recorder the test still sees
// what was emitted.
func ExampleDrop() {
	var t *testing.T // the test's

	bustest.Drop(t, bus.Default()) // no welcome mail is sent
	rec := bustest.Record(t, bus.Default())
	hire(context.Background(), 42, "Ada")
	rec.WantCount(t, "employee.created", 1)
}

// IsolateCopy starts from the bus's current subscriptions; what the test
// changes is undone when it ends. Subtests may use the bus their parent
// holds, one after another.
func ExampleIsolateCopy() {
	var t *testing.T // the test's

	bustest.IsolateCopy(t, bus.Default())
	bus.Default().SetObserver(bus.Observer{
		End: func(ctx context.Context, c bus.HandlerCall) {
			if c.Err != nil {
				t.Errorf("handler failed: %v", c.Err)
			}
		},
	})
	for _, name := range []string{"Ada", "Grace"} {
		t.Run(name, func(t *testing.T) {
			rec := bustest.Record(t, bus.Default())
			hire(context.Background(), 42, name)
			rec.WantOnce(t, "employee.created", bus.Fields{"name": name})
		})
	}
}
