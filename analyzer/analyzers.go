package analyzer

import "golang.org/x/tools/go/analysis"

// Suite is one configured set of the eventlint analyzers. Each suite has
// its own flags, so drivers that configure eventlint differently in one
// process (golangci-lint builds one per configuration) do not share state.
type Suite struct {
	// Model finds the sites every check reads, with the suite's bus API
	// (its flag -bus.funcs); the checks require it.
	Model        *analysis.Analyzer
	Naming       *analysis.Analyzer
	Catalogue    *analysis.Analyzer
	Unregistered *analysis.Analyzer
	Fields       *analysis.Analyzer
	SamePackage  *analysis.Analyzer
	module       *moduleRef
	api          *BusAPI
}

// moduleRef lets the analyzers of a suite share the module view a driver
// sets after building them.
type moduleRef struct{ view *ModuleView }

// NewSuite returns a suite with default flags and no module view.
func NewSuite() *Suite {
	ref := new(moduleRef)
	ms := &moduleSummary{ref: ref}
	api := newBusAPI()
	s := &Suite{
		Model:        newModel(api),
		Naming:       newNaming(),
		Catalogue:    newCatalogue(ref),
		Unregistered: newUnregistered(ref),
		Fields:       newFields(ms),
		SamePackage:  newSamePackage(ms),
		module:       ref,
		api:          api,
	}
	for _, a := range s.Analyzers() {
		a.Requires = []*analysis.Analyzer{s.Model}
	}
	return s
}

// Bus returns the suite's bus API: the presets and its -bus.funcs
// entries.
func (s *Suite) Bus() *BusAPI { return s.api }

// Analyzers returns the suite's analyzers, in check-ID order.
func (s *Suite) Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{s.Naming, s.Catalogue, s.Unregistered, s.Fields, s.SamePackage}
}

// SetModule gives the suite's analyzers the module-wide view used by the
// checks that need every package of the module (EL2008, EL3003, EL3004
// and the blank-import fix of EL3001; with it EL4001, EL4002 and EL5001
// check the whole module, not only each program). Only a driver that has
// loaded the whole module may set it; nil turns those checks off (and
// EL4001, EL4002 and EL5001 back to each program).
func (s *Suite) SetModule(v *ModuleView) { s.module.view = v }

// Default is the suite behind the package-level analyzers, which go vet,
// golangci-lint and nogo run.
var Default = NewSuite()

// The default suite's analyzers.
var (
	Model                = Default.Model
	NamingAnalyzer       = Default.Naming
	CatalogueAnalyzer    = Default.Catalogue
	UnregisteredAnalyzer = Default.Unregistered
	FieldsAnalyzer       = Default.Fields
	SamePackageAnalyzer  = Default.SamePackage
)

// Analyzers returns the default suite's analyzers.
func Analyzers() []*analysis.Analyzer { return Default.Analyzers() }
