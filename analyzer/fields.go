package analyzer

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

const fieldsDoc = `check the keys bus.Fields handlers read against the keys emitted

A handler that takes bus.Fields reads keys from it: f["id"], f["id"].(int),
v, ok := f["id"], or through a helper function that takes the key as an
argument. A key that no emit of the event (linked into the program; in the
whole module under the standalone command) and no catalogue declaration
provides is reported, and so is a type assertion that the emitted values
can never satisfy. Emits whose values do not have the types the catalogue
declares for their keys are reported at the emit. See ` + DocsURL

type fieldsCheck struct {
	module *moduleSummary
}

func newFields(ms *moduleSummary) *analysis.Analyzer {
	c := &fieldsCheck{module: ms}
	return &analysis.Analyzer{
		Name: "fields",
		Doc:  fieldsDoc,
		URL:  DocsURL,
		Run:  c.run,
	}
}

func (c *fieldsCheck) run(pass *analysis.Pass) (any, error) {
	res := modelResult(pass)
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil // a generated test main: nothing of the user's
	}
	checkKeyTypes(pass, res)
	checkDeclaredAsserts(pass, res)

	// With a module view, reads are checked against the whole module
	// where they are; package main then reports only what is wrong in its
	// program alone.
	mod, view := c.module.get()
	if view != nil && view.Package(pass.Pkg.Path()) != nil {
		for _, r := range res.fieldReads {
			msg, check := readProblem(mod, r.ReadRecord, "in the module", res.Module)
			switch {
			case check == nil:
				continue
			case r.Pos.Pkg != pass.Pkg.Path():
				res.Report(pass, check, r.at, nil, "handler at %s %s", r.Pos.Rel(res.Module), msg)
			default:
				res.Report(pass, check, r.at, nil, "handler %s", msg)
			}
		}
	}
	if pass.Pkg.Name() != "main" {
		return nil, nil
	}
	_, pos := programAnchor(pass)
	if !pos.IsValid() {
		return nil, nil // no non-test file to report in
	}
	sum := res.Summary.Flat()
	for _, r := range sum.Reads {
		if view != nil && view.Package(r.Sub.Pkg) != nil {
			if _, check := readProblem(mod, r, "", ""); check != nil {
				continue // reported at the handler
			}
		}
		if msg, check := readProblem(sum, r, "linked into this program", res.Module); check != nil {
			res.Report(pass, check, pos, nil, "handler at %s %s", r.Pos.Rel(res.Module), msg)
		}
	}
	return nil, nil
}

// emittedFields is what the emits of one event pass as bus.Fields.
type emittedFields struct {
	keys map[string][]FieldKeyRecord // by key: the emits that provide it
	all  []string                    // the emitted keys, sorted
}

// fieldsOf returns the keys the emits of event in sum (flat) provide, and
// reports whether they are all known: the event is emitted, with
// bus.Fields, and every emit that may pass bus.Fields spells out its
// keys. An emit whose payload is an interface, or one under a computed
// name that could carry bus.Fields, may pass any key.
func fieldsOf(sum *Summary, event string) (emittedFields, bool) {
	out := emittedFields{keys: map[string][]FieldKeyRecord{}}
	fields := TypeRef{Name: BusPath + ".Fields"}
	if dynamicMayDeliver(sum.Dynamic, fields) {
		return out, false // a computed name may be this event
	}
	anyFields := false
	for _, e := range sum.EmitsOf(event) {
		if !e.Payload.Known() {
			return out, false // may be bus.Fields with any keys
		}
		anyFields = anyFields || isFields(e.Payload.Name)
	}
	if !anyFields {
		return out, false // not emitted as bus.Fields: the handler is EL3002's
	}
	for _, k := range recordsOf(sum.FieldKeys, event, func(r FieldKeyRecord) string { return r.Event }) {
		if k.Unknown {
			return out, false // an emit's keys are not spelled out
		}
		if _, seen := out.keys[k.Key]; !seen {
			out.all = append(out.all, k.Key)
		}
		out.keys[k.Key] = append(out.keys[k.Key], k)
	}
	slices.Sort(out.all)
	return out, true
}

// readProblem checks read r against the emits in sum (flat): a key no
// emit provides and the catalogue does not declare (EL4001), or a type
// assertion no emitted value satisfies (EL4002). It returns the message,
// less the subject, and the check, or a nil check. scope says which emits
// were looked at ("in the module"); positions are shown relative to
// module path mod.
func readProblem(sum *Summary, r ReadRecord, scope, mod string) (string, *Check) {
	emitted, known := fieldsOf(sum, r.Event)
	if !known {
		return "", nil // some emit may pass any key
	}
	var declared *Payload
	if _, ev := sum.Lookup(r.Event); ev != nil && ev.Payload != nil && isFields(ev.Payload.Type.Name) {
		declared = ev.Payload
	}
	provided := emitted.keys[r.Key]
	if len(provided) == 0 {
		if declared != nil && slices.Contains(declared.Keys, r.Key) {
			return "", nil // the contract promises it; EL2004 reports emits that lack it
		}
		cands := slices.Clone(emitted.all)
		if declared != nil {
			cands = append(cands, declared.Keys...)
		}
		advice := "emit it or stop reading it"
		if near := Closest(r.Key, cands); near != "" {
			advice = fmt.Sprintf("did you mean %q?", near)
		}
		return fmt.Sprintf("reads key %q of event %q, which no emit %s provides, so it is always nil: %s",
			r.Key, r.Event, scope, advice), CheckFieldsKeyUnknown
	}
	if !r.Assert.Known() {
		return "", nil // no assertion, or to an interface some value may implement
	}
	if declared != nil && declared.KeyType(r.Key).Known() {
		return "", nil // checked against the catalogue where it is read, and the emits at the emits
	}
	var types []string // the emitted types, in the order of the emits
	sites := map[string][]string{}
	for _, k := range provided {
		if !k.Type.Known() || k.Type.Same(r.Assert) {
			return "", nil // a value that may have the asserted type
		}
		if _, ok := sites[k.Type.Name]; !ok {
			types = append(types, k.Type.Name)
		}
		sites[k.Type.Name] = append(sites[k.Type.Name], k.Pos.Rel(mod))
	}
	names := ShortTypes(append([]string{r.Assert.Name}, types...)...)
	var got []string
	for _, t := range types {
		got = append(got, fmt.Sprintf("%s (%s)", names[t], capList(slices.Compact(sites[t]))))
	}
	advice := "assert " + names[types[0]]
	if len(types) > 1 {
		advice = "assert one of those types"
	}
	return fmt.Sprintf("asserts key %q of event %q to be %s, but the emits %s pass %s: the assertion always fails; %s",
		r.Key, r.Event, names[r.Assert.Name], scope, strings.Join(got, ", "), advice), CheckFieldsAssert
}

// checkKeyTypes reports the values of bus.Fields literals emitted in the
// package that do not have the type the catalogue declares for their key
// (EL4003). A value whose static type is an interface may have the right
// dynamic type and is not reported.
func checkKeyTypes(pass *analysis.Pass, res *Result) {
	for _, s := range res.Sites {
		if s.Kind != Emit || s.Forwarded || !s.Const {
			continue // not an emit of a known event
		}
		_, ev := lookupEvent(res.Visible, s.Name)
		if ev == nil || ev.Payload == nil || !isFields(ev.Payload.Type.Name) || ev.Payload.KeyTypes == nil {
			continue // no key types declared
		}
		keys, values, ok := literalKeys(pass.TypesInfo, s.PayloadExpr)
		if !ok {
			continue // the keys are not spelled out here
		}
		for i, k := range keys {
			want := ev.Payload.KeyType(k)
			got := typeRefOf(pass.TypesInfo.TypeOf(values[i]))
			if !want.Known() || !got.Known() || got.Same(want) {
				continue // no type declared, a value that may have it, or the right one
			}
			wantName, gotName := shortPair(want, got)
			res.Report(pass, CheckFieldsKeyType, values[i].Pos(), nil,
				"key %q of event %q is catalogued as %s, but this emits %s: handlers asserting %s get nothing; emit %s or change the catalogue",
				k, s.Name, wantName, gotName, wantName, wantName)
		}
	}
}

// checkDeclaredAsserts reports the type assertions of the package's
// bus.Fields handlers to another type than the one the catalogue declares
// for the key (EL4002): the values emitted as catalogued never have it.
func checkDeclaredAsserts(pass *analysis.Pass, res *Result) {
	for _, r := range res.fieldReads {
		if !r.Assert.Known() {
			continue // no assertion, or to an interface
		}
		_, ev := lookupEvent(res.Visible, r.Event)
		if ev == nil || ev.Payload == nil || !isFields(ev.Payload.Type.Name) {
			continue // no keys declared
		}
		want := ev.Payload.KeyType(r.Key)
		if !want.Known() || want.Same(r.Assert) {
			continue // no type declared for the key, an interface, or the asserted one
		}
		wantName, gotName := shortPair(want, r.Assert)
		subject := "handler"
		if r.Pos.Pkg != pass.Pkg.Path() {
			subject = "handler at " + r.Pos.Rel(res.Module)
		}
		res.Report(pass, CheckFieldsAssert, r.at, nil,
			"%s asserts key %q of event %q to be %s, but the catalogue declares it as %s: the assertion fails for every value emitted as catalogued; assert %s",
			subject, r.Key, r.Event, gotName, wantName, wantName)
	}
}

// moduleSummary is the module view's records merged into one flat
// summary, computed once per view: every package asks the same questions
// of it, and merging in each of them would be quadratic.
type moduleSummary struct {
	ref *moduleRef

	mu   sync.Mutex
	view *ModuleView // the view sum was made from
	sum  *Summary
}

// get returns the flat summary of the module view's packages and the
// view; nil, nil without a view.
func (m *moduleSummary) get() (*Summary, *ModuleView) {
	view := m.ref.view
	if view == nil {
		return nil, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.view != view {
		sum := new(Summary)
		for _, p := range view.Packages {
			sum.merge(p.Own)
		}
		sum.normalize()
		m.view, m.sum = view, sum
	}
	return m.sum, view
}

// shortPair names a and b as messages do, keeping package paths where the
// short names would read the same.
func shortPair(a, b TypeRef) (string, string) {
	names := ShortTypes(a.Written(), b.Written())
	return names[a.Written()], names[b.Written()]
}
