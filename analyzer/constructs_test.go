package analyzer_test

import (
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
