package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
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
payload type can never match what is emitted, and an emit whose payload
type no handler of its event takes. See ` + DocsURL

type unregisteredCheck struct {
	module *moduleRef
	roots  string
}

func newUnregistered(ref *moduleRef) *analysis.Analyzer {
	u := &unregisteredCheck{module: ref}
	a := &analysis.Analyzer{
		Name: "unregistered",
		Doc:  unregisteredDoc,
		URL:  DocsURL,
		Run:  u.run,
	}
	a.Flags.StringVar(&u.roots, FlagRoots, "", "extra packages to treat as programs, comma-separated import paths (for library modules)")
	return a
}

func (u *unregisteredCheck) run(pass *analysis.Pass) (any, error) {
	res := modelResult(pass)
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
	sum := res.Summary.Flat().InProcess()
	dyn := programDynamic(sum)
	for _, event := range sum.Unhandled() {
		reportNoSubscriber(pass, res, sum, view, file, pos, event)
	}
	for _, sub := range sum.Subs {
		if !handlerSkipped(sum, dyn, sub) {
			continue // some emit may reach it
		}
		reportHandlerType(pass, res, sum, pos, sub)
	}
	if !hasDynamic(dyn, Subscribe) {
		for _, event := range emittedEvents(sum) {
			reportUnreceived(pass, res, sum, dyn, pos, event)
		}
	}
}

// handlerSkipped reports whether the bus skips sub's handler at every emit
// of its event in the program (sum, flat): the handler takes a concrete
// type, the event is emitted, and no emit, under its name or a computed
// one (dyn, the program's computed-name sites), may pass a payload of that
// type.
func handlerSkipped(sum *Summary, dyn []DynamicRecord, sub SubRecord) bool {
	if !sub.Handler.Known() {
		return false // an interface or unknown handler type may match anything
	}
	emits := sum.EmitsOf(sub.Event)
	if len(emits) == 0 {
		return false // not emitted: no mismatch to speak of
	}
	if dynamicMayDeliver(dyn, sub.Handler) {
		return false // an emit under a computed name may carry the handler's type
	}
	return !slices.ContainsFunc(emits, func(e EmitRecord) bool { return mayReceive(sub.Handler, e.Payload) })
}

// dynamicMayDeliver reports whether one of the emits under a computed name
// could hand its payload to a handler taking t.
func dynamicMayDeliver(dyn []DynamicRecord, t TypeRef) bool {
	return slices.ContainsFunc(dyn, func(d DynamicRecord) bool {
		return d.Kind == Emit && mayReceive(t, d.Payload)
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
		res.Report(pass, CheckNoSubscriber, pos, nil, "%s: import a package that handles it, if there is one, or stop emitting it", emitted)
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

// reportHandlerType reports sub, whose handler the bus skips at every emit
// of its event (EL3002, handlerSkipped). sum is the program's flat summary.
func reportHandlerType(pass *analysis.Pass, res *Result, sum *Summary, pos token.Pos, sub SubRecord) {
	types, sites := typesAndSites(sum.EmitsOf(sub.Event), func(e EmitRecord) (TypeRef, Pos) { return e.Payload, e.Pos }, res.Module)
	names := ShortTypes(writtenNames(slices.Concat([]TypeRef{sub.Handler}, types))...)
	var got []string
	for _, t := range types {
		got = append(got, fmt.Sprintf("%s (%s)", names[t.Written()], capList(sites[t.Name])))
	}
	advice := "make the handler take " + names[types[0].Written()]
	if len(types) > 1 {
		advice = "make the handler take one of those types or an interface they implement"
	}
	outcome := "the bus skips it"
	if sub.Args {
		// A bus that calls the handler with the published arguments
		// (reflection, as EventBus does) does not skip it: the call fails.
		outcome = "calling it with those arguments panics"
	}
	res.Report(pass, CheckHandlerType, pos, nil, "handler at %s takes %s but %q is emitted with %s: %s; %s",
		sub.Pos.Rel(res.Module), names[sub.Handler.Written()], sub.Event, strings.Join(got, ", "), outcome, advice)
}

// reportUnreceived reports the emits of event whose payload no handler of
// the event in the program (sum, flat) can receive (EL3005), one finding
// per payload type. When no emit of the event reaches any of its handlers,
// EL3002 reports each handler instead; with no handler, EL3001 reports the
// event.
func reportUnreceived(pass *analysis.Pass, res *Result, sum *Summary, dyn []DynamicRecord, pos token.Pos, event string) {
	subs := sum.SubsOf(event)
	if !slices.ContainsFunc(subs, func(s SubRecord) bool { return !handlerSkipped(sum, dyn, s) }) {
		return // no handler, or every handler is reported by EL3002
	}
	var lost []EmitRecord
	for _, e := range sum.EmitsOf(event) {
		if slices.ContainsFunc(subs, func(s SubRecord) bool { return mayReceive(s.Handler, e.Payload) }) {
			continue // a handler may receive it
		}
		lost = append(lost, e)
	}
	if len(lost) == 0 {
		return
	}
	emitted, emitSites := typesAndSites(lost, func(e EmitRecord) (TypeRef, Pos) { return e.Payload, e.Pos }, res.Module)
	taken, subSites := typesAndSites(subs, func(s SubRecord) (TypeRef, Pos) { return s.Handler, s.Pos }, res.Module)
	names := ShortTypes(writtenNames(slices.Concat(emitted, taken))...)
	var handlers []string
	for _, t := range taken {
		handlers = append(handlers, fmt.Sprintf("%s (%s)", names[t.Written()], capList(subSites[t.Name])))
	}
	advice := "emit " + names[taken[0].Written()]
	if len(taken) > 1 {
		advice = "emit one of those types"
	}
	for _, t := range emitted {
		res.Report(pass, CheckPayloadUnreceived, pos, nil,
			"event %q is emitted with %s at %s, but no handler linked into this program takes that type (they take %s): the bus delivers these emits to none; %s",
			event, names[t.Written()], capList(emitSites[t.Name]), strings.Join(handlers, ", "), advice)
	}
}

// typesAndSites groups records by type: the distinct types, in the order
// of their first record and as that record spells them, and the positions
// of each type's records (deduplicated, relative to module mod) by the
// type's Name.
func typesAndSites[R any](recs []R, of func(R) (TypeRef, Pos), mod string) ([]TypeRef, map[string][]string) {
	var types []TypeRef
	sites := map[string][]string{}
	for _, r := range recs {
		t, p := of(r)
		if _, ok := sites[t.Name]; !ok {
			types = append(types, t)
		}
		if s := p.Rel(mod); !slices.Contains(sites[t.Name], s) {
			sites[t.Name] = append(sites[t.Name], s)
		}
	}
	return types, sites
}

// writtenNames returns the types as written, for ShortTypes.
func writtenNames(types []TypeRef) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = t.Written()
	}
	return out
}

// checkNeverRun reports a package whose init registrations no command of
// the module (or root) links in (EL3003): once, at its first registration,
// with the number of registrations, since one import fixes them all.
func checkNeverRun(pass *analysis.Pass, res *Result, view *ModuleView, roots []string) {
	path := pass.Pkg.Path()
	if !view.NeverRun(view.Package(path), roots) {
		return // a library (its commands are elsewhere), or linked into a program
	}
	var regs []*Site
	for _, s := range res.Sites {
		if s.Kind != Subscribe || !s.AtInit || s.InTest || s.Forwarded || s.Broker {
			continue // not a registration made when the package is linked in
		}
		regs = append(regs, s)
	}
	if len(regs) == 0 {
		return // nothing registered at init
	}
	count := ""
	if len(regs) > 1 {
		count = fmt.Sprintf("; this is the first of its %d registrations", len(regs))
	}
	res.Report(pass, CheckHandlerNotImported, regs[0].Pos(), nil,
		"handlers of package %s never run: no command imports it (add _ %q to a command)%s", path, path, count)
}

// checkUnemitted reports subscriptions to events that no package of the
// module emits (EL3004). A module that emits under a computed name may
// emit any event (MayEmit).
func checkUnemitted(pass *analysis.Pass, res *Result, view *ModuleView) {
	var emitted []string
	for _, s := range res.Sites {
		if s.Kind != Subscribe || !s.Const || s.InTest || s.Forwarded {
			continue // not a subscription to a known event linked into programs
		}
		if view.MayEmit(s.Name) {
			continue // emitted, perhaps under a computed name
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
