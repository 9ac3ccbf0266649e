package analyzer

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Flags of the samepackage analyzer (-samepackage.<flag> on the command line).
const (
	// FlagEnable turns the samepackage check (EL5001) on; it is off by
	// default.
	FlagEnable = "enable"
)

const samepackageDoc = `report events that never leave the package that emits them (opt-in)

A bus is for crossing module boundaries: within one package a direct call
says the same thing, is checked by the compiler and shows up in call
graphs. With -samepackage.enable, an event whose emitters and handlers all
live in one package is reported at its emits (in the whole module under
the standalone command; under other drivers, in each program). See ` + DocsURL

type samepackageCheck struct {
	module *moduleSummary
	enable bool
}

func newSamePackage(ms *moduleSummary) *analysis.Analyzer {
	c := &samepackageCheck{module: ms}
	a := &analysis.Analyzer{
		Name: "samepackage",
		Doc:  samepackageDoc,
		URL:  DocsURL,
		Run:  c.run,
	}
	a.Flags.BoolVar(&c.enable, FlagEnable, false, "report events that are emitted and handled only within one package (EL5001)")
	return a
}

func (c *samepackageCheck) run(pass *analysis.Pass) (any, error) {
	res := modelResult(pass)
	if !c.enable || strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil // off, or a generated test main
	}
	mod, view := c.module.get()
	if view != nil {
		if view.Package(pass.Pkg.Path()) == nil {
			return nil, nil // the view does not cover this package
		}
		path := pass.Pkg.Path()
		for _, s := range res.Sites {
			if s.Kind != Emit || !s.Const || s.InTest || s.Forwarded {
				continue // not an emit of a known event linked into programs
			}
			if subs := samePackageSubs(mod, s.Name); len(subs) > 0 && subs[0].Pos.Pkg == path {
				res.Report(pass, CheckSamePackage, s.Pos(), nil,
					"event %q is emitted and handled only in this package (handled at %s): call the handler directly instead of going through the bus",
					s.Name, subPositions(subs, res.Module))
			}
		}
		return nil, nil
	}
	if pass.Pkg.Name() != "main" {
		return nil, nil // without a module view, programs are checked in package main
	}
	_, pos := programAnchor(pass)
	if !pos.IsValid() {
		return nil, nil // no non-test file to report in
	}
	sum := res.Summary.Flat()
	for _, event := range emittedEvents(sum) {
		subs := samePackageSubs(sum, event)
		if len(subs) == 0 {
			continue
		}
		var emits []string
		for _, e := range sum.EmitsOf(event) {
			emits = append(emits, e.Pos.Rel(res.Module))
		}
		res.Report(pass, CheckSamePackage, pos, nil,
			"event %q is emitted and handled only in package %s (emitted at %s, handled at %s): call the handler directly instead of going through the bus",
			event, subs[0].Pos.Pkg, capList(slices.Compact(emits)), subPositions(subs, res.Module))
	}
	return nil, nil
}

// samePackageSubs returns the subscriptions to event in sum (flat) when
// the event is emitted and every emit and subscription of it is in one
// package; else nil. A site under a computed event name in another
// package may emit or handle the event too.
func samePackageSubs(sum *Summary, event string) []SubRecord {
	emits, subs := sum.EmitsOf(event), sum.SubsOf(event)
	if len(emits) == 0 || len(subs) == 0 {
		return nil // not both emitted and handled
	}
	pkg := emits[0].Pos.Pkg
	if slices.ContainsFunc(emits, func(e EmitRecord) bool { return e.Pos.Pkg != pkg }) ||
		slices.ContainsFunc(subs, func(s SubRecord) bool { return s.Pos.Pkg != pkg }) ||
		slices.ContainsFunc(sum.Dynamic, func(d DynamicRecord) bool { return d.Pos.Pkg != pkg }) {
		return nil
	}
	return subs
}

// subPositions lists the positions of subs for a message.
func subPositions(subs []SubRecord, mod string) string {
	var out []string
	for _, s := range subs {
		out = append(out, s.Pos.Rel(mod))
	}
	return capList(slices.Compact(out))
}
