package analyzer_test

import (
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestCatalogue runs the catalogue checks over a catalogue (events), a
// package that imports it (mid), one that sees it only through mid's
// summary (app), the fixes of literals (fix, checked against .golden
// files), a package that sees no catalogue (blind) and one that sees two
// (multi). Without a module view EL2008 stays silent: events has events
// nothing emits.
func TestCatalogue(t *testing.T) {
	a := analyzer.NewSuite().Catalogue
	analysistest.RunWithSuggestedFixes(t, testdata, a,
		"./catalogue/events", "./catalogue/mid", "./catalogue/app", "./catalogue/fix", "./catalogue/blind", "./catalogue/multi")
}

// TestCatalogueRequire sets -catalogue.require: packages that use the bus
// must see that catalogue (EL2007).
func TestCatalogueRequire(t *testing.T) {
	a := analyzer.NewSuite().Catalogue
	if err := a.Flags.Set(analyzer.FlagRequire, "example.com/lint/catalogue/events"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, a, "./catalogue/required/...")
}

// TestCatalogueStale gives the analyzer a module view, as the standalone
// driver does, in which some catalogued events are emitted (EL2008).
func TestCatalogueStale(t *testing.T) {
	s := analyzer.NewSuite()
	s.SetModule(analyzer.NewModuleView([]*analyzer.PackageView{
		{
			Path: "example.com/lint/scheduling", Name: "scheduling",
			Imports: []string{"example.com/lint/catalogue/stale"},
			Own: &analyzer.Summary{
				Emits: []analyzer.EmitRecord{{
					Event: "shift.planned",
					Pos:   analyzer.Pos{Pkg: "example.com/lint/scheduling", File: "plan.go", Line: 12},
				}},
			},
		},
		{
			Path: "example.com/lint/notify", Name: "notify",
			Imports: []string{"example.com/lint/catalogue/stale"},
			Own: &analyzer.Summary{
				Subs: []analyzer.SubRecord{{
					Event:  "shift.cancelled",
					Pos:    analyzer.Pos{Pkg: "example.com/lint/notify", File: "notify.go", Line: 20},
					AtInit: true,
				}},
			},
		},
		{Path: "example.com/lint/catalogue/stale", Name: "stale"}, // no sites of its own
	}))
	analysistest.Run(t, testdata, s.Catalogue, "./catalogue/stale")
}

// A package of the module emits under a computed name ("employee."+state),
// which may be any catalogued event: EL2008 says nothing, by the rule that
// keeps EL3004 silent (TestUnregisteredComputedEmit).
func TestCatalogueComputedEmit(t *testing.T) {
	const hr = "example.com/lint/hr"
	s := analyzer.NewSuite()
	s.SetModule(analyzer.NewModuleView([]*analyzer.PackageView{
		{
			Path: hr, Name: "hr",
			Imports: []string{"example.com/lint/catalogue/computed"},
			Own: &analyzer.Summary{
				Dynamic: []analyzer.DynamicRecord{{Kind: analyzer.Emit, Pos: analyzer.Pos{Pkg: hr, File: "hr.go", Line: 14}}},
			},
		},
		{Path: "example.com/lint/catalogue/computed", Name: "computed"},
	}))
	analysistest.Run(t, testdata, s.Catalogue, "./catalogue/computed")
}

// A catalogue declares payloads by aliases (type Customer = model.Customer,
// //eventlint:payload *Customer); emits that pass *model.Customer, or an
// instance whose type argument is spelled either way, match it. A real
// mismatch names the declared type as the catalogue spells it.
func TestCatalogueAlias(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Catalogue, "./alias/crm", "./alias/notify")
}
