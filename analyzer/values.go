package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// vars is what the model knows about the package's variables and struct
// fields: which are written after their declaration, and which only ever
// hold one function, so that a call through them is a call of that
// function.
type vars struct {
	// assigned are the variables assigned to after their declaration, or
	// whose address is taken. A parameter among them no longer holds
	// what the caller passed: as in printf's wrapper detection, a
	// function that changes its name parameter before passing it on does
	// not forward its caller's name.
	assigned map[*types.Var]bool
	// funcs are the variables that only ever hold one function, method
	// value or function literal, by the variable's origin: local
	// variables, and unexported package variables and struct fields,
	// which no other package can set.
	funcs map[*types.Var]funcRef
	// stored are the expressions whose values funcs holds: a bus
	// function named there is not used as a value that escapes.
	stored map[ast.Expr]bool
}

// funcRef is the one function a variable holds: a declared function or
// method value, or a function literal.
type funcRef struct {
	fn  *types.Func
	lit *ast.FuncLit
}

// newVars finds, in the package's files, every store into a variable or
// struct field: declarations with a value, assignments, composite
// literals, and the writes it cannot follow (address taken, ++, range).
func newVars(info *types.Info, in *inspector.Inspector) *vars {
	vs := &vars{assigned: map[*types.Var]bool{}, funcs: map[*types.Var]funcRef{}, stored: map[ast.Expr]bool{}}
	stores := map[*types.Var][]ast.Expr{} // a nil store: a value not known
	store := func(v *types.Var, e ast.Expr) {
		if v != nil {
			v = v.Origin()
			stores[v] = append(stores[v], e)
		}
	}
	// assign records a write to lhs after its declaration. A variable
	// redeclared by := is in Uses, a new one in Defs.
	assign := func(lhs, rhs ast.Expr) {
		v := targetVar(info, lhs)
		if v == nil {
			return
		}
		if _, isNew := info.Defs[identOf(lhs)]; !isNew {
			vs.assigned[v.Origin()] = true
		}
		store(v, rhs)
	}
	for c := range in.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil),
		(*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) && len(n.Lhs) == len(n.Rhs) {
					rhs = n.Rhs[i]
				}
				assign(lhs, rhs)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, _ := info.Defs[name].(*types.Var)
				switch {
				case len(n.Values) == 0:
					continue // the zero value
				case len(n.Values) == len(n.Names):
					store(v, n.Values[i])
				default:
					store(v, nil) // a tuple
				}
			}
		case *ast.CompositeLit:
			st, ok := typeUnder(info.TypeOf(n)).(*types.Struct)
			if !ok {
				continue // not a struct literal
			}
			for i, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					f, _ := info.Uses[identOf(kv.Key)].(*types.Var)
					store(f, kv.Value)
				} else if i < st.NumFields() {
					store(st.Field(i), elt)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				assign(n.X, nil)
			}
		case *ast.IncDecStmt:
			assign(n.X, nil)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				assign(n.Key, nil)
				assign(n.Value, nil)
			}
		}
	}
	for v, es := range stores {
		if !trackable(v) {
			continue // another package may set it
		}
		var ref funcRef
		for _, e := range es {
			r, ok := funcOf(info, e)
			if !ok || (ref != funcRef{} && !ref.same(r)) {
				ref = funcRef{}
				break // not a function, or not always the same one
			}
			ref = r
		}
		if ref == (funcRef{}) {
			continue
		}
		vs.funcs[v] = ref
		for _, e := range es {
			vs.stored[ast.Unparen(e)] = true
		}
	}
	return vs
}

// trackable reports whether every store into v is in its own package: a
// local variable, or an unexported package variable or struct field.
func trackable(v *types.Var) bool {
	if v.IsField() || v.Parent() == v.Pkg().Scope() {
		return !v.Exported()
	}
	return v.Parent() != nil
}

// same reports whether r and o hold the same function.
func (r funcRef) same(o funcRef) bool {
	if r.lit != nil || o.lit != nil {
		return r.lit == o.lit
	}
	return r.fn.Origin() == o.fn.Origin()
}

// funcOf returns the function e denotes as a value, if it denotes one.
func funcOf(info *types.Info, e ast.Expr) (funcRef, bool) {
	if e == nil {
		return funcRef{}, false
	}
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		return funcRef{lit: lit}, true
	}
	if fn := funcValue(info, e); fn != nil {
		return funcRef{fn: fn}, true
	}
	return funcRef{}, false
}

// targetVar returns the variable or struct field an assignment to e
// writes, or nil (an index expression, a dereference, a blank).
func targetVar(info *types.Info, e ast.Expr) *types.Var {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[x].(*types.Var); ok {
			return v
		}
		v, _ := info.Defs[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			v, _ := s.Obj().(*types.Var)
			return v
		}
	}
	return nil
}

// typeUnder returns the underlying type of t, seeing through a pointer
// (&T{...} literals in a []*T have the type T).
func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem().Underlying()
	}
	return t.Underlying()
}

// calledVar returns the variable or struct field call.Fun reads the
// function from, or nil when the callee is not read from one.
func calledVar(info *types.Info, call *ast.CallExpr) *types.Var {
	switch x := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
			v, _ := s.Obj().(*types.Var)
			return v
		}
	}
	return nil
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	if id == nil {
		return &ast.Ident{} // matches nothing in info maps
	}
	return id
}

// funcValue returns the function that e denotes as a value: f, pkg.F,
// x.Method (a method value), F[T].
func funcValue(info *types.Info, e ast.Expr) *types.Func {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[x].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if s := info.Selections[x]; s != nil && s.Kind() != types.MethodVal {
			return nil // a field, or a method expression (its receiver is an argument)
		}
		fn, _ := info.Uses[x.Sel].(*types.Func)
		return fn
	}
	return nil
}

// escapes returns the places in the package's non-test files where a
// bus function or wrapper is used as a value that the model does not
// follow: passed as an argument, returned, stored in an exported
// variable or in one that holds other functions too. Its calls are not
// seen, so they are recorded like emits and subscriptions under a
// computed name: the checks that conclude from the absence of an emit
// or subscription (EL2008, EL3001, EL3002, EL3004) must not conclude it.
func escapes(pass *analysis.Pass, in *inspector.Inspector, r *resolver) []DynamicRecord {
	var out []DynamicRecord
	for fc := range in.Root().Children() {
		if isTestFile(pass, fc.Node().(*ast.File)) {
			continue // tests are not linked into programs
		}
		for c := range fc.Preorder((*ast.Ident)(nil)) {
			w := r.valueShape(c.Node().(*ast.Ident))
			if w == nil {
				continue // not a bus function, a wrapper or a variable holding one
			}
			cur, e := valueExpr(c)
			if e == nil || r.used(cur, e) {
				continue // not the value itself, or a call or store the model follows
			}
			out = append(out, DynamicRecord{Kind: w.Kind, Pos: posOf(pass.Fset, pass.Pkg, e.Pos())})
		}
	}
	return out
}

// valueExpr returns the expression that identifier c denotes a function
// with, seeing through qualifiers, instantiation and parentheses (pkg.F,
// x.f, F[T], (F)), and its cursor; nil when c is the X of a selector.
func valueExpr(c inspector.Cursor) (inspector.Cursor, ast.Expr) {
	e := c.Node().(ast.Expr)
	for {
		p := c.Parent()
		switch x := p.Node().(type) {
		case *ast.SelectorExpr:
			if x.Sel != e {
				return c, nil // a value's method or field, not the value
			}
		case *ast.IndexExpr:
			if x.X != e {
				return c, e
			}
		case *ast.IndexListExpr:
			if x.X != e {
				return c, e
			}
		case *ast.ParenExpr:
		default:
			return c, e
		}
		c, e = p, p.Node().(ast.Expr)
	}
}

// used reports whether e, at c, is used in a way the model follows: it
// is called, stored in a variable that holds only it, or is the variable
// or field being written.
func (r *resolver) used(c inspector.Cursor, e ast.Expr) bool {
	if r.vars.stored[ast.Unparen(e)] {
		return true
	}
	switch p := c.Parent().Node().(type) {
	case *ast.CallExpr:
		return p.Fun == e
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == e {
				return true
			}
		}
	case *ast.KeyValueExpr:
		return p.Key == e
	}
	return false
}

// resolver resolves calls to the bus functions and wrappers they call.
type resolver struct {
	info   *types.Info
	api    *BusAPI
	vars   *vars
	lookup shapeLookup                   // wrappers by function
	lits   map[*ast.FuncLit]*WrapperFact // wrappers that are function literals
}

// funcShape returns the shape of fn if it is a bus function or a wrapper.
func (r *resolver) funcShape(fn *types.Func) *WrapperFact {
	if shape, ok := r.api.shape(fn); ok {
		return &WrapperFact{Shape: shape}
	}
	if w, ok := r.lookup(fn.Origin()); ok {
		return w
	}
	return nil
}

// refShape returns the shape of the function ref if it is a bus function
// or a wrapper.
func (r *resolver) refShape(ref funcRef) *WrapperFact {
	if ref.lit != nil {
		return r.lits[ref.lit]
	}
	return r.funcShape(ref.fn)
}

// valueShape returns the shape of the bus function or wrapper id denotes,
// directly or as the variable that holds it, or nil.
func (r *resolver) valueShape(id *ast.Ident) *WrapperFact {
	switch obj := r.info.Uses[id].(type) {
	case *types.Func:
		return r.funcShape(obj)
	case *types.Var:
		if ref, ok := r.vars.funcs[obj.Origin()]; ok {
			return r.refShape(ref)
		}
	}
	return nil
}
