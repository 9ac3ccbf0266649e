package catalogue

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/eventlint/eventlint/analyzer"
)

// Change is one difference between two versions of the catalogues.
type Change struct {
	// Subject is the catalogue constant the change is about, as code
	// refers to it: "events.EmployeeCreated" (the import path instead of
	// the package name when two catalogues share a name).
	Subject string
	Message string
	// Breaking changes break code that relies on the old contract:
	// a removed event, a renamed event, a payload that lost a field or
	// key, changed type, or is no longer declared.
	Breaking bool
}

func (c Change) String() string { return c.Subject + ": " + c.Message }

// Compare compares catalogues old and new (as Catalogues returns them) by
// package path and constant, and returns the changes sorted by subject,
// breaking ones first within a subject.
//
// An event is matched by its constant first: a constant whose value
// changed is a renamed event (breaking, subscribers stop receiving it); a
// constant that is gone while its event name lives on under another
// constant, or in another catalogue package, only moved (not breaking
// for the event contract; the compiler catches code still using the old
// constant). Additions, deprecations and doc changes are not breaking.
func Compare(old, new []*analyzer.Catalogue) []Change {
	cmpr := &comparison{old: byPkg(old), new: byPkg(new)}
	names := map[string][]string{} // package name -> paths, to detect ambiguous subjects
	for _, c := range append(slices.Clone(old), new...) {
		if !slices.Contains(names[c.Name], c.Pkg) {
			names[c.Name] = append(names[c.Name], c.Pkg)
		}
	}
	cmpr.subject = func(c *analyzer.Catalogue, constName string) string {
		if len(names[c.Name]) > 1 {
			return c.Pkg + "." + constName
		}
		return c.Name + "." + constName
	}

	var pkgs []string
	for p := range cmpr.old {
		pkgs = append(pkgs, p)
	}
	for p := range cmpr.new {
		if cmpr.old[p] == nil {
			pkgs = append(pkgs, p)
		}
	}
	slices.Sort(pkgs)
	for _, p := range pkgs {
		cmpr.catalogue(cmpr.old[p], cmpr.new[p])
	}
	slices.SortStableFunc(cmpr.changes, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), boolOrder(a.Breaking, b.Breaking))
	})
	return cmpr.changes
}

// boolOrder sorts true (breaking) first.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

type comparison struct {
	old, new map[string]*analyzer.Catalogue
	subject  func(*analyzer.Catalogue, string) string
	changes  []Change
}

func byPkg(cats []*analyzer.Catalogue) map[string]*analyzer.Catalogue {
	m := map[string]*analyzer.Catalogue{}
	for _, c := range cats {
		m[c.Pkg] = c
	}
	return m
}

func (c *comparison) add(subject string, breaking bool, format string, args ...any) {
	c.changes = append(c.changes, Change{Subject: subject, Message: fmt.Sprintf(format, args...), Breaking: breaking})
}

// findName returns the catalogue among cats, other than skip, that
// declares an event called name, and the event.
func findName(cats map[string]*analyzer.Catalogue, skip, name string) (*analyzer.Catalogue, *analyzer.CatalogueEvent) {
	var pkgs []string
	for p := range cats {
		pkgs = append(pkgs, p)
	}
	slices.Sort(pkgs)
	for _, p := range pkgs {
		if p == skip {
			continue
		}
		if e := cats[p].Event(name); e != nil {
			return cats[p], e
		}
	}
	return nil, nil
}

// movedFrom reports whether event name, declared by the new version of
// catalogue pkg, left another catalogue: gone reported it as moved.
func (c *comparison) movedFrom(name, pkg string) bool {
	for p, o := range c.old {
		if p == pkg || o.Event(name) == nil {
			continue
		}
		if n := c.new[p]; n == nil || n.Event(name) == nil {
			return true
		}
	}
	return false
}

func constOf(c *analyzer.Catalogue, name string) *analyzer.CatalogueEvent {
	if c == nil {
		return nil
	}
	for i := range c.Events {
		if c.Events[i].Const == name {
			return &c.Events[i]
		}
	}
	return nil
}

// catalogue compares one catalogue package's versions; either may be nil
// (the package was added or removed).
func (c *comparison) catalogue(o, n *analyzer.Catalogue) {
	if o != nil {
		for i := range o.Events {
			oe := &o.Events[i]
			subj := c.subject(o, oe.Const)
			ne := constOf(n, oe.Const)
			if ne == nil {
				c.gone(o, n, oe, subj)
				continue
			}
			if ne.Name != oe.Name {
				c.add(subj, true, "event name changed from %q to %q", oe.Name, ne.Name)
			}
			c.event(subj, oe, ne)
		}
	}
	if n == nil {
		return
	}
	for i := range n.Events {
		ne := &n.Events[i]
		if constOf(o, ne.Const) != nil {
			continue // compared above
		}
		if o != nil && o.Event(ne.Name) != nil {
			continue // a constant renamed: reported at the old constant
		}
		if c.movedFrom(ne.Name, n.Pkg) {
			continue // moved here from another catalogue: reported there
		}
		c.add(c.subject(n, ne.Const), false, "event %q added", ne.Name)
	}
}

// gone reports old event oe, whose constant the new version of its
// catalogue (n, nil if the package is gone) no longer declares.
func (c *comparison) gone(o, n *analyzer.Catalogue, oe *analyzer.CatalogueEvent, subj string) {
	if n != nil {
		if ne := n.Event(oe.Name); ne != nil {
			c.add(subj, false, "constant renamed to %s (event %q kept)", c.subject(n, ne.Const), oe.Name)
			c.event(subj, oe, ne)
			return
		}
	}
	if mc, me := findName(c.new, o.Pkg, oe.Name); mc != nil {
		// Still published, by another catalogue package.
		c.add(subj, false, "event %q moved to %s", oe.Name, c.subject(mc, me.Const))
		c.event(subj, oe, me)
		return
	}
	c.add(subj, true, "event %q removed", oe.Name)
}

// event compares what else two versions of an event declare.
func (c *comparison) event(subj string, oe, ne *analyzer.CatalogueEvent) {
	if oe.Type != ne.Type {
		c.add(subj, false, "constant type changed from %s to %s", typeOrUntyped(oe.Type), typeOrUntyped(ne.Type))
	}
	c.payload(subj, oe.Payload, ne.Payload)
	switch {
	case oe.Deprecated == "" && ne.Deprecated != "":
		c.add(subj, false, "deprecated: %s", ne.Deprecated)
	case oe.Deprecated != "" && ne.Deprecated == "":
		c.add(subj, false, "no longer deprecated")
	case oe.Deprecated != ne.Deprecated:
		c.add(subj, false, "deprecation notice changed: %s", ne.Deprecated)
	}
	if oe.Doc != ne.Doc {
		c.add(subj, false, "doc comment changed")
	}
}

func typeOrUntyped(t string) string {
	if t == "" {
		return "untyped string"
	}
	return analyzer.ShortType(t)
}

// payload compares two versions of an event's declared payload.
func (c *comparison) payload(subj string, o, n *analyzer.Payload) {
	switch {
	case o == nil && n == nil:
		return
	case o == nil:
		c.add(subj, false, "payload declared: %s", ShortPayload(n))
		return
	case n == nil:
		// Handlers relied on the declared type; emitters may now send
		// anything.
		c.add(subj, true, "payload declaration removed (was %s)", ShortPayload(o))
		return
	case o.Type.Name != n.Type.Name:
		names := analyzer.ShortTypes(o.Type.Written(), n.Type.Written())
		c.add(subj, true, "payload type changed from %s to %s", names[o.Type.Written()], names[n.Type.Written()])
		return
	}
	typ := analyzer.ShortType(o.Type.Written())
	for _, of := range o.Fields {
		i := slices.IndexFunc(n.Fields, func(f analyzer.Field) bool { return f.Name == of.Name })
		switch {
		case i < 0:
			c.add(subj, true, "payload %s lost field %s", typ, of.Name)
		case n.Fields[i].Type != of.Type:
			c.add(subj, true, "payload %s field %s changed type from %s to %s", typ, of.Name, analyzer.ShortType(of.Type), analyzer.ShortType(n.Fields[i].Type))
		}
	}
	for _, nf := range n.Fields {
		if !slices.ContainsFunc(o.Fields, func(f analyzer.Field) bool { return f.Name == nf.Name }) {
			c.add(subj, false, "payload %s gained field %s", typ, nf.Name)
		}
	}
	for _, k := range o.Keys {
		if !slices.Contains(n.Keys, k) {
			c.add(subj, true, "payload bus.Fields lost key %q", k)
		}
	}
	for _, k := range n.Keys {
		if !slices.Contains(o.Keys, k) {
			c.add(subj, false, "payload bus.Fields gained key %q", k)
		}
	}
}
