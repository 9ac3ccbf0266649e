package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// typeRefOf names a type by its identity: wherever an alias appears in it,
// the canonical Name is that of the aliased type, so identical types
// compare Same; Spelling keeps the alias for messages.
func TestTypeRefOfAliases(t *testing.T) {
	const src = `package p

type Customer struct{ ID string }

type C = Customer

type Page[T any] struct{ Items []T }

var (
	pointer   *C
	slice     []C
	array     [2]C
	mapping   map[C]*C
	channel   <-chan C
	instance  Page[C]
	signature func(C, ...C) (C, error)
	structure struct{ C; X C "tag" }
	plain     Customer
	iface     interface{ M(C) }
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ v, name, spelling string }{
		{"pointer", "*example.com/p.Customer", "*example.com/p.C"},
		{"slice", "[]example.com/p.Customer", "[]example.com/p.C"},
		{"array", "[2]example.com/p.Customer", "[2]example.com/p.C"},
		{"mapping", "map[example.com/p.Customer]*example.com/p.Customer", "map[example.com/p.C]*example.com/p.C"},
		{"channel", "<-chan example.com/p.Customer", "<-chan example.com/p.C"},
		{"instance", "example.com/p.Page[example.com/p.Customer]", "example.com/p.Page[example.com/p.C]"},
		{"signature", "func(example.com/p.Customer, ...example.com/p.Customer) (example.com/p.Customer, error)", "func(example.com/p.C, ...example.com/p.C) (example.com/p.C, error)"},
		{"structure", "struct{example.com/p.Customer; X example.com/p.Customer \"tag\"}", "struct{example.com/p.C; X example.com/p.C \"tag\"}"},
		{"plain", "example.com/p.Customer", ""},
	} {
		typ := pkg.Scope().Lookup(tc.v).Type()
		r := typeRefOf(typ)
		if r.Name != tc.name || r.Spelling != tc.spelling {
			t.Errorf("%s: typeRefOf(%s) = {Name: %q, Spelling: %q}, want {%q, %q}", tc.v, typ, r.Name, r.Spelling, tc.name, tc.spelling)
		}
		if !r.Known() {
			t.Errorf("%s: typeRefOf(%s) is not a known concrete type", tc.v, typ)
		}
	}
	if r := typeRefOf(pkg.Scope().Lookup("iface").Type()); !r.Interface || r.Known() {
		t.Errorf("iface: typeRefOf = %+v, want an interface type", r)
	}
	ptr := typeRefOf(pkg.Scope().Lookup("pointer").Type())
	if want := typeRefOf(types.NewPointer(pkg.Scope().Lookup("Customer").Type())); !ptr.Same(want) || ptr.Written() == want.Written() {
		t.Errorf("*C and *Customer: Same %t (want true), written %q and %q (want different)", ptr.Same(want), ptr.Written(), want.Written())
	}
}
