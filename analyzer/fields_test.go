package analyzer_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Without a module view the reads of bus.Fields handlers are checked in
// package main against the emits linked into the program, and the values
// of catalogued keys at the emits.
func TestFieldsProgram(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Fields, "./fields/program/...")
}

// With the module view of the standalone driver the reads are checked
// against the whole module where they are (or at the subscription, for a
// handler of another package); package main reports only the reads that
// the emits in its program do not provide but the module's do.
func TestFieldsModule(t *testing.T) {
	suite := analyzer.NewSuite()
	suite.SetModule(standaloneView(t, load(t, testdata, nil, nil, "./fields/module/...")))
	analysistest.Run(t, testdata, suite.Fields, "./fields/module/...")
}

// standaloneView runs the model over pkgs and builds the module view from
// each package's own sites and imports, as the standalone driver does.
func standaloneView(t *testing.T, pkgs []*packages.Package) *analyzer.ModuleView {
	t.Helper()
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("load errors")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Model}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var views []*analyzer.PackageView
	for _, act := range graph.Roots {
		res, ok := act.Result.(*analyzer.Result)
		if !ok {
			t.Fatalf("%s: no result: %v", act, act.Err)
		}
		imps := slices.Sorted(maps.Keys(act.Package.Imports))
		views = append(views, &analyzer.PackageView{Path: act.Package.PkgPath, Name: act.Package.Name, Imports: imps, Own: res.Own})
	}
	return analyzer.NewModuleView(views)
}
