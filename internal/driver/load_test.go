package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/gen"
)

// offlineEnv is the go command's environment for modules written by the
// tests: nothing is downloaded, go.sum may be incomplete.
func offlineEnv() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
}

// referenceFindings analyses dir the way the driver did before it loaded
// selectively: every package type-checked from source (Config.Full), and
// phase 2 run by the checker with analyzer.Model run again on every
// package and dependency. The findings are rendered by renderFindings.
func referenceFindings(t *testing.T, dir string, patterns []string) (*Program, []string) {
	t.Helper()
	prog, err := Load(&Config{Dir: dir, Tests: true, Env: offlineEnv(), Full: true}, patterns)
	if err != nil {
		t.Fatalf("full load: %v", err)
	}
	suite := analyzer.NewSuite()
	suite.SetModule(prog.Module)
	graph, err := checker.Analyze(suite.Analyzers(), prog.Packages, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := actionErrors(graph); err != nil {
		t.Fatal(err)
	}
	src := newSources()
	var fs []Finding
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			fs = append(fs, newFinding(act.Package.Fset, act.Analyzer, d, src))
		}
	}
	return prog, renderFindings(sortFindings(fs), dir)
}

// selectiveFindings analyses dir as the eventlint command does.
func selectiveFindings(t *testing.T, dir string, patterns []string) (*Program, []string) {
	t.Helper()
	prog, err := Load(&Config{Dir: dir, Tests: true, Env: offlineEnv()}, patterns)
	if err != nil {
		t.Fatalf("selective load: %v", err)
	}
	fs, err := prog.Analyze(analyzer.NewSuite(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return prog, renderFindings(fs, dir)
}

// renderFindings writes each finding on a line with everything the
// output formats use: position, range, check, analyzer, message, URL and
// fixes.
func renderFindings(fs []Finding, dir string) []string {
	rel := func(p Position) string {
		return fmt.Sprintf("%s:%d:%d(%d)", relPath(p.File, dir), p.Line, p.Column, p.Offset)
	}
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s-%d:%d %s %s %s %s", rel(f.Pos), f.End.Line, f.End.Column, f.CheckID, f.Analyzer, f.Message, f.URL)
		for _, fix := range f.Fixes {
			s += "\n\tfix " + fix.Message
			for _, e := range fix.Edits {
				s += fmt.Sprintf("\n\t\t%s-%s %q", rel(e.Start), rel(e.End), e.NewText)
			}
		}
		out = append(out, s)
	}
	return out
}

// compareLoads checks that the selective load gives the findings, module
// view and Model results of the full load.
func compareLoads(t *testing.T, dir string, patterns []string) []string {
	t.Helper()
	fullProg, want := referenceFindings(t, dir, patterns)
	prog, got := selectiveFindings(t, dir, patterns)
	if !slices.Equal(got, want) {
		t.Errorf("%v: selective load findings:\n%s\n\nfull load findings:\n%s", patterns, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(prog.Module.Packages) != len(fullProg.Module.Packages) {
		t.Fatalf("%v: module view has %d packages, full load %d", patterns, len(prog.Module.Packages), len(fullProg.Module.Packages))
	}
	for i, pv := range prog.Module.Packages {
		if want := fullProg.Module.Packages[i]; !reflect.DeepEqual(pv, want) {
			t.Errorf("%v: module view of %s:\n%+v\nfull load:\n%+v", patterns, pv.Path, pv, want)
		}
	}
	for path, want := range fullProg.Results {
		res := prog.Results[path]
		if res == nil {
			t.Errorf("%v: no result for %s", patterns, path)
			continue
		}
		if !reflect.DeepEqual(res.Summary.Flat(), want.Summary.Flat()) || !reflect.DeepEqual(res.Own, want.Own) ||
			(res.Catalogue == nil) != (want.Catalogue == nil) || res.Module != want.Module || len(res.Sites) != len(want.Sites) {
			t.Errorf("%v: Model result of %s differs from the full load's:\n%+v\n%+v", patterns, path, res, want)
		}
	}
	if len(prog.Results) != len(fullProg.Results) {
		t.Errorf("%v: %d results, full load %d", patterns, len(prog.Results), len(fullProg.Results))
	}
	return got
}

// TestSelectiveLoadGenerated: on a generated module the selective load
// reports what the full load reports, planted findings included.
func TestSelectiveLoadGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a generated module twice")
	}
	t.Parallel()
	dir := t.TempDir()
	res, err := gen.Generate(dir, gen.Config{Packages: 60, Seed: 3, Repo: repoRoot(t)})
	if err != nil {
		t.Fatal(err)
	}
	got := compareLoads(t, dir, []string{"./..."})
	for _, f := range res.Findings {
		prefix := filepath.FromSlash(f.File) + fmt.Sprintf(":%d:", f.Line)
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, prefix) && strings.Contains(s, " "+f.Check+" ") }) {
			t.Errorf("planted finding %s not reported", f)
		}
	}
	// A dependency that can reach the bus but is not matched still gets
	// its facts computed: the commands see every emit below them.
	compareLoads(t, dir, []string{"./cmd/..."})
}

// TestSelectiveLoadClinic: the same on the example module.
func TestSelectiveLoadClinic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the example module twice")
	}
	t.Parallel()
	dir := filepath.Join(repoRoot(t), "examples", "clinic")
	if got := compareLoads(t, dir, []string{"./..."}); len(got) == 0 {
		t.Error("no findings in examples/clinic")
	}
}

// trickyModule exercises the ways a package can reach the bus: a
// catalogue that imports nothing, one whose directive comes after a head
// longer than the first read, a package that only imports a catalogue,
// bus imports in test files only (in-package and external tests),
// wrappers across packages, and packages that reach nothing.
var trickyModule = map[string]string{
	"go.mod": "module example.com/tricky\n\ngo 1.26.0\n\nrequire github.com/eventlint/eventlint v0.0.0\n\nreplace github.com/eventlint/eventlint => REPO\n",
	"events/events.go": `//eventlint:catalogue
package events

// OrderPaid is published when an order is paid.
const OrderPaid = "order.paid"
`,
	"long/long.go": "// " + strings.Repeat("A long licence text. ", 600) + `
//
//eventlint:catalogue
package long

// LongThing is named against the convention.
const LongThing = "LongThing"
`,
	"names/names.go": `package names

import "example.com/tricky/events"

// Paid is the catalogue's name under another name.
const Paid = events.OrderPaid
`,
	"plain/plain.go": `package plain

// Add adds.
func Add(a, b int) int { return a + b }
`,
	"plain/plain_test.go": `package plain

import (
	"testing"

	"github.com/eventlint/eventlint/bus"
)

func TestAdd(t *testing.T) {
	bus.Emit(t.Context(), "AddTested", Add(1, 2))
}
`,
	"plain/x_test.go": `package plain_test

import (
	"testing"

	"example.com/tricky/plain"
	"github.com/eventlint/eventlint/bus"
)

func TestX(t *testing.T) {
	bus.Emit(t.Context(), "plain.tested", plain.Add(1, 2)) //eventlint:ignore
}
`,
	"wrap/wrap.go": `package wrap

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Publish emits name.
func Publish(ctx context.Context, name string, payload any) { bus.Emit(ctx, name, payload) }
`,
	"mid/mid.go": `package mid

import (
	"context"

	"example.com/tricky/names"
	"example.com/tricky/plain"
	"example.com/tricky/wrap"
)

// Do emits through the wrapper.
func Do(ctx context.Context) {
	wrap.Publish(ctx, "Mid Thing", plain.Add(1, 2))
	wrap.Publish(ctx, names.Paid, nil)
	wrap.Publish(ctx, "order.paid", nil)
}
`,
	"handlers/handlers.go": `package handlers

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("stock.counted", func(ctx context.Context, n int) error { return nil })
	bus.On("order.paid", func(ctx context.Context, n string) error { return nil })
}
`,
	"uses/uses.go": `package uses

import "example.com/tricky/plain"

// Twice adds twice.
func Twice(a int) int { return plain.Add(a, a) }
`,
	"cmd/app/main.go": `package main

import (
	"context"

	"example.com/tricky/mid"
	"example.com/tricky/uses"
)

func main() {
	mid.Do(context.Background())
	_ = uses.Twice(2)
}
`,
	"cmd/tool/main.go": `package main

import "example.com/tricky/uses"

func main() { _ = uses.Twice(3) }
`,
}

func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		src = strings.ReplaceAll(src, "REPO", filepath.ToSlash(repoRoot(t)))
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSelectiveLoadTricky(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a module many times")
	}
	t.Parallel()
	dir := writeModule(t, trickyModule)
	got := compareLoads(t, dir, []string{"./..."})
	for _, want := range []string{
		"long/long.go:7:7",        // the catalogue found past the first read
		"plain/plain_test.go:10:", // a bus import in a test file only
		"plain/x_test.go:11:",     // the malformed ignore directive
		"mid/mid.go:13:",          // a site through another package's wrapper
		"cmd/app/main.go:10:",     // the program sees the emits below it
		"handlers/handlers.go:10:",
	} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, filepath.FromSlash(want)) }) {
			t.Errorf("no finding at %s in:\n%s", want, strings.Join(got, "\n"))
		}
	}
	for _, patterns := range [][]string{{"./cmd/..."}, {"./plain"}, {"./uses", "./names"}, {"./mid"}} {
		t.Run(strings.Join(patterns, ","), func(t *testing.T) {
			t.Parallel()
			compareLoads(t, dir, patterns)
		})
	}

	// Not type-checked: the packages that cannot reach the bus and that
	// nothing that can imports; type-checked for their types only: those
	// that something that can reach the bus imports.
	prog, err := Load(&Config{Dir: dir, Tests: true, Env: offlineEnv()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	state := map[string]string{}
	for _, p := range prog.Packages {
		switch {
		case p.Types == nil:
			state[p.ID] = "none"
		case p.Syntax == nil:
			state[p.ID] = "types"
		default:
			state[p.ID] = "full"
		}
	}
	for id, want := range map[string]string{
		"example.com/tricky/plain":                                 "types",
		"example.com/tricky/plain [example.com/tricky/plain.test]": "full",
		"example.com/tricky/uses":                                  "types",
		"example.com/tricky/cmd/tool":                              "none",
		"example.com/tricky/names":                                 "full",
		"example.com/tricky/long":                                  "full",
		"example.com/tricky/cmd/app":                               "full",
	} {
		if state[id] != want {
			t.Errorf("%s: loaded %q, want %q", id, state[id], want)
		}
	}
}

// TestSelectiveLoadErrors: list errors are reported for every package,
// syntax errors for every matched package, type errors only where the
// packages are type-checked (those that can reach the bus, and the
// matched packages they import); a type error in a package that neither
// reaches the bus nor is imported by one is left to go build and go vet.
func TestSelectiveLoadErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("loads modules")
	}
	t.Parallel()
	for _, tc := range []struct {
		name, file, src string
		selective       bool // the selective load reports it too
	}{
		{"body of an imported package", "uses/uses.go", "package uses\n\nfunc Twice(a int) int { return a + \"x\" }\n", true},
		{"package nothing relevant imports", "cmd/tool/main.go", "package main\n\nvar x undefinedType\n\nfunc main() {}\n", false},
		{"syntax error in a package nothing relevant imports", "cmd/tool/main.go", "package main\n\nfunc main() {\n\tx :=\n}\n", true},
		{"syntax error in a test file of a package that cannot reach the bus", "cmd/tool/main_test.go", "package main\n\nfunc TestX(t *testing.T) { if }\n", true},
		{"declaration of an imported package", "plain/plain.go", "package plain\n\nfunc Add(a, b int) undefinedType { return a + b }\n", true},
		{"body of a package that reaches the bus", "mid/mid.go", "package mid\n\nimport \"example.com/tricky/wrap\"\n\nfunc Do() { wrap.Publish(nil, 1, nil) }\n", true},
		{"missing import", "uses/uses.go", "package uses\n\nimport \"example.com/tricky/nosuch\"\n\nvar X = nosuch.X\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			files := maps.Clone(trickyModule)
			files[tc.file] = tc.src
			dir := writeModule(t, files)
			_, err := Load(&Config{Dir: dir, Tests: true, Env: offlineEnv(), Full: true}, nil)
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("full load: err = %v, want a *LoadError", err)
			}
			_, err = Load(&Config{Dir: dir, Tests: true, Env: offlineEnv()}, nil)
			var sle *LoadError
			switch {
			case tc.selective && !errors.As(err, &sle):
				t.Fatalf("selective load: err = %v, want a *LoadError", err)
			case tc.selective && !slices.Contains(le.Errors, sle.Errors[0]):
				t.Errorf("selective load: %q\nnot among the full load's errors:\n%s", sle.Errors[0], strings.Join(le.Errors, "\n"))
			case !tc.selective && err != nil:
				t.Fatalf("selective load: %v, want no error", err)
			}
		})
	}
}

func TestScanHead(t *testing.T) {
	dir := t.TempDir()
	long := "// " + strings.Repeat("x", headSize) + "\n"
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"directive", "//eventlint:catalogue\npackage events\n", true},
		{"with a note", "// Package events.\n//\n//eventlint:catalogue the events\npackage events\n", true},
		{"crlf", "//eventlint:catalogue\r\npackage events\r\n", true},
		{"bom", "\uFEFF//eventlint:catalogue\npackage events\n", true},
		{"build tag first", "//go:build linux\n\n/* a block */\n//eventlint:catalogue\npackage events\n", true},
		{"after the clause", "package events\n\n//eventlint:catalogue\nconst X = 1\n", false},
		{"longer name", "//eventlint:catalogues\npackage events\n", false},
		{"in a block comment", "/*\n//eventlint:catalogue\n*/\npackage events\n", false},
		{"long head", long + "//eventlint:catalogue\npackage events\n", true},
		{"long head without", long + "package events\n//eventlint:catalogue\n", false},
		{"cut at the prefix", strings.Repeat(" ", headSize-len("//eventlint:catalogue")) + "//eventlint:catalogue-not\npackage events\n", false},
		{"cut at the prefix, directive", strings.Repeat(" ", headSize-len("//eventlint:cata")) + "//eventlint:catalogue\npackage events\n", true},
	} {
		name := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_")+".go")
		if err := os.WriteFile(name, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := hasDirectiveHead(name); got != tc.want {
			t.Errorf("%s: hasDirectiveHead = %v, want %v", tc.name, got, tc.want)
		}
		// The analyzer's own decision, on the parsed file, must agree.
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if parsed := analyzerDirective(f); parsed != tc.want {
			t.Errorf("%s: the parsed file says %v: the test case is wrong", tc.name, parsed)
		}
	}
	if !hasDirectiveHead(filepath.Join(dir, "missing.go")) {
		t.Error("an unreadable file does not count as a catalogue: its package would be skipped")
	}
}

// analyzerDirective is analyzer's hasCatalogueDirective on one file.
func analyzerDirective(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if c.Text == analyzer.CatalogueDirective || strings.HasPrefix(c.Text, analyzer.CatalogueDirective+" ") {
				return true
			}
		}
	}
	return false
}

// TestLoadIfacePort: orders reaches the bus only through ports.Publisher,
// which adapter implements with a wrapper, so it is not analysed; the
// module view knows it may emit (HiddenEmits), so neither EL2008 at the
// catalogue nor EL3004 at notify's handler says nothing emits
// order.placed. The full load, which runs Model on orders too, agrees.
func TestLoadIfacePort(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	if got := compareLoads(t, dir, []string{"./ifaceport/..."}); len(got) != 0 {
		t.Errorf("want no findings, got:\n%s", strings.Join(got, "\n"))
	}
	prog, err := Load(&Config{Dir: dir, Tests: true, Env: offlineEnv()}, []string{"./ifaceport/..."})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"example.com/lint/ifaceport/orders":  true,  // calls ports.Publisher
		"example.com/lint/ifaceport/ports":   false, // declares it, calls none of its methods
		"example.com/lint/ifaceport/adapter": false, // analysed: its emits are known
		"example.com/lint/ifaceport/notify":  false, // analysed
		"example.com/lint/ifaceport/events":  false, // imports no ports
	} {
		pv := prog.Module.Package(path)
		if pv == nil {
			t.Errorf("no module view of %s", path)
			continue
		}
		if pv.HiddenEmits != want {
			t.Errorf("%s: HiddenEmits = %v, want %v", path, pv.HiddenEmits, want)
		}
	}
}
