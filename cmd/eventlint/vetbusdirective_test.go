package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVetBusDirective: a bus declared by directives on an interface
// (testdata/busdirective/ports), implemented in hub and called through the
// interface in orders, gives go vet the findings of the standalone
// command at the calls: the directive reaches orders as a fact.
func TestVetBusDirective(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	pkgs := []string{"./busdirective/..."}

	standalone, vetted := standaloneAndVet(t, dir, pkgs...)
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
