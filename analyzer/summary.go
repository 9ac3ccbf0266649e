package analyzer

import (
	"cmp"
	"fmt"
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
type Summary struct {
	Emits      []EmitRecord
	Subs       []SubRecord
	Dynamic    []DynamicRecord // sites whose event name is not a constant
	Wrappers   []WrapperRecord
	Catalogues []*Catalogue
	// Packages lists the packages in the closure that subscribe to events,
	// sorted: the unregistered check needs them to tell which handler
	// packages a program links in.
	Packages []string
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	return fmt.Sprintf("summary(emits=%d subs=%d dynamic=%d wrappers=%d catalogues=%d)",
		len(s.Emits), len(s.Subs), len(s.Dynamic), len(s.Wrappers), len(s.Catalogues))
}

// empty reports whether s carries nothing worth exporting.
func (s *Summary) empty() bool {
	return len(s.Emits) == 0 && len(s.Subs) == 0 && len(s.Dynamic) == 0 &&
		len(s.Wrappers) == 0 && len(s.Catalogues) == 0
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

// TypeRef names a type across packages: its qualified spelling
// ("example.com/app/hr.Employee", "*example.com/app/hr.Employee") and
// whether it is an interface type, in which case the dynamic type of a
// value is not known statically. The zero TypeRef means "unknown".
type TypeRef struct {
	Name      string
	Interface bool
}

// Known reports whether r names a concrete type, whose values all have that
// dynamic type.
func (r TypeRef) Known() bool { return r.Name != "" && !r.Interface }

// EmitRecord is one emit of a constant event name.
type EmitRecord struct {
	Event   string
	Pos     Pos
	Payload TypeRef // static type of the payload argument
}

// SubRecord is one subscription to a constant event name.
type SubRecord struct {
	Event   string
	Pos     Pos
	Handler TypeRef // the handler's payload type T
	AtInit  bool    // registered during package initialisation
}

// DynamicRecord is an emit or subscription whose event name is not a
// compile-time constant.
type DynamicRecord struct {
	Kind    Kind
	Pos     Pos
	Payload TypeRef // emits: the payload's static type
}

// WrapperRecord names a function that forwards an event name to the bus.
type WrapperRecord struct {
	Func string // types.Func.FullName
	Kind Kind
}

func (s *Summary) normalize() {
	slices.SortFunc(s.Emits, func(a, b EmitRecord) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), comparePos(a.Pos, b.Pos), cmp.Compare(a.Payload.Name, b.Payload.Name))
	})
	s.Emits = slices.Compact(s.Emits)
	slices.SortFunc(s.Subs, func(a, b SubRecord) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), comparePos(a.Pos, b.Pos), cmp.Compare(a.Handler.Name, b.Handler.Name))
	})
	s.Subs = slices.Compact(s.Subs)
	slices.SortFunc(s.Dynamic, func(a, b DynamicRecord) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Payload.Name, b.Payload.Name))
	})
	s.Dynamic = slices.Compact(s.Dynamic)
	slices.SortFunc(s.Wrappers, func(a, b WrapperRecord) int {
		return cmp.Or(cmp.Compare(a.Func, b.Func), cmp.Compare(a.Kind, b.Kind))
	})
	s.Wrappers = slices.Compact(s.Wrappers)
	slices.SortFunc(s.Catalogues, func(a, b *Catalogue) int { return cmp.Compare(a.Pkg, b.Pkg) })
	s.Catalogues = slices.CompactFunc(s.Catalogues, func(a, b *Catalogue) bool { return a.Pkg == b.Pkg })
	pkgs := s.Packages[:0:0]
	for _, sub := range s.Subs {
		pkgs = append(pkgs, sub.Pos.Pkg)
	}
	slices.Sort(pkgs)
	s.Packages = slices.Compact(pkgs)
}

// merge adds the records of other to s. Call normalize afterwards.
func (s *Summary) merge(other *Summary) {
	s.Emits = append(s.Emits, other.Emits...)
	s.Subs = append(s.Subs, other.Subs...)
	s.Dynamic = append(s.Dynamic, other.Dynamic...)
	s.Wrappers = append(s.Wrappers, other.Wrappers...)
	s.Catalogues = append(s.Catalogues, other.Catalogues...)
}

// EmitsOf returns the emits of event, in order.
func (s *Summary) EmitsOf(event string) []EmitRecord {
	return recordsOf(s.Emits, event, func(r EmitRecord) string { return r.Event })
}

// SubsOf returns the subscriptions to event, in order.
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

// Catalogue returns the catalogue declared by package path pkg, or nil.
func (s *Summary) Catalogue(pkg string) *Catalogue {
	for _, c := range s.Catalogues {
		if c.Pkg == pkg {
			return c
		}
	}
	return nil
}
