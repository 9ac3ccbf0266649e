package analyzer_test

import (
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata is the module of analysistest packages, one folder per feature.
const testdata = "../testdata"

func TestNaming(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./naming", "./naming/phrasal")
}

// Ignore directives and generated files are handled in report.go for every
// check; the naming check is the simplest to show them with.
func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./ignore")
}
