package bustest_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/eventlint/eventlint/bus"
	"github.com/eventlint/eventlint/bus/bustest"
)

const pkg = "github.com/eventlint/eventlint/bus/bustest_test"

// welcomed counts the calls of sendWelcome, the handler this package
// subscribes on the Default bus from init, as a handler package would.
var (
	welcomedMu sync.Mutex
	welcomed   int
)

func sendWelcome(context.Context, bus.Fields) error {
	welcomedMu.Lock()
	defer welcomedMu.Unlock()
	welcomed++
	return nil
}

func welcomes() int {
	welcomedMu.Lock()
	defer welcomedMu.Unlock()
	return welcomed
}

var unsubscribeWelcome func() bool

func init() {
	unsubscribeWelcome = bus.On("employee.created", sendWelcome)
}

// initial is what init subscribed on the Default bus.
var initial = []bus.EventHandlers{{Event: "employee.created", Handlers: []string{pkg + ".sendWelcome"}}}

func equalHandlers(a, b []bus.EventHandlers) bool {
	return slices.EqualFunc(a, b, func(a, b bus.EventHandlers) bool {
		return a.Event == b.Event && slices.Equal(a.Handlers, b.Handlers)
	})
}

// wantInitial fails t unless the Default bus has exactly what init
// subscribed, and delivers to it.
func wantInitial(t *testing.T) {
	t.Helper()
	if got := bus.Default().Handlers(); !equalHandlers(got, initial) {
		t.Fatalf("Default bus has %v, want %v", got, initial)
	}
	before := welcomes()
	bus.Emit(context.Background(), "employee.created", bus.Fields{})
	if welcomes() != before+1 {
		t.Fatal("the handler subscribed from init was not called")
	}
}

func TestIsolate(t *testing.T) {
	var unsubscribe func() bool
	t.Run("isolated", func(t *testing.T) {
		bustest.Isolate(t, bus.Default())
		if got := bus.Default().Handlers(); len(got) != 0 {
			t.Fatalf("isolated Default bus has %v, want nothing", got)
		}
		before := welcomes()
		called := false
		unsubscribe = bus.On("employee.created", func(context.Context, bus.Fields) error {
			called = true
			return nil
		})
		bus.Emit(context.Background(), "employee.created", bus.Fields{})
		if !called || welcomes() != before {
			t.Fatalf("the test's handler called %v, init's handler called %d times; want true, 0", called, welcomes()-before)
		}
		// Unsubscribing init's handler during the test does not find it.
		if unsubscribeWelcome() {
			t.Fatal("unsubscribe of init's handler found it on the isolated bus")
		}
	})
	wantInitial(t)
	if unsubscribe() {
		t.Error("unsubscribe of the isolated test's handler returned true after the test")
	}
}

func TestIsolateCopy(t *testing.T) {
	t.Run("copy", func(t *testing.T) {
		bustest.IsolateCopy(t, bus.Default())
		if got := bus.Default().Handlers(); !equalHandlers(got, initial) {
			t.Fatalf("copied Default bus has %v, want %v", got, initial)
		}
		if !unsubscribeWelcome() {
			t.Fatal("unsubscribe of init's handler did not find it on the copy")
		}
		bus.On("employee.deleted", func(context.Context, bus.Fields) error { return nil })
		bus.Default().SetObserver(bus.Observer{End: func(context.Context, bus.HandlerCall) {}})
	})
	wantInitial(t)
	// The observer the test set is gone as well: an unobserved Emit does
	// not allocate.
	emp := bus.Fields{}
	if a := testing.AllocsPerRun(100, func() { bus.Emit(context.Background(), "employee.created", emp) }); a != 0 {
		t.Errorf("Emit after the test allocates %v times; was its observer left behind?", a)
	}
}

// TestRestoredWhenTestFails runs the test below in a child process, where it
// isolates the Default bus, subscribes and then fails, calls t.FailNow or
// panics. The child's last cleanup, which runs after bustest's, prints what
// the Default bus then has.
func TestRestoredWhenTestFails(t *testing.T) {
	if os.Getenv("BUSTEST_CHILD") != "" {
		t.Skip("the child runs TestChild only")
	}
	for _, how := range []string{"error", "fatal", "panic"} {
		t.Run(how, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "BUSTEST_CHILD="+how)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the child test passed; want it to fail:\n%s", out)
			}
			want := fmt.Sprintf("after cleanup: %v", initial)
			if !strings.Contains(string(out), want) {
				t.Fatalf("child output does not contain %q:\n%s", want, out)
			}
		})
	}
}

func TestChild(t *testing.T) {
	how := os.Getenv("BUSTEST_CHILD")
	if how == "" {
		t.Skip("run by TestRestoredWhenTestFails")
	}
	t.Cleanup(func() { fmt.Printf("after cleanup: %v\n", bus.Default().Handlers()) })
	bustest.Isolate(t, bus.Default())
	bus.On("employee.deleted", func(context.Context, bus.Fields) error { return nil })
	fmt.Printf("during the test: %v\n", bus.Default().Handlers())
	switch how {
	case "error":
		t.Error("failing on purpose")
	case "fatal":
		t.Fatal("failing on purpose")
	case "panic":
		panic("panicking on purpose")
	}
}

// fakeT is a testing.TB whose failures the test can inspect. Its run method
// runs a function as a test on a goroutine of its own, so that Fatalf can
// end it with runtime.Goexit as testing.T.FailNow does; end runs the
// cleanups.
type fakeT struct {
	testing.TB // the real test, for the methods fakeT does not override
	name       string

	mu       sync.Mutex
	cleanups []func()
	errors   []string
	fatal    string
}

func newFakeT(t *testing.T, name string) *fakeT { return &fakeT{TB: t, name: name} }

func (f *fakeT) Name() string { return f.name }
func (f *fakeT) Helper()      {}

func (f *fakeT) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatal = fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeT) run(fn func(t testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
}

func (f *fakeT) end() {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
}

func TestSecondTestOnTheSameBusFails(t *testing.T) {
	b := bus.New()
	bus.Subscribe(b, "employee.created", sendWelcome)
	first := newFakeT(t, "TestFirst")
	first.run(func(t testing.TB) { bustest.Isolate(t, b) })

	second := newFakeT(t, "TestSecond")
	reached := false
	second.run(func(t testing.TB) {
		bustest.Record(t, b)
		reached = true
	})
	want := fmt.Sprintf("bustest: TestSecond cannot use bus %p: TestFirst holds it until it ends; tests that use the same bus through bustest must not run in parallel", b)
	if second.fatal != want || reached {
		t.Fatalf("second test: Fatalf %q, went on %v; want %q and stopped", second.fatal, reached, want)
	}
	// A test named like the holder but not its subtest fails too.
	third := newFakeT(t, "TestFirstAgain")
	third.run(func(t testing.TB) { bustest.Drop(t, b) })
	if !strings.Contains(third.fatal, "TestFirst holds it") {
		t.Fatalf("third test: Fatalf %q", third.fatal)
	}
	if len(b.Handlers()) != 0 {
		t.Fatal("the failed tests changed the bus the first test holds")
	}

	first.end()
	if got := b.Handlers(); len(got) != 1 {
		t.Fatalf("after the first test: %v, want its handler back", got)
	}
	// Once the holder has ended, another test may take the bus.
	second = newFakeT(t, "TestSecond")
	second.run(func(t testing.TB) { bustest.Isolate(t, b) })
	if second.fatal != "" {
		t.Fatalf("after the holder ended: %s", second.fatal)
	}
	second.end()
}

func TestDefaultBusNamedInFailure(t *testing.T) {
	first := newFakeT(t, "TestFirst")
	first.run(func(t testing.TB) { bustest.IsolateCopy(t, bus.Default()) })
	defer first.end()
	second := newFakeT(t, "TestSecond")
	second.run(func(t testing.TB) { bustest.IsolateCopy(t, bus.Default()) })
	if !strings.HasPrefix(second.fatal, "bustest: TestSecond cannot use bus.Default(): TestFirst holds it") {
		t.Fatalf("Fatalf %q", second.fatal)
	}
}

func TestSubtestsShareTheirParentsBus(t *testing.T) {
	bustest.Isolate(t, bus.Default())
	rec := bustest.Record(t, bus.Default())
	bus.On("employee.created", sendWelcome)
	for _, name := range []string{"first", "second"} {
		t.Run(name, func(t *testing.T) {
			sub := bustest.Record(t, bus.Default())
			bustest.Drop(t, bus.Default())
			before := welcomes()
			bus.Emit(context.Background(), "employee.created", bus.Fields{"test": name})
			if welcomes() != before {
				t.Error("a dropped emit reached a handler")
			}
			sub.WantEvents(t, "employee.created")
		})
	}
	// The subtests' emits reached the parent's recorder; their Drop ended
	// with them.
	before := welcomes()
	bus.Emit(context.Background(), "employee.created", bus.Fields{"test": "parent"})
	if welcomes() != before+1 {
		t.Error("the parent's handler was not called after the subtests")
	}
	rec.WantEvents(t, "employee.created", "employee.created", "employee.created")
	rec.WantOnce(t, "employee.created", bus.Fields{"test": "second"})
}

func TestParallelTestsWithTheirOwnBus(t *testing.T) {
	for i := range 4 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			b := bus.New()
			bus.Subscribe(b, "employee.created", func(context.Context, bus.Fields) error { return nil })
			bustest.Isolate(t, b)
			rec := bustest.Record(t, b)
			for j := range 50 {
				b.Emit(context.Background(), "employee.created", bus.Fields{"n": j})
			}
			rec.WantCount(t, "employee.created", 50)
			if len(b.Handlers()) != 0 {
				t.Error("isolated bus has handlers")
			}
		})
	}
}

type Invoice struct {
	ID     string
	Amount int
}

func TestRecord(t *testing.T) {
	unhandled := 0
	b := bus.New(bus.WithUnhandled(func(context.Context, string, any) { unhandled++ }))
	bus.Subscribe(b, "invoice.paid", func(ctx context.Context, inv *Invoice) error {
		b.Emit(ctx, "ledger.booked", bus.Fields{"invoice_id": inv.ID})
		return nil
	})
	b.Emit(context.Background(), "invoice.paid", &Invoice{ID: "INV-0"}) // before Record

	rec := bustest.Record(t, b)
	if bustest.Record(t, b) != rec {
		t.Error("a second Record in the same test returned another Recorder")
	}
	b.Emit(context.Background(), "invoice.paid", &Invoice{ID: "INV-1", Amount: 4200})
	b.Emit(context.Background(), "invoice.voided", nil)

	want := []bustest.Event{
		{Name: "invoice.paid", Payload: &Invoice{ID: "INV-1", Amount: 4200}},
		{Name: "ledger.booked", Payload: bus.Fields{"invoice_id": "INV-1"}},
		{Name: "invoice.voided", Payload: nil},
	}
	got := rec.Events()
	if len(got) != len(want) {
		t.Fatalf("recorded %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Name != want[i].Name || fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("event %d: %v, want %v", i, got[i], want[i])
		}
	}
	// Handlers and the unhandled function still run while recording: the
	// ledger.booked emits, before Record and after, and invoice.voided.
	if unhandled != 3 {
		t.Errorf("WithUnhandled called %d times, want 3", unhandled)
	}
	rec.WantOnce(t, "invoice.paid", &Invoice{ID: "INV-1", Amount: 4200})
	rec.WantOnce(t, "ledger.booked", bus.Fields{"invoice_id": "INV-1"})
	rec.WantOnce(t, "invoice.voided", nil)
	rec.WantCount(t, "invoice.created", 0)
	rec.WantEvents(t, "invoice.paid", "ledger.booked", "invoice.voided")
}

type EmployeeID int

func TestRecorderFailureMessages(t *testing.T) {
	b := bus.New()
	ft := newFakeT(t, "TestHire")
	var rec *bustest.Recorder
	ft.run(func(t testing.TB) { rec = bustest.Record(t, b) })
	defer ft.end()

	check := func(name string, f func(t testing.TB), want string) {
		t.Helper()
		ft.errors = nil
		f(ft)
		if len(ft.errors) != 1 || ft.errors[0] != want {
			t.Errorf("%s: errors\n%q\nwant\n%q", name, ft.errors, want)
		}
	}
	check("nothing emitted", func(t testing.TB) { rec.WantOnce(t, "employee.created", bus.Fields{"employee_id": 42}) },
		`want "employee.created" emitted once with employee_id=42, got: no emits`)

	b.Emit(context.Background(), "employee.created", bus.Fields{"employee_id": int64(42), "name": "Ada"})
	b.Emit(context.Background(), "employee.updated", bus.Fields{"employee_id": EmployeeID(42), "nick": bustestName("ada")})
	b.Emit(context.Background(), "invoice.paid", &Invoice{ID: "INV-1", Amount: 4200})
	b.Emit(context.Background(), "employee.archived", bus.Fields{})
	const got = "\n\t" + `"employee.created" with employee_id=int64(42) name="Ada"` +
		"\n\t" + `"employee.updated" with employee_id=bustest_test.EmployeeID(42) nick=bustest_test.bustestName("ada")` +
		"\n\t" + `"invoice.paid" with &bustest_test.Invoice{ID:"INV-1", Amount:4200}` +
		"\n\t" + `"employee.archived" with bus.Fields{}`

	check("value of another type", func(t testing.TB) { rec.WantOnce(t, "employee.created", bus.Fields{"employee_id": 42}) },
		`want "employee.created" emitted once with employee_id=42, got:`+got)
	check("typed payload", func(t testing.TB) { rec.WantOnce(t, "invoice.paid", &Invoice{ID: "INV-1", Amount: 42}) },
		`want "invoice.paid" emitted once with &bustest_test.Invoice{ID:"INV-1", Amount:42}, got:`+got)
	check("Fields want, typed payload", func(t testing.TB) { rec.WantOnce(t, "invoice.paid", bus.Fields{"ID": "INV-1"}) },
		`want "invoice.paid" emitted once with ID="INV-1", got:`+got)
	check("count", func(t testing.TB) { rec.WantCount(t, "employee.created", 2) },
		`want "employee.created" emitted 2 times, got:`+got)
	check("count once", func(t testing.TB) { rec.WantCount(t, "employee.deleted", 1) },
		`want "employee.deleted" emitted once, got:`+got)
	check("order", func(t testing.TB) { rec.WantEvents(t, "employee.updated", "employee.created") },
		`want emits of "employee.updated", "employee.created" in this order, got:`+got)
	check("none", func(t testing.TB) { rec.WantEvents(t) },
		`want no emits, got:`+got)

	// What matches reports nothing.
	ft.errors = nil
	rec.WantOnce(ft, "employee.created", bus.Fields{"employee_id": int64(42)})
	rec.WantOnce(ft, "employee.created", bus.Fields{"name": "Ada", "employee_id": int64(42)})
	rec.WantOnce(ft, "invoice.paid", &Invoice{ID: "INV-1", Amount: 4200})
	rec.WantOnce(ft, "employee.archived", bus.Fields{})
	rec.WantCount(ft, "employee.created", 1)
	rec.WantEvents(ft, "employee.created", "employee.updated", "invoice.paid", "employee.archived")
	if len(ft.errors) != 0 {
		t.Errorf("matching checks reported %q", ft.errors)
	}

	// Twice with the same payload is not once.
	b.Emit(context.Background(), "employee.archived", bus.Fields{})
	ft.errors = nil
	rec.WantOnce(ft, "employee.archived", bus.Fields{})
	if len(ft.errors) != 1 {
		t.Errorf("a payload emitted twice passed WantOnce")
	}
}

type bustestName string

func TestDrop(t *testing.T) {
	t.Run("dropped", func(t *testing.T) {
		bustest.Drop(t, bus.Default())
		rec := bustest.Record(t, bus.Default())
		before := welcomes()
		bus.Emit(context.Background(), "employee.created", bus.Fields{"employee_id": 42})
		if welcomes() != before {
			t.Error("a dropped emit reached init's handler")
		}
		if got := bus.Default().Handlers(); !equalHandlers(got, initial) {
			t.Errorf("Drop changed the subscriptions: %v", got)
		}
		rec.WantOnce(t, "employee.created", bus.Fields{"employee_id": 42})
	})
	wantInitial(t)

	unhandled := 0
	b := bus.New(bus.WithUnhandled(func(context.Context, string, any) { unhandled++ }))
	t.Run("unhandled", func(t *testing.T) {
		bustest.Drop(t, b)
		b.Emit(context.Background(), "nobody.listens", nil)
	})
	if unhandled != 0 {
		t.Errorf("a dropped emit called WithUnhandled")
	}
	b.Emit(context.Background(), "nobody.listens", nil)
	if unhandled != 1 {
		t.Errorf("after the test, WithUnhandled called %d times, want 1", unhandled)
	}
}

// TestRecordConcurrentEmits records emits from several goroutines, under
// -race, while the bus's subscriptions change.
func TestRecordConcurrentEmits(t *testing.T) {
	b := bus.New()
	rec := bustest.Record(t, b)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				unsubscribe := bus.Subscribe(b, "employee.created", sendWelcome)
				b.Emit(context.Background(), "employee.created", bus.Fields{"g": g, "i": i})
				unsubscribe()
			}
		})
	}
	wg.Wait()
	rec.WantCount(t, "employee.created", 400)
	for g := range 4 {
		rec.WantOnce(t, "employee.created", bus.Fields{"g": g, "i": 99})
	}
}

// The bus package must not link this one, nor package testing.
func TestBusDoesNotLinkBustest(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/eventlint/eventlint/bus").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for dep := range strings.FieldsSeq(string(out)) {
		if dep == "testing" || strings.HasSuffix(dep, "/bustest") {
			t.Errorf("package bus depends on %s", dep)
		}
	}
}
