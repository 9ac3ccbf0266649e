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

// BusPath is the import path of the event bus eventlint knows.
const BusPath = "github.com/eventlint/eventlint/bus"

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

// Shape says where a bus-like function takes its arguments: the index of
// the event name, of the payload (emits) and of the handler (subscriptions)
// among the call's arguments; -1 where there is none.
type Shape struct {
	Kind    Kind
	Name    int
	Payload int
	Handler int
}

// busAPI lists the functions of the bus that emit or subscribe, keyed by
// types.Func.FullName. Supporting another bus library means adding its
// functions here (and its import path to busPaths).
var busAPI = map[string]Shape{
	BusPath + ".On":               {Kind: Subscribe, Name: 0, Payload: -1, Handler: 1},
	BusPath + ".Subscribe":        {Kind: Subscribe, Name: 1, Payload: -1, Handler: 2},
	BusPath + ".Emit":             {Kind: Emit, Name: 1, Payload: 2, Handler: -1},
	"(*" + BusPath + ".Bus).Emit": {Kind: Emit, Name: 1, Payload: 2, Handler: -1},
}

// busPaths lists the import paths of the bus libraries in busAPI: a
// package that imports none of them, and none of whose imports carries a
// summary, cannot contain a site and is skipped at almost no cost.
var busPaths = []string{BusPath}

// WrapperFact is the object fact of a function that forwards one of its
// parameters to the bus as an event name, directly or through another
// wrapper: a call to it is an emit or subscription at that call.
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
	AtInit bool // runs during package initialisation
}

// Pos returns the position to report the site at: its event name.
func (s *Site) Pos() token.Pos { return s.NameExpr.Pos() }

// calleeShape resolves call to a bus function or a wrapper, returning the
// callee, its shape, the offset of the shape's indices among call.Args
// (1 for method expressions, whose receiver is the first argument) and
// any fixed type a wrapper supplies.
type shapeLookup func(fn *types.Func) (*WrapperFact, bool)

func calleeShape(info *types.Info, call *ast.CallExpr, values map[*types.Var]*types.Func, lookup shapeLookup) (*types.Func, *WrapperFact, int) {
	fn := typeutil.StaticCallee(info, call)
	offset := 0
	if fn == nil {
		// A call through a local variable that only ever holds one
		// function or method value: emit := b.Emit; emit(ctx, ...).
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			return nil, nil, 0
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return nil, nil, 0
		}
		if fn = values[v]; fn == nil {
			return nil, nil, 0
		}
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			offset = 1
		}
	}
	if shape, ok := busAPI[fn.Origin().FullName()]; ok {
		return fn, &WrapperFact{Shape: shape}, offset
	}
	if w, ok := lookup(fn.Origin()); ok {
		return fn, w, offset
	}
	return nil, nil, 0
}

// newSite fills in a Site for call, a call of a bus function or wrapper.
func newSite(info *types.Info, call *ast.CallExpr, fn *types.Func, w *WrapperFact, offset int) *Site {
	arg := func(i int) ast.Expr {
		if i < 0 || i+offset >= len(call.Args) {
			return nil
		}
		return call.Args[i+offset]
	}
	s := &Site{Kind: w.Kind, Call: call, Callee: fn}
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
		if e := arg(w.Payload); e != nil {
			s.PayloadExpr = e
			s.Payload = typeRefOf(payloadType(info, call, w.Payload+offset, e))
		}
	case Subscribe:
		s.Handler = w.Fixed
		if e := arg(w.Handler); e != nil {
			s.HandlerExpr = e
			s.Handler = handlerPayload(info.TypeOf(e))
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

// typeRefOf describes t for a fact. Untyped nil and invalid types are
// unknown.
func typeRefOf(t types.Type) TypeRef {
	if t == nil {
		return TypeRef{}
	}
	if b, ok := t.(*types.Basic); ok && (b.Kind() == types.UntypedNil || b.Kind() == types.Invalid) {
		return TypeRef{}
	}
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		t = types.Default(t)
	}
	_, isParam := t.(*types.TypeParam)
	return TypeRef{Name: types.TypeString(t, nil), Interface: types.IsInterface(t) || isParam}
}

// handlerPayload returns T for a handler of type func(context.Context, T) error.
func handlerPayload(t types.Type) TypeRef {
	if t == nil {
		return TypeRef{}
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 {
		return TypeRef{}
	}
	return typeRefOf(sig.Params().At(1).Type())
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
