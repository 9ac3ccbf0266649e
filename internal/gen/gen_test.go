package gen_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/gen"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// repo is the eventlint module, the generated modules' replace target.
const repo = "../.."

func generate(t *testing.T, cfg gen.Config) (string, *gen.Result) {
	t.Helper()
	dir := t.TempDir()
	cfg.Repo = repo
	res, err := gen.Generate(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return dir, res
}

// offline is the environment for the go command on a generated module.
func offline() []string {
	return append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
}

func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = offline()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func TestGenerateBuildsAndVets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build and go vet")
	}
	dir, res := generate(t, gen.Config{Packages: 30})
	if got, want := len(res.Packages), 30+1+3; got != want {
		t.Errorf("%d packages, want %d (30 library, the catalogue, 3 commands)", got, want)
	}
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")
}

func TestGenerateDeterministic(t *testing.T) {
	cfg := gen.Config{Packages: 30, Seed: 7}
	a, _ := generate(t, cfg)
	b, _ := generate(t, cfg)
	ta, tb := tree(t, a), tree(t, b)
	if !slices.Equal(keys(ta), keys(tb)) {
		t.Fatalf("file lists differ:\n%v\n%v", keys(ta), keys(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two runs with the same config", name)
		}
	}
	c, _ := generate(t, gen.Config{Packages: 30, Seed: 8})
	if tc := tree(t, c); slices.Equal(keys(ta), keys(tc)) && bytes.Equal(ta["events/events000.go"], tc["events/events000.go"]) {
		t.Errorf("seeds 7 and 8 gave the same catalogue")
	}
}

func TestGenerateRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Generate(dir, gen.Config{Packages: 5, Repo: repo}); err == nil {
		t.Fatal("Generate wrote into a non-empty directory")
	}
}

// TestGeneratePlantedFindings runs the analyzers over a generated module:
// every planted finding of the naming analyzer is reported where
// EXPECTED.txt says, and nothing is reported that was not planted. (The
// planted findings of the catalogue and unregistered checks are only
// required to be reported once those checks report anything at all.)
func TestGeneratePlantedFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and type-checks a module")
	}
	dir, res := generate(t, gen.Config{Packages: 60, Seed: 3})
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Env: offline()}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading the generated module", n)
	}
	graph, err := checker.Analyze(analyzer.Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	planted := map[string]bool{}
	for _, f := range res.Findings {
		planted[fmt.Sprintf("%s %s:%d", f.Check, f.File, f.Line)] = true
	}
	reported := map[string]bool{}
	byAnalyzer := map[string]int{}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			rel, err := filepath.Rel(dir, pos.Filename)
			if err != nil {
				t.Fatal(err)
			}
			key := fmt.Sprintf("%s %s:%d", d.Category, filepath.ToSlash(rel), pos.Line)
			if !planted[key] {
				t.Errorf("unexpected finding %s: %s", key, d.Message)
			}
			reported[key] = true
			byAnalyzer[act.Analyzer.Name]++
		}
	}
	for _, f := range res.Findings {
		key := fmt.Sprintf("%s %s:%d", f.Check, f.File, f.Line)
		name := analyzer.CheckByID(f.Check).Analyzer
		if !reported[key] && (name == "naming" || byAnalyzer[name] > 0) {
			t.Errorf("planted finding not reported: %s", f)
		}
	}
	t.Logf("findings by analyzer: %v (planted: %d)", byAnalyzer, len(res.Findings))
	if byAnalyzer["naming"] != 3 {
		t.Errorf("naming reported %d findings, want the 3 planted ones", byAnalyzer["naming"])
	}
}

func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
