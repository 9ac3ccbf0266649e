package catalogue

import (
	"bytes"
	"encoding/xml"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// shopFiles is a module with two commands and the three problems the
// graph draws: order.shipped is handled only by audit, which no command
// imports (EL3003), so both commands emit it without a handler (EL3001);
// order.created is deprecated and still emitted (EL2003), and handled by
// nothing; cmd/tool does not link in billing, the handler of order.placed.
var shopFiles = map[string]string{
	"events/events.go": `// Package events is the shop's catalogue.
//
//eventlint:catalogue
package events

const (
	// OrderPlaced is emitted when a customer orders.
	OrderPlaced = "order.placed"

	// OrderShipped is emitted when the parcel leaves.
	OrderShipped = "order.shipped"

	// OrderCreated is the old name of OrderPlaced.
	//
	// Deprecated: emit OrderPlaced.
	OrderCreated = "order.created"
)
`,
	"orders/orders.go": `package orders

import (
	"context"

	"example.com/app/events"
	"github.com/eventlint/eventlint/bus"
)

func Place(ctx context.Context) {
	bus.Emit(ctx, events.OrderPlaced, 1)
	bus.Emit(ctx, events.OrderCreated, 1)
	bus.Emit(ctx, events.OrderShipped, 1)
}
`,
	"billing/billing.go": `package billing

import (
	"context"

	"example.com/app/events"
	"github.com/eventlint/eventlint/bus"
)

func init() { bus.On(events.OrderPlaced, func(ctx context.Context, id int) error { return nil }) }
`,
	"audit/audit.go": `package audit

import (
	"context"

	"example.com/app/events"
	"github.com/eventlint/eventlint/bus"
)

func init() { bus.On(events.OrderShipped, func(ctx context.Context, id int) error { return nil }) }
`,
	"cmd/shop/main.go": `package main

import (
	"context"

	_ "example.com/app/billing"
	"example.com/app/orders"
)

func main() { orders.Place(context.Background()) }
`,
	"cmd/tool/main.go": `package main

import (
	"context"

	"example.com/app/orders"
)

func main() { orders.Place(context.Background()) }
`,
}

// mermaidGraph is a Mermaid flowchart read back: node labels by id, the
// edges as "from label -> to label" (first label lines), the problem
// nodes' labels.
type mermaidGraph struct {
	labels   map[string]string
	edges    []string
	problems []string
}

var (
	mermaidNode  = regexp.MustCompile(`^    (\w+)(?:\["(.*)"\]|\(\["(.*)"\]\))$`)
	mermaidEdge  = regexp.MustCompile(`^    (\w+) (-->|-\. deprecated \.->) (\w+)$`)
	mermaidClass = regexp.MustCompile(`^    class ([\w,]+) problem$`)
)

func parseMermaid(t *testing.T, src string) *mermaidGraph {
	t.Helper()
	g := &mermaidGraph{labels: map[string]string{}}
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Fatalf("first line %q, want flowchart LR", lines[0])
	}
	for _, l := range lines[1:] {
		if m := mermaidNode.FindStringSubmatch(l); m != nil {
			g.labels[m[1]] = m[2] + m[3]
			continue
		}
		if m := mermaidEdge.FindStringSubmatch(l); m != nil {
			arrow := " -> "
			if m[2] != "-->" {
				arrow = " -deprecated-> "
			}
			g.edges = append(g.edges, g.first(t, m[1])+arrow+g.first(t, m[3]))
			continue
		}
		if m := mermaidClass.FindStringSubmatch(l); m != nil {
			for _, id := range strings.Split(m[1], ",") {
				g.problems = append(g.problems, g.labels[id])
			}
			continue
		}
		if strings.HasPrefix(l, "    classDef problem ") {
			continue
		}
		t.Errorf("unexpected line %q", l)
	}
	slices.Sort(g.edges)
	slices.Sort(g.problems)
	return g
}

func (g *mermaidGraph) first(t *testing.T, id string) string {
	t.Helper()
	label, ok := g.labels[id]
	if !ok {
		t.Fatalf("edge to undeclared node %s", id)
	}
	first, _, _ := strings.Cut(label, "<br>")
	return first
}

func TestGraphModule(t *testing.T) {
	t.Parallel()
	g, err := BuildGraph(load(t, writeModule(t, clone(shopFiles)), "./..."), "")
	if err != nil {
		t.Fatal(err)
	}
	src := string(Mermaid(g))
	m := parseMermaid(t, src)
	wantEdges := []string{
		"order.placed -> billing",
		"order.shipped -> audit",
		"orders -> order.placed",
		"orders -> order.shipped",
		"orders -deprecated-> order.created",
	}
	if !slices.Equal(m.edges, wantEdges) {
		t.Errorf("edges:\n%s\nwant:\n%s\nin:\n%s", strings.Join(m.edges, "\n"), strings.Join(wantEdges, "\n"), src)
	}
	wantProblems := []string{
		"audit<br>never runs: no command imports it",
		"order.created<br>deprecated, still emitted<br>no handler in cmd/shop, cmd/tool",
		"order.placed<br>no handler in cmd/tool",
		"order.shipped<br>no handler in cmd/shop, cmd/tool",
	}
	if !slices.Equal(m.problems, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s\nin:\n%s", strings.Join(m.problems, "\n"), strings.Join(wantProblems, "\n"), src)
	}
	if m.labels["p1"] != "billing" || !strings.Contains(src, `    p1["billing"]`+"\n") {
		t.Errorf("billing has no problem, yet:\n%s", src)
	}

	// The same packages in another order draw the same bytes.
	again, err := BuildGraph(load(t, writeModule(t, clone(shopFiles)), "./cmd/...", "./orders", "./audit", "./billing", "./events"), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := string(Mermaid(again)); got != src {
		t.Errorf("other pattern order:\n%s\nwant:\n%s", got, src)
	}
	if !bytes.Equal(DOT(again), DOT(g)) {
		t.Errorf("other pattern order, DOT:\n%s\nwant:\n%s", DOT(again), DOT(g))
	}
}

func TestGraphProgram(t *testing.T) {
	t.Parallel()
	g, err := BuildGraph(load(t, writeModule(t, clone(shopFiles)), "./..."), "example.com/app/cmd/shop")
	if err != nil {
		t.Fatal(err)
	}
	m := parseMermaid(t, string(Mermaid(g)))
	// audit is not linked in: its subscription is not drawn, and only the
	// module-wide graph says it never runs.
	wantEdges := []string{
		"order.placed -> billing",
		"orders -> order.placed",
		"orders -> order.shipped",
		"orders -deprecated-> order.created",
	}
	if !slices.Equal(m.edges, wantEdges) {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(m.edges, "\n"), strings.Join(wantEdges, "\n"))
	}
	wantProblems := []string{
		"order.created<br>deprecated, still emitted<br>no handler in cmd/shop",
		"order.shipped<br>no handler in cmd/shop",
	}
	if !slices.Equal(m.problems, wantProblems) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(m.problems, "\n"), strings.Join(wantProblems, "\n"))
	}
	if !strings.HasPrefix(string(DOT(g)), `digraph "events of cmd/shop" {`) {
		t.Errorf("DOT title:\n%s", DOT(g))
	}
	if _, err := BuildGraph(load(t, writeModule(t, clone(shopFiles)), "./orders"), "example.com/app/cmd/shop"); err == nil {
		t.Error("a program that was not loaded: no error")
	}
}

// TestGraphDOTRenders renders the DOT output with Graphviz and checks the
// SVG: every node and edge drawn, with its label.
func TestGraphDOTRenders(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("no Graphviz dot (.ci/run installs it)")
	}
	g, err := BuildGraph(load(t, writeModule(t, clone(shopFiles)), "./..."), "")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = bytes.NewReader(DOT(g))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s\n%s", err, stderr.Bytes(), DOT(g))
	}
	nodes, edges, texts := svgContent(t, svg)
	if nodes != len(g.Packages)+len(g.Events) || edges != len(g.Edges) {
		t.Errorf("SVG has %d nodes and %d edges, want %d and %d", nodes, edges, len(g.Packages)+len(g.Events), len(g.Edges))
	}
	for _, want := range []string{"orders", "billing", "audit", "never runs: no command imports it", "order.shipped", "no handler in cmd/shop, cmd/tool", "deprecated, still emitted", "deprecated"} {
		if !slices.Contains(texts, want) {
			t.Errorf("SVG lacks the text %q: %q", want, texts)
		}
	}
}

// svgContent parses a Graphviz SVG: the number of node and edge groups
// and the texts drawn.
func svgContent(t *testing.T, svg []byte) (nodes, edges int, texts []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nodes, edges, texts
			}
			t.Fatalf("invalid SVG: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if tok.Name.Local == "g" && a.Name.Local == "class" {
					switch a.Value {
					case "node":
						nodes++
					case "edge":
						edges++
					}
				}
			}
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
}

func TestGraphLabels(t *testing.T) {
	t.Parallel()
	if got, want := mermaidLabel([]string{`a "b" <c>`, "d\ne"}), `a #quot;b#quot; #lt;c#gt;<br>d e`; got != want {
		t.Errorf("mermaidLabel = %s, want %s", got, want)
	}
	if got, want := dotQuote("a \"b\" \\c\nd"), `"a \"b\" \\c\nd"`; got != want {
		t.Errorf("dotQuote = %s, want %s", got, want)
	}
}
