package catalogue

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/driver"
)

// Graph is the event flow of a module or of one program: the packages
// that emit each event and the packages that handle it, with the
// problems the unregistered and catalogue checks find drawn in. It is
// built from the same data as the checks (the module view and the
// programs' summaries), never from a second look at the code.
type Graph struct {
	Module   string         // module path, for shortening package paths; "" when unknown
	Program  string         // the program drawn; "" for the whole module
	Packages []*FlowPackage // sorted by path
	Events   []*FlowEvent   // sorted by name
	Edges    []FlowEdge     // sorted by package, event, direction
}

// FlowPackage is a package that emits or handles events.
type FlowPackage struct {
	Path string
	// NeverRun: the package registers handlers at init and no command of
	// the module links it in (EL3003). Only the module-wide graph knows.
	NeverRun bool
}

// FlowEvent is an event with a constant name that the code emits or
// handles.
type FlowEvent struct {
	Name string
	// Unhandled are the programs that emit the event and link in no
	// handler for it (EL3001), sorted.
	Unhandled []string
	// Deprecated is the catalogue's Deprecated notice, "" when the event
	// is active or not catalogued. The graph marks it when it is emitted.
	Deprecated string
}

// FlowEdge is a package emitting an event (Emit) or handling it (!Emit).
type FlowEdge struct {
	Package, Event string
	Emit           bool
	// Deprecated: an emit of a deprecated event (EL2003).
	Deprecated bool
}

// BuildGraph draws the event flow of the loaded packages. With program
// (an import path among them) "", it is module-wide: every package's own
// non-test sites, the events some command emits without linking in a
// handler, and the handler packages no command links in. Otherwise it is
// what is linked into that program, from its summary.
func BuildGraph(prog *driver.Program, program string) (*Graph, error) {
	g := &Graph{Program: program}
	var (
		emits     []analyzer.EmitRecord
		subs      []analyzer.SubRecord
		unhandled = map[string][]string{}
		cats      []*analyzer.Catalogue
		neverRun  = map[string]bool{}
	)
	for _, path := range slices.Sorted(maps.Keys(prog.Results)) {
		if g.Module = prog.Results[path].Module; g.Module != "" {
			break
		}
	}
	if program != "" {
		res, ok := prog.Results[program]
		if !ok {
			return nil, fmt.Errorf("program %s is not among the loaded packages", program)
		}
		sum := res.Summary.Flat()
		emits, subs, cats = sum.Emits, sum.Subs, sum.Catalogues
		for _, ev := range sum.Unhandled() {
			unhandled[ev] = []string{program}
		}
	} else {
		view := prog.Module
		for _, p := range view.Packages {
			emits = append(emits, p.Own.Emits...)
			subs = append(subs, p.Own.Subs...)
			if slices.ContainsFunc(p.Own.Subs, func(s analyzer.SubRecord) bool { return s.AtInit }) && view.NeverRun(p, nil) {
				neverRun[p.Path] = true
			}
		}
		for _, m := range view.Mains() {
			res, ok := prog.Results[m.Path]
			if !ok || strings.HasSuffix(m.Path, ".test") {
				continue // not a command of the module
			}
			for _, ev := range res.Summary.Flat().Unhandled() {
				unhandled[ev] = append(unhandled[ev], m.Path)
			}
		}
		for _, path := range slices.Sorted(maps.Keys(prog.Results)) {
			cats = append(cats, prog.Results[path].Summary.Catalogues...)
		}
	}

	pkgs := map[string]*FlowPackage{}
	events := map[string]*FlowEvent{}
	edges := map[FlowEdge]bool{}
	addNodes := func(pkg, event string) {
		if pkgs[pkg] == nil {
			pkgs[pkg] = &FlowPackage{Path: pkg, NeverRun: neverRun[pkg]}
		}
		if events[event] == nil {
			events[event] = &FlowEvent{Name: event, Unhandled: slices.Sorted(slices.Values(unhandled[event])), Deprecated: deprecation(cats, event)}
		}
	}
	for _, e := range emits {
		addNodes(e.Pos.Pkg, e.Event)
		edges[FlowEdge{Package: e.Pos.Pkg, Event: e.Event, Emit: true, Deprecated: events[e.Event].Deprecated != ""}] = true
	}
	for _, s := range subs {
		addNodes(s.Pos.Pkg, s.Event)
		edges[FlowEdge{Package: s.Pos.Pkg, Event: s.Event}] = true
	}
	for _, path := range slices.Sorted(maps.Keys(pkgs)) {
		g.Packages = append(g.Packages, pkgs[path])
	}
	for _, name := range slices.Sorted(maps.Keys(events)) {
		g.Events = append(g.Events, events[name])
	}
	g.Edges = slices.SortedFunc(maps.Keys(edges), func(a, b FlowEdge) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Event, b.Event), -cmpBool(a.Emit, b.Emit))
	})
	return g, nil
}

// deprecation returns the Deprecated notice of event in the first of cats
// that declares it, "" when none deprecates it.
func deprecation(cats []*analyzer.Catalogue, event string) string {
	for _, c := range cats {
		if e := c.Event(event); e != nil {
			return e.Deprecated
		}
	}
	return ""
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// GraphFormats are the renderings of a graph, by -format name.
var GraphFormats = map[string]func(*Graph) []byte{
	"mermaid": Mermaid,
	"dot":     DOT,
}

// packageLabel returns the lines of p's label, for both renderings: its
// path, then its problem.
func (g *Graph) packageLabel(p *FlowPackage) []string {
	lines := []string{RelPackage(p.Path, g.Module)}
	if p.NeverRun {
		lines = append(lines, "never runs: no command imports it")
	}
	return lines
}

// eventLabel returns the lines of e's label: its name, then its problems.
func (g *Graph) eventLabel(e *FlowEvent) []string {
	lines := []string{e.Name}
	if e.Deprecated != "" && slices.ContainsFunc(g.Edges, func(ed FlowEdge) bool { return ed.Event == e.Name && ed.Deprecated }) {
		lines = append(lines, "deprecated, still emitted")
	}
	if len(e.Unhandled) > 0 {
		progs := make([]string, len(e.Unhandled))
		for i, p := range e.Unhandled {
			progs[i] = RelPackage(p, g.Module)
		}
		lines = append(lines, "no handler in "+strings.Join(progs, ", "))
	}
	return lines
}

// ids names the nodes: p0, p1, ... for packages and e0, e1, ... for
// events, in their sorted order, so that the output is deterministic and
// safe in both languages whatever the names contain.
func (g *Graph) ids() (pkg, event map[string]string) {
	pkg, event = map[string]string{}, map[string]string{}
	for i, p := range g.Packages {
		pkg[p.Path] = fmt.Sprintf("p%d", i)
	}
	for i, e := range g.Events {
		event[e.Name] = fmt.Sprintf("e%d", i)
	}
	return pkg, event
}

// Mermaid renders g as a Mermaid flowchart, left to right: packages are
// boxes, events are stadiums, an edge goes from each emitting package to
// the event and from the event to each handling package. Nodes with a
// problem are in the class "problem" (red, dashed) with the problem on a
// second line; emits of deprecated events are dotted edges labelled
// "deprecated".
func Mermaid(g *Graph) []byte {
	var b bytes.Buffer
	b.WriteString("flowchart LR\n")
	pid, eid := g.ids()
	var problems []string
	for _, p := range g.Packages {
		fmt.Fprintf(&b, "    %s[\"%s\"]\n", pid[p.Path], mermaidLabel(g.packageLabel(p)))
		if p.NeverRun {
			problems = append(problems, pid[p.Path])
		}
	}
	for _, e := range g.Events {
		label := g.eventLabel(e)
		fmt.Fprintf(&b, "    %s([\"%s\"])\n", eid[e.Name], mermaidLabel(label))
		if len(label) > 1 {
			problems = append(problems, eid[e.Name])
		}
	}
	for _, ed := range g.Edges {
		switch {
		case ed.Emit && ed.Deprecated:
			fmt.Fprintf(&b, "    %s -. deprecated .-> %s\n", pid[ed.Package], eid[ed.Event])
		case ed.Emit:
			fmt.Fprintf(&b, "    %s --> %s\n", pid[ed.Package], eid[ed.Event])
		default:
			fmt.Fprintf(&b, "    %s --> %s\n", eid[ed.Event], pid[ed.Package])
		}
	}
	if len(problems) > 0 {
		b.WriteString("    classDef problem stroke:#d00,stroke-width:2px,stroke-dasharray:5 3,color:#d00\n")
		fmt.Fprintf(&b, "    class %s problem\n", strings.Join(problems, ","))
	}
	return b.Bytes()
}

// mermaidLabel joins lines with <br>, with the characters that would end
// or break a quoted Mermaid label written as entities.
func mermaidLabel(lines []string) string {
	esc := strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ")
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = esc.Replace(l)
	}
	return strings.Join(out, "<br>")
}

// DOT renders g in Graphviz's language, left to right, with the same
// shapes and problem marks as Mermaid: render it with dot -Tsvg.
func DOT(g *Graph) []byte {
	var b bytes.Buffer
	title := "events"
	if g.Program != "" {
		title = "events of " + RelPackage(g.Program, g.Module)
	}
	fmt.Fprintf(&b, "digraph %s {\n", dotQuote(title))
	b.WriteString("\trankdir=LR;\n")
	b.WriteString("\tnode [fontname=\"Helvetica\", fontsize=11];\n")
	b.WriteString("\tedge [color=\"#555555\", fontname=\"Helvetica\", fontsize=10];\n")
	pid, eid := g.ids()
	const problem = `, color="#dd0000", fontcolor="#dd0000", style=dashed, penwidth=2`
	for _, p := range g.Packages {
		attrs := ""
		if p.NeverRun {
			attrs = problem
		}
		fmt.Fprintf(&b, "\t%s [label=%s, shape=box%s];\n", pid[p.Path], dotQuote(strings.Join(g.packageLabel(p), "\n")), attrs)
	}
	for _, e := range g.Events {
		label := g.eventLabel(e)
		attrs := ""
		if len(label) > 1 {
			attrs = problem
		}
		fmt.Fprintf(&b, "\t%s [label=%s, shape=ellipse%s];\n", eid[e.Name], dotQuote(strings.Join(label, "\n")), attrs)
	}
	for _, ed := range g.Edges {
		switch {
		case ed.Emit && ed.Deprecated:
			fmt.Fprintf(&b, "\t%s -> %s [label=\"deprecated\", style=dashed, color=\"#dd0000\", fontcolor=\"#dd0000\"];\n", pid[ed.Package], eid[ed.Event])
		case ed.Emit:
			fmt.Fprintf(&b, "\t%s -> %s;\n", pid[ed.Package], eid[ed.Event])
		default:
			fmt.Fprintf(&b, "\t%s -> %s;\n", eid[ed.Event], pid[ed.Package])
		}
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// dotQuote quotes s as a DOT string; a newline becomes the \n line break
// of labels.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
