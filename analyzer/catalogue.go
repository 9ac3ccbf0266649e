package analyzer

import (
	"golang.org/x/tools/go/analysis"
)

// Flags of the catalogue analyzer (-catalogue.<flag> on the command line).
const (
	// FlagRequire names the import path of the catalogue every package that
	// emits or subscribes must see (EL2007). Empty: no requirement.
	FlagRequire = "require"
)

const catalogueDoc = `check emits and subscriptions against the project's event catalogue

A package whose doc comment (or a comment above its package clause) carries
//eventlint:catalogue is the event catalogue: each exported string
constant in it is a published event. Emits and subscriptions of events
missing from the catalogue, literals that repeat a catalogued name, emits
of deprecated events and payloads that do not match the catalogue are
reported. See ` + DocsURL

type catalogueCheck struct {
	module  *moduleRef
	require string
}

func newCatalogue(ref *moduleRef) *analysis.Analyzer {
	c := &catalogueCheck{module: ref}
	a := &analysis.Analyzer{
		Name:     "catalogue",
		Doc:      catalogueDoc,
		URL:      DocsURL,
		Requires: []*analysis.Analyzer{Model},
		Run:      c.run,
	}
	a.Flags.StringVar(&c.require, FlagRequire, "", "import path of the catalogue every package that emits or subscribes must see")
	return a
}
