package catalogue

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"maps"
	"slices"
	"strings"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/driver"
)

// ErrNoCatalogue is returned by Build when none of the loaded packages is
// a catalogue.
var ErrNoCatalogue = errors.New("none of the packages is an event catalogue")

// Page is what the published-events page shows: the catalogues of the
// loaded packages, with the packages that emit and handle each event.
type Page struct {
	Module     string // module path, for shortening package paths; "" when unknown
	Catalogues []*Catalogue
	// Schemas are the JSON Schemas of the named struct types the payloads
	// use, by component name ("events.Employee"), for the AsyncAPI
	// document's components.
	Schemas map[string]*Schema
	// Flow is the module's event flow, drawn on the Markdown page; nil
	// leaves it out.
	Flow *Graph
	// APIVersion is the info.version of the AsyncAPI document; "" is 0.0.0.
	APIVersion string
}

// Catalogue is one catalogue package on the page.
type Catalogue struct {
	*analyzer.Catalogue
	Doc string // the package doc comment, directives removed
	// Events are the catalogue's events with their emitters and handlers,
	// sorted by name; they shadow the embedded Catalogue's Events.
	Events []*Event
}

// Event is one catalogued event on the page.
type Event struct {
	analyzer.CatalogueEvent
	EmittedBy []string // import paths, sorted
	HandledBy []string // import paths, sorted
	// Schema is the JSON Schema of the declared payload as encoding/json
	// writes it, nil when none is declared; named structs are $refs into
	// Page.Schemas.
	Schema *Schema
}

// Build gathers the catalogues declared by the loaded packages and looks
// up who emits and handles their events in the module view. Catalogues
// that the packages only import (from another module, or not matched by
// the patterns) are not on the page: it documents what these packages
// publish.
func Build(prog *driver.Program) (*Page, error) {
	page := &Page{}
	idx, sch := newTypeIndex(prog), newSchemas()
	for _, path := range slices.Sorted(maps.Keys(prog.Results)) {
		res := prog.Results[path]
		if res.Catalogue == nil {
			continue
		}
		if page.Module == "" {
			page.Module = res.Module
		}
		c := &Catalogue{Catalogue: res.Catalogue.Catalogue, Doc: packageDoc(prog, path)}
		for _, ev := range res.Catalogue.Events {
			e := &Event{CatalogueEvent: ev, EmittedBy: []string{}, HandledBy: []string{}, Schema: payloadSchema(ev.Payload, idx, sch)}
			for _, p := range prog.Module.Packages {
				if len(p.Own.EmitsOf(ev.Name)) > 0 {
					e.EmittedBy = append(e.EmittedBy, p.Path)
				}
				if len(p.Own.SubsOf(ev.Name)) > 0 {
					e.HandledBy = append(e.HandledBy, p.Path)
				}
			}
			c.Events = append(c.Events, e)
		}
		page.Catalogues = append(page.Catalogues, c)
	}
	if len(page.Catalogues) == 0 {
		return nil, NoCatalogue(prog)
	}
	page.Schemas = sch.components
	flow, err := BuildGraph(prog, "")
	if err != nil {
		return nil, err
	}
	page.Flow = flow
	return page, nil
}

// NoCatalogue returns ErrNoCatalogue with advice: include the catalogue
// the packages import in the patterns, or start one.
func NoCatalogue(prog *driver.Program) error {
	var seen []string
	for _, res := range prog.Results {
		for _, c := range res.Visible {
			if !slices.Contains(seen, c.Pkg) {
				seen = append(seen, c.Pkg)
			}
		}
	}
	if len(seen) > 0 {
		slices.Sort(seen)
		return fmt.Errorf("%w: they import %s, which is not among them: include it in the packages (e.g. ./...)", ErrNoCatalogue, strings.Join(seen, ", "))
	}
	return fmt.Errorf("%w: mark one with %s, or start one with eventlint catalogue -init DIR", ErrNoCatalogue, analyzer.CatalogueDirective)
}

// Catalogues returns the analyzer's catalogues of the loaded packages,
// sorted by package path: what Compare takes.
func Catalogues(prog *driver.Program) []*analyzer.Catalogue {
	var out []*analyzer.Catalogue
	for _, path := range slices.Sorted(maps.Keys(prog.Results)) {
		if cd := prog.Results[path].Catalogue; cd != nil {
			out = append(out, cd.Catalogue)
		}
	}
	return out
}

// packageDoc returns the doc comment of package path, from the first of
// its files (in file name order) that has one, as go doc shows it.
func packageDoc(prog *driver.Program, path string) string {
	for _, p := range prog.Packages {
		if p.ID != p.PkgPath || p.PkgPath != path {
			continue // a test variant, or another package
		}
		files := slices.Clone(p.Syntax)
		slices.SortFunc(files, func(a, b *ast.File) int {
			return cmp.Compare(prog.Fset.File(a.FileStart).Name(), prog.Fset.File(b.FileStart).Name())
		})
		for _, f := range files {
			if f.Doc != nil {
				// Text drops directives such as //eventlint:catalogue.
				return strings.TrimSpace(f.Doc.Text())
			}
		}
	}
	return ""
}

// RelPackage spells package path pkg relative to module mod, as the
// directory it lives in ("hr", "internal/billing"); the module's root
// package and packages of other modules keep their import path.
func RelPackage(pkg, mod string) string {
	if rest, ok := strings.CutPrefix(pkg, mod+"/"); ok && mod != "" {
		return rest
	}
	return pkg
}

// ShortPayload spells p as in the payload directive, with package names:
// *events.Employee, bus.Fields{"amount", "invoice_id"}; "" for nil.
func ShortPayload(p *analyzer.Payload) string {
	if p == nil {
		return ""
	}
	return p.Spell(analyzer.ShortType) // the keys of bus.Fields may contain slashes: only the types are shortened
}

// IsFields reports whether p is the keyword payload bus.Fields.
func IsFields(p *analyzer.Payload) bool {
	return p != nil && p.Type.Name == analyzer.BusPath+".Fields"
}
