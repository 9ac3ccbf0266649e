package analyzer

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// ifaceCall is a call of an interface method (typeutil.StaticCallee is
// nil for it). Whether it reaches the bus depends on the implementations,
// which a package sees only if it happens to import them; the
// dependency-injection shape (callers see a Publisher interface, a type
// in another package implements it by forwarding to the bus) hides them.
// Model keeps these calls so that a driver that has every package of the
// module can resolve them (ResolveInterfaceCalls).
type ifaceCall struct {
	call   *ast.CallExpr
	method *types.Func // the interface method
	offset int         // 1 for a method expression, whose receiver is the first argument
	test   bool
	atInit bool
	// sigs are the signatures of the enclosing functions and literals,
	// innermost first: a name that is one of their parameters is the
	// caller's, not a computed one.
	sigs []*types.Signature
}

// ifaceCalls is what Model keeps of a package for ResolveInterfaceCalls.
type ifaceCalls struct {
	info  *types.Info
	fset  *token.FileSet
	pkg   *types.Package
	vars  *vars
	calls []ifaceCall
}

// findIfaceCalls returns the package's calls of interface methods that
// have a parameter an event name could be passed in.
func findIfaceCalls(pass *analysis.Pass, in *inspector.Inspector, r *resolver, initFuncs map[*types.Func]bool) *ifaceCalls {
	vars := r.vars
	var calls []ifaceCall
	for fc := range in.Root().Children() {
		test := isTestFile(pass, fc.Node().(*ast.File))
		for c := range fc.Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			m, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
			if !ok || !isInterfaceMethod(m) || !hasStringParam(m.Signature()) {
				continue // not a call of an interface method that could take a name
			}
			if r.funcShape(m) != nil {
				continue // a declared bus method: a site already
			}
			ic := ifaceCall{call: call, method: m, test: test}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if s := pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
					ic.offset = 1
				}
			}
			if decl := enclosingFunc(c); decl == nil {
				ic.atInit = true
			} else if obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
				ic.atInit = initFuncs[obj]
			}
			for e := range c.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
				switch n := e.Node().(type) {
				case *ast.FuncLit:
					if sig, ok := pass.TypesInfo.TypeOf(n).(*types.Signature); ok {
						ic.sigs = append(ic.sigs, sig)
					}
				case *ast.FuncDecl:
					if obj, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
						ic.sigs = append(ic.sigs, obj.Signature())
					}
				}
			}
			calls = append(calls, ic)
		}
	}
	if len(calls) == 0 {
		return nil
	}
	return &ifaceCalls{info: pass.TypesInfo, fset: pass.Fset, pkg: pass.Pkg, vars: vars, calls: calls}
}

// IfaceRecord is a call of an interface method that has a parameter an
// event name could be passed in: Model cannot know its implementation.
// The standalone driver resolves such calls and clears the records
// (ResolveInterfaceCalls); under go vet and golangci-lint they stay.
type IfaceRecord struct {
	Method string // the method's name
	Pos    Pos
}

// records returns the summary records of the package's calls through
// interfaces: its non-test ones, not yet resolved.
func (ic *ifaceCalls) records() []IfaceRecord {
	if ic == nil {
		return nil
	}
	var out []IfaceRecord
	for _, c := range ic.calls {
		if !c.test {
			out = append(out, IfaceRecord{Method: c.method.Name(), Pos: posOf(ic.fset, ic.pkg, c.call.Pos())})
		}
	}
	return out
}

// programDynamic returns the computed-name sites of a program's flat
// summary sum, with the calls through interfaces that may reach the bus
// counted among them: a call whose implementation is not known may be a
// call of any method wrapper of the same name linked into the program,
// and then emits or subscribes under a name the checks do not see.
func programDynamic(sum *Summary) []DynamicRecord {
	if len(sum.Ifaces) == 0 {
		return sum.Dynamic
	}
	kinds := map[string][]Kind{} // method wrappers' kinds by method name
	for _, w := range sum.Wrappers {
		if name, ok := w.methodName(); ok && !slices.Contains(kinds[name], w.Kind) {
			kinds[name] = append(kinds[name], w.Kind)
		}
	}
	dyn := slices.Clip(sum.Dynamic)
	for _, r := range sum.Ifaces {
		for _, k := range kinds[r.Method] {
			dyn = append(dyn, DynamicRecord{Kind: k, Pos: r.Pos})
		}
	}
	return dyn
}

// methodName returns the name of the wrapper if it is a method: its
// types.Func.FullName is "(T).Name" or "(*T).Name".
func (w WrapperRecord) methodName() (string, bool) {
	if !strings.HasPrefix(w.Func, "(") {
		return "", false
	}
	return w.Func[strings.LastIndexByte(w.Func, '.')+1:], true
}

// isInterfaceMethod reports whether fn is a method of an interface type.
func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// hasStringParam reports whether sig has a parameter whose underlying type
// is string, as an event name's is.
func hasStringParam(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return true
		}
	}
	return false
}

// ResolveInterfaceCalls makes the calls of interface methods that the
// module implements with wrappers sites of the packages that make them,
// for a driver that has run Model on every package of the module (the
// standalone eventlint command) and before it builds the ModuleView and
// runs the checks. A call of an interface method is an emit or
// subscription when a wrapper method of a type in results implements
// that method; if the wrappers that implement it disagree on where the
// name goes, the call counts as a computed-name site.
//
// The new sites are added to each Result's Sites and to its Own summary,
// in place: the summaries folded over them in this process link to Own
// (see Summary), so package main's summary sees them too, and the
// summaries' Ifaces are cleared: every call has been resolved. Under go
// vet and golangci-lint, which see one package and its imports at a time,
// the calls stay unresolved, and programDynamic counts those a method
// wrapper of the program may implement as computed-name sites.
func ResolveInterfaceCalls(results []*Result) {
	impls, shapes := wrapperMethods(results)
	for _, res := range results {
		if res.ifaces == nil {
			continue
		}
		// Every implementation in the module is known now: the calls no
		// wrapper implements are no bus calls.
		res.Own.Ifaces = nil
		if res.resolveIfaceCalls(impls, shapes) {
			slices.SortStableFunc(res.Sites, func(a, b *Site) int { return cmp.Compare(a.Call.Pos(), b.Call.Pos()) })
		}
		res.Own.normalize()
	}
}

// wrapperMethods returns the method wrappers of results by method name,
// sorted by full name, and their shapes.
func wrapperMethods(results []*Result) (impls map[string][]*types.Func, shapes map[*types.Func]*WrapperFact) {
	impls = map[string][]*types.Func{}
	shapes = map[*types.Func]*WrapperFact{}
	for _, res := range results {
		for fn, w := range res.Wrappers {
			if sig := fn.Signature(); sig.Recv() != nil && sig.RecvTypeParams().Len() == 0 && !isInterfaceMethod(fn) {
				impls[fn.Name()] = append(impls[fn.Name()], fn)
				shapes[fn] = w
			}
		}
	}
	for _, fns := range impls {
		slices.SortFunc(fns, func(a, b *types.Func) int { return cmp.Compare(a.FullName(), b.FullName()) })
	}
	return impls, shapes
}

// WrappedInterfaces returns the paths of the packages among pkgs that
// declare, at package level, an interface with a method that a method
// wrapper of kind in results implements (see ResolveInterfaceCalls), and
// the names of those methods, both sorted. A package that calls such a
// method may emit or subscribe through it; the standalone driver does not
// analyse a package that cannot reach the bus otherwise, so it must learn
// from this that such a package's calls are not in its results. Without
// method wrappers (the common case) it looks at no package.
func WrappedInterfaces(results []*Result, pkgs []*types.Package, kind Kind) (paths, methods []string) {
	impls, shapes := wrapperMethods(results)
	if len(impls) == 0 {
		return nil, nil
	}
	for _, pkg := range pkgs {
		names := wrappedMethods(pkg, impls, shapes, kind)
		if len(names) == 0 {
			continue // no interface a wrapper of kind implements
		}
		paths = append(paths, pkg.Path())
		methods = append(methods, names...)
	}
	slices.Sort(paths)
	slices.Sort(methods)
	return slices.Compact(paths), slices.Compact(methods)
}

// wrappedMethods returns the names of the methods of the interfaces pkg
// declares at package level that could take an event name and that a
// wrapper of kind in impls implements.
func wrappedMethods(pkg *types.Package, impls map[string][]*types.Func, shapes map[*types.Func]*WrapperFact, kind Kind) []string {
	var out []string
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !types.IsInterface(tn.Type()) {
			continue // not an interface type
		}
		iface := tn.Type().Underlying().(*types.Interface)
		for m := range iface.Methods() {
			if len(impls[m.Name()]) == 0 || !hasStringParam(m.Signature()) {
				continue // no wrapper of that name, or no parameter a name could be passed in
			}
			if slices.ContainsFunc(implementations(m, impls, shapes), func(w *WrapperFact) bool { return w.Kind == kind }) {
				out = append(out, m.Name())
			}
		}
	}
	return out
}

// implementations returns the shapes of the wrapper methods in impls
// that implement interface method m, without repeats.
func implementations(m *types.Func, impls map[string][]*types.Func, shapes map[*types.Func]*WrapperFact) []*WrapperFact {
	iface, ok := m.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*WrapperFact
	for _, fn := range impls[m.Name()] {
		t := fn.Signature().Recv().Type()
		if _, isPtr := t.(*types.Pointer); !isPtr && !types.Implements(t, iface) {
			t = types.NewPointer(t)
		}
		if !types.Implements(t, iface) {
			continue // a method of the same name on a type that is no implementation
		}
		w := shapes[fn]
		if !slices.ContainsFunc(out, func(o *WrapperFact) bool { return o.Shape == w.Shape }) {
			out = append(out, w)
		}
	}
	return out
}

// resolveIfaceCalls adds the package's calls through interfaces that
// reach the bus to its sites and own summary, and reports whether it
// added any.
func (res *Result) resolveIfaceCalls(impls map[string][]*types.Func, shapes map[*types.Func]*WrapperFact) bool {
	ic := res.ifaces
	added := false
	for _, c := range ic.calls {
		ws := implementations(c.method, impls, shapes)
		if len(ws) == 0 {
			continue // no wrapper implements it: as if no bus call
		}
		pos := posOf(ic.fset, ic.pkg, c.call.Pos())
		if len(ws) > 1 {
			// The implementations take the name in different places:
			// the name this call passes is not known.
			for _, w := range ws {
				if !c.test {
					res.Own.Dynamic = append(res.Own.Dynamic, DynamicRecord{Kind: w.Kind, Pos: pos})
				}
			}
			added = true
			continue
		}
		s := newSite(ic.info, c.call, c.method, ws[0], c.offset)
		if s == nil {
			continue
		}
		s.InTest, s.AtInit = c.test, c.atInit
		if !s.Const && slices.ContainsFunc(c.sigs, func(sig *types.Signature) bool {
			return forwardedParam(ic.info, ic.vars, sig, s.NameExpr) >= 0
		}) {
			// The name is a parameter of the enclosing function: its
			// callers choose it, but they are not followed through an
			// interface, so the name counts as computed without being
			// reported as one.
			if !s.InTest {
				res.Own.Dynamic = append(res.Own.Dynamic, DynamicRecord{Kind: s.Kind, Pos: posOf(ic.fset, ic.pkg, s.Pos()), Payload: s.Payload})
			}
			added = true
			continue
		}
		res.Sites = append(res.Sites, s)
		if !s.InTest {
			res.Own.addSite(ic.fset, ic.pkg, s)
		}
		added = true
	}
	return added
}

// addSite adds the record of non-test site s to s's package's own summary.
func (own *Summary) addSite(fset *token.FileSet, pkg *types.Package, s *Site) {
	pos := posOf(fset, pkg, s.Pos())
	switch {
	case !s.Const:
		own.Dynamic = append(own.Dynamic, DynamicRecord{Kind: s.Kind, Pos: pos, Payload: s.Payload})
	case s.Kind == Emit:
		own.Emits = append(own.Emits, EmitRecord{Event: s.Name, Pos: pos, Payload: s.Payload, Broker: s.Broker})
	case s.Kind == Subscribe:
		own.Subs = append(own.Subs, SubRecord{Event: s.Name, Pos: pos, Handler: s.Handler, AtInit: s.AtInit, Broker: s.Broker, Args: s.Args})
	}
}
