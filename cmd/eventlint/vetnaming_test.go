package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Under go vet the naming flags are the analyzer's flags, as standalone:
// -naming.style=path holds the containerd-style topics of
// testdata/naming/path to /<aggregate>/<action> in kebab-case, with the
// suggestions in that style.
func TestVetNamingStyle(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	vet := runFreshVet(t, dir, "-naming", "-naming.style=path", "./naming/path")
	const file = "naming/path/path.go:"
	want := []string{
		file + `15:16: event name "tasks/exit" does not start with "/": name it "/tasks/exit"`,
		file + `16:16: event name "/tasks/exec_added" segment "exec_added" is not lowercase kebab-case: name it "/tasks/exec-added"`,
		file + `17:16: event name "/containers" has 1 segment, want /<aggregate>/<verb>: name it /<aggregate>/<verb> in lowercase kebab-case, e.g. "/order/refunded"`,
		file + `18:16: event name "containers.create" does not start with "/": name it "/containers/create"`,
	}
	var got []string
	for line := range strings.SplitSeq(strings.TrimSpace(vet.stderr), "\n") {
		if strings.HasPrefix(line, "#") {
			continue // go vet's package header
		}
		got = append(got, filepath.ToSlash(strings.TrimPrefix(line, "./")))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("go vet -vettool=eventlint -naming.style=path:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
