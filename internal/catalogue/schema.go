package catalogue

import (
	"bytes"
	"encoding/json"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/eventlint/eventlint/internal/driver"
)

// Schema is a JSON Schema (draft-07, which the AsyncAPI 3.0 schema
// format extends): the shape of a payload as encoding/json writes it. The
// zero Schema, {}, accepts any value: it stands for what the analysis
// cannot know (an interface, a type with its own MarshalJSON).
type Schema struct {
	Ref                  string     `json:"$ref,omitempty"`
	Type                 any        `json:"type,omitempty"` // a name, or []string with "null"
	Format               string     `json:"format,omitempty"`
	ContentEncoding      string     `json:"contentEncoding,omitempty"`
	Description          string     `json:"description,omitempty"`
	Properties           Properties `json:"properties,omitempty"`
	Required             []string   `json:"required,omitempty"`
	Items                *Schema    `json:"items,omitempty"`
	MinItems             *int       `json:"minItems,omitempty"`
	MaxItems             *int       `json:"maxItems,omitempty"`
	AdditionalProperties *Schema    `json:"additionalProperties,omitempty"`
	AnyOf                []*Schema  `json:"anyOf,omitempty"`
	// GoType is the Go type a component schema was derived from, qualified.
	GoType string `json:"x-go-type,omitempty"`
}

// Properties are an object's properties in the order encoding/json writes
// them (the fields' order), which a map would lose.
type Properties []Property

// Property is one property of an object schema.
type Property struct {
	Name   string
	Schema *Schema
}

// MarshalJSON writes the properties as one JSON object, in order.
func (ps Properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := json.Marshal(p.Name)
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(p.Schema)
		if err != nil {
			return nil, err
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// componentsRef is where the AsyncAPI document keeps the named schemas.
const componentsRef = "#/components/schemas/"

// schemas derives JSON Schemas from Go types, as encoding/json encodes
// their values. Named struct types become components, referred to by
// $ref, which is also what ends recursion.
type schemas struct {
	components map[string]*Schema
	names      map[*types.TypeName]string // component name of each named struct
	inline     map[types.Type]bool        // named non-struct types being derived, against recursion
}

func newSchemas() *schemas {
	return &schemas{components: map[string]*Schema{}, names: map[*types.TypeName]string{}, inline: map[types.Type]bool{}}
}

// of returns the schema of values of type t.
func (s *schemas) of(t types.Type) *Schema {
	if t == nil {
		return &Schema{} // unknown
	}
	t = types.Unalias(t)
	if isTime(t) {
		return &Schema{Type: "string", Format: "date-time"}
	}
	switch {
	case hasMethod(t, "MarshalJSON") || hasMethod(types.NewPointer(t), "MarshalJSON"):
		return &Schema{} // its own encoding: no shape to tell
	case hasMethod(t, "MarshalText"):
		return &Schema{Type: "string"}
	case hasMethod(types.NewPointer(t), "MarshalText"):
		return &Schema{} // a string when addressable, else by its kind
	}
	if n, ok := t.(*types.Named); ok {
		if _, isStruct := n.Underlying().(*types.Struct); isStruct && n.TypeArgs().Len() == 0 {
			return &Schema{Ref: componentsRef + s.component(n)}
		}
		if s.inline[n] {
			return &Schema{} // a recursive non-struct type: stop
		}
		s.inline[n] = true
		defer delete(s.inline, n)
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return basicSchema(u)
	case *types.Pointer:
		return nullable(s.of(u.Elem()))
	case *types.Slice:
		if b, ok := u.Elem().(*types.Basic); ok && b.Kind() == types.Byte {
			// encoding/json writes a []byte as a base64 string.
			return &Schema{Type: []string{"string", "null"}, ContentEncoding: "base64"}
		}
		return nullable(&Schema{Type: "array", Items: s.of(u.Elem())})
	case *types.Array:
		n := int(u.Len())
		return &Schema{Type: "array", Items: s.of(u.Elem()), MinItems: &n, MaxItems: &n}
	case *types.Map:
		if !jsonMapKey(u.Key()) {
			return &Schema{} // encoding/json cannot encode it
		}
		return nullable(&Schema{Type: "object", AdditionalProperties: s.of(u.Elem())})
	case *types.Struct:
		return s.object(u)
	}
	return &Schema{} // an interface, a type parameter: any value
}

// component returns the name of n's component schema, deriving it on
// first use: its package name and type name ("events.Employee"), or the
// import path spelled with underscores when two types would share that.
func (s *schemas) component(n *types.Named) string {
	obj := n.Obj()
	if name, ok := s.names[obj]; ok {
		return name
	}
	name := obj.Name()
	if obj.Pkg() != nil {
		name = obj.Pkg().Name() + "." + obj.Name()
		if _, taken := s.components[name]; taken {
			name = componentName(obj.Pkg().Path()) + "." + obj.Name()
		}
	}
	s.names[obj] = name
	s.components[name] = &Schema{} // placeholder: a field may refer back to n
	sch := s.object(n.Underlying().(*types.Struct))
	sch.GoType = types.TypeString(n, nil)
	s.components[name] = sch
	return name
}

// componentName spells an import path with the characters component
// names may have (AsyncAPI: letters, digits, '.', '-', '_').
func componentName(path string) string {
	return strings.Map(func(r rune) rune {
		if r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, path)
}

// object is the schema of a struct: its JSON fields as properties, those
// encoding/json always writes required.
func (s *schemas) object(st *types.Struct) *Schema {
	sch := &Schema{Type: "object"}
	for _, f := range encodedFields(st) {
		var p *Schema
		if f.quoted && quotable(f.typ) {
			p = &Schema{Type: "string"} // the ,string option
		} else {
			p = s.of(f.typ)
		}
		sch.Properties = append(sch.Properties, Property{Name: f.name, Schema: p})
		if !f.optional {
			sch.Required = append(sch.Required, f.name)
		}
	}
	return sch
}

// basicSchema is the schema of a predeclared type's values.
func basicSchema(b *types.Basic) *Schema {
	switch info := b.Info(); {
	case info&types.IsBoolean != 0:
		return &Schema{Type: "boolean"}
	case info&types.IsInteger != 0:
		return &Schema{Type: "integer"}
	case info&types.IsFloat != 0:
		return &Schema{Type: "number"}
	case info&types.IsString != 0:
		return &Schema{Type: "string"}
	}
	return &Schema{} // complex, unsafe.Pointer: encoding/json fails on them
}

// nullable allows null besides what s accepts: encoding/json writes a nil
// pointer, slice or map as null.
func nullable(s *Schema) *Schema {
	switch t := s.Type.(type) {
	case string:
		s.Type = []string{t, "null"}
		return s
	case nil:
		if s.Ref == "" && s.AnyOf == nil {
			return s // {} accepts null already
		}
	}
	return &Schema{AnyOf: []*Schema{s, {Type: "null"}}}
}

// isTime reports whether t is time.Time.
func isTime(t types.Type) bool {
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Time"
}

// hasMethod reports whether the method set of t has a method called name.
func hasMethod(t types.Type, name string) bool {
	ms := types.NewMethodSet(t)
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// jsonMapKey reports whether encoding/json can encode a map with keys of
// type t: strings, integers, and encoding.TextMarshalers.
func jsonMapKey(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsString|types.IsInteger) != 0 {
		return true
	}
	return hasMethod(t, "MarshalText")
}

// quotable reports whether the ,string option applies to a field of type
// t: encoding/json honours it for strings, numbers and booleans only.
func quotable(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) != 0 && b.Info()&types.IsComplex == 0
}

// encodedField is a struct field as encoding/json sees it.
type encodedField struct {
	name     string
	typ      types.Type
	index    []int // the path of field indices, for the encoding's order
	tagged   bool  // the name comes from the json tag
	optional bool  // omitempty or omitzero, or promoted through an embedded pointer
	quoted   bool  // the ,string option
}

// encodedFields returns the fields encoding/json writes for st, in its
// order, with its rules: the json tag's name and options, "-" skips a
// field, the fields of untagged embedded structs are promoted, and of
// several fields with one name the shallowest wins, a tagged one among
// equals, and none if that leaves a tie.
func encodedFields(st *types.Struct) []encodedField {
	type embedded struct {
		st       *types.Struct
		index    []int
		optional bool
	}
	var fields []encodedField
	seen := map[*types.Struct]bool{}
	taken := map[string]bool{}
	current := []embedded{{st: st}}
	for len(current) > 0 {
		var next []embedded
		var level []encodedField
		for _, e := range current {
			if seen[e.st] {
				continue // embedded twice at this depth or above: json does the same
			}
			seen[e.st] = true
			for i := range e.st.NumFields() {
				f := e.st.Field(i)
				tag := reflect.StructTag(e.st.Tag(i)).Get("json")
				if tag == "-" {
					continue // never encoded
				}
				ft := f.Type()
				elem := ft
				viaPtr := false
				if p, ok := ft.(*types.Pointer); ok {
					elem, viaPtr = p.Elem(), true
				}
				if f.Embedded() {
					if _, isStruct := elem.Underlying().(*types.Struct); !f.Exported() && !isStruct {
						continue // an unexported embedded non-struct is not encoded
					}
				} else if !f.Exported() {
					continue // unexported
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(slices.Clone(e.index), i)
				if sub, isStruct := elem.Underlying().(*types.Struct); f.Embedded() && name == "" && isStruct {
					next = append(next, embedded{st: sub, index: index, optional: e.optional || viaPtr})
					continue
				}
				jf := encodedField{name: name, typ: ft, index: index, tagged: name != "", optional: e.optional, quoted: hasOpt(opts, "string")}
				if jf.name == "" {
					jf.name = f.Name()
				}
				if hasOpt(opts, "omitempty") || hasOpt(opts, "omitzero") {
					jf.optional = true
				}
				level = append(level, jf)
			}
		}
		// A name decided at a shallower depth hides the deeper fields.
		var names []string
		byName := map[string][]encodedField{}
		for _, jf := range level {
			if taken[jf.name] {
				continue // hidden by a shallower field
			}
			if byName[jf.name] == nil {
				names = append(names, jf.name)
			}
			byName[jf.name] = append(byName[jf.name], jf)
		}
		for _, name := range names {
			taken[name] = true
			if f, ok := dominant(byName[name]); ok {
				fields = append(fields, f)
			}
		}
		current = next
	}
	slices.SortFunc(fields, func(a, b encodedField) int { return slices.Compare(a.index, b.index) })
	return fields
}

// dominant returns the field that encoding/json keeps of fields, which
// share a name and a depth: the only one, or the only tagged one; none on
// a tie.
func dominant(fields []encodedField) (encodedField, bool) {
	if len(fields) == 1 {
		return fields[0], true
	}
	var tagged []encodedField
	for _, f := range fields {
		if f.tagged {
			tagged = append(tagged, f)
		}
	}
	if len(tagged) == 1 {
		return tagged[0], true
	}
	return encodedField{}, false
}

func hasOpt(opts, opt string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == opt {
			return true
		}
	}
	return false
}

// validTagName reports whether encoding/json accepts name as a field's
// key.
func validTagName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// typeIndex finds the types the catalogue model names (qualified type
// strings, as types.TypeString writes them) among the loaded packages and
// everything they import.
type typeIndex map[string]*types.Package

func newTypeIndex(prog *driver.Program) typeIndex {
	idx := typeIndex{}
	var add func(p *types.Package)
	add = func(p *types.Package) {
		if p == nil || idx[p.Path()] != nil {
			return // not type-checked (it cannot reach the bus), or done
		}
		idx[p.Path()] = p
		for _, imp := range p.Imports() {
			add(imp)
		}
	}
	for _, p := range prog.Packages {
		add(p.Types)
	}
	return idx
}

// lookup returns the type spelled name, or nil when it is not one of the
// forms it knows: a named or predeclared type, and pointers, slices,
// arrays and maps of those. A nil type gets the schema {}.
func (idx typeIndex) lookup(name string) types.Type {
	wrap := func(elem string, mk func(types.Type) types.Type) types.Type {
		if t := idx.lookup(elem); t != nil {
			return mk(t)
		}
		return nil
	}
	switch {
	case strings.HasPrefix(name, "*"):
		return wrap(name[1:], func(t types.Type) types.Type { return types.NewPointer(t) })
	case strings.HasPrefix(name, "[]"):
		return wrap(name[2:], func(t types.Type) types.Type { return types.NewSlice(t) })
	case strings.HasPrefix(name, "map["):
		depth := 0
		for i := 3; i < len(name); i++ {
			switch name[i] {
			case '[':
				depth++
			case ']':
				if depth--; depth == 0 {
					key := idx.lookup(name[4:i])
					if key == nil {
						return nil
					}
					return wrap(name[i+1:], func(t types.Type) types.Type { return types.NewMap(key, t) })
				}
			}
		}
		return nil
	case strings.HasPrefix(name, "["):
		end := strings.IndexByte(name, ']')
		n, err := strconv.ParseInt(name[1:max(end, 1)], 10, 64)
		if end < 0 || err != nil {
			return nil
		}
		return wrap(name[end+1:], func(t types.Type) types.Type { return types.NewArray(t, n) })
	case name == "any" || name == "interface{}":
		return types.Universe.Lookup("any").Type()
	case strings.ContainsAny(name, "[]{}() ,"):
		return nil // an instantiated generic type, a func, a literal struct: not looked up
	}
	dot := strings.LastIndexByte(name, '.')
	if dot < 0 {
		if tn, ok := types.Universe.Lookup(name).(*types.TypeName); ok {
			return tn.Type()
		}
		return nil
	}
	pkg := idx[name[:dot]]
	if pkg == nil {
		return nil
	}
	if tn, ok := pkg.Scope().Lookup(name[dot+1:]).(*types.TypeName); ok {
		return tn.Type()
	}
	return nil
}
