package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestGraphClinic draws examples/clinic: the module-wide Mermaid graph is
// the one the published-events page embeds, and -program draws one
// command.
func TestGraphClinic(t *testing.T) {
	t.Parallel()
	r := run(t, clinic, "graph")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("graph: exit %d\n%s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(clinic, "EVENTS.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "```mermaid\n"+r.stdout+"```\n") {
		t.Errorf("EVENTS.md does not embed the graph:\n%s", r.stdout)
	}
	for _, want := range []string{
		`["accounting<br>never runs: no command imports it"]`,   // EL3003
		`(["invoice.paid<br>no handler in cmd/clinic"])`,        // EL3001
		`(["patient.registered<br>deprecated, still emitted"])`, // EL2003
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("graph lacks %s:\n%s", want, r.stdout)
		}
	}

	// clinic-admin links in hr and notify only.
	for _, program := range []string{"./cmd/clinic-admin", "example.com/clinic/cmd/clinic-admin"} {
		r := run(t, clinic, "graph", "-format", "dot", "-program", program)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("graph -program %s: exit %d\n%s", program, r.code, r.stderr)
		}
		var labels []string
		for _, m := range regexp.MustCompile(`label="([^"\\]*)`).FindAllStringSubmatch(r.stdout, -1) {
			labels = append(labels, m[1])
		}
		want := []string{"hr", "notify", "EmployeeTerminated", "appointment.scheduled", "employee.created", "employee.status_changed", "patient.created", "patient.registered"}
		if !slices.Equal(labels, want) || !strings.Contains(r.stdout, `label="EmployeeTerminated\nno handler in cmd/clinic-admin"`) {
			t.Errorf("graph -program %s: labels %q, want %q\n%s", program, labels, want, r.stdout)
		}
	}
	// docs/graph.md shows the Mermaid form.
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "graph.md"))
	if err != nil {
		t.Fatal(err)
	}
	if r := run(t, clinic, "graph", "-program", "./cmd/clinic-admin"); !strings.Contains(string(doc), "```mermaid\n"+r.stdout+"```\n") {
		t.Errorf("docs/graph.md does not show graph -program ./cmd/clinic-admin:\n%s", r.stdout)
	}
}

func TestGraphErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"graph", "-format", "svg"}, "eventlint graph: unknown format \"svg\": want mermaid or dot\n"},
		{[]string{"graph", "./...", "-format", "dot"}, "eventlint graph: flag -format after the package patterns: flags come first (eventlint graph [flags] [packages])\n"},
		{[]string{"graph", "-program", "./events/nope"}, ""},
		{[]string{"graph", "-program", "example.com/elsewhere"}, ""},
	} {
		r := run(t, clinic, tc.args...)
		if r.code != 2 || r.stdout != "" || tc.want != "" && r.stderr != tc.want || r.stderr == "" {
			t.Errorf("%q: exit %d (want 2)\nstdout:\n%s\nstderr:\n%s", tc.args, r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, clinic, "graph", "-help"); r.code != 0 || !strings.Contains(r.stdout, "eventlint graph [-format mermaid|dot] [-program PKG]") {
		t.Errorf("graph -help: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestGraphClinicSVG keeps docs/clinic-flow.svg, the picture in
// docs/graph.md, showing examples/clinic's flow: it renders the graph
// with Graphviz and compares what the two pictures draw (the nodes,
// edges and texts, not the coordinates, which vary between Graphviz
// versions). Redraw it with scripts/clinic-flow.sh.
func TestGraphClinicSVG(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("no Graphviz dot (.ci/run installs it)")
	}
	r := run(t, clinic, "graph", "-format", "dot")
	if r.code != 0 {
		t.Fatalf("graph -format dot: exit %d\n%s", r.code, r.stderr)
	}
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = strings.NewReader(r.stdout)
	fresh, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tsvg: %v", err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "docs", "clinic-flow.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := svgDrawing(committed), svgDrawing(fresh); !slices.Equal(got, want) {
		t.Errorf("docs/clinic-flow.svg is out of date: redraw it with scripts/clinic-flow.sh\nit draws:\n%s\nthe graph is:\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(svgDrawing(fresh)) < 20 {
		t.Errorf("the picture draws almost nothing:\n%s", fresh)
	}
}

var svgElement = regexp.MustCompile(`<(title|text)[^>]*>([^<]*)</(?:title|text)>|class="(node|edge)"`)

// svgDrawing lists what a Graphviz SVG draws, in order: each node and
// edge group, its title (the node ids, "a->b") and its texts.
func svgDrawing(svg []byte) []string {
	var out []string
	for _, m := range svgElement.FindAllSubmatch(bytes.ReplaceAll(svg, []byte("\r\n"), []byte("\n")), -1) {
		if len(m[3]) > 0 {
			out = append(out, string(m[3]))
			continue
		}
		out = append(out, string(m[1])+": "+string(m[2]))
	}
	return out
}
