package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
)

// TestVetBusDirective: a bus declared by directives on an interface
// (testdata/busdirective/ports), implemented in hub and called through the
// interface in orders, gives go vet the findings of the standalone
// command at the calls: the directive reaches orders as a fact.
func TestVetBusDirective(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	pkgs := []string{"./busdirective/..."}

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
	var standalone []string
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
	var vetted []string
	for line := range strings.SplitSeq(strings.TrimSpace(vet.stderr), "\n") {
		if strings.HasPrefix(line, "#") {
			continue // go vet's package header
		}
		vetted = append(vetted, filepath.ToSlash(strings.TrimPrefix(line, "./")))
	}
	// EL3001's advice differs by driver (only the standalone command
	// knows the module's handlers): compare up to it.
	for _, list := range [][]string{standalone, vetted} {
		for i, s := range list {
			if before, _, ok := strings.Cut(s, "): "); ok && strings.Contains(s, "is emitted but no handler") {
				list[i] = before + ")"
			}
		}
	}
	slices.Sort(standalone)
	slices.Sort(vetted)
	if !slices.Equal(standalone, vetted) {
		t.Fatalf("go vet and eventlint differ\ngo vet:\n%s\neventlint:\n%s", strings.Join(vetted, "\n"), strings.Join(standalone, "\n"))
	}
	// The call through the interface in orders is a site under go vet.
	if !slices.ContainsFunc(vetted, func(s string) bool {
		return strings.HasPrefix(s, "busdirective/orders/orders.go:13:") && strings.Contains(s, `event name "OrderPlaced"`)
	}) {
		t.Fatalf("go vet did not see the directive of ports.Publisher in orders:\n%s", strings.Join(vetted, "\n"))
	}
}

// TestVetBusFuncs: -bus.funcs is a flag under go vet too.
func TestVetBusFuncs(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	vet := runFreshVet(t, dir, "-bus.funcs=(*example.com/lint/busfuncs/hub.Hub).Send:emit:name=topic,payload=1", "./busfuncs/...")
	if !strings.Contains(vet.stderr, `busfuncs/app/app.go:6:9: event name "UserCreated" has 1 segment`) {
		t.Fatalf("go vet -bus.funcs: exit %d, no finding at the call:\n%s", vet.code, vet.stderr)
	}
}
