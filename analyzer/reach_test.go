package analyzer_test

import (
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Package app does not import the bus: it calls the methods of the bus
// embedded in rt.Runtime. Its names are checked and its emits reach the
// program's whole-program check all the same.
func TestReachThroughEmbeddedType(t *testing.T) {
	suite := analyzer.NewSuite()
	// Each run checks the want comments of the packages it is given: the
	// naming findings are in app, the program's in cmd/ingest.
	analysistest.Run(t, testdata, suite.Naming, "./reach/embed/app", "./reach/embed/idle")
	analysistest.Run(t, testdata, suite.Unregistered, "./reach/embed/cmd/ingest", "./reach/embed/audit", "./reach/embed/idle")
}
