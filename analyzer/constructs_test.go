package analyzer_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A function that assigns to its name parameter, or takes its address,
// before passing it to the bus does not forward its callers' names: its
// bus call is a computed-name site and its callers, in its package or
// another (reassign/caller), are no sites.
func TestReassign(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./reassign/...")
}

// Function values: a literal held by a variable that holds nothing else
// and that forwards its parameter is a wrapper; a call through a
// variable or unexported field that only ever holds a bus function is a
// site; a bus function stored where its calls cannot be followed counts
// as a computed-name site in the summary.
func TestFuncValue(t *testing.T) {
	results := analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./funcvalue")
	own := modelOf(results[0].Pass).Own
	var dynamic []string
	for _, d := range own.Dynamic {
		dynamic = append(dynamic, fmt.Sprintf("%s:%d %s", d.Pos.File, d.Pos.Line, d.Kind))
	}
	// registerAll's computed name, then bus functions stored where their
	// calls are not followed: passed to newNotifier, in an exported
	// variable, in a variable that is set again; and the wrapper
	// announce passed to later.
	want := []string{"funcvalue.go:38 subscribe", "funcvalue.go:84 emit", "funcvalue.go:88 subscribe", "funcvalue.go:95 emit", "funcvalue.go:108 emit"}
	if !slices.Equal(dynamic, want) {
		t.Errorf("computed-name sites of funcvalue: %q, want %q", dynamic, want)
	}
}

// Calls through an interface: at package level (go vet) they are no bus
// calls, and nothing is reported about them; once ResolveInterfaceCalls
// has seen every package, as the standalone driver does, the calls in
// orders through ports.Publisher, which busadapter implements with a
// wrapper, are emits with their names checked (cmd/eventlint's
// TestDriversIface runs both drivers on it).
func TestIface(t *testing.T) {
	results := analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./iface/...")
	var all []*analyzer.Result
	var orders *analyzer.Result
	for _, r := range results {
		res := modelOf(r.Pass)
		all = append(all, res)
		if r.Pass.Pkg.Path() == "example.com/lint/iface/orders" {
			orders = res
		}
	}
	if orders == nil {
		t.Fatal("package orders was not analysed")
	}
	if len(orders.Sites) != 0 {
		t.Fatalf("orders has %d sites before the interface calls are resolved, want 0", len(orders.Sites))
	}
	analyzer.ResolveInterfaceCalls(all)
	var sites, emits []string
	for _, s := range orders.Sites {
		sites = append(sites, fmt.Sprintf("%s %q", s.Kind, s.Name))
	}
	for _, e := range orders.Own.Emits {
		emits = append(emits, fmt.Sprintf("%s %s:%d", e.Event, e.Pos.File, e.Pos.Line))
	}
	if want := []string{`emit "order.placed"`, `emit "OrderShipped"`}; !slices.Equal(sites, want) {
		t.Errorf("orders' sites: %q, want %q", sites, want)
	}
	if want := []string{"OrderShipped orders.go:23", "order.placed orders.go:19"}; !slices.Equal(emits, want) {
		t.Errorf("orders' own emits: %q, want %q", emits, want)
	}
}

// At package level a call through an interface whose implementation is
// not known, of a method that a method wrapper linked into the program
// has the name of, counts as a computed-name site: alerts subscribes to
// task.done only through ports.Subscriber, so no EL3001 in runner.
func TestIfaceSubscribe(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./ifacesub/...")
}

// modelOf returns the result of the model analyzer that pass's analyzer
// requires (each suite has its own).
func modelOf(pass *analysis.Pass) *analyzer.Result {
	for _, v := range pass.ResultOf {
		if r, ok := v.(*analyzer.Result); ok {
			return r
		}
	}
	return nil
}
