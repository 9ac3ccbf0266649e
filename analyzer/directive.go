package analyzer

import (
	"errors"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The bus directives declare a user's own bus functions in its source:
//
//	//eventlint:emit name=<param> [payload=<param>] [scope=process|broker]
//	//eventlint:subscribe name=<param> [handler=<param>] [form=typed|args] [scope=process|broker]
//
// in the doc comment of a function or method declaration, of a method in
// an interface type, or of a struct field of func type. A declaration is
// exported as the WrapperFact of the declared object, so a call of it in
// any package that sees the object is a site, under every driver.
const (
	EmitDirective      = "//eventlint:emit"
	SubscribeDirective = "//eventlint:subscribe"
)

// busDirective returns the kind and arguments of comment text if it is a
// bus directive.
func busDirective(text string) (Kind, string, bool) {
	for _, d := range []struct {
		prefix string
		kind   Kind
	}{{EmitDirective, Emit}, {SubscribeDirective, Subscribe}} {
		if rest, ok := strings.CutPrefix(text, d.prefix); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return d.kind, rest, true
		}
	}
	return 0, "", false
}

// hasBusDirective reports whether one of files has a bus directive.
func hasBusDirective(files []*ast.File) bool {
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if _, _, ok := busDirective(c.Text); ok {
					return true
				}
			}
		}
	}
	return false
}

// readBusDirectives returns the declarations of the package's bus
// directives by the object they declare (a *types.Func, or the
// *types.Var of a func-typed field), and the malformed ones (EL0002).
func readBusDirectives(pass *analysis.Pass) (map[types.Object]*WrapperFact, []badDirective) {
	declared := map[types.Object]*WrapperFact{}
	var bad []badDirective
	placed := map[*ast.Comment]bool{}
	declare := func(doc *ast.CommentGroup, names []*ast.Ident, sig func(types.Object) (*types.Signature, error)) {
		if doc == nil {
			return
		}
		for _, c := range doc.List {
			kind, args, ok := busDirective(c.Text)
			if !ok {
				continue
			}
			placed[c] = true
			if len(names) == 0 {
				bad = append(bad, badDirective{pos: c.Pos(), msg: fmt.Sprintf("malformed eventlint:%s directive: put it in the doc comment of a function, method, interface method or func-typed struct field", kind)})
				continue
			}
			for _, id := range names {
				obj := pass.TypesInfo.Defs[id]
				if obj == nil {
					continue
				}
				w, err := func() (*WrapperFact, error) {
					s, err := sig(obj)
					if err != nil {
						return nil, err
					}
					return parseBusDirective(kind, args, s)
				}()
				if err != nil {
					bad = append(bad, badDirective{pos: c.Pos(), msg: fmt.Sprintf("malformed %s directive: %v", strings.TrimPrefix(strings.Fields(c.Text)[0], "//"), err)})
					break
				}
				if declared[obj] != nil {
					bad = append(bad, badDirective{pos: c.Pos(), msg: fmt.Sprintf("malformed %s directive: %s is already declared by another directive", strings.TrimPrefix(strings.Fields(c.Text)[0], "//"), id.Name)})
					continue
				}
				declared[obj] = w
			}
		}
	}
	funcSig := func(obj types.Object) (*types.Signature, error) {
		return obj.(*types.Func).Signature(), nil
	}
	fieldSig := func(obj types.Object) (*types.Signature, error) {
		if sig, ok := obj.Type().Underlying().(*types.Signature); ok {
			return sig, nil
		}
		return nil, errors.New("the field is not of func type")
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				declare(n.Doc, []*ast.Ident{n.Name}, funcSig)
			case *ast.InterfaceType:
				for _, m := range n.Methods.List {
					if _, ok := m.Type.(*ast.FuncType); ok {
						declare(m.Doc, m.Names, funcSig)
					}
				}
			case *ast.StructType:
				for _, fld := range n.Fields.List {
					declare(fld.Doc, fld.Names, fieldSig)
				}
			}
			return true
		})
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if kind, _, ok := busDirective(c.Text); ok && !placed[c] {
					bad = append(bad, badDirective{pos: c.Pos(), msg: fmt.Sprintf("malformed eventlint:%s directive: put it in the doc comment of a function, method, interface method or func-typed struct field", kind)})
				}
			}
		}
	}
	return declared, bad
}

// parseBusDirective parses the arguments of a directive of kind for a
// function of signature sig.
func parseBusDirective(kind Kind, args string, sig *types.Signature) (*WrapperFact, error) {
	var kvs []keyValue
	if i := strings.Index(args, "//"); i >= 0 {
		args = args[:i] // a trailing comment
	}
	for _, field := range strings.Fields(args) {
		k, v, ok := strings.Cut(field, "=")
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("%q is not key=value", field)
		}
		kvs = append(kvs, keyValue{k, v})
	}
	if err := checkKeys(kind, kvs); err != nil {
		return nil, err
	}
	s, err := shapeOf(kind, kvs, sig, false)
	if err != nil {
		return nil, err
	}
	return &WrapperFact{Shape: s}, nil
}
