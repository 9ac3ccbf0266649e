package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The directives of the catalogue format (see the package doc).
const (
	// CatalogueDirective marks a package as the event catalogue, in the
	// package doc comment or above the package clause of one of its files.
	CatalogueDirective = "//eventlint:catalogue"
	// PayloadDirective, in a catalogue constant's doc comment, declares the
	// event's payload type: a type in scope in that file, or
	// bus.Fields{"key", ...} for a keyword payload, whose keys may name
	// the type of their values: bus.Fields{"id": int, "note"}.
	PayloadDirective = "//eventlint:payload"
)

// Catalogue is the set of events a project publishes, read from a
// catalogue package. It travels inside Summary facts.
type Catalogue struct {
	Pkg    string           // import path of the catalogue package
	Name   string           // its package name
	Events []CatalogueEvent // sorted by Name
}

// CatalogueEvent is one published event: an exported string constant of
// the catalogue package.
type CatalogueEvent struct {
	Name       string   // the event name, the constant's value
	Const      string   // the constant's identifier
	Type       string   // the constant's type when it is typed (const X Name = ...), qualified; "" when untyped
	Doc        string   // the purpose: the doc comment without directives and Deprecated paragraph
	Deprecated string   // the text of the Deprecated: paragraph; "" if not deprecated
	Payload    *Payload // the declared payload; nil if none is declared
	Pos        Pos
}

// Payload is an event's declared payload type.
type Payload struct {
	Type   TypeRef
	Keys   []string // bus.Fields: the declared keys, sorted
	Fields []Field  // a struct type (or pointer to one): its exported fields

	// KeyTypes holds, for bus.Fields, the declared type of each key of
	// Keys, in the same order; the zero TypeRef for a key declared without
	// one. Nil when no key has a type.
	KeyTypes []TypeRef
}

// Field is a payload struct field, for comparing catalogue versions.
type Field struct{ Name, Type string }

// String spells the payload as in the directive, with qualified names.
func (p *Payload) String() string { return p.Spell(func(name string) string { return name }) }

// Spell spells the payload as in the directive, with each type name
// (qualified) spelled by typeName; a key of bus.Fields is left as it is.
func (p *Payload) Spell(typeName func(string) string) string {
	if p == nil {
		return ""
	}
	if isFields(p.Type.Name) {
		keys := quoteAll(p.Keys)
		for i, t := range p.KeyTypes {
			if t.Name != "" {
				keys[i] += ": " + typeName(t.Name)
			}
		}
		return "bus.Fields{" + strings.Join(keys, ", ") + "}"
	}
	return typeName(p.Type.Name)
}

// KeyType returns the type the payload declares for bus.Fields key k: the
// zero TypeRef when k is not declared or is declared without a type.
func (p *Payload) KeyType(k string) TypeRef {
	i, ok := slices.BinarySearch(p.Keys, k)
	if !ok || i >= len(p.KeyTypes) {
		return TypeRef{}
	}
	return p.KeyTypes[i]
}

func isFields(typeName string) bool { return typeName == BusPath+".Fields" }

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// Event returns the catalogued event called name, or nil.
func (c *Catalogue) Event(name string) *CatalogueEvent {
	i, ok := slices.BinarySearchFunc(c.Events, name, func(e CatalogueEvent, n string) int { return cmp.Compare(e.Name, n) })
	if !ok {
		return nil
	}
	return &c.Events[i]
}

// Names returns the catalogued event names, sorted.
func (c *Catalogue) Names() []string {
	names := make([]string, len(c.Events))
	for i, e := range c.Events {
		names[i] = e.Name
	}
	return names
}

// CatalogueDecl is a catalogue as read from the package being analysed,
// with what the checks need to report at its constants.
type CatalogueDecl struct {
	*Catalogue
	Consts   map[string]*ast.Ident // event name -> the constant's identifier
	Problems []CatalogueProblem
}

// CatalogueProblem is malformed catalogue content, reported by the
// catalogue check at the constant.
type CatalogueProblem struct {
	Pos     token.Pos
	Check   *Check
	Message string
}

// hasCatalogueDirective reports whether one of files carries the
// catalogue directive above its package clause.
func hasCatalogueDirective(files []*ast.File) bool {
	for _, f := range files {
		for _, cg := range f.Comments {
			if cg.Pos() > f.Package {
				break
			}
			for _, c := range cg.List {
				if c.Text == CatalogueDirective || strings.HasPrefix(c.Text, CatalogueDirective+" ") {
					return true
				}
			}
		}
	}
	return false
}

// readCatalogue reads the catalogue of the package being analysed.
func readCatalogue(pass *analysis.Pass) *CatalogueDecl {
	cd := &CatalogueDecl{
		Catalogue: &Catalogue{Pkg: pass.Pkg.Path(), Name: pass.Pkg.Name()},
		Consts:    map[string]*ast.Ident{},
	}
	for _, f := range pass.Files {
		if isTestFile(pass, f) {
			continue // test files do not publish events
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue // events are constants
			}
			// A Deprecated: paragraph in the doc comment of a
			// parenthesised group deprecates every constant in it, as
			// go/doc presents the group: its doc above the block.
			var groupDeprecated string
			if gd.Lparen.IsValid() {
				_, groupDeprecated = splitDoc(gd.Doc.Text())
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				doc := vs.Doc
				if doc == nil && !gd.Lparen.IsValid() {
					doc = gd.Doc
				}
				for _, id := range vs.Names {
					cd.addConst(pass, id, doc, groupDeprecated)
				}
			}
		}
	}
	slices.SortFunc(cd.Events, func(a, b CatalogueEvent) int { return cmp.Compare(a.Name, b.Name) })
	return cd
}

// addConst adds the constant id with its doc comment to the catalogue.
// groupDeprecated is the Deprecated: text of its group's doc comment: it
// applies unless the constant's own doc has a Deprecated: paragraph.
func (cd *CatalogueDecl) addConst(pass *analysis.Pass, id *ast.Ident, doc *ast.CommentGroup, groupDeprecated string) {
	obj, ok := pass.TypesInfo.Defs[id].(*types.Const)
	if !ok || !id.IsExported() || obj.Val().Kind() != constant.String {
		return // only exported string constants are published events
	}
	ev := CatalogueEvent{
		Name:  constant.StringVal(obj.Val()),
		Const: id.Name,
		Pos:   posOf(pass.Fset, pass.Pkg, id.Pos()),
	}
	if b, ok := obj.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
		ev.Type = types.TypeString(obj.Type(), nil)
	}
	ev.Doc, ev.Deprecated = splitDoc(doc.Text())
	if ev.Deprecated == "" {
		ev.Deprecated = groupDeprecated
	}
	if prev, dup := cd.Consts[ev.Name]; dup {
		cd.Problems = append(cd.Problems, CatalogueProblem{
			Pos:   id.Pos(),
			Check: CheckCatalogueDuplicate,
			Message: fmt.Sprintf("event %q is already declared by %s at line %d: keep one constant per event",
				ev.Name, prev.Name, pass.Fset.Position(prev.Pos()).Line),
		})
		return
	}
	if doc != nil {
		var first *ast.Comment // the first payload directive
		for _, c := range doc.List {
			arg, ok := strings.CutPrefix(c.Text, PayloadDirective)
			if !ok || (arg != "" && arg[0] != ' ' && arg[0] != '\t') {
				continue // not the payload directive
			}
			if first != nil {
				// Which of two declarations is meant cannot be known:
				// declare none, so that no payload check guesses.
				cd.Problems = append(cd.Problems, CatalogueProblem{
					Pos:   c.Pos(),
					Check: CheckCataloguePayload,
					Message: fmt.Sprintf("payload directive of %s repeats the one at line %d: keep one; until then %s declares no payload",
						id.Name, pass.Fset.Position(first.Pos()).Line, id.Name),
				})
				ev.Payload = nil
				continue
			}
			first = c
			p, err := parsePayload(pass, c.Pos(), strings.TrimSpace(arg))
			if err != nil {
				cd.Problems = append(cd.Problems, CatalogueProblem{
					Pos:     c.Pos(),
					Check:   CheckCataloguePayload,
					Message: fmt.Sprintf("payload directive of %s: %v", id.Name, err),
				})
				continue
			}
			ev.Payload = p
		}
	}
	cd.Consts[ev.Name] = id
	cd.Events = append(cd.Events, ev)
}

// splitDoc separates a doc comment's Deprecated: paragraph from the rest.
func splitDoc(text string) (doc, deprecated string) {
	var keep []string
	for para := range strings.SplitSeq(strings.TrimSpace(text), "\n\n") {
		if rest, ok := strings.CutPrefix(para, "Deprecated:"); ok {
			deprecated = strings.Join(strings.Fields(rest), " ")
			continue
		}
		keep = append(keep, strings.Join(strings.Fields(para), " "))
	}
	return strings.Join(keep, "\n\n"), deprecated
}

// parsePayload resolves the argument of a payload directive in the scope
// of the file at pos.
func parsePayload(pass *analysis.Pass, pos token.Pos, arg string) (*Payload, error) {
	if arg == "" {
		return nil, fmt.Errorf("names no type: write %s T or %s bus.Fields{\"key\", ...}", PayloadDirective, PayloadDirective)
	}
	expr, err := parser.ParseExpr(arg)
	if err != nil {
		return nil, fmt.Errorf("%q is not a Go type expression", arg)
	}
	if lit, ok := expr.(*ast.CompositeLit); ok {
		if !isFieldsExpr(pass, pos, lit.Type) {
			return nil, fmt.Errorf("%q: only bus.Fields{...} lists keys", arg)
		}
		return parseFieldsKeys(pass, pos, arg, lit)
	}
	if isFieldsExpr(pass, pos, expr) {
		return &Payload{Type: TypeRef{Name: BusPath + ".Fields"}}, nil
	}
	tv, err := types.Eval(pass.Fset, pass.Pkg, pos, arg)
	if err != nil || !tv.IsType() {
		return nil, fmt.Errorf("%q names no type in scope here", arg)
	}
	p := &Payload{Type: typeRefOf(tv.Type)}
	t := tv.Type
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for f := range st.Fields() {
			if f.Exported() {
				p.Fields = append(p.Fields, Field{Name: f.Name(), Type: types.TypeString(f.Type(), nil)})
			}
		}
	}
	return p, nil
}

// parseFieldsKeys reads the keys of a bus.Fields{...} payload directive,
// each a string literal, optionally with the type of its values
// ("id": int), resolved like a payload type.
func parseFieldsKeys(pass *analysis.Pass, pos token.Pos, arg string, lit *ast.CompositeLit) (*Payload, error) {
	type key struct {
		name string
		typ  TypeRef
	}
	var keys []key
	typed := false
	for _, elt := range lit.Elts {
		k := key{}
		keyExpr := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			keyExpr = kv.Key
			tv, err := types.Eval(pass.Fset, pass.Pkg, pos, types.ExprString(kv.Value))
			if err != nil || !tv.IsType() {
				return nil, fmt.Errorf("%q: the type of a key, %s, names no type in scope here", arg, types.ExprString(kv.Value))
			}
			k.typ, typed = typeRefOf(tv.Type), true
		}
		bl, ok := keyExpr.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return nil, fmt.Errorf("%q: list the keys of bus.Fields as string literals, each optionally with its type (\"key\": T)", arg)
		}
		k.name, _ = strconv.Unquote(bl.Value)
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Compare(a.name, b.name) })
	p := &Payload{Type: TypeRef{Name: BusPath + ".Fields"}}
	for _, k := range keys {
		p.Keys = append(p.Keys, k.name)
		if typed {
			p.KeyTypes = append(p.KeyTypes, k.typ)
		}
	}
	return p, nil
}

// isFieldsExpr reports whether e spells bus.Fields. The catalogue file
// need not import the bus for that: an unused import would not compile.
func isFieldsExpr(pass *analysis.Pass, pos token.Pos, e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Fields" {
		return false
	}
	if x, ok := sel.X.(*ast.Ident); ok && x.Name == "bus" {
		return true
	}
	tv, err := types.Eval(pass.Fset, pass.Pkg, pos, types.ExprString(e))
	return err == nil && tv.IsType() && typeRefOf(tv.Type).Name == BusPath+".Fields"
}

// Closest returns the name among candidates nearest to name by edit
// distance, if one is near enough to be a likely typo; else "".
func Closest(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		if c == name {
			continue
		}
		d := editDistance(name, c)
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	// One or two edits in a name of some length is a typo; more is
	// another event (employee.deleted is not employee.created).
	if bestDist < 0 || bestDist > min(2, len(name)/5) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
