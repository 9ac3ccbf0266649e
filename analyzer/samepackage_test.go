package analyzer_test

import (
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// enabledSamePackage returns the samepackage analyzer of suite with
// -samepackage.enable set.
func enabledSamePackage(t *testing.T, suite *analyzer.Suite) *analysis.Analyzer {
	t.Helper()
	if err := suite.SamePackage.Flags.Set(analyzer.FlagEnable, "true"); err != nil {
		t.Fatal(err)
	}
	return suite.SamePackage
}

// The check is opt-in: by default an event that never leaves its package
// is not reported.
func TestSamePackageOff(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().SamePackage, "./samepackage/off/...")
}

// Without a module view each program is checked in package main; events
// handled or emitted by another package, and events nothing handles, are
// not reported.
func TestSamePackageProgram(t *testing.T) {
	analysistest.Run(t, testdata, enabledSamePackage(t, analyzer.NewSuite()), "./samepackage/program/...")
}

// With the module view the check looks at the whole module and reports at
// the emits; package main adds nothing.
func TestSamePackageModule(t *testing.T) {
	suite := analyzer.NewSuite()
	suite.SetModule(standaloneView(t, load(t, testdata, nil, nil, "./samepackage/module/...")))
	analysistest.Run(t, testdata, enabledSamePackage(t, suite), "./samepackage/module/...")
}

// A subscription or emit under a computed name in another package may be
// the event: nothing is reported.
func TestSamePackageDynamic(t *testing.T) {
	analysistest.Run(t, testdata, enabledSamePackage(t, analyzer.NewSuite()), "./samepackage/dynamic/...")
}
