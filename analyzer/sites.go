package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Kind tells an emit from a subscription.
type Kind uint8

const (
	Emit Kind = iota + 1
	Subscribe
)

func (k Kind) String() string {
	switch k {
	case Emit:
		return "emit"
	case Subscribe:
		return "subscribe"
	}
	return "invalid"
}

// WrapperFact is the object fact of a function that emits or subscribes
// with the event name its caller passes: a bus function declared by a
// directive (on a function, a method, an interface method or a func-typed
// struct field; see directive.go), or a wrapper, a function that forwards
// one of its parameters to the bus as an event name, directly or through
// another wrapper. A call to it is an emit or subscription at that call.
type WrapperFact struct {
	Shape
	// Fixed is the payload or handler type the wrapper passes itself when
	// the call does not supply it (Shape.Payload/Handler is -1).
	Fixed TypeRef
}

// AFact marks WrapperFact as an analysis fact.
func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	switch f.Kind {
	case Emit:
		return fmt.Sprintf("emits(name=%d, payload=%d)", f.Name, f.Payload)
	case Subscribe:
		return fmt.Sprintf("subscribes(name=%d, handler=%d)", f.Name, f.Handler)
	}
	return "invalid"
}

// Site is one emit or subscription in the package being analysed: a call
// of a bus function or of a wrapper.
type Site struct {
	Kind   Kind
	Call   *ast.CallExpr
	Callee *types.Func // the bus function or wrapper called

	NameExpr ast.Expr
	Name     string       // the event name when Const
	Const    bool         // the name is a compile-time constant
	NameObj  *types.Const // the named constant the name refers to, if any

	// Forwarded is set on a call inside a wrapper that passes the
	// wrapper's own parameter as the name: the call is not a site of its
	// own (the wrapper's callers are) and its name is not dynamic.
	Forwarded bool

	PayloadExpr ast.Expr // emits: the payload argument, if the call has one
	Payload     TypeRef  // emits: its static type
	Handler     TypeRef  // subscriptions: the handler's payload type T
	HandlerExpr ast.Expr // subscriptions: the handler argument, if the call has one

	InTest bool // in a _test.go file
	// Broker is set when the bus delivers through a broker: subscribers
	// may live in another process, so no program check applies.
	Broker bool
	// Args is set on a subscription whose handler the bus calls with the
	// published arguments (FormArgs): a mismatch fails the call itself
	// (reflect.Value.Call panics) rather than skipping the handler.
	Args   bool
	AtInit bool // runs during package initialisation
}

// Pos returns the position to report the site at: its event name.
func (s *Site) Pos() token.Pos { return s.NameExpr.Pos() }

// shapeLookup returns the wrapper fact of a function or func-typed field,
// if it is declared by a directive or is a wrapper.
type shapeLookup func(obj types.Object) (*WrapperFact, bool)

// fieldName names a func-typed struct field in a WrapperRecord, as
// pkg/path.Field (no "(T)." prefix: a field is not a method wrapper).
func fieldName(v *types.Var) string {
	if v.Pkg() == nil {
		return v.Name()
	}
	return v.Pkg().Path() + "." + v.Name()
}

// callee resolves call to a bus function or a wrapper, returning the
// callee (nil for a function literal), its shape and the offset of the
// shape's indices among call.Args (1 for method expressions, whose
// receiver is the first argument).
func (r *resolver) callee(call *ast.CallExpr) (*types.Func, *WrapperFact, int) {
	fn := typeutil.StaticCallee(r.info, call)
	offset := 0
	if fn == nil {
		if m, ok := typeutil.Callee(r.info, call).(*types.Func); ok && isInterfaceMethod(m) {
			// A call through an interface whose method is a declared bus
			// function (a preset's, a directive's or a -bus.funcs one).
			w := r.funcShape(m)
			if w == nil {
				return nil, nil, 0 // see ifaces.go
			}
			if isMethodExpr(r.info, call) {
				offset = 1
			}
			return m, w, offset
		}
		v := calledVar(r.info, call)
		if v == nil {
			return nil, nil, 0
		}
		if v.IsField() {
			if w, ok := r.lookup(v.Origin()); ok {
				return nil, w, 0 // a func-typed field declared by a directive
			}
		}
		// A call through a variable or field that only ever holds one
		// function: emit := b.Emit; emit(ctx, ...), s.emit = bus.Emit.
		ref, ok := r.vars.funcs[v.Origin()]
		if !ok {
			return nil, nil, 0
		}
		if ref.lit != nil {
			if w := r.lits[ref.lit]; w != nil {
				return nil, w, 0
			}
			return nil, nil, 0
		}
		fn = ref.fn
	} else if isMethodExpr(r.info, call) {
		offset = 1
	}
	if w := r.funcShape(fn); w != nil {
		return fn, w, offset
	}
	return nil, nil, 0
}

// isMethodExpr reports whether call calls a method expression (T.M(x,
// ...)), whose receiver is the first argument.
func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.MethodExpr
}

// newSite fills in a Site for call, a call of a bus function or wrapper.
func newSite(info *types.Info, call *ast.CallExpr, fn *types.Func, w *WrapperFact, offset int) *Site {
	arg := func(i int) ast.Expr {
		if i < 0 || i+offset >= len(call.Args) {
			return nil
		}
		return call.Args[i+offset]
	}
	s := &Site{Kind: w.Kind, Call: call, Callee: fn, Broker: w.Scope == ScopeBroker, Args: w.Kind == Subscribe && w.Form == FormArgs}
	s.NameExpr = arg(w.Name)
	if s.NameExpr == nil {
		// Not a well-formed call (the type checker said so); report
		// nothing about it rather than guess.
		return nil
	}
	if tv, ok := info.Types[s.NameExpr]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		s.Const = true
		s.Name = constant.StringVal(tv.Value)
		s.NameObj = namedConst(info, s.NameExpr)
	}
	switch w.Kind {
	case Emit:
		s.Payload = w.Fixed
		if w.List {
			s.PayloadExpr = arg(w.Payload)
			s.Payload = listPayload(info, call, w.Payload+offset)
		} else if e := arg(w.Payload); e != nil {
			s.PayloadExpr = e
			s.Payload = typeRefOf(payloadType(info, call, w.Payload+offset, e))
		}
	case Subscribe:
		s.Handler = w.Fixed
		if e := arg(w.Handler); e != nil {
			s.HandlerExpr = e
			s.Handler = handlerPayload(info.TypeOf(e), w.Form)
		}
	}
	return s
}

// payloadType returns the type of the payload a call emits when it passes e
// as argument i: a parameter of a concrete type (a wrapper's p *Employee,
// f bus.Fields) converts the argument to that type, while an interface
// parameter (the bus's any) keeps the argument's own static type.
func payloadType(info *types.Info, call *ast.CallExpr, i int, e ast.Expr) types.Type {
	var sig *types.Signature
	if t := info.TypeOf(call.Fun); t != nil {
		sig, _ = t.Underlying().(*types.Signature)
	}
	if sig != nil && i < sig.Params().Len() && !(sig.Variadic() && i >= sig.Params().Len()-1) {
		if t := sig.Params().At(i).Type(); !types.IsInterface(t) {
			return t
		}
	}
	return info.TypeOf(e)
}

// namedConst returns the constant an event name expression names, seeing
// through parentheses and conversions such as EventName(OrderCreated).
func namedConst(info *types.Info, e ast.Expr) *types.Const {
	for {
		e = ast.Unparen(e)
		switch x := e.(type) {
		case *ast.Ident:
			c, _ := info.Uses[x].(*types.Const)
			return c
		case *ast.SelectorExpr:
			c, _ := info.Uses[x.Sel].(*types.Const)
			return c
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
		}
		return nil
	}
}

// typeRefOf describes t for a fact: by the canonical spelling of its
// identity (aliases resolved), and as written when an alias makes the two
// differ. Untyped nil and invalid types are unknown.
func typeRefOf(t types.Type) TypeRef {
	if t == nil {
		return TypeRef{}
	}
	if b, ok := types.Unalias(t).(*types.Basic); ok && (b.Kind() == types.UntypedNil || b.Kind() == types.Invalid) {
		return TypeRef{}
	}
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		t = types.Default(t)
	}
	_, isParam := types.Unalias(t).(*types.TypeParam)
	r := TypeRef{Name: types.TypeString(unalias(t), nil), Interface: types.IsInterface(t) || isParam}
	if written := types.TypeString(t, nil); written != r.Name {
		r.Spelling = written
	}
	return r
}

// unalias returns t with every alias in it replaced by the type it
// denotes, so that identical types print alike: *events.Customer, where
// events declares type Customer = model.Customer, becomes *model.Customer.
// types.Unalias resolves only the outermost alias. Interface types are
// left as they are: their values' dynamic types are never compared.
func unalias(t types.Type) types.Type {
	switch t := types.Unalias(t).(type) {
	case *types.Pointer:
		if e := unalias(t.Elem()); e != t.Elem() {
			return types.NewPointer(e)
		}
		return t
	case *types.Slice:
		if e := unalias(t.Elem()); e != t.Elem() {
			return types.NewSlice(e)
		}
		return t
	case *types.Array:
		if e := unalias(t.Elem()); e != t.Elem() {
			return types.NewArray(e, t.Len())
		}
		return t
	case *types.Chan:
		if e := unalias(t.Elem()); e != t.Elem() {
			return types.NewChan(t.Dir(), e)
		}
		return t
	case *types.Map:
		if k, v := unalias(t.Key()), unalias(t.Elem()); k != t.Key() || v != t.Elem() {
			return types.NewMap(k, v)
		}
		return t
	case *types.Named:
		var args []types.Type
		changed := false
		for a := range t.TypeArgs().Types() {
			u := unalias(a)
			args = append(args, u)
			changed = changed || u != a
		}
		if !changed {
			return t // not an instance, or no alias among its type arguments
		}
		if inst, err := types.Instantiate(nil, t.Origin(), args, false); err == nil {
			return inst
		}
		return t
	case *types.Struct:
		var fields []*types.Var
		var tags []string
		changed := false
		for i := range t.NumFields() {
			f := t.Field(i)
			u := unalias(f.Type())
			fields = append(fields, types.NewField(f.Pos(), f.Pkg(), f.Name(), u, f.Embedded()))
			tags = append(tags, t.Tag(i))
			changed = changed || u != f.Type()
		}
		if !changed {
			return t
		}
		return types.NewStruct(fields, tags)
	case *types.Signature:
		if t.TypeParams().Len() > 0 || t.Recv() != nil {
			return t // not the type of a value
		}
		params, pc := unaliasTuple(t.Params())
		results, rc := unaliasTuple(t.Results())
		if !pc && !rc {
			return t
		}
		return types.NewSignatureType(nil, nil, nil, params, results, t.Variadic())
	default:
		return t
	}
}

// unaliasTuple is unalias for the parameters or results of a signature,
// and reports whether any of them changed.
func unaliasTuple(tup *types.Tuple) (*types.Tuple, bool) {
	var vars []*types.Var
	changed := false
	for v := range tup.Variables() {
		u := unalias(v.Type())
		vars = append(vars, types.NewParam(v.Pos(), v.Pkg(), v.Name(), u))
		changed = changed || u != v.Type()
	}
	if !changed {
		return tup, false
	}
	return types.NewTuple(vars...), true
}

// handlerPayload returns the payload type a handler of type t takes: with
// FormTyped, T of func(context.Context, T) error or func(T); with
// FormArgs, the list of its parameters (see listRef).
func handlerPayload(t types.Type, form Form) TypeRef {
	if t == nil {
		return TypeRef{}
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return TypeRef{}
	}
	if form == FormArgs {
		if sig.Variadic() {
			return TypeRef{} // takes any number of arguments
		}
		var ts []types.Type
		for v := range sig.Params().Variables() {
			ts = append(ts, v.Type())
		}
		return listRef(ts)
	}
	if n := sig.Params().Len(); n == 1 || n == 2 {
		return typeRefOf(sig.Params().At(n - 1).Type())
	}
	return TypeRef{}
}

// listPayload returns the payload of an emit whose arguments from index i
// on are the published list (a variadic parameter): unknown when the call
// spreads a slice (args...), whose length is not known.
func listPayload(info *types.Info, call *ast.CallExpr, i int) TypeRef {
	if call.Ellipsis.IsValid() {
		return TypeRef{}
	}
	var ts []types.Type
	for _, e := range call.Args[min(i, len(call.Args)):] {
		ts = append(ts, info.TypeOf(e))
	}
	return listRef(ts)
}

// listRef describes a list of values handed to a handler's parameters as
// one TypeRef, so that emits and handlers of reflection-called buses
// compare as other payloads do: one value is its own type, any other
// number a parenthesised list, "(string, int)". A list with a value of an
// interface or unknown type is not concrete.
func listRef(ts []types.Type) TypeRef {
	if len(ts) == 1 {
		return typeRefOf(ts[0])
	}
	var names, written []string
	iface, spelled := false, false
	for _, t := range ts {
		r := typeRefOf(t)
		if r.Name == "" {
			return TypeRef{}
		}
		iface = iface || r.Interface
		spelled = spelled || r.Spelling != ""
		names = append(names, r.Name)
		written = append(written, r.Written())
	}
	r := TypeRef{Name: "(" + strings.Join(names, ", ") + ")", Interface: iface}
	if spelled {
		r.Spelling = "(" + strings.Join(written, ", ") + ")"
	}
	return r
}

// posOf converts p for a fact.
func posOf(fset *token.FileSet, pkg *types.Package, p token.Pos) Pos {
	position := fset.Position(p)
	file := position.Filename
	if i := strings.LastIndexAny(file, `/\`); i >= 0 {
		file = file[i+1:]
	}
	return Pos{Pkg: pkg.Path(), File: file, Line: position.Line}
}
