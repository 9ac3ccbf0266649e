package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Flags of the unregistered analyzer (-unregistered.<flag> on the command line).
const (
	// FlagRoots lists extra packages (import paths, comma-separated) to
	// treat as programs, for library modules without commands.
	FlagRoots = "roots"
)

const unregisteredDoc = `check that every emitted event has a subscriber linked into the program

Handlers register themselves from init, so a handler package that no
command imports never runs. For each package main, an event emitted by
code linked into the program that no handler linked into the program
subscribes to is reported, naming the emit sites; so is a handler whose
payload type can never match what is emitted. See ` + DocsURL

type unregisteredCheck struct {
	module *moduleRef
	roots  string
}

func newUnregistered(ref *moduleRef) *analysis.Analyzer {
	u := &unregisteredCheck{module: ref}
	a := &analysis.Analyzer{
		Name:     "unregistered",
		Doc:      unregisteredDoc,
		URL:      DocsURL,
		Requires: []*analysis.Analyzer{Model},
		Run:      u.run,
	}
	a.Flags.StringVar(&u.roots, FlagRoots, "", "extra packages to treat as programs, comma-separated import paths (for library modules)")
	return a
}

func (u *unregisteredCheck) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[Model].(*Result)
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil // a generated test main: nothing of the user's
	}
	roots := u.rootPaths()
	view := u.module.view
	if isProgram(pass.Pkg, roots) {
		checkProgram(pass, res, view)
	}
	if view == nil || view.Package(pass.Pkg.Path()) == nil {
		return nil, nil // no module view, or it does not cover this package
	}
	checkNeverRun(pass, res, view, roots)
	checkUnemitted(pass, res, view)
	return nil, nil
}

// rootPaths returns the packages of FlagRoots.
func (u *unregisteredCheck) rootPaths() []string {
	var roots []string
	for p := range strings.SplitSeq(u.roots, ",") {
		if p = strings.TrimSpace(p); p != "" {
			roots = append(roots, p)
		}
	}
	return roots
}

// isProgram reports whether pkg is checked as a whole program: a command,
// or a package listed in FlagRoots.
func isProgram(pkg *types.Package, roots []string) bool {
	return pkg.Name() == "main" || slices.Contains(roots, pkg.Path())
}

// checkProgram reports the events the program emits that no handler linked
// into it subscribes to (EL3001), and the handlers that can never receive
// the emitted payload (EL3002). res.Summary, flattened, holds every site
// linked into the program; the findings are reported at func main, since
// far positions cannot be reported at under every driver.
func checkProgram(pass *analysis.Pass, res *Result, view *ModuleView) {
	file, pos := programAnchor(pass)
	if file == nil {
		return // no non-test file to report in
	}
	sum := res.Summary.Flat()
	for _, event := range sum.Unhandled() {
		reportNoSubscriber(pass, res, sum, view, file, pos, event)
	}
	for _, sub := range sum.Subs {
		if dynamicMayDeliver(sum.Dynamic, sub.Handler) {
			continue // an emit under a computed name may carry the handler's type
		}
		reportHandlerType(pass, res, sum, pos, sub)
	}
}

// dynamicMayDeliver reports whether one of the emits under a computed name
// could hand its payload to a handler taking t: its payload type is
// unknown, an interface, or t itself.
func dynamicMayDeliver(dyn []DynamicRecord, t TypeRef) bool {
	return slices.ContainsFunc(dyn, func(d DynamicRecord) bool {
		return d.Kind == Emit && (!d.Payload.Known() || d.Payload.Name == t.Name)
	})
}

// programAnchor returns the file holding func main and the position of its
// name; for a package without one (a root), the first non-test file and
// its package clause.
func programAnchor(pass *analysis.Pass) (*ast.File, token.Pos) {
	var first *ast.File
	for _, f := range pass.Files {
		if isTestFile(pass, f) {
			continue // test files are not linked into the program
		}
		if first == nil {
			first = f
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
				return f, fd.Name.Pos()
			}
		}
	}
	if first == nil {
		return nil, token.NoPos
	}
	return first, first.Package
}

// hasDynamic reports whether one of the dynamic sites is of the given kind.
func hasDynamic(dyn []DynamicRecord, kind Kind) bool {
	return slices.ContainsFunc(dyn, func(d DynamicRecord) bool { return d.Kind == kind })
}

// emittedEvents returns the events s emits, sorted.
func emittedEvents(s *Summary) []string {
	var events []string
	for _, e := range s.Emits {
		if len(events) == 0 || events[len(events)-1] != e.Event {
			events = append(events, e.Event) // s.Emits is sorted by event
		}
	}
	return events
}

// reportNoSubscriber reports event, which the program emits and nothing
// linked into it handles (EL3001); sum is the program's flat summary.
// With a module view, the message names the module's packages that handle
// it and a fix imports each of them.
func reportNoSubscriber(pass *analysis.Pass, res *Result, sum *Summary, view *ModuleView, file *ast.File, pos token.Pos, event string) {
	var sites []string
	for _, e := range sum.EmitsOf(event) {
		sites = append(sites, e.Pos.Rel(res.Module))
	}
	emitted := fmt.Sprintf("event %q is emitted but no handler linked into this program subscribes to it (emitted at %s)",
		event, capList(slices.Compact(sites)))
	if view == nil {
		res.Report(pass, CheckNoSubscriber, pos, nil, "%s: import the package that handles it", emitted)
		return
	}
	cands := handlerCandidates(view, sum, pass.Pkg.Path(), event)
	var fixes []analysis.SuggestedFix
	var imports []string
	for _, path := range cands {
		imports = append(imports, fmt.Sprintf("_ %q", path))
		if edits := addImportEdit(pass.Fset, file, path, "_"); edits != nil {
			fixes = append(fixes, analysis.SuggestedFix{
				Message:   fmt.Sprintf("Import %s for its handlers", path),
				TextEdits: edits,
			})
		}
	}
	switch len(cands) {
	case 0:
		res.Report(pass, CheckNoSubscriber, pos, nil,
			"%s: no package of the module handles it at init, so subscribe to it or stop emitting it", emitted)
	case 1:
		res.Report(pass, CheckNoSubscriber, pos, fixes, "%s: import %s, which handles it", emitted, imports[0])
	default:
		res.Report(pass, CheckNoSubscriber, pos, fixes, "%s: import one of %s, which handle it", emitted, capList(imports))
	}
}

// handlerCandidates returns the module's packages that register a handler
// for event at init and that program could import blank to link it in:
// not already linked in, not a command or test package, visible to
// program and not importing it.
func handlerCandidates(view *ModuleView, linked *Summary, program, event string) []string {
	var cands []string
	for _, p := range view.Subscribers(event) {
		switch {
		case slices.Contains(linked.Packages, p.Path):
			continue // already linked in (defensive: its handler would be in the summary)
		case !importable(p):
			continue // a command or a test package cannot be imported
		case !registersAtInit(p.Own, event):
			continue // a blank import would not register the handler
		case !internalVisible(program, p.Path):
			continue // an internal package out of the program's reach
		case view.Reachable(p.Path)[program]:
			continue // it imports the program: the import would be a cycle
		}
		cands = append(cands, p.Path)
	}
	return cands
}

// importable reports whether p can be imported: it is neither a command nor
// a test package.
func importable(p *PackageView) bool {
	return p.Name != "main" && !strings.HasSuffix(p.Name, "_test") &&
		!strings.HasSuffix(p.Path, "_test") && !strings.HasSuffix(p.Path, ".test")
}

// registersAtInit reports whether own subscribes to event during package
// initialisation.
func registersAtInit(own *Summary, event string) bool {
	return slices.ContainsFunc(own.SubsOf(event), func(s SubRecord) bool { return s.AtInit })
}

// internalVisible reports whether package from may import package to under
// the go command's rule for internal directories.
func internalVisible(from, to string) bool {
	var parent string
	switch i := strings.LastIndex(to, "/internal/"); {
	case strings.HasSuffix(to, "/internal"):
		parent = strings.TrimSuffix(to, "/internal")
	case i >= 0:
		parent = to[:i]
	case to == "internal" || strings.HasPrefix(to, "internal/"):
		return false // a standard-library internal package
	default:
		return true
	}
	return from == parent || strings.HasPrefix(from, parent+"/")
}

// reportHandlerType reports sub if its handler can never receive a payload
// of its event (EL3002): the handler takes a concrete type and every emit
// of the event passes a value of another concrete type. sum is the
// program's flat summary.
func reportHandlerType(pass *analysis.Pass, res *Result, sum *Summary, pos token.Pos, sub SubRecord) {
	if !sub.Handler.Known() {
		return // an interface or unknown handler type may match anything
	}
	emits := sum.EmitsOf(sub.Event)
	if len(emits) == 0 {
		return // not emitted: no mismatch to speak of
	}
	var types []string // emitted payload types, in the order of first emit
	sites := map[string][]string{}
	for _, e := range emits {
		if !e.Payload.Known() || e.Payload.Name == sub.Handler.Name {
			return // the handler may receive this payload
		}
		if _, ok := sites[e.Payload.Name]; !ok {
			types = append(types, e.Payload.Name)
		}
		sites[e.Payload.Name] = append(sites[e.Payload.Name], e.Pos.Rel(res.Module))
	}
	names := shortTypeNames(append([]string{sub.Handler.Name}, types...))
	var got []string
	for _, t := range types {
		got = append(got, fmt.Sprintf("%s (%s)", names[t], capList(slices.Compact(sites[t]))))
	}
	advice := "make the handler take " + names[types[0]]
	if len(types) > 1 {
		advice = "make the handler take one of those types or an interface they implement"
	}
	res.Report(pass, CheckHandlerType, pos, nil, "handler at %s takes %s but %q is emitted with %s: the bus skips it; %s",
		sub.Pos.Rel(res.Module), names[sub.Handler.Name], sub.Event, strings.Join(got, ", "), advice)
}

// checkNeverRun reports the init registrations of a package that no
// command of the module (or root) links in (EL3003).
func checkNeverRun(pass *analysis.Pass, res *Result, view *ModuleView, roots []string) {
	path := pass.Pkg.Path()
	if !view.NeverRun(view.Package(path), roots) {
		return // a library (its commands are elsewhere), or linked into a program
	}
	for _, s := range res.Sites {
		if s.Kind != Subscribe || !s.AtInit || s.InTest || s.Forwarded {
			continue // not a registration made when the package is linked in
		}
		res.Report(pass, CheckHandlerNotImported, s.Pos(), nil,
			"handlers of package %s never run: no command imports it (add _ %q to a command)", path, path)
	}
}

// checkUnemitted reports subscriptions to events that no package of the
// module emits (EL3004).
func checkUnemitted(pass *analysis.Pass, res *Result, view *ModuleView) {
	if view.EmitsDynamic() {
		return // an event name computed at run time may be any of them
	}
	var emitted []string
	for _, s := range res.Sites {
		if s.Kind != Subscribe || !s.Const || s.InTest || s.Forwarded {
			continue // not a subscription to a known event linked into programs
		}
		if view.Emitted(s.Name) {
			continue
		}
		if emitted == nil {
			emitted = view.EmittedEvents()
		}
		if near := Closest(s.Name, emitted); near != "" {
			res.Report(pass, CheckSubscriptionUnemitted, s.Pos(), nil,
				"nothing in the module emits %q, so this handler never runs (did you mean %q?)", s.Name, near)
			continue
		}
		res.Report(pass, CheckSubscriptionUnemitted, s.Pos(), nil,
			"nothing in the module emits %q, so this handler never runs: subscribe to an emitted event or remove it", s.Name)
	}
}

// maxListed is how many sites or packages a message names before it
// summarises the rest as "and N more".
const maxListed = 3

// capList joins items, naming at most maxListed of them.
func capList(items []string) string {
	if len(items) <= maxListed {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:maxListed], ", "), len(items)-maxListed)
}

// shortTypeNames maps each type name of a fact to the spelling used in
// messages: package names instead of import paths (*hr.Employee for
// *example.com/app/hr.Employee), unless two distinct types would then read
// the same, in which case they keep their full names.
func shortTypeNames(names []string) map[string]string {
	short := map[string]string{}
	count := map[string]int{}
	for _, n := range names {
		if _, ok := short[n]; !ok {
			short[n] = shortTypeName(n)
			count[short[n]]++
		}
	}
	for n, s := range short {
		if count[s] > 1 {
			short[n] = n // ambiguous when shortened
		}
	}
	return short
}

// shortTypeName strips the import paths in a type name to their last
// element: map[string]example.com/app/hr.Employee becomes map[string]hr.Employee.
func shortTypeName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); {
		if strings.HasPrefix(name[i:], "...") {
			b.WriteString("...") // a variadic parameter, not a path
			i += 3
			continue
		}
		j := i
		for j < len(name) && isPathByte(name[j]) {
			j++
		}
		if j == i {
			b.WriteByte(name[i])
			i++
			continue
		}
		word := name[i:j]
		if dot := strings.LastIndexByte(word, '.'); dot > 0 && strings.Contains(word[:dot], "/") {
			word = path.Base(word[:dot]) + word[dot:]
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}

// isPathByte reports whether c may appear in a qualified type name
// (import path, dot, identifier).
func isPathByte(c byte) bool {
	return c == '/' || c == '.' || c == '_' || c == '-' || c == '~' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}
