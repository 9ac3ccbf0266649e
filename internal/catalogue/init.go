package catalogue

import (
	"bytes"
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/packages"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/driver"
)

// InitEvent is one event name the code uses: a new catalogue declares it,
// or leaves it out (LeftOut) with a TODO.
type InitEvent struct {
	Name  string
	Const string // "" when the event is left out
	// Problem is the naming rule the name breaks, nil if none.
	Problem *analyzer.NameProblem
	// Typo is the emitted event name this name, which nothing emits, is
	// a near miss of ("" if none): most likely a typo of it.
	Typo string
	// Packages are the import paths of the packages that emit or
	// subscribe to the name, sorted.
	Packages []string
	// Payload is the one concrete type every emit passes ("" when they do
	// not agree, or nothing emits the event); Payloads lists the types
	// when emits disagree.
	Payload  string
	Payloads []string
	Emitted  bool
}

// InitEvents returns the constant event names the packages of view emit
// or subscribe to in non-test code, sorted by name. A name that breaks
// the naming rules, or that nothing emits and is a near miss of an
// emitted name, is left out (see LeftOut): a catalogue constant would
// make the mistake a published contract, and -fix would spread it. Each
// of the others gets a unique exported constant identifier derived from
// its name.
func InitEvents(view *analyzer.ModuleView, rules *analyzer.NameRules) []InitEvent {
	seen := map[string]*InitEvent{}
	payloads := map[string][]analyzer.TypeRef{}
	use := func(name, pkg string) *InitEvent {
		e := seen[name]
		if e == nil {
			e = &InitEvent{Name: name}
			seen[name] = e
		}
		if !slices.Contains(e.Packages, pkg) {
			e.Packages = append(e.Packages, pkg)
		}
		return e
	}
	var emitted []string
	for _, p := range view.Packages {
		for _, e := range p.Own.Emits {
			use(e.Event, p.Path).Emitted = true
			payloads[e.Event] = append(payloads[e.Event], e.Payload)
			emitted = append(emitted, e.Event)
		}
		for _, s := range p.Own.Subs {
			use(s.Event, p.Path)
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	slices.Sort(emitted)
	emitted = slices.Compact(emitted)
	var kept []string
	for _, n := range names {
		e := seen[n]
		slices.Sort(e.Packages)
		e.Problem = rules.Check(n)
		if !e.Emitted {
			e.Typo = analyzer.Closest(n, emitted)
		}
		e.Payload, e.Payloads = agreedPayload(payloads[n])
		if !e.LeftOut() {
			kept = append(kept, n)
		}
	}
	for i, id := range ConstNames(kept) {
		seen[kept[i]].Const = id
	}
	out := make([]InitEvent, len(names))
	for i, n := range names {
		out[i] = *seen[n]
	}
	return out
}

// LeftOut reports whether the new catalogue leaves the event out: its
// name breaks the naming rules, or it is likely a typo of an emitted
// name. Its uses stay string literals, reported by eventlint until the
// code is fixed.
func (e InitEvent) LeftOut() bool { return e.Problem != nil || e.Typo != "" }

// PayloadTODO reports whether the new catalogue leaves the event's payload
// as a TODO: the emits pass a type it cannot name without an import, or
// different types.
func (e InitEvent) PayloadTODO() bool {
	return (e.Payload != "" && payloadDirective(e.Payload) == "") || len(e.Payloads) > 0
}

// payloadDirective returns the payload directive for type name when the
// catalogue can spell it without an import, else "".
func payloadDirective(name string) string {
	switch {
	case name == analyzer.BusPath+".Fields":
		return analyzer.PayloadDirective + " bus.Fields" // needs no import
	case name != "" && !strings.Contains(name, "."):
		return analyzer.PayloadDirective + " " + name // predeclared types only
	}
	return ""
}

// agreedPayload returns the payload type all emits pass, when they agree
// on one concrete (non-interface) type, else "" and the distinct known
// types when there are several.
func agreedPayload(refs []analyzer.TypeRef) (string, []string) {
	var known []string
	unknown := false
	for _, r := range refs {
		if !r.Known() {
			unknown = true // nil, or an interface: the dynamic type is not known
			continue
		}
		if !slices.Contains(known, r.Name) {
			known = append(known, r.Name)
		}
	}
	slices.Sort(known)
	if len(known) == 1 && !unknown {
		return known[0], nil
	}
	if len(known) > 1 {
		return "", known
	}
	return "", nil
}

// ConstNames derives a unique exported Go identifier from each of names
// (sorted, distinct): employee.status_changed -> EmployeeStatusChanged.
// Names that map to the same identifier get 2, 3, ... appended in the
// order of names, so the result depends only on the set of names.
func ConstNames(names []string) []string {
	used := map[string]bool{}
	out := make([]string, len(names))
	for i, n := range names {
		base := ConstName(n)
		id := base
		for k := 2; used[id]; k++ {
			id = base + strconv.Itoa(k)
		}
		used[id] = true
		out[i] = id
	}
	return out
}

// ConstName derives an exported Go identifier from an event name: each
// run of letters and digits starts with an upper-case letter, everything
// else is dropped. A name that yields no exported identifier (no letters,
// a leading digit, a letter without case) gets the prefix Event.
func ConstName(name string) string {
	var b strings.Builder
	start := true
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			start = true
			continue
		}
		if start {
			r = unicode.ToUpper(r)
			start = false
		}
		b.WriteRune(r)
	}
	id := b.String()
	if !token.IsIdentifier(id) || !token.IsExported(id) {
		id = "Event" + id
	}
	return id
}

// InitSource returns the source of a new catalogue package called pkgName
// declaring events: a constant per event with a doc comment to fill in and
// TODOs for payloads, and after them a TODO per event left out, saying
// what to name it.
//
// A payload directive is only written when its type is in scope without
// an import (predeclared types and bus.Fields): the payload types of the
// code live in its packages, and importing one of them from the catalogue
// could create an import cycle, since every package of the module will
// import the catalogue. The TODO names the type instead.
func InitSource(pkgName string, events []InitEvent) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Package %s is the event catalogue: every event the module publishes on
// the event bus, with its purpose and payload.
//
// eventlint catalogue -init wrote it from the event names the code emits
// and subscribes to. Replace each TODO, then run eventlint ./... to check
// the code against it.
//
//eventlint:catalogue
package %s

const (
`, pkgName, pkgName)
	var leftOut []InitEvent
	declared := 0
	for _, e := range events {
		if e.LeftOut() {
			leftOut = append(leftOut, e)
			continue
		}
		if declared > 0 {
			b.WriteString("\n")
		}
		declared++
		fmt.Fprintf(&b, "// %s is emitted when TODO.\n", e.Const)
		var todos []string
		if !e.Emitted {
			todos = append(todos, "TODO: nothing in the module emits this event, it is only subscribed to: emit it, or mark it Deprecated.")
		}
		directive := payloadDirective(e.Payload)
		switch {
		case directive != "":
		case e.Payload != "":
			todos = append(todos, fmt.Sprintf("TODO: every emit passes %s: declare it as the payload with an eventlint:payload directive once that type is in scope in this file.", e.Payload))
		case len(e.Payloads) > 0:
			todos = append(todos, fmt.Sprintf("TODO: the emits pass different payloads (%s): choose one and declare it with an eventlint:payload directive.", strings.Join(e.Payloads, ", ")))
		}
		for _, t := range todos {
			b.WriteString("//\n")
			for _, line := range wrapComment(t, 72) {
				b.WriteString("// " + line + "\n")
			}
		}
		if directive != "" {
			b.WriteString("//\n" + directive + "\n")
		}
		fmt.Fprintf(&b, "%s = %s\n", e.Const, strconv.Quote(e.Name))
	}
	b.WriteString(")\n")
	if len(leftOut) > 0 {
		b.WriteString(`
// Left out: the code uses these names too, but they break the naming
// rules or look like typos of emitted events, and a constant would make
// the mistake part of the catalogue. Fix the code (eventlint ./...
// reports each use), then declare the right name above if it is missing.
`)
		for _, e := range leftOut {
			b.WriteString("//\n")
			for _, line := range wrapComment("TODO: "+leftOutTODO(e), 72) {
				b.WriteString("// " + line + "\n")
			}
		}
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the catalogue: %w", err)
	}
	return src, nil
}

// leftOutTODO says why e is left out of the new catalogue and what to
// name it instead.
func leftOutTODO(e InitEvent) string {
	pkgs := strings.Join(e.Packages, ", ")
	if e.Typo != "" {
		// The typo says more than the naming rule: employee.movde is
		// employee.moved, not employee.movded.
		return fmt.Sprintf("event name %q is subscribed to in %s but emitted nowhere: a typo of the emitted %q? Subscribe to that.", e.Name, pkgs, e.Typo)
	}
	return fmt.Sprintf("%s (used in %s).", e.Problem.Message, pkgs)
}

// wrapComment breaks text into lines of at most width bytes where it can.
func wrapComment(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}

// Adoption is what Init wrote, and what the module has to do next.
type Adoption struct {
	File       string // the catalogue file written
	ImportPath string // the new catalogue package's import path
	// Events are the event names the code uses, those declared and
	// those left out (InitEvent.LeftOut).
	Events []InitEvent
	// Packages are the packages that emit or subscribe to an event the
	// new catalogue declares, sorted by path: they need to import the new catalogue
	// before eventlint -fix can replace their literals by its constants,
	// since the catalogue check only knows the catalogues a package
	// imports.
	Packages []AdoptingPackage
}

// AdoptingPackage is a package that should import the new catalogue.
type AdoptingPackage struct {
	Path, Name string
	Dir        string // absolute
}

// Init writes a new catalogue package into dir declaring the events the
// loaded packages use, but for those it leaves out (see InitEvents and
// InitSource). The package is
// named after dir when that is a valid package name, else events. Init
// refuses to write into a directory that exists and is not empty, and
// to start a catalogue when the packages already have one.
func Init(prog *driver.Program, dir string, rules *analyzer.NameRules) (*Adoption, error) {
	if cats := Catalogues(prog); len(cats) > 0 {
		return nil, fmt.Errorf("the packages already have a catalogue, %s: add the missing events there (eventlint ./... reports them as EL2001)", cats[0].Pkg)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", dir, err)
	}
	switch entries, err := os.ReadDir(abs); {
	case err == nil && len(entries) > 0:
		return nil, fmt.Errorf("%s is not empty: -init writes a new catalogue package and overwrites nothing; name a new directory", dir)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("checking %s: %w", dir, err)
	}
	importPath, err := importPathOf(prog, abs)
	if err != nil {
		return nil, err
	}
	events := InitEvents(prog.Module, rules)
	if len(events) == 0 {
		return nil, errors.New("no package emits or subscribes to a constant event name: there is nothing to catalogue yet")
	}
	name := packageName(abs)
	src, err := InitSource(name, events)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	file := filepath.Join(abs, name+".go")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		return nil, fmt.Errorf("writing the catalogue: %w", err)
	}
	a := &Adoption{File: file, ImportPath: importPath, Events: events}
	dirs := map[string]string{}
	for _, p := range prog.Packages {
		if p.ID == p.PkgPath {
			dirs[p.PkgPath] = p.Dir
		}
	}
	for _, p := range prog.Module.Packages {
		if declares(events, p.Own) {
			a.Packages = append(a.Packages, AdoptingPackage{Path: p.Path, Name: p.Name, Dir: dirs[p.Path]})
		}
	}
	return a, nil
}

// declares reports whether the new catalogue declares one of the events
// that own emits or subscribes to: then -fix has literals to replace.
func declares(events []InitEvent, own *analyzer.Summary) bool {
	declared := func(name string) bool {
		i, ok := slices.BinarySearchFunc(events, name, func(e InitEvent, n string) int { return strings.Compare(e.Name, n) })
		return ok && !events[i].LeftOut()
	}
	for _, e := range own.Emits {
		if declared(e.Event) {
			return true
		}
	}
	for _, s := range own.Subs {
		if declared(s.Event) {
			return true
		}
	}
	return false
}

// importPathOf returns the import path a package in directory dir would
// have: it must lie inside the module of the loaded packages.
func importPathOf(prog *driver.Program, dir string) (string, error) {
	var best *packages.Module
	for _, p := range prog.Packages {
		m := p.Module
		if m == nil || m.Dir == "" {
			continue
		}
		if rel, err := filepath.Rel(m.Dir, dir); err == nil && filepath.IsLocal(rel) {
			if best == nil || len(m.Dir) > len(best.Dir) {
				best = m
			}
		}
	}
	if best == nil {
		return "", fmt.Errorf("%s is not inside the module of the packages: put the catalogue in the module", dir)
	}
	rel, _ := filepath.Rel(best.Dir, dir)
	if rel == "." {
		return best.Path, nil
	}
	return best.Path + "/" + filepath.ToSlash(rel), nil
}

// packageName is the base name of dir when it is a good package name
// (lower-case identifier, not main), else events.
func packageName(dir string) string {
	base := filepath.Base(dir)
	if token.IsIdentifier(base) && base == strings.ToLower(base) && base != "main" && !strings.HasSuffix(base, "_test") {
		return base
	}
	return "events"
}
