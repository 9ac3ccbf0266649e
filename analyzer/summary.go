package analyzer

import (
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/gob"
	"fmt"
	"path"
	"slices"
	"strings"
)

// Summary is the package fact every package that can reach the bus
// exports: the event sites of its own non-test files folded together with
// the summaries of its direct imports (the imports of its non-test files).
//
// The folding is what makes whole-program checks work under go vet and
// nogo, where a package sees package facts of its direct imports only:
// package main then holds, in one fact, every emit, subscription and
// catalogue linked into the program. Each slice is sorted and
// deduplicated so the gob encoding is deterministic, and the size grows
// with the number of sites and events in the closure, not with the number
// of packages (packages without sites add nothing).
//
// A summary built by Model in this process does not copy its imports'
// records: it links to them (see link), and only its Catalogues are
// complete. Flat merges the closure; the gob encoding is always the flat
// form, so a summary read back from a fact file is flat. Drivers that keep
// every package's facts in memory (the standalone driver, golangci-lint)
// would otherwise hold each record once per package whose closure it lies
// in: at 5,000 generated packages that was 1.1 GB of summaries.
type Summary struct {
	Emits      []EmitRecord
	Subs       []SubRecord
	Dynamic    []DynamicRecord // sites whose event name is not a constant
	Wrappers   []WrapperRecord
	Ifaces     []IfaceRecord // calls through interfaces whose implementation is not known
	Catalogues []*Catalogue
	// Packages lists the packages in the closure that subscribe to events,
	// sorted: the unregistered check needs them to tell which handler
	// packages a program links in.
	Packages []string
	// FieldKeys are the keys of the bus.Fields payloads emitted (see
	// FieldKeyRecord) and Reads the keys bus.Fields handlers read: the
	// fields check compares them.
	FieldKeys []FieldKeyRecord
	Reads     []ReadRecord

	// link, when set, stands for the records of the closure: the exported
	// fields other than Catalogues are then empty. Copies of the summary
	// (analysis.Pass.ImportPackageFact hands out copies) share it, which
	// is what lets Flat visit a package reached twice only once.
	link *link
}

// link is a package's place in the in-memory fold: its own records and
// the links of its linked imports.
type link struct {
	own     *Summary // flat
	imports []*link
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	s = s.Flat()
	return fmt.Sprintf("summary(emits=%d subs=%d dynamic=%d wrappers=%d catalogues=%d)",
		len(s.Emits), len(s.Subs), len(s.Dynamic), len(s.Wrappers), len(s.Catalogues))
}

// empty reports whether s carries nothing worth exporting.
func (s *Summary) empty() bool {
	if s.link != nil {
		return s.link.own.empty() && len(s.link.imports) == 0 && len(s.Catalogues) == 0
	}
	return len(s.Emits) == 0 && len(s.Subs) == 0 && len(s.Dynamic) == 0 &&
		len(s.Wrappers) == 0 && len(s.Ifaces) == 0 && len(s.Catalogues) == 0 &&
		len(s.FieldKeys) == 0 && len(s.Reads) == 0
}

// Pos is a source position that survives the trip through a fact: the
// package path, the base name of the file and the line. Positions of other
// packages are only ever shown in messages, never reported at (see
// ../shared notes: drivers disagree on foreign positions).
type Pos struct {
	Pkg  string
	File string
	Line int
}

// String renders p as "pkgpath/file.go:line".
func (p Pos) String() string { return p.Pkg + "/" + p.File + ":" + fmt.Sprint(p.Line) }

// Rel renders p relative to module path mod when p lies inside it
// ("notify/mail.go:12"), and as p.String() otherwise.
func (p Pos) Rel(mod string) string {
	if mod != "" {
		if p.Pkg == mod {
			return p.File + ":" + fmt.Sprint(p.Line)
		}
		if rest, ok := strings.CutPrefix(p.Pkg, mod+"/"); ok {
			return rest + "/" + p.File + ":" + fmt.Sprint(p.Line)
		}
	}
	return p.String()
}

func comparePos(a, b Pos) int {
	return cmp.Or(cmp.Compare(a.Pkg, b.Pkg), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// TypeRef names a type across packages and whether it is an interface
// type, in which case the dynamic type of a value is not known statically.
// The zero TypeRef means "unknown".
//
// Name is the canonical form, the type's identity: aliases resolved, every
// package named by its import path ("*example.com/app/model.Customer"
// also where the code says *events.Customer, with type Customer =
// model.Customer in package events). Types are compared by Name only
// (Same). Spelling is the type as the code spells it, with import paths,
// when an alias makes it differ from Name, for messages; "" otherwise.
type TypeRef struct {
	Name      string
	Spelling  string
	Interface bool
}

// Known reports whether r names a concrete type, whose values all have that
// dynamic type.
func (r TypeRef) Known() bool { return r.Name != "" && !r.Interface }

// Same reports whether r and o are known to be the same type
// (types.Identical, for what a fact can carry). It is the one comparison
// of types across packages.
func (r TypeRef) Same(o TypeRef) bool { return r.Name != "" && r.Name == o.Name }

// Written returns the type as the code spells it, with import paths.
func (r TypeRef) Written() string { return cmp.Or(r.Spelling, r.Name) }

// mayReceive reports whether a handler taking handler may be handed a
// payload whose static type is payload: unless both are concrete types
// and differ, the payload's dynamic type may be the handler's. EL3002 and
// EL3005 decide with it.
func mayReceive(handler, payload TypeRef) bool {
	return !handler.Known() || !payload.Known() || handler.Same(payload)
}

func compareTypeRef(a, b TypeRef) int {
	return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Spelling, b.Spelling))
}

// ShortTypes maps each of the qualified type names to its spelling in one
// message: ShortType's, unless two distinct names would then read the
// same, in which case they keep their import paths.
func ShortTypes(names ...string) map[string]string {
	short := map[string]string{}
	count := map[string]int{}
	for _, n := range names {
		if _, ok := short[n]; !ok {
			short[n] = ShortType(n)
			count[short[n]]++
		}
	}
	for n, s := range short {
		if count[s] > 1 {
			short[n] = n // ambiguous when shortened
		}
	}
	return short
}

// ShortType spells a qualified type name (types.TypeString with no
// qualifier) the way its users write it, with package names instead of
// import paths: map[string]*example.com/app/hr.Employee becomes
// map[string]*hr.Employee. It is the one type printer of eventlint's
// messages and catalogue pages.
func ShortType(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); {
		if strings.HasPrefix(name[i:], "...") {
			b.WriteString("...") // a variadic parameter, not a path
			i += 3
			continue
		}
		j := i
		for j < len(name) && isPathByte(name[j]) {
			j++
		}
		if j == i {
			b.WriteByte(name[i])
			i++
			continue
		}
		word := name[i:j]
		if dot := strings.LastIndexByte(word, '.'); dot > 0 && strings.Contains(word[:dot], "/") {
			word = path.Base(word[:dot]) + word[dot:]
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}

// isPathByte reports whether c may appear in a qualified type name
// (import path, dot, identifier).
func isPathByte(c byte) bool {
	return c == '/' || c == '.' || c == '_' || c == '-' || c == '~' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// EmitRecord is one emit of a constant event name.
type EmitRecord struct {
	Event   string
	Pos     Pos
	Payload TypeRef // static type of the payload argument
	Broker  bool    // delivered through a broker (Scope broker): no program check applies
}

// SubRecord is one subscription to a constant event name.
type SubRecord struct {
	Event   string
	Pos     Pos
	Handler TypeRef // the handler's payload type T
	AtInit  bool    // registered during package initialisation
	Broker  bool    // a broker subscription (Scope broker): no program check applies
	Args    bool    // the handler is called with the published arguments (FormArgs)
}

// DynamicRecord is an emit or subscription whose event name is not a
// compile-time constant.
type DynamicRecord struct {
	Kind    Kind
	Pos     Pos
	Payload TypeRef // emits: the payload's static type
}

// FieldKeyRecord is one key of the bus.Fields payload of an emit of a
// constant event name, with the static type of its value. An emit whose
// keys are not all known (the payload is not a literal, or a key is
// computed) has one record with Unknown set and no Key.
type FieldKeyRecord struct {
	Event   string
	Pos     Pos // the emit
	Key     string
	Type    TypeRef
	Unknown bool
}

// ReadRecord is one constant key that a bus.Fields handler of a
// subscription reads, directly or through a helper function.
type ReadRecord struct {
	Event  string
	Sub    Pos // the subscription
	Key    string
	Pos    Pos     // the read: the index expression, or the call of the helper
	Assert TypeRef // the type the read asserts the value to have; zero if none
}

// WrapperRecord names a function that forwards an event name to the bus.
type WrapperRecord struct {
	Func string // types.Func.FullName
	Kind Kind
}

func (s *Summary) normalize() {
	slices.SortFunc(s.Emits, func(a, b EmitRecord) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), comparePos(a.Pos, b.Pos), compareTypeRef(a.Payload, b.Payload))
	})
	s.Emits = slices.Compact(s.Emits)
	slices.SortFunc(s.Subs, func(a, b SubRecord) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), comparePos(a.Pos, b.Pos), compareTypeRef(a.Handler, b.Handler))
	})
	s.Subs = slices.Compact(s.Subs)
	slices.SortFunc(s.Dynamic, func(a, b DynamicRecord) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Kind, b.Kind), compareTypeRef(a.Payload, b.Payload))
	})
	s.Dynamic = slices.Compact(s.Dynamic)
	slices.SortFunc(s.Wrappers, func(a, b WrapperRecord) int {
		return cmp.Or(cmp.Compare(a.Func, b.Func), cmp.Compare(a.Kind, b.Kind))
	})
	s.Wrappers = slices.Compact(s.Wrappers)
	slices.SortFunc(s.Ifaces, func(a, b IfaceRecord) int {
		return cmp.Or(cmp.Compare(a.Method, b.Method), comparePos(a.Pos, b.Pos))
	})
	s.Ifaces = slices.Compact(s.Ifaces)
	slices.SortFunc(s.FieldKeys, func(a, b FieldKeyRecord) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), comparePos(a.Pos, b.Pos), cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.Type.Name, b.Type.Name), compareBool(a.Unknown, b.Unknown))
	})
	s.FieldKeys = slices.Compact(s.FieldKeys)
	slices.SortFunc(s.Reads, func(a, b ReadRecord) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), comparePos(a.Sub, b.Sub), comparePos(a.Pos, b.Pos),
			cmp.Compare(a.Key, b.Key), cmp.Compare(a.Assert.Name, b.Assert.Name))
	})
	s.Reads = slices.Compact(s.Reads)
	sortCatalogues(&s.Catalogues)
	pkgs := s.Packages[:0:0]
	for _, sub := range s.Subs {
		pkgs = append(pkgs, sub.Pos.Pkg)
	}
	slices.Sort(pkgs)
	s.Packages = slices.Compact(pkgs)
}

// fold returns the summary of a package whose own records are own (flat)
// and whose linked imports have the summaries imports: it links to them
// rather than copying their records, and merges only the catalogues.
func fold(own *Summary, imports []*Summary) *Summary {
	l := &link{own: own}
	s := &Summary{link: l, Catalogues: slices.Clone(own.Catalogues)}
	for _, imp := range imports {
		l.imports = append(l.imports, imp.linkOf())
		s.Catalogues = append(s.Catalogues, imp.Catalogues...)
	}
	sortCatalogues(&s.Catalogues)
	return s
}

// linkOf returns the link that stands for s's records.
func (s *Summary) linkOf() *link {
	if s.link != nil {
		return s.link
	}
	return &link{own: s} // flat: decoded from a fact file, or a leaf
}

// Flat returns the summary of every record in s's closure, sorted and
// deduplicated: s itself if s is flat, a new summary otherwise. It does
// not modify s. Its cost grows with the records of the closure, so the
// checks call it once per package, and only in the packages that need
// the whole program (package main).
func (s *Summary) Flat() *Summary {
	if s.link == nil {
		return s
	}
	out := new(Summary)
	seen := map[*link]bool{s.link: true}
	stack := []*link{s.link}
	for len(stack) > 0 {
		l := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		out.merge(l.own)
		for _, imp := range l.imports {
			if !seen[imp] {
				seen[imp] = true
				stack = append(stack, imp)
			}
		}
	}
	out.Catalogues = append(out.Catalogues, s.Catalogues...)
	out.normalize()
	return out
}

// flatSummary has Summary's fields and none of its methods, so gob
// encodes it field by field.
type flatSummary Summary

// GobEncode encodes the flat form of s (see Flat), compressed with DEFLATE.
// Under go vet the summary of a package near the top of the import graph
// holds most of the program, and its records repeat the same strings
// (package paths, event names, type names): the fact files of the
// 5,000-package generated module came to 1.1 GB of plain gob, 169 MB
// compressed. BestSpeed: a higher level saved a further 8% for four times
// the time. The compressor's output is a function of its input and level,
// so equal summaries still encode to equal bytes, which the build cache
// needs.
func (s *Summary) GobEncode() ([]byte, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, fmt.Errorf("encoding summary: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode((*flatSummary)(s.Flat())); err != nil {
		return nil, fmt.Errorf("encoding summary: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("encoding summary: %w", err)
	}
	return buf.Bytes(), nil
}

// GobDecode decodes a summary written by GobEncode.
func (s *Summary) GobDecode(data []byte) error {
	*s = Summary{}
	if err := gob.NewDecoder(flate.NewReader(bytes.NewReader(data))).Decode((*flatSummary)(s)); err != nil {
		return fmt.Errorf("decoding summary: %w", err)
	}
	return nil
}

// merge adds the records of other, which must be flat, to s. Call
// normalize afterwards.
func (s *Summary) merge(other *Summary) {
	s.Emits = append(s.Emits, other.Emits...)
	s.Subs = append(s.Subs, other.Subs...)
	s.Dynamic = append(s.Dynamic, other.Dynamic...)
	s.Wrappers = append(s.Wrappers, other.Wrappers...)
	s.Ifaces = append(s.Ifaces, other.Ifaces...)
	s.Catalogues = append(s.Catalogues, other.Catalogues...)
	s.FieldKeys = append(s.FieldKeys, other.FieldKeys...)
	s.Reads = append(s.Reads, other.Reads...)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// sortCatalogues sorts *cats by package and drops duplicates.
func sortCatalogues(cats *[]*Catalogue) {
	slices.SortFunc(*cats, func(a, b *Catalogue) int { return cmp.Compare(a.Pkg, b.Pkg) })
	*cats = slices.CompactFunc(*cats, func(a, b *Catalogue) bool { return a.Pkg == b.Pkg })
}

// EmitsOf returns the emits of event, in order. s must be flat.
func (s *Summary) EmitsOf(event string) []EmitRecord {
	return recordsOf(s.Emits, event, func(r EmitRecord) string { return r.Event })
}

// SubsOf returns the subscriptions to event, in order. s must be flat.
func (s *Summary) SubsOf(event string) []SubRecord {
	return recordsOf(s.Subs, event, func(r SubRecord) string { return r.Event })
}

// recordsOf returns the run of records of event in recs, sorted by event.
func recordsOf[R any](recs []R, event string, eventOf func(R) string) []R {
	i, _ := slices.BinarySearchFunc(recs, event, func(r R, e string) int { return cmp.Compare(eventOf(r), e) })
	j := i
	for j < len(recs) && eventOf(recs[j]) == event {
		j++
	}
	return recs[i:j]
}

// Lookup finds a catalogued event by name in any catalogue of s.
func (s *Summary) Lookup(event string) (*Catalogue, *CatalogueEvent) {
	for _, c := range s.Catalogues {
		if e := c.Event(event); e != nil {
			return c, e
		}
	}
	return nil, nil
}
