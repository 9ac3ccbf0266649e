package analyzer

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// ModuleView is what a driver that loads every package of a module at once
// (the standalone eventlint command) knows beyond one package's imports:
// each package's own sites and its imports. The module-wide checks
// (EL2008, EL3003, EL3004, and the blank-import fix of EL3001) need it;
// under go vet and golangci-lint there is none and they stay silent.
type ModuleView struct {
	Packages []*PackageView // sorted by Path
	byPath   map[string]*PackageView

	// The checks ask the same module-wide questions in every package;
	// answering each from scratch made them quadratic in the number of
	// packages (a quarter of the CPU time at 5,000 packages). The answers
	// are computed once, on first use: the view is shared by the packages
	// analysed concurrently, and never changes.
	indexOnce   sync.Once
	emitted     []string // events emitted by the module, sorted
	dynamicEmit bool     // a package emits under a computed name
	mains       []*PackageView

	linkedMu sync.Mutex
	linked   map[string]*linkedSet // Linked's answers by roots
}

// linkedSet is the answer of Linked for one list of roots.
type linkedSet struct {
	programs []string
	pkgs     map[string]bool
}

// PackageView is one package of the module as the module-wide checks see
// it. Test variants are not included.
type PackageView struct {
	Path    string
	Name    string
	Imports []string // direct imports of its non-test files
	Own     *Summary // its own non-test sites, not folded with its imports
	// HiddenEmits is set by a driver that did not analyse the package but
	// knows it may emit through an interface that a method wrapper of the
	// module implements (see WrappedInterfaces): its Own misses those
	// emits, so the package counts as one that emits under a computed name.
	HiddenEmits bool
}

// NewModuleView indexes pkgs.
func NewModuleView(pkgs []*PackageView) *ModuleView {
	v := &ModuleView{Packages: slices.Clone(pkgs), byPath: map[string]*PackageView{}}
	slices.SortFunc(v.Packages, func(a, b *PackageView) int { return cmp.Compare(a.Path, b.Path) })
	for _, p := range v.Packages {
		if p.Own == nil {
			p.Own = new(Summary)
		}
		v.byPath[p.Path] = p
	}
	return v
}

// Package returns the package with the given path, or nil.
func (v *ModuleView) Package(path string) *PackageView { return v.byPath[path] }

// Reachable returns the paths of the module's packages reachable from the
// given roots through non-test imports, roots included.
func (v *ModuleView) Reachable(roots ...string) map[string]bool {
	seen := map[string]bool{}
	stack := slices.Clone(roots)
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		if pv := v.byPath[p]; pv != nil {
			stack = append(stack, pv.Imports...)
		}
	}
	return seen
}

// Linked returns the module's programs (its commands, test mains excluded,
// then roots) and the paths of the packages they link in, programs
// included. Every package asks the same question with the same roots, so
// the answer is computed once per list of roots and shared: do not modify
// it.
func (v *ModuleView) Linked(roots []string) (programs []string, pkgs map[string]bool) {
	key := strings.Join(roots, "\x00")
	v.linkedMu.Lock()
	defer v.linkedMu.Unlock()
	if l, ok := v.linked[key]; ok {
		return l.programs, l.pkgs
	}
	for _, m := range v.Mains() {
		if !strings.HasSuffix(m.Path, ".test") {
			programs = append(programs, m.Path)
		}
	}
	programs = append(programs, roots...)
	l := &linkedSet{programs: programs, pkgs: v.Reachable(programs...)}
	if v.linked == nil {
		v.linked = map[string]*linkedSet{}
	}
	v.linked[key] = l
	return l.programs, l.pkgs
}

// index computes the answers about emits and commands, once.
func (v *ModuleView) index() {
	v.indexOnce.Do(func() {
		for _, p := range v.Packages {
			for _, e := range p.Own.Emits {
				v.emitted = append(v.emitted, e.Event)
			}
			v.dynamicEmit = v.dynamicEmit || p.HiddenEmits || hasDynamic(p.Own.Dynamic, Emit)
			if p.Name == "main" {
				v.mains = append(v.mains, p)
			}
		}
		slices.Sort(v.emitted)
		v.emitted = slices.Compact(v.emitted)
	})
}

// Emitted reports whether any package of the module emits event.
func (v *ModuleView) Emitted(event string) bool {
	v.index()
	_, found := slices.BinarySearch(v.emitted, event)
	return found
}

// EmittedEvents returns every event name the module emits, sorted. The
// slice is shared: do not modify it.
func (v *ModuleView) EmittedEvents() []string {
	v.index()
	return v.emitted
}

// EmitsDynamic reports whether any package of the module emits under an
// event name computed at run time, or may emit through an interface under
// names the driver did not see (PackageView.HiddenEmits).
func (v *ModuleView) EmitsDynamic() bool {
	v.index()
	return v.dynamicEmit
}

// MayEmit reports whether the module may emit event: a package emits it
// under a constant name, or a package emits under a name computed at run
// time, which may be any event. It is the one rule of the checks that ask
// whether something emits an event (EL2008, EL3004): where a computed name
// could produce it, they stay silent.
func (v *ModuleView) MayEmit(event string) bool {
	return v.EmitsDynamic() || v.Emitted(event)
}

// Subscribers returns the module's packages that subscribe to event.
func (v *ModuleView) Subscribers(event string) []*PackageView {
	var out []*PackageView
	for _, p := range v.Packages {
		if len(p.Own.SubsOf(event)) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// Mains returns the module's commands (package main). The slice is
// shared: do not modify it.
func (v *ModuleView) Mains() []*PackageView {
	v.index()
	return v.mains
}
