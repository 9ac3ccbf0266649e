package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventlint/eventlint/analyzer"
)

// Under go vet a package sees the package facts of its direct imports
// only. testdata/catalogue/app imports mid, which imports the catalogue:
// app knows the catalogue only through the Summary fact mid folds it
// into. go vet must report exactly what the standalone command reports
// there.
func TestVetCatalogueThroughIntermediate(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	pkgs := []string{"./catalogue/app", "./catalogue/mid"}

	standalone, vetted := standaloneAndVet(t, dir, pkgs...)
	slices.Sort(standalone)
	slices.Sort(vetted)
	if !slices.Equal(standalone, vetted) {
		t.Fatalf("go vet and eventlint differ\ngo vet:\n%s\neventlint:\n%s", strings.Join(vetted, "\n"), strings.Join(standalone, "\n"))
	}
	// The catalogue reached app: its catalogue findings are there.
	if !slices.ContainsFunc(vetted, func(s string) bool {
		return strings.HasPrefix(s, "catalogue/app/app.go:15:") && strings.Contains(s, "is not declared in the catalogue")
	}) {
		t.Fatalf("go vet did not see the catalogue in app:\n%s", strings.Join(vetted, "\n"))
	}
}

// standaloneAndVet runs the standalone command (-format json) and go vet
// on pkgs in dir, and returns each one's all-drivers findings as
// "file:line:col: message" lines, in their order. The standalone command
// must exit 1 and go vet must find something.
func standaloneAndVet(t *testing.T, dir string, pkgs ...string) (standalone, vetted []string) {
	t.Helper()
	r := run(t, dir, append([]string{"-format", "json"}, pkgs...)...)
	if r.code != 1 {
		t.Fatalf("eventlint: exit %d (want 1)\n%s%s", r.code, r.stdout, r.stderr)
	}
	var findings []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Check   string `json:"check"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil {
		t.Fatalf("eventlint -format json: %v\n%s", err, r.stdout)
	}
	for _, f := range findings {
		if c := analyzer.CheckByID(f.Check); c == nil || c.Drivers != analyzer.AllDrivers {
			continue // module-wide checks do not run under go vet
		}
		standalone = append(standalone, fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(f.File), f.Line, f.Column, f.Message))
	}

	vet := runFreshVet(t, dir, pkgs...)
	if vet.code == 0 {
		t.Fatalf("go vet found nothing:\n%s", vet.stderr)
	}
	for line := range strings.SplitSeq(strings.TrimSpace(vet.stderr), "\n") {
		if strings.HasPrefix(line, "#") {
			continue // go vet's package header
		}
		vetted = append(vetted, filepath.ToSlash(strings.TrimPrefix(line, "./")))
	}
	return standalone, vetted
}

var vetRuns atomic.Int64

// vetNonce returns a flag that changes no finding but makes go vet's
// cache key differ from every earlier run's (see runFreshVet); the time
// keeps a reused process ID from repeating an old key.
func vetNonce() string {
	return fmt.Sprintf("-naming.irregular=vetrun%dx%dx%d", os.Getpid(), time.Now().UnixNano(), vetRuns.Add(1))
}

// runFreshVet runs go vet -vettool=eventlint args in dir so that no cached
// vet result is replayed. cmd/go (seen with go1.26.8, and with the stock
// vet's printf check too) caches a package's vet run under a key that does
// not say whether the run was a facts-only run for an importer: after
// `go vet ./b`, where b imports a, `go vet ./a` replays a's silent
// facts-only run and reports nothing. Each call therefore passes a vet
// flag no earlier run used (an irregular participle no code contains),
// which is part of the cache key.
func runFreshVet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, exec.Command("go", append([]string{"vet", "-vettool=" + eventlint, vetNonce()}, args...)...), dir)
}
