package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/eventlint/eventlint/analyzer"
)

// TestBusDirective: a bus declared by directives on an interface
// (busdirective/ports), implemented in another package (hub) and called
// through the interface in a third (orders), has its calls checked as
// sites; so has a bus of func-typed fields. Malformed directives are
// reported at their line (EL0002).
func TestBusDirective(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./busdirective/...")
}

// TestSuiteBusFuncs: -bus.funcs belongs to a suite. The same package gives
// a suite whose flag declares (example.com/lint/busfuncs/hub.Hub).Send an
// emit findings at its calls, and a suite without the flag none.
func TestSuiteBusFuncs(t *testing.T) {
	configured := analyzer.NewSuite()
	if err := configured.Model.Flags.Set(analyzer.FlagFuncs, "(*example.com/lint/busfuncs/hub.Hub).Send:emit:name=topic,payload=1"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, configured.Naming, "./busfuncs/app")
	plain := analyzer.NewSuite()
	for _, r := range analysistest.Run(&silentT{T: t}, testdata, plain.Naming, "./busfuncs/app") {
		if len(r.Diagnostics) > 0 {
			t.Errorf("a suite without -bus.funcs reported %d findings in %s, want none", len(r.Diagnostics), r.Pass.Pkg.Path())
		}
	}
}

// silentT drops analysistest's complaints about unmatched // want
// comments: the run checks that nothing is reported.
type silentT struct{ *testing.T }

func (t *silentT) Errorf(string, ...any) {}

// TestBusFuncsFlag: malformed -bus.funcs entries are flag errors.
func TestBusFuncsFlag(t *testing.T) {
	for _, bad := range []string{
		"example.com/hub.Broadcast",
		"example.com/hub.Broadcast:send:name=0",
		"example.com/hub.Broadcast:emit:payload=1",
		"example.com/hub.Broadcast:emit:name=0,name=1",
		"example.com/hub.Broadcast:emit:name=0,handler=1",
		"example.com/hub.Broadcast:subscribe:name=0,form=reflect",
		"Broadcast:emit:name=0",
		"(*example.com/hub.Hub:emit:name=0",
	} {
		if err := analyzer.NewSuite().Model.Flags.Set(analyzer.FlagFuncs, bad); err == nil {
			t.Errorf("-bus.funcs=%q: no error", bad)
		}
	}
	ok := "(*example.com/hub.Hub).On:subscribe:name=event,handler=fn;(example.com/hub.Publisher).Publish:emit:name=1,payload=2"
	if err := analyzer.NewSuite().Model.Flags.Set(analyzer.FlagFuncs, ok); err != nil {
		t.Errorf("-bus.funcs=%q: %v", ok, err)
	}
}

// TestBrokerScope: a bus declared with scope=broker delivers to
// subscribers that may live in another process, so the program checks
// stay silent about an event no handler in the program receives; the
// same bus declared in-process gets EL3001.
func TestBrokerScope(t *testing.T) {
	const fn = "(*example.com/lint/broker/hub.Conn).Publish:emit:name=subject,payload=data"
	process := analyzer.NewSuite()
	if err := process.Model.Flags.Set(analyzer.FlagFuncs, fn); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, process.Unregistered, "./broker/cmd/app")

	broker := analyzer.NewSuite()
	if err := broker.Model.Flags.Set(analyzer.FlagFuncs, fn+",scope=broker"); err != nil {
		t.Fatal(err)
	}
	for _, r := range analysistest.Run(&silentT{T: t}, testdata, broker.Unregistered, "./broker/cmd/app") {
		for _, d := range r.Diagnostics {
			t.Errorf("scope=broker: %s reported %q, want nothing", r.Pass.Pkg.Path(), d.Message)
		}
	}
}
