package driver

import (
	"bytes"
	"flag"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/testutil"
)

// repoRoot is the eventlint module's directory.
func repoRoot(t *testing.T) string {
	t.Helper()
	return testutil.RepoRoot(t)
}

// copyModule copies the testdata module name to a temporary directory
// and points its replace directive at this checkout, so tests may change
// its files.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	testutil.CopyModule(t, filepath.Join("testdata", name), dst, nil)
	return dst
}

// renamer is a fake analyzer whose fixes rename every "order.paid"
// literal to "order.settled" and add a blank import of embed: two
// findings, each with a replacement and the same import edit.
func renamer(to string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "renamer",
		Doc:  "rename order.paid (a test analyzer)",
		URL:  analyzer.DocsURL,
		Run: func(pass *analysis.Pass) (any, error) {
			in := inspector.New(pass.Files)
			for n := range in.PreorderSeq((*ast.BasicLit)(nil)) {
				lit := n.(*ast.BasicLit)
				if lit.Kind != token.STRING || lit.Value != `"order.paid"` {
					continue
				}
				file := pass.Files[0]
				for _, f := range pass.Files {
					if f.FileStart <= lit.Pos() && lit.Pos() < f.FileEnd {
						file = f
					}
				}
				imp := file.Imports[0].Pos()
				pass.Report(analysis.Diagnostic{
					Pos: lit.Pos(), End: lit.End(), Category: "EL1001",
					Message: "use " + to,
					SuggestedFixes: []analysis.SuggestedFix{{
						Message: "rename to " + to,
						TextEdits: []analysis.TextEdit{
							{Pos: lit.Pos(), End: lit.End(), NewText: []byte(`"` + to + `"`)},
							{Pos: imp, End: imp, NewText: []byte("_ \"embed\"\n")},
						},
					}},
				})
			}
			return nil, nil
		},
	}
}

func runCommand(t *testing.T, dir string, extra []*analysis.Analyzer, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &Command{Stdout: &out, Stderr: &errOut, Config: &Config{Dir: dir, Tests: true}, extra: extra}
	code = c.Main(args)
	return code, out.String(), errOut.String()
}

const fixedOrders = `// Package orders is changed by the fake fixes of the driver's tests.
package orders

import (
	"context"
	_ "embed"

	"github.com/eventlint/eventlint/bus"
)

func emits(ctx context.Context) {
	bus.Emit(ctx, "order.settled", nil) // renamed by the fake fix
	bus.Emit(ctx, "order.created", nil)
	bus.Emit(ctx, "order.settled", 1) // renamed too
}
`

// TestFixEndToEnd runs -fix through the whole command: load, both
// phases, merging two findings' fixes (with a shared import edit),
// gofmt and writing; a second run finds nothing left.
func TestFixEndToEnd(t *testing.T) {
	t.Parallel()
	dir := copyModule(t, "fixmod")
	file := filepath.Join(dir, "orders", "orders.go")
	before, _ := os.ReadFile(file)

	code, stdout, stderr := runCommand(t, dir, []*analysis.Analyzer{renamer("order.settled")})
	if code != ExitFindings || !strings.Contains(stdout, filepath.FromSlash("orders/orders.go")+":11:16: use order.settled [EL1001]") {
		t.Fatalf("before fixing: exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	code, stdout, stderr = runCommand(t, dir, []*analysis.Analyzer{renamer("order.settled")}, "-diff")
	if code != ExitFindings || !strings.Contains(stdout, "--- a/orders/orders.go\n+++ b/orders/orders.go\n") ||
		!strings.Contains(stdout, "+\t_ \"embed\"\n") || !strings.Contains(stdout, "-\tbus.Emit(ctx, \"order.paid\", nil) // renamed by the fake fix\n") {
		t.Fatalf("-diff: exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
		t.Fatal("-diff changed the file")
	}

	code, stdout, stderr = runCommand(t, dir, []*analysis.Analyzer{renamer("order.settled")}, "-fix")
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "fixed 2 finding(s) in 1 file(s)") {
		t.Fatalf("-fix: exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(file); string(after) != fixedOrders {
		t.Fatalf("fixed file:\n%s\nwant:\n%s", after, fixedOrders)
	}

	code, stdout, stderr = runCommand(t, dir, []*analysis.Analyzer{renamer("order.settled")})
	if code != ExitOK || stdout != "" {
		t.Fatalf("after fixing: exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestFixConflictEndToEnd: two analyzers rewrite the same literal
// differently; -fix refuses, exits 2 and leaves the file alone.
func TestFixConflictEndToEnd(t *testing.T) {
	t.Parallel()
	dir := copyModule(t, "fixmod")
	file := filepath.Join(dir, "orders", "orders.go")
	before, _ := os.ReadFile(file)
	other := renamer("order.settled_up")
	other.Name = "other"
	code, stdout, stderr := runCommand(t, dir, []*analysis.Analyzer{renamer("order.settled"), other}, "-fix")
	if code != ExitError || !strings.Contains(stderr, "conflicting fixes in "+file) {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
		t.Fatal("a conflicting -fix changed the file")
	}
}

// TestAnalyzerPanic: a panicking analyzer is an internal error with exit
// 2, not a crash.
func TestAnalyzerPanic(t *testing.T) {
	t.Parallel()
	dir := copyModule(t, "fixmod")
	boom := &analysis.Analyzer{
		Name:     "boom",
		Doc:      "panics (a test analyzer)",
		Requires: []*analysis.Analyzer{analyzer.Model},
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.ResultOf[analyzer.Model].(*analyzer.Result) == nil {
				return nil, nil
			}
			if strings.HasSuffix(pass.Pkg.Path(), "/orders") {
				panic("kaboom")
			}
			return nil, nil
		},
	}
	code, _, stderr := runCommand(t, dir, []*analysis.Analyzer{boom})
	if code != ExitError || !strings.Contains(stderr, "eventlint: analyzer boom on example.com/fixmod/orders: internal error: panic: kaboom") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestLoadProgram(t *testing.T) {
	t.Parallel()
	dir := copyModule(t, "fixmod")
	prog, err := Load(&Config{Dir: dir, Tests: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := prog.Results["example.com/fixmod/orders"]
	if res == nil || len(res.Own.Emits) == 0 {
		t.Fatalf("Results[orders] = %+v, want its emits", res)
	}
	pv := prog.Module.Package("example.com/fixmod/orders")
	if pv == nil || pv.Name != "orders" || !strings.Contains(strings.Join(pv.Imports, " "), "github.com/eventlint/eventlint/bus") {
		t.Fatalf("module view of orders = %+v", pv)
	}
	if !prog.Module.Emitted("order.paid") {
		t.Error("module view: order.paid is not emitted")
	}
	for _, p := range prog.Packages {
		if strings.HasSuffix(p.PkgPath, ".test") {
			t.Errorf("generated test main %s kept", p.ID)
		}
	}
}

func TestFlagErrors(t *testing.T) {
	dir := copyModule(t, "fixmod")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format=xml"}, `invalid value "xml" for flag -format: unknown format "xml": want text, json, sarif or github`},
		{[]string{"-naming.segments=x"}, "-naming.segments"},
		{[]string{"-nosuchflag"}, "flag provided but not defined: -nosuchflag"},
		{[]string{"-naming=maybe"}, "want true or false"},
		{[]string{"./...", "-fix"}, "flag -fix after the package patterns"},
	} {
		code, stdout, stderr := runCommand(t, dir, nil, tc.args...)
		if code != ExitError || stdout != "" || !strings.HasPrefix(stderr, "eventlint: ") || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

func TestEnabledAnalyzers(t *testing.T) {
	s := analyzer.NewSuite()
	for _, tc := range []struct {
		set  map[string]triState
		want string
	}{
		{nil, "naming catalogue unregistered fields samepackage"},
		{map[string]triState{"naming": setFalse}, "catalogue unregistered fields samepackage"},
		{map[string]triState{"naming": setTrue}, "naming"},
		{map[string]triState{"naming": setTrue, "catalogue": setFalse}, "naming"},
	} {
		flags := map[*analysis.Analyzer]*triState{}
		for _, a := range s.Analyzers() {
			ts := tc.set[a.Name]
			flags[a] = &ts
		}
		enabled := enabledAnalyzers(flags)
		var got []string
		for _, a := range s.Analyzers() {
			if enabled(a) {
				got = append(got, a.Name)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%v: enabled %v, want %s", tc.set, got, tc.want)
		}
	}
}

// TestCatalogueShorthand: -catalogue=<path> sets -catalogue.require and
// does not count as -catalogue=true (which would turn the others off).
func TestCatalogueShorthand(t *testing.T) {
	c := &Command{}
	fs, opts, _ := c.flags(true)
	if err := fs.Parse([]string{"-catalogue=example.com/app/events"}); err != nil {
		t.Fatal(err)
	}
	if got := opts.suite.Catalogue.Flags.Lookup(analyzer.FlagRequire).Value.String(); got != "example.com/app/events" {
		t.Errorf("catalogue.require = %q", got)
	}
	if *opts.enabled[opts.suite.Catalogue] != unset {
		t.Error("-catalogue=<path> changed the enable state")
	}
	fs, opts, _ = c.flags(true)
	if err := fs.Parse([]string{"-catalogue=false"}); err != nil {
		t.Fatal(err)
	}
	if *opts.enabled[opts.suite.Catalogue] != setFalse {
		t.Error("-catalogue=false did not turn it off")
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	c := &Command{Subcommands: map[string]string{"explain": "explain checks"}}
	fs, _, help := c.flags(true)
	fs.VisitAll(func(f *flag.Flag) {
		if !strings.Contains(help, "  -"+f.Name+" ") && !strings.Contains(help, "  -"+f.Name+"\n") {
			t.Errorf("-help does not document -%s", f.Name)
		}
	})
	for _, want := range []string{"Exit codes:", "explain checks", "go vet -vettool"} {
		if !strings.Contains(help, want) {
			t.Errorf("-help lacks %q", want)
		}
	}
}

// TestRequireFlag: a required catalogue that does not exist, is not a
// catalogue or is not given as an import path is a flag error (exit 2,
// naming the flag as given), not an EL2007 finding at every bus call. A
// catalogue that exists but that no loaded package imports is not an
// error: every bus call not seeing it is the finding.
func TestRequireFlag(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata")
	const cat = "example.com/lint/catalogue/"
	for _, tc := range []struct {
		flag string
		want string // stderr's first line; "" for a run with findings
	}{
		{"-catalogue.require=" + cat + "evnts", "eventlint: -catalogue.require=" + cat + "evnts: no package has the import path " + cat + "evnts: give the import path of the catalogue package"},
		{"-catalogue=" + cat + "evnts", "eventlint: -catalogue=" + cat + "evnts: no package has the import path " + cat + "evnts: give the import path of the catalogue package"},
		{"-catalogue=" + cat + "required/seeing", "eventlint: -catalogue=" + cat + "required/seeing: package " + cat + "required/seeing is not an event catalogue (no //eventlint:catalogue directive above its package clause)"},
		{"-catalogue.require=./catalogue/events", "eventlint: -catalogue.require=./catalogue/events: want an import path: " + cat + "events"},
		{"-catalogue.require=" + cat + "events", ""},
		{"-catalogue.require=" + cat + "stale", ""}, // a catalogue no loaded package imports
	} {
		code, stdout, stderr := runCommand(t, dir, nil, tc.flag, "./catalogue/required/...")
		first, _, _ := strings.Cut(stderr, "\n")
		switch {
		case tc.want != "" && (code != ExitError || stdout != "" || first != tc.want):
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.flag, code, stdout, stderr, tc.want)
		case tc.want == "" && (code != ExitFindings || stderr != "" || !strings.Contains(stdout, "[EL2007]")):
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and EL2007 findings:\n%s", tc.flag, code, stderr, stdout)
		}
	}
}
