package analyzer_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/eventlint/eventlint/internal/testutil"
)

// Robustness over real code: the suite runs over the standard library and
// over golang.org/x/tools without a panic, an analyzer error or a finding.
// Skipped with -short. On two cores: about 35 s with a cold build cache,
// 5 s with a warm one (see the t.Logf timings with -v).

// The standard library cannot import the bus, so this covers the path
// almost every package of a big repository takes: the model sees that the
// package cannot reach the bus and stops.
func TestRealCodeStd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks the standard library")
	}
	pkgs := loadReal(t, "..", nil, "std")
	runReal(t, pkgs, 250, false)
}

// Every package of golang.org/x/tools, with a file added that imports the
// bus, emits an event and subscribes to it: the model's full path (wrapper
// detection, call-site recognition on every call, init reachability,
// function values, summaries folded over the whole import graph) runs over
// a large body of real, varied, generic-heavy code. The module is copied
// out of the read-only module cache, which go/packages overlays may not
// touch.
func TestRealCodeXTools(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks golang.org/x/tools")
	}
	start := time.Now()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}} {{.Dir}}", "golang.org/x/tools").Output()
	if err != nil {
		t.Fatalf("go list -m golang.org/x/tools: %v", err)
	}
	version, src, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if version != "v0.52.0" || src == "" {
		t.Fatalf("golang.org/x/tools is %q at %q, want v0.52.0 in the module cache", version, src)
	}
	// A main module requiring eventlint and x/tools, both replaced by
	// directories: this checkout and a writable copy of x/tools.
	root := testutil.RepoRoot(t)
	dir := t.TempDir()
	tools := filepath.Join(dir, "tools")
	// Leave out testdata and the directories the go command ignores.
	testutil.CopyDir(t, src, tools, func(_ string, d fs.DirEntry) bool {
		name := d.Name()
		return d.IsDir() && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_"))
	})
	mod := fmt.Sprintf(`module example.com/realcode

go 1.26.0

require (
	github.com/eventlint/eventlint v0.0.0
	golang.org/x/tools v0.52.0
)

replace github.com/eventlint/eventlint => %s

replace golang.org/x/tools => ./tools
`, root)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	var sum []byte
	for _, f := range []string{filepath.Join(root, "go.sum"), filepath.Join(tools, "go.sum")} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sum = append(sum, data...)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}

	// Name every package, then add the probe file to each.
	const pattern = "golang.org/x/tools/..."
	names := loadReal(t, dir, &packages.Config{Mode: packages.NeedName | packages.NeedFiles}, pattern)
	probes := 0
	for _, p := range names {
		if len(p.GoFiles) == 0 || strings.HasSuffix(p.Name, "_test") {
			continue
		}
		probe := fmt.Sprintf(`package %s

import (
	eventlintctx "context"

	eventlintbus "github.com/eventlint/eventlint/bus"
)

func init() {
	eventlintbus.On("probe.created", eventlintProbe)
}

func eventlintProbe(ctx eventlintctx.Context, payload any) error {
	eventlintbus.Emit(ctx, "probe.created", nil)
	return nil
}
`, p.Name)
		if err := os.WriteFile(filepath.Join(filepath.Dir(p.GoFiles[0]), "zz_eventlint_probe.go"), []byte(probe), 0o644); err != nil {
			t.Fatal(err)
		}
		probes++
	}
	t.Logf("copied x/tools and added %d probe files in %v", probes, time.Since(start).Round(time.Millisecond))

	pkgs := loadReal(t, dir, nil, pattern)
	res := runReal(t, pkgs, probes*9/10, true)
	if res.sites < 2*probes*9/10 {
		t.Errorf("the model found %d sites, want the probes' 2 in each of the %d packages", res.sites, probes)
	}
}

// loadReal loads patterns in dir (LoadAllSyntax unless cfg says otherwise),
// offline.
func loadReal(t *testing.T, dir string, cfg *packages.Config, patterns ...string) []*packages.Package {
	t.Helper()
	if cfg == nil {
		cfg = &packages.Config{Mode: packages.LoadAllSyntax}
	}
	cfg.Dir = dir
	cfg.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	start := time.Now()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d packages (%v) in %v", len(pkgs), patterns, time.Since(start).Round(time.Millisecond))
	return pkgs
}

type realResult struct{ analysed, sites int }

// runReal runs the suite over pkgs: no panic (it would fail the test
// binary), no analyzer error on a package that loaded without errors,
// no finding, and at least min packages analysed.
func runReal(t *testing.T, pkgs []*packages.Package, min int, withModel bool) realResult {
	t.Helper()
	broken := map[*packages.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) > 0 {
			broken[p] = true
		}
	})
	var logs []string
	for p := range broken {
		logs = append(logs, fmt.Sprintf("load errors in %s (not analysed, nor its importers): %v", p.PkgPath, p.Errors[0]))
	}
	slices.Sort(logs)
	for _, l := range logs {
		t.Log(l)
	}
	suite := analyzer.NewSuite()
	analyzers := suite.Analyzers()
	if withModel {
		analyzers = append(analyzers, suite.Model) // as a root, to keep its results
	}
	start := time.Now()
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var res realResult
	analysed := map[*packages.Package]bool{}
	for act := range graph.All() {
		if act.Err != nil {
			if !dependsOnBroken(act.Package, broken) {
				t.Errorf("%s: %v", act, act.Err)
			}
			continue
		}
		if !act.IsRoot {
			continue
		}
		analysed[act.Package] = true
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s: %s %s", act, act.Package.Fset.Position(d.Pos), d.Category, d.Message)
		}
		if r, ok := act.Result.(*analyzer.Result); ok && act.Analyzer == suite.Model {
			res.sites += len(r.Sites)
		}
	}
	res.analysed = len(analysed)
	t.Logf("analysed %d packages (%d with load errors) in %v", res.analysed, len(broken), time.Since(start).Round(time.Millisecond))
	if res.analysed < min {
		t.Errorf("analysed %d packages, want at least %d", res.analysed, min)
	}
	return res
}

func dependsOnBroken(p *packages.Package, broken map[*packages.Package]bool) bool {
	found := false
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		found = found || broken[q]
		return !found
	}, nil)
	return found
}
