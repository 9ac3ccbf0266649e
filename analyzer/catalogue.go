package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Flags of the catalogue analyzer (-catalogue.<flag> on the command line).
const (
	// FlagRequire names the import path of the catalogue every package that
	// emits or subscribes must see (EL2007). Empty: no requirement.
	FlagRequire = "require"
)

const catalogueDoc = `check emits and subscriptions against the project's event catalogue

A package whose doc comment (or a comment above its package clause) carries
//eventlint:catalogue is the event catalogue: each exported string
constant in it is a published event. Emits and subscriptions of events
missing from the catalogue, literals that repeat a catalogued name, emits
of deprecated events and payloads that do not match the catalogue are
reported. See ` + DocsURL

type catalogueCheck struct {
	module  *moduleRef
	require string
}

func newCatalogue(ref *moduleRef) *analysis.Analyzer {
	c := &catalogueCheck{module: ref}
	a := &analysis.Analyzer{
		Name: "catalogue",
		Doc:  catalogueDoc,
		URL:  DocsURL,
		Run:  c.run,
	}
	a.Flags.StringVar(&c.require, FlagRequire, "", "import path of the catalogue every package that emits or subscribes must see")
	return a
}

func (c *catalogueCheck) run(pass *analysis.Pass) (any, error) {
	res := modelResult(pass)
	if cd := res.Catalogue; cd != nil {
		for _, p := range cd.Problems {
			res.Report(pass, p.Check, p.Pos, nil, "%s", p.Message)
		}
		c.reportStale(pass, res, cd)
	}

	require := strings.TrimSpace(c.require)
	if require != "" && !sees(res, require) {
		reportNotVisible(pass, res, require)
	}
	fixer := &literalFixer{pass: pass}
	for _, s := range res.Sites {
		if s.Forwarded {
			continue // the wrapper's callers are the sites
		}
		if !s.Const || len(res.Visible) == 0 {
			continue // nothing to check the name against
		}
		cat, ev := lookupEvent(res.Visible, s.Name)
		if ev == nil {
			reportUncatalogued(pass, res, s)
			continue
		}
		if lit := stringLit(s.NameExpr); lit != nil {
			ref, fixes := fixer.fix(lit, cat, ev)
			res.Report(pass, CheckCatalogueLiteral, lit.Pos(), fixes,
				"string literal repeats the catalogued event name %q: use %s", s.Name, ref)
		}
		if s.Kind != Emit {
			continue // subscribing to a deprecated event is fine; payloads are checked at emits
		}
		if ev.Deprecated != "" {
			res.Report(pass, CheckDeprecatedEmit, s.Pos(), nil, "event %q is deprecated: %q", s.Name, ev.Deprecated)
		}
		checkPayload(pass, res, s, ev)
	}
	return nil, nil
}

// reportNotVisible reports that the package uses the bus without seeing
// the required catalogue (EL2007). It is one finding about the package, so
// it is reported once, at the first site, with the number of sites: a
// finding per call would bury the package's other findings. Its test files
// get a finding of their own: a driver analyses the package with and
// without them, and the finding about its other files must read the same
// in both.
func reportNotVisible(pass *analysis.Pass, res *Result, require string) {
	var code, tests []*Site
	for _, s := range res.Sites {
		switch {
		case s.Forwarded:
			continue // the wrapper's callers are the sites
		case s.InTest:
			tests = append(tests, s)
		default:
			code = append(code, s)
		}
	}
	for _, sites := range [][]*Site{code, tests} {
		if len(sites) == 0 {
			continue // no emit or subscription
		}
		who, verb := "this package", "uses"
		if sites[0].InTest {
			who, verb = "this package's tests", "use"
		}
		where := ""
		if len(sites) > 1 {
			where = fmt.Sprintf(" at %d sites (this is the first)", len(sites))
		}
		res.Report(pass, CheckCatalogueNotVisible, sites[0].Pos(), nil,
			"%s %s the bus%s without importing the required catalogue %s: import it and take the event names from its constants",
			who, verb, where, require)
	}
}

// sees reports whether the package can see the catalogue with import path pkg.
func sees(res *Result, pkg string) bool {
	return slices.ContainsFunc(res.Visible, func(c *Catalogue) bool { return c.Pkg == pkg })
}

// lookupEvent finds the catalogued event called name in the first of cats
// that declares it.
func lookupEvent(cats []*Catalogue, name string) (*Catalogue, *CatalogueEvent) {
	for _, c := range cats {
		if ev := c.Event(name); ev != nil {
			return c, ev
		}
	}
	return nil, nil
}

// reportUncatalogued reports site s, whose event no visible catalogue
// declares (EL2001), suggesting the nearest catalogued name.
func reportUncatalogued(pass *analysis.Pass, res *Result, s *Site) {
	var names, paths []string
	for _, c := range res.Visible {
		names = append(names, c.Names()...)
		paths = append(paths, c.Pkg)
	}
	where := "the catalogue " + paths[0] + ": add a constant for it there"
	if len(paths) > 1 {
		where = "any of the catalogues " + strings.Join(paths, ", ") + ": add a constant for it to one of them"
	}
	hint := ""
	if near := Closest(s.Name, names); near != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", near)
	}
	res.Report(pass, CheckUncatalogued, s.Pos(), nil, "event %q is not declared in %s%s", s.Name, where, hint)
}

// stringLit returns e as a string literal, seeing through parentheses, or
// nil if it is anything else (a constant, a conversion, an expression).
func stringLit(e ast.Expr) *ast.BasicLit {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	return lit
}

// literalFixer builds the suggested fixes of EL2002.
type literalFixer struct {
	pass *analysis.Pass
}

// fix returns the reference to ev's constant in catalogue cat that should
// replace lit, spelled for the file that contains lit, and the fix that
// makes the replacement. The fix is nil when there is no safe one: the
// name the reference needs is taken at lit, or the constant's type does
// not fit there. It edits only the file that contains lit.
func (f *literalFixer) fix(lit *ast.BasicLit, cat *Catalogue, ev *CatalogueEvent) (string, []analysis.SuggestedFix) {
	ref := cat.Name + "." + ev.Const
	file := f.fileOf(lit.Pos())
	if file == nil {
		return ref, nil // not in a file of the package (cannot happen for a site)
	}
	scope := f.pass.TypesInfo.Scopes[file].Innermost(lit.Pos())
	var (
		usable  bool // the name ref starts with denotes what it should at lit
		imports []analysis.TextEdit
	)
	switch name, imported := importName(file, cat.Pkg, cat.Name); {
	case cat.Pkg == f.pass.Pkg.Path():
		// Inside the catalogue package itself.
		ref = ev.Const
		usable = refersTo(scope, lit.Pos(), ev.Const, func(obj types.Object) bool {
			_, isConst := obj.(*types.Const)
			return isConst && obj.Parent() == f.pass.Pkg.Scope()
		})
	case imported:
		ref = name + "." + ev.Const
		usable = refersTo(scope, lit.Pos(), name, func(obj types.Object) bool {
			pn, isPkg := obj.(*types.PkgName)
			return isPkg && pn.Imported().Path() == cat.Pkg
		})
	default:
		// Import the catalogue under its package name, if that name is
		// free here (not declared in the file, the package or a block).
		usable = scope != nil && lookup(scope, lit.Pos(), cat.Name) == nil
		importAs := ""
		if path.Base(cat.Pkg) != cat.Name {
			importAs = cat.Name
		}
		imports = addImportEdit(f.pass.Fset, file, cat.Pkg, importAs)
	}
	ref, fits := f.convert(lit, ev, ref)
	if !usable || !fits {
		return ref, nil
	}
	edits := append(imports, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(ref)})
	return ref, []analysis.SuggestedFix{{Message: "Use " + ref, TextEdits: edits}}
}

// convert returns ref wrapped in the conversion the place of lit needs,
// and whether ref fits there at all. An untyped catalogue constant fits
// wherever the literal did; a typed one (const X Name = "...") fits where
// that type is expected, and needs a conversion where a basic type such as
// string is. The constant's type comes from the catalogue, not from the
// type graph: go vet loads export data of direct imports only.
func (f *literalFixer) convert(lit *ast.BasicLit, ev *CatalogueEvent, ref string) (string, bool) {
	want := f.pass.TypesInfo.TypeOf(lit)
	switch b, isBasic := want.(*types.Basic); {
	case ev.Type == "", want != nil && types.TypeString(want, nil) == ev.Type:
		return ref, true
	case isBasic:
		return b.Name() + "(" + ref + ")", true
	}
	return ref, false
}

// fileOf returns the file of the package that contains pos, or nil.
func (f *literalFixer) fileOf(pos token.Pos) *ast.File {
	for _, file := range f.pass.Files {
		if file.FileStart <= pos && pos < file.FileEnd {
			return file
		}
	}
	return nil
}

// refersTo reports whether name, used at pos in scope, denotes an object
// that ok accepts.
func refersTo(scope *types.Scope, pos token.Pos, name string, ok func(types.Object) bool) bool {
	obj := lookup(scope, pos, name)
	return obj != nil && ok(obj)
}

// lookup returns the object name denotes at pos in scope, or nil.
func lookup(scope *types.Scope, pos token.Pos, name string) types.Object {
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// checkPayload reports an emit whose payload does not match the payload
// the catalogue declares for its event (EL2004). Only definite mismatches
// are reported: a payload whose static type is an interface, or unknown,
// may hold the right dynamic type.
func checkPayload(pass *analysis.Pass, res *Result, s *Site, ev *CatalogueEvent) {
	want := ev.Payload
	if want == nil || want.Type.Name == "" || want.Type.Interface {
		return // nothing declared, or any implementation will do
	}
	got := s.Payload
	if !got.Known() && isNilLit(pass.TypesInfo, s.PayloadExpr) {
		// A nil interface reaches only handlers of interface types. (A nil
		// passed to a wrapper's *T parameter is a typed nil, of known type.)
		wantName := ShortType(want.Type.Written())
		res.Report(pass, CheckPayloadMismatch, s.PayloadExpr.Pos(), nil,
			"event %q is catalogued with payload %s, but this emits nil, which no handler of that type receives: emit %s",
			s.Name, declaredPayload(want, wantName), wantName)
		return
	}
	if !got.Known() {
		return // the dynamic type may be the right one
	}
	if !got.Same(want.Type) {
		names := ShortTypes(want.Type.Written(), got.Written())
		wantName, gotName := names[want.Type.Written()], names[got.Written()]
		res.Report(pass, CheckPayloadMismatch, payloadPos(s), nil,
			"event %q is catalogued with payload %s, but this emits %s: emit %s",
			s.Name, declaredPayload(want, wantName), gotName, wantName)
		return
	}
	if !isFields(want.Type.Name) || len(want.Keys) == 0 {
		return // the types match and there are no keys to compare
	}
	keys, _, ok := literalKeys(pass.TypesInfo, s.PayloadExpr)
	if !ok {
		return // keys not all spelled out here
	}
	lacks, extra := diffKeys(want.Keys, keys)
	var problems []string
	if len(lacks) > 0 {
		problems = append(problems, "lacks "+plural(len(lacks), "key")+" "+strings.Join(quoteAll(lacks), ", "))
	}
	if len(extra) > 0 {
		problems = append(problems, "has undeclared "+plural(len(extra), "key")+" "+strings.Join(quoteAll(extra), ", "))
	}
	if len(problems) == 0 {
		return // the keys match
	}
	res.Report(pass, CheckPayloadMismatch, payloadPos(s), nil,
		"bus.Fields payload of event %q %s: emit %s as catalogued, or update the catalogue",
		s.Name, strings.Join(problems, " and "), want.String())
}

// declaredPayload spells the declared payload p for a message: its type
// as spelled by the caller, with the keys when it is bus.Fields with keys.
func declaredPayload(p *Payload, typeName string) string {
	if isFields(p.Type.Name) && len(p.Keys) > 0 {
		return p.String()
	}
	return typeName
}

// payloadPos is where to report a payload: at the payload argument when
// the call has one, else at the event name.
func payloadPos(s *Site) token.Pos {
	if s.PayloadExpr != nil {
		return s.PayloadExpr.Pos()
	}
	return s.Pos()
}

// isNilLit reports whether e is the predeclared nil.
func isNilLit(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// literalKeys returns the keys of e and their values when e is a
// bus.Fields composite literal whose keys are all constant strings, and
// whether it is one.
func literalKeys(info *types.Info, e ast.Expr) ([]string, []ast.Expr, bool) {
	if e == nil {
		return nil, nil, false
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || !isFields(typeRefOf(info.TypeOf(lit)).Name) {
		return nil, nil, false
	}
	var keys []string
	var values []ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, nil, false
		}
		tv, ok := info.Types[kv.Key]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return nil, nil, false // a computed key: it could be any of them
		}
		keys = append(keys, constant.StringVal(tv.Value))
		values = append(values, kv.Value)
	}
	return keys, values, true
}

// diffKeys returns the declared keys that got lacks and the keys of got
// that are not declared, each sorted.
func diffKeys(declared, got []string) (lacks, extra []string) {
	for _, k := range declared {
		if !slices.Contains(got, k) {
			lacks = append(lacks, k)
		}
	}
	for _, k := range got {
		if !slices.Contains(declared, k) && !slices.Contains(extra, k) {
			extra = append(extra, k)
		}
	}
	slices.Sort(lacks)
	slices.Sort(extra)
	return lacks, extra
}

// reportStale reports the catalogue's events that nothing in the module
// emits and that are not deprecated (EL2008). It needs the module view,
// which only the standalone driver has; the view holds emits of non-test
// code only, so an event emitted only by tests counts as never emitted.
// A module that emits under a computed name may emit any event (MayEmit).
func (c *catalogueCheck) reportStale(pass *analysis.Pass, res *Result, cd *CatalogueDecl) {
	view := c.module.view
	if view == nil {
		return // not the standalone driver: the module is not known
	}
	for _, ev := range cd.Events {
		if ev.Deprecated != "" || view.MayEmit(ev.Name) {
			continue // on its way out, or (perhaps under a computed name) emitted
		}
		id := cd.Consts[ev.Name]
		if id == nil {
			continue // cannot happen: every event has its constant
		}
		res.Report(pass, CheckCatalogueStale, id.Pos(), nil,
			"event %q is catalogued but nothing in the module emits it: remove it or mark it Deprecated", ev.Name)
	}
}
