package analyzer_test

import (
	"go/ast"
	"slices"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A program links a -> b -> c; only c subscribes. The event b emits has no
// handler, reported in package main although b's summary reaches main only
// folded into a's.
func TestUnregisteredChain(t *testing.T) {
	results := analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./unregistered/chain/...")
	for _, r := range results {
		if r.Pass == nil || r.Pass.Pkg.Path() != "example.com/lint/unregistered/chain/main" {
			continue
		}
		sum := modelOf(r.Pass).Summary.Flat()
		if want := []string{"example.com/lint/unregistered/chain/c"}; !slices.Equal(sum.Packages, want) {
			t.Errorf("summary of main: Packages = %q, want %q", sum.Packages, want)
		}
		return
	}
	t.Errorf("package main was not analysed")
}

func TestUnregisteredHandlerType(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./unregistered/handlertype/...")
}

// Computed event names keep the program checks quiet where they could
// matter: a dynamic subscription may handle any event, and a dynamic emit
// may pass its payload type to any handler of that type.
func TestUnregisteredDynamic(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./unregistered/dynamic/...")
}

// The handler package is imported by main's test file only: it is not
// linked into the command, so every variant of main reports the missing
// import, including "main [main.test]", the only one go vet analyses.
func TestUnregisteredTestOnlyImport(t *testing.T) {
	results := analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./unregistered/testimport/main")
	const main = "example.com/lint/unregistered/testimport/main"
	var plain, withTests bool
	for _, r := range results {
		if r.Pass == nil || r.Pass.Pkg.Path() != main {
			continue // the generated main.test package, checked by Run to report nothing
		}
		hasTest := slices.ContainsFunc(r.Pass.Files, func(f *ast.File) bool {
			return strings.HasSuffix(r.Pass.Fset.File(f.FileStart).Name(), "_test.go")
		})
		if len(r.Diagnostics) != 1 {
			t.Errorf("%s (test files: %t): got %d diagnostics, want 1", r.Pass.Pkg.Path(), hasTest, len(r.Diagnostics))
		}
		if hasTest {
			withTests = true
		} else {
			plain = true
		}
	}
	if !plain || !withTests {
		t.Errorf("analysed main without tests: %t, with tests: %t; want both", plain, withTests)
	}
}

// The Summary fact folds the imports' summaries, and wrappers export
// object facts, through a wrapper in another package.
func TestSummaryFact(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.Model, "./wrappers/events", "./wrappers/audit")
}

// The naming check sees constant names through a wrapper of a wrapper.
func TestNamingThroughWrappers(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./wrappers/caller")
}

// view builds the module view the standalone driver would, by hand: each
// package's non-test imports and own sites (only what the checks read).
func view(pkgs ...*analyzer.PackageView) *analyzer.ModuleView { return analyzer.NewModuleView(pkgs) }

func pkg(path, name string, imports []string, own *analyzer.Summary) *analyzer.PackageView {
	if own == nil {
		own = new(analyzer.Summary)
	}
	return &analyzer.PackageView{Path: path, Name: name, Imports: imports, Own: own}
}

func emits(pkg string, events ...string) *analyzer.Summary {
	s := new(analyzer.Summary)
	for _, e := range events {
		s.Emits = append(s.Emits, analyzer.EmitRecord{Event: e, Pos: analyzer.Pos{Pkg: pkg, File: "x.go", Line: 1}})
	}
	slices.SortFunc(s.Emits, func(a, b analyzer.EmitRecord) int { return strings.Compare(a.Event, b.Event) })
	return s
}

func subs(pkg string, atInit bool, events ...string) *analyzer.Summary {
	s := new(analyzer.Summary)
	for _, e := range events {
		s.Subs = append(s.Subs, analyzer.SubRecord{Event: e, Pos: analyzer.Pos{Pkg: pkg, File: "x.go", Line: 1}, AtInit: atInit})
	}
	slices.SortFunc(s.Subs, func(a, b analyzer.SubRecord) int { return strings.Compare(a.Event, b.Event) })
	return s
}

// With a module view: the blank-import fix of EL3001 and the module-wide
// checks EL3003 and EL3004.
func TestUnregisteredModule(t *testing.T) {
	const m = "example.com/lint/unregistered/module/"
	suite := analyzer.NewSuite()
	suite.SetModule(view(
		pkg(m+"cmd/app", "main", []string{m + "hr", m + "metrics"}, nil),
		pkg(m+"cmd/tool", "main", nil, subs(m+"cmd/tool", true, "employee.deleted")),
		pkg(m+"hr", "hr", nil, emits(m+"hr", "employee.created", "employee.updated", "employee.deleted", "employee.viewed")),
		pkg(m+"metrics", "metrics", []string{m + "hr"}, subs(m+"metrics", true, "employee.viewed")),
		pkg(m+"notify", "notify", []string{m + "hr"}, subs(m+"notify", true, "employee.created", "employee.creatd", "zebra.crossed")),
		// A test-only package: not importable, so not offered.
		pkg(m+"notify_test", "notify_test", []string{m + "notify"}, subs(m+"notify_test", true, "employee.deleted")),
		// A generated test main: it does not link notify into a command.
		pkg(m+"notify.test", "main", []string{m + "notify", m + "notify_test"}, nil),
		pkg(m+"audit", "audit", nil, subs(m+"audit", true, "employee.created")),
		pkg(m+"payroll", "payroll", nil, subs(m+"payroll", true, "employee.updated")),
		pkg(m+"lateinit", "lateinit", nil, subs(m+"lateinit", false, "employee.deleted")),
		pkg(m+"svc", "svc", []string{m + "svc/internal/cleanup"}, nil),
		pkg(m+"svc/internal/cleanup", "cleanup", nil, subs(m+"svc/internal/cleanup", true, "employee.deleted")),
	))
	analysistest.RunWithSuggestedFixes(t, testdata, suite.Unregistered, "./unregistered/module/...")
}

// A library module names its programs with -unregistered.roots: a root is
// checked like a command (reported at its package clause), and handler
// packages no root reaches are reported. A package that imports the root
// is not offered: the import would be a cycle.
func TestUnregisteredRoots(t *testing.T) {
	const m = "example.com/lint/unregistered/library/"
	suite := analyzer.NewSuite()
	if err := suite.Unregistered.Flags.Set(analyzer.FlagRoots, " "+m+"api, "); err != nil {
		t.Fatal(err)
	}
	suite.SetModule(view(
		pkg(m+"api", "api", []string{m + "api/internal/store"}, emits(m+"api", "report.generated", "report.archived")),
		pkg(m+"api/internal/store", "store", nil, subs(m+"api/internal/store", true, "report.archived")),
		pkg(m+"handlers", "handlers", []string{m + "api"}, subs(m+"handlers", true, "report.generated")),
		pkg(m+"mailer", "mailer", nil, subs(m+"mailer", true, "report.generated")),
	))
	analysistest.RunWithSuggestedFixes(t, testdata, suite.Unregistered, "./unregistered/library/...")
}

// A module without commands or roots is a library: its handlers run in
// its users' commands, so EL3003 says nothing.
func TestUnregisteredLibrary(t *testing.T) {
	const m = "example.com/lint/unregistered/nocmd/"
	suite := analyzer.NewSuite()
	suite.SetModule(view(
		pkg(m+"printer", "printer", nil, emits(m+"printer", "doc.printed")),
		pkg(m+"handlers", "handlers", nil, subs(m+"handlers", true, "doc.printed")),
	))
	analysistest.Run(t, testdata, suite.Unregistered, "./unregistered/nocmd/...")
}

// A module that emits a computed event name may emit any event: EL3004
// says nothing.
func TestUnregisteredComputedEmit(t *testing.T) {
	const m = "example.com/lint/unregistered/anyemit/"
	ledger := new(analyzer.Summary)
	ledger.Dynamic = []analyzer.DynamicRecord{{Kind: analyzer.Emit, Pos: analyzer.Pos{Pkg: m + "ledger", File: "ledger.go", Line: 10}}}
	suite := analyzer.NewSuite()
	suite.SetModule(view(
		pkg(m+"ledger", "ledger", nil, ledger),
		pkg(m+"handlers", "handlers", nil, subs(m+"handlers", true, "ledger.closed")),
	))
	analysistest.Run(t, testdata, suite.Unregistered, "./unregistered/anyemit/...")
}

// Handlers that take an alias of the emitted payload type receive it: only
// the handler taking another type is reported, its types named as written.
func TestUnregisteredAlias(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./alias/main")
}

// An emit whose payload type no handler of its event takes is reported
// (EL3005), though other emits of the event reach the handlers; an
// interface handler or payload may match, and when no emit reaches any
// handler EL3002 reports the handlers instead.
func TestUnregisteredPayloadNone(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Unregistered, "./unregistered/payloadnone/main")
}
