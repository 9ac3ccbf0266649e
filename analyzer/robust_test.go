package analyzer_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Robustness: code shapes real repositories have and the checks must
// survive, reporting at the right place or not at all.

// Files excluded by build constraints are not analysed: //go:build ignore,
// a custom tag, a GOOS file-name suffix.
func TestRobustBuildTags(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./robust/buildtags")
}

// With the tag, or for the other GOOS, the excluded file is analysed and
// its finding reported at its line.
func TestRobustBuildTagsEnabled(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the package twice more")
	}
	dir := filepath.Join(testdata, "robust", "buildtags")
	got := runSuite(t, testdata, nil, []string{"-tags=eventlint_robust"}, "./robust/buildtags")
	wantFindings(t, got, map[string]string{
		filepath.Join(dir, "plain.go") + ":13":  "EL1001",
		filepath.Join(dir, "tagged.go") + ":14": "EL1001",
	})
	got = runSuite(t, testdata, []string{"GOOS=windows", "CGO_ENABLED=0"}, nil, "./robust/buildtags")
	wantFindings(t, got, map[string]string{
		filepath.Join(dir, "plain.go") + ":13":         "EL1001",
		filepath.Join(dir, "other_windows.go") + ":11": "EL1001",
	})
}

// A cgo package: the analyzers see the files cgo generated; the finding
// is reported at the line of the original file.
func TestRobustCgo(t *testing.T) {
	if os.Getenv("CGO_ENABLED") == "0" {
		t.Skip("cgo is disabled")
	}
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./robust/cgo")
}

// Generic wrappers, generic methods and instantiated function values: the
// callers are the sites.
func TestRobustGenerics(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./robust/generics")
}

// Findings in a generated file are not reported; in the package's other
// files they are.
func TestRobustGenerated(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Naming, "./robust/generated")
}

// A 20,000-function file: exactly the one bad name is reported, at its
// line, in reasonable time.
func TestRobustHugeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a 2 MB file")
	}
	const funcs = 20000
	var b strings.Builder
	b.WriteString("package huge\n\nimport (\n\t\"context\"\n\n\t\"github.com/eventlint/eventlint/bus\"\n)\n\n")
	line := 9
	badLine := 0
	verbs := []string{"created", "updated", "paid", "sent", "status_changed"}
	for i := range funcs {
		name := fmt.Sprintf("order%d.%s", i%97, verbs[i%len(verbs)])
		if i == funcs*3/4 {
			name, badLine = "OrderHuge", line+2
		}
		fmt.Fprintf(&b, "// F%05d emits %s.\nfunc F%05d(ctx context.Context, id int) {\n\tbus.Emit(ctx, %q, id*%d)\n}\n\n", i, name, i, name, i%13)
		line += 5
	}
	dir := tempModule(t, "example.com/huge", map[string]string{"huge/huge.go": b.String()})
	t.Logf("huge.go: %d bytes, %d lines", b.Len(), line-1)
	start := time.Now()
	got := runSuite(t, dir, nil, nil, "./...")
	t.Logf("loaded and analysed in %v", time.Since(start))
	wantFindings(t, got, map[string]string{
		fmt.Sprintf("%s:%d", filepath.Join(dir, "huge", "huge.go"), badLine): "EL1001",
	})
}

// Broken code: go/packages reports syntax and type errors at file:line;
// the checker does not run the analyzers on those packages (none sets
// RunDespiteErrors), nor on the packages that import them (their
// prerequisite, the model of the broken import, failed), and the rest of
// the module is analysed as usual.
func TestRobustBrokenCode(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a module")
	}
	const emit = "import (\n\t\"context\"\n\n\t\"github.com/eventlint/eventlint/bus\"\n)\n\n"
	dir := tempModule(t, "example.com/broken", map[string]string{
		"good/good.go": "package good\n\n" + emit +
			"func F(ctx context.Context) {\n\tbus.Emit(ctx, \"GoodBad\", nil)\n}\n", // line 10
		"syntax/syntax.go": "package syntax\n\n" + emit +
			"func F(ctx context.Context) {\n\tbus.Emit(ctx, \"SyntaxBad\", nil\n}\n", // error on line 11
		"types/types.go": "package types\n\n" + emit +
			"func F(ctx context.Context) int {\n\tbus.Emit(ctx, \"TypesBad\", nil)\n\treturn \"one\"\n}\n", // error on line 11
		"user/user.go": "package user\n\nimport (\n\t\"context\"\n\n\t\"example.com/broken/types\"\n\t\"github.com/eventlint/eventlint/bus\"\n)\n\n" +
			"func F(ctx context.Context) int {\n\tbus.Emit(ctx, \"UserBad\", nil)\n\treturn types.F(ctx)\n}\n",
	})
	pkgs := load(t, dir, nil, nil, "./...")
	errs := map[string][]string{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			errs[p.PkgPath] = append(errs[p.PkgPath], e.Pos+": "+e.Msg)
		}
	}
	wantErr := func(path, pos, msg string) {
		t.Helper()
		if !slices.ContainsFunc(errs[path], func(e string) bool {
			return strings.Contains(e, pos) && strings.Contains(e, msg)
		}) {
			t.Errorf("errors of %s = %q, want one at %s containing %q", path, errs[path], pos, msg)
		}
	}
	wantErr("example.com/broken/syntax", filepath.Join("syntax", "syntax.go")+":11:", "")
	wantErr("example.com/broken/types", filepath.Join("types", "types.go")+":11:", "cannot use \"one\"")
	if len(errs["example.com/broken/good"]) > 0 || len(errs["example.com/broken/user"]) > 0 {
		t.Errorf("errors in packages that are fine: %q", errs)
	}

	graph, err := checker.Analyze(analyzer.NewSuite().Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	ran := map[string]bool{}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err == nil {
			ran[act.Package.PkgPath] = true
		}
		for _, d := range act.Diagnostics {
			got[act.Package.Fset.Position(d.Pos).String()] = d.Category
		}
	}
	if want := map[string]bool{"example.com/broken/good": true}; !maps.Equal(ran, want) {
		t.Errorf("analyzers ran on %v, want %v", ran, want)
	}
	if want := fmt.Sprintf("%s:10:16", filepath.Join(dir, "good", "good.go")); len(got) != 1 || got[want] != "EL1001" {
		t.Errorf("findings = %v, want EL1001 at %s only", got, want)
	}
}

// tempModule writes a module requiring eventlint (replaced by this
// checkout) with the given files, and returns its directory.
func tempModule(t *testing.T, path string, files map[string]string) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files["go.mod"] = fmt.Sprintf("module %s\n\ngo 1.26.0\n\nrequire github.com/eventlint/eventlint v0.0.0\n\nreplace github.com/eventlint/eventlint => %s\n", path, root)
	files["go.sum"] = string(sum)
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func load(t *testing.T, dir string, env, buildFlags []string, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:       packages.LoadAllSyntax,
		Dir:        dir,
		Env:        append(os.Environ(), append([]string{"GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off"}, env...)...),
		BuildFlags: buildFlags,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// runSuite loads patterns in dir and runs the default suite on them,
// requiring no load errors and no analyzer errors. It returns the
// findings as "file:line" -> check ID.
func runSuite(t *testing.T, dir string, env, buildFlags []string, patterns ...string) map[string]string {
	t.Helper()
	pkgs := load(t, dir, env, buildFlags, patterns...)
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("errors loading %v", patterns)
	}
	graph, err := checker.Analyze(analyzer.NewSuite().Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			got[fmt.Sprintf("%s:%d", pos.Filename, pos.Line)] = d.Category
		}
	}
	return got
}

func wantFindings(t *testing.T, got, want map[string]string) {
	t.Helper()
	abs := func(m map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			if a, err := filepath.Abs(k); err == nil {
				k = a
			}
			out[k] = v
		}
		return out
	}
	if got, want := abs(got), abs(want); !maps.Equal(got, want) {
		t.Errorf("findings:\n got %v\nwant %v", got, want)
	}
}
