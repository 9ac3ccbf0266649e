package analyzer_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A function that assigns to its name parameter, or takes its address,
// before passing it to the bus does not forward its callers' names: its
// bus call is a computed-name site and its callers are no sites.
func TestReassign(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./reassign")
}

// Function values: a literal held by a variable that holds nothing else
// and that forwards its parameter is a wrapper; a call through a
// variable or unexported field that only ever holds a bus function is a
// site; a bus function stored where its calls cannot be followed counts
// as a computed-name site in the summary.
func TestFuncValue(t *testing.T) {
	results := analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./funcvalue")
	own := results[0].Pass.ResultOf[analyzer.Model].(*analyzer.Result).Own
	var dynamic []string
	for _, d := range own.Dynamic {
		dynamic = append(dynamic, fmt.Sprintf("%s:%d %s", d.Pos.File, d.Pos.Line, d.Kind))
	}
	// registerAll's computed name, then bus functions stored where their
	// calls are not followed: passed to newNotifier, in an exported
	// variable, in a variable that is set again.
	want := []string{"funcvalue.go:38 subscribe", "funcvalue.go:84 emit", "funcvalue.go:88 subscribe", "funcvalue.go:95 emit"}
	if !slices.Equal(dynamic, want) {
		t.Errorf("computed-name sites of funcvalue: %q, want %q", dynamic, want)
	}
}
