package analyzer

import (
	"cmp"
	"slices"
)

// ModuleView is what a driver that loads every package of a module at once
// (the standalone eventlint command) knows beyond one package's imports:
// each package's own sites and its imports. The module-wide checks
// (EL2008, EL3003, EL3004, and the blank-import fix of EL3001) need it;
// under go vet and golangci-lint there is none and they stay silent.
type ModuleView struct {
	Packages []*PackageView // sorted by Path
	// Roots are extra packages to treat as programs, for library modules
	// without commands (see the unregistered analyzer's roots flag).
	byPath map[string]*PackageView
}

// PackageView is one package of the module as the module-wide checks see
// it. Test variants are not included.
type PackageView struct {
	Path    string
	Name    string
	Imports []string // direct imports of its non-test files
	Own     *Summary // its own non-test sites, not folded with its imports
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

// Emitted reports whether any package of the module emits event.
func (v *ModuleView) Emitted(event string) bool {
	for _, p := range v.Packages {
		if len(p.Own.EmitsOf(event)) > 0 {
			return true
		}
	}
	return false
}

// EmittedEvents returns every event name the module emits, sorted.
func (v *ModuleView) EmittedEvents() []string {
	var names []string
	for _, p := range v.Packages {
		for _, e := range p.Own.Emits {
			names = append(names, e.Event)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
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

// Mains returns the module's commands (package main).
func (v *ModuleView) Mains() []*PackageView {
	var out []*PackageView
	for _, p := range v.Packages {
		if p.Name == "main" {
			out = append(out, p)
		}
	}
	return out
}
