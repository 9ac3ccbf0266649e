package analyzer

import (
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// newModel returns the analyzer every check of a suite stands on, reading
// the suite's bus API. It finds the package's emits and subscriptions
// (calls of bus functions and of wrappers), reads the package's bus
// directives and detects wrappers, exporting a WrapperFact for each,
// reads the package's catalogue if it is one, and exports the package's
// Summary. It reports nothing itself (the naming check reports malformed
// directives). Its flag -bus.funcs adds bus functions to the API.
func newModel(api *BusAPI) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "bus",
		Doc:        "find the event bus call sites, wrappers and catalogue of a package (used by every eventlint check)",
		URL:        DocsURL,
		Run:        func(pass *analysis.Pass) (any, error) { return runModel(pass, api) },
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(Summary), new(WrapperFact), new(FieldsFact)},
	}
	a.Flags.Var(busFuncsFlag{api}, FlagFuncs, "bus `functions` to recognise, for code that cannot carry a directive: "+
		"FUNC:KIND:key=value,... entries separated by semicolons (see docs/buses.md)")
	return a
}

// modelResult returns the result of the suite's model analyzer, which
// every check requires.
func modelResult(pass *analysis.Pass) *Result {
	for _, v := range pass.ResultOf {
		if r, ok := v.(*Result); ok {
			return r
		}
	}
	return nil
}

// Result is what the model analyzer hands to the checks.
type Result struct {
	// Sites are the package's emits and subscriptions, test files
	// included, in source order. Calls inside a wrapper that forward its
	// parameter are included with Forwarded set.
	Sites []*Site
	// Wrappers are the package's own wrapper functions.
	Wrappers map[*types.Func]*WrapperFact
	// Catalogue is the package's own catalogue, if it is one.
	Catalogue *CatalogueDecl
	// Summary is the package's exported summary: its non-test sites
	// folded with the summaries of its non-test imports. Never nil. Read
	// its records through Summary.Flat.
	Summary *Summary
	// Own holds the package's own non-test sites, wrappers and catalogue,
	// not folded with its imports. Never nil.
	Own *Summary
	// Visible are the catalogues the package can see: its own and those
	// in the summaries of all its direct imports (test imports included).
	Visible []*Catalogue
	// Module is the path of the package's module, "" if unknown; far
	// positions in messages are shown relative to it.
	Module string

	files  map[string]*fileInfo // by file name; see report.go
	ifaces *ifaceCalls          // calls through interfaces; see ResolveInterfaceCalls

	fieldReads []fieldRead // keys the package's handlers read; see fieldsmodel.go

	declared map[types.Object]*WrapperFact // the package's bus directives; see directive.go
	badBus   []badDirective                // its malformed bus directives (EL0002)
}

// EmptyResult is the result Model gives a package it has nothing to do
// for (see runModel): no sites, wrappers or catalogue, empty summaries.
// module is the path of the package's module, "" if unknown. A driver that
// does not run Model on such packages uses it in their place.
func EmptyResult(module string) *Result {
	return &Result{Summary: new(Summary), Own: new(Summary), Wrappers: map[*types.Func]*WrapperFact{}, Module: module}
}

func runModel(pass *analysis.Pass, api *BusAPI) (any, error) {
	var module string
	if pass.Module != nil {
		module = pass.Module.Path
	}
	res := EmptyResult(module)
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return res, nil // a generated test main: nothing of the user's
	}

	// Model works on a package that can contain a site (BusAPI.Reaches),
	// that declares a bus by directive, that is a catalogue, or that
	// imports a package with a Summary, whose catalogues it folds into its
	// own for its importers. A package that declares a bus exports a
	// Summary naming its declarations, so its importers are worked on.
	imported := importedSummaries(pass)
	isCatalogue := hasCatalogueDirective(pass.Files)
	declares := hasBusDirective(pass.Files)
	if len(imported) == 0 && !isCatalogue && !declares && !api.Reaches(pass.Pkg) {
		// The common case in a big repository: the package can contain no
		// site, so it costs a walk of its imports.
		return res, nil
	}

	res.files = indexFiles(pass)
	in := inspector.New(pass.Files)
	lookup := func(obj types.Object) (*WrapperFact, bool) {
		if w, ok := res.declared[obj]; ok {
			return w, true
		}
		if fn, ok := obj.(*types.Func); ok {
			if w, ok := res.Wrappers[fn]; ok {
				return w, true
			}
		}
		if obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
			return nil, false
		}
		w := new(WrapperFact)
		return w, pass.ImportObjectFact(obj, w)
	}
	r := &resolver{info: pass.TypesInfo, api: api, vars: newVars(pass.TypesInfo, in), lookup: lookup, lits: map[*ast.FuncLit]*WrapperFact{}}
	if declares {
		res.declared, res.badBus = readBusDirectives(pass)
		for obj, w := range res.declared {
			pass.ExportObjectFact(obj, w)
			// Declared functions are recorded with the wrappers: they are
			// not wrappers to infer, and the Summary naming them makes
			// the package's importers look for sites.
			if fn, ok := obj.(*types.Func); ok {
				res.Wrappers[fn] = w
			}
		}
	}
	findWrappers(pass, in, r, res.Wrappers)
	for fn, w := range res.Wrappers {
		pass.ExportObjectFact(fn, w)
	}
	initFuncs := initReachable(pass, in)
	res.Sites = collectSites(pass, in, r, res.Wrappers, initFuncs)
	res.ifaces = findIfaceCalls(pass, in, r, initFuncs)

	if isCatalogue {
		res.Catalogue = readCatalogue(pass)
	}

	own := new(Summary)
	for _, s := range res.Sites {
		if s.InTest || s.Forwarded {
			continue // tests are not linked into programs; wrappers' callers are the sites
		}
		own.addSite(pass.Fset, pass.Pkg, s)
	}
	// Bus functions and wrappers used as values that are not followed
	// emit or subscribe under names the model cannot see.
	own.Dynamic = append(own.Dynamic, escapes(pass, in, r)...)
	own.Ifaces = res.ifaces.records()
	for fn, w := range res.Wrappers {
		own.Wrappers = append(own.Wrappers, WrapperRecord{Func: fn.FullName(), Kind: w.Kind})
	}
	for obj, w := range res.declared {
		if v, ok := obj.(*types.Var); ok {
			own.Wrappers = append(own.Wrappers, WrapperRecord{Func: fieldName(v), Kind: w.Kind})
		}
	}
	addFieldsRecords(pass, in, r.vars, res, own)
	if res.Catalogue != nil {
		own.Catalogues = append(own.Catalogues, res.Catalogue.Catalogue)
		res.Visible = append(res.Visible, res.Catalogue.Catalogue)
	}
	own.normalize()
	var linked []*Summary
	for _, imp := range imported {
		if imp.linked {
			linked = append(linked, imp.sum)
		}
		res.Visible = append(res.Visible, imp.sum.Catalogues...)
	}
	folded := fold(own, linked)
	sortCatalogues(&res.Visible)
	res.Own, res.Summary = own, folded
	if !folded.empty() {
		pass.ExportPackageFact(folded)
	}
	return res, nil
}

type importedSummary struct {
	sum    *Summary
	linked bool // imported by a non-test file, so linked into the package
}

// importedSummaries returns the summaries of the package's direct imports.
func importedSummaries(pass *analysis.Pass) []importedSummary {
	linked := map[string]bool{}
	for _, f := range pass.Files {
		if isTestFile(pass, f) {
			continue // test imports are not linked into the package
		}
		for _, spec := range f.Imports {
			linked[strings.Trim(spec.Path.Value, "`\"")] = true
		}
	}
	var out []importedSummary
	for _, imp := range pass.Pkg.Imports() {
		sum := new(Summary)
		if !pass.ImportPackageFact(imp, sum) {
			continue
		}
		out = append(out, importedSummary{sum: sum, linked: linked[imp.Path()]})
	}
	return out
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
}

// forwardedParam returns the index of the parameter of sig that e passes
// on unchanged (seeing through parentheses and conversions), or -1. A
// parameter assigned to in the function is not passed on unchanged.
func forwardedParam(info *types.Info, vs *vars, sig *types.Signature, e ast.Expr) int {
	for {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
				e = call.Args[0]
				continue
			}
		}
		break
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || vs.assigned[v] {
		return -1 // not a variable, or one that may hold another name by now
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			if sig.Variadic() && i == sig.Params().Len()-1 {
				return -1 // a ...T parameter is a slice, not one value
			}
			return i
		}
	}
	return -1
}

// findWrappers finds the package's functions, and the function literals
// held by variables that hold nothing else, that forward a parameter to
// the bus as an event name, directly or through other wrappers: it adds
// the functions to wrappers and the literals to r.lits. Wrappers calling
// each other are found by iterating to a fixed point.
func findWrappers(pass *analysis.Pass, in *inspector.Inspector, r *resolver, wrappers map[*types.Func]*WrapperFact) {
	type candidate struct {
		fn    *types.Func  // a declared function, or
		lit   *ast.FuncLit // a function literal whose calls are all followed
		sig   *types.Signature
		calls []*ast.CallExpr
	}
	held := map[*ast.FuncLit]bool{}
	for _, ref := range r.vars.funcs {
		if ref.lit != nil {
			held[ref.lit] = true
		}
	}
	var cands []candidate
	for c := range in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var cand candidate
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func)
			if !ok || n.Body == nil {
				continue // no body to forward anything
			}
			cand.fn, cand.sig = fn, fn.Signature()
		case *ast.FuncLit:
			sig, ok := pass.TypesInfo.TypeOf(n).(*types.Signature)
			if !ok || !held[n] {
				continue // its callers are not known
			}
			cand.lit, cand.sig = n, sig
		}
		if cand.sig.Params().Len() == 0 {
			continue // no parameter to forward
		}
		for cc := range c.Preorder((*ast.CallExpr)(nil)) {
			cand.calls = append(cand.calls, cc.Node().(*ast.CallExpr))
		}
		cands = append(cands, cand)
	}
	for changed := true; changed; {
		changed = false
		for _, cand := range cands {
			if wrappers[cand.fn] != nil || r.lits[cand.lit] != nil {
				continue // already known
			}
			for _, call := range cand.calls {
				fn, w, offset := r.callee(call)
				if w == nil || (fn != nil && fn == cand.fn) {
					continue // not a bus call, or plain recursion
				}
				site := newSite(pass.TypesInfo, call, fn, w, offset)
				if site == nil {
					continue
				}
				name := forwardedParam(pass.TypesInfo, r.vars, cand.sig, site.NameExpr)
				if name < 0 || site.Const {
					continue // the name is not the caller's to choose
				}
				wf := &WrapperFact{Shape: Shape{Kind: w.Kind, Name: name, Payload: -1, Handler: -1, Form: w.Form, Scope: w.Scope}}
				switch w.Kind {
				case Emit:
					if site.PayloadExpr != nil {
						wf.Payload = forwardedParam(pass.TypesInfo, r.vars, cand.sig, site.PayloadExpr)
					}
					if wf.Payload < 0 {
						wf.Fixed = site.Payload
					}
				case Subscribe:
					if idx := handlerArg(site, w, offset); idx != nil {
						wf.Handler = forwardedParam(pass.TypesInfo, r.vars, cand.sig, idx)
					}
					if wf.Handler < 0 {
						wf.Fixed = site.Handler
					}
				}
				if cand.lit != nil {
					r.lits[cand.lit] = wf
				} else {
					wrappers[cand.fn] = wf
				}
				changed = true
				break
			}
		}
	}
}

func handlerArg(s *Site, w *WrapperFact, offset int) ast.Expr {
	if w.Handler < 0 || w.Handler+offset >= len(s.Call.Args) {
		return nil
	}
	return s.Call.Args[w.Handler+offset]
}

// collectSites returns every emit and subscription of the package.
func collectSites(pass *analysis.Pass, in *inspector.Inspector, r *resolver, wrappers map[*types.Func]*WrapperFact, initFuncs map[*types.Func]bool) []*Site {
	var sites []*Site
	for fc := range in.Root().Children() {
		test := isTestFile(pass, fc.Node().(*ast.File))
		for c := range fc.Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			fn, w, offset := r.callee(call)
			if w == nil {
				continue // not a bus call
			}
			s := newSite(pass.TypesInfo, call, fn, w, offset)
			if s == nil {
				continue
			}
			s.InTest = test
			decl := enclosingFunc(c)
			if decl == nil {
				s.AtInit = true // a package-level variable's initializer
			} else if obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
				s.AtInit = initFuncs[obj]
			}
			s.Forwarded = !s.Const && forwards(pass.TypesInfo, c, r, wrappers, s.NameExpr)
			sites = append(sites, s)
		}
	}
	return sites
}

// forwards reports whether name, in a call at c, is a parameter of an
// enclosing wrapper (a function or a function literal) that it passes on.
func forwards(info *types.Info, c inspector.Cursor, r *resolver, wrappers map[*types.Func]*WrapperFact, name ast.Expr) bool {
	for e := range c.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		var sig *types.Signature
		switch n := e.Node().(type) {
		case *ast.FuncLit:
			if r.lits[n] == nil {
				continue // not a wrapper: its parameters are no caller's names
			}
			sig, _ = info.TypeOf(n).(*types.Signature)
		case *ast.FuncDecl:
			if obj, ok := info.Defs[n.Name].(*types.Func); ok && wrappers[obj] != nil {
				sig = obj.Signature()
			}
		}
		if sig != nil && forwardedParam(info, r.vars, sig, name) >= 0 {
			return true
		}
	}
	return false
}

func enclosingFunc(c inspector.Cursor) *ast.FuncDecl {
	for e := range c.Enclosing((*ast.FuncDecl)(nil)) {
		return e.Node().(*ast.FuncDecl)
	}
	return nil
}

// initReachable returns the package's functions that run during package
// initialisation: init functions, and the package's functions they or
// package-level initializers call, transitively. Registering handlers from
// a helper that init calls is as good as registering in init.
func initReachable(pass *analysis.Pass, in *inspector.Inspector) map[*types.Func]bool {
	calls := map[*types.Func][]*types.Func{} // caller -> same-package callees
	var roots []*types.Func
	for c := range in.Root().Preorder((*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if n.Recv == nil && n.Name.Name == "init" {
				if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					roots = append(roots, fn)
				}
			}
		case *ast.CallExpr:
			callee := typeutil.StaticCallee(pass.TypesInfo, n)
			if callee == nil || callee.Pkg() != pass.Pkg {
				continue // not a call of this package's code
			}
			callee = callee.Origin()
			if decl := enclosingFunc(c); decl == nil {
				roots = append(roots, callee) // called by a package-level initializer
			} else if caller, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
				calls[caller] = append(calls[caller], callee)
			}
		}
	}
	seen := map[*types.Func]bool{}
	for len(roots) > 0 {
		fn := roots[len(roots)-1]
		roots = roots[:len(roots)-1]
		if seen[fn] {
			continue
		}
		seen[fn] = true
		roots = append(roots, calls[fn]...)
	}
	return seen
}
