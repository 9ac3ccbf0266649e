package analyzer

import (
	"golang.org/x/tools/go/analysis"
)

// Flags of the unregistered analyzer (-unregistered.<flag> on the command line).
const (
	// FlagRoots lists extra packages (import paths, comma-separated) to
	// treat as programs, for library modules without commands.
	FlagRoots = "roots"
)

const unregisteredDoc = `check that every emitted event has a subscriber linked into the program

Handlers register themselves from init, so a handler package that no
command imports never runs. For each package main, an event emitted by
code linked into the program that no handler linked into the program
subscribes to is reported, naming the emit sites; so is a handler whose
payload type can never match what is emitted. See ` + DocsURL

type unregisteredCheck struct {
	module *moduleRef
	roots  string
}

func newUnregistered(ref *moduleRef) *analysis.Analyzer {
	u := &unregisteredCheck{module: ref}
	a := &analysis.Analyzer{
		Name:     "unregistered",
		Doc:      unregisteredDoc,
		URL:      DocsURL,
		Requires: []*analysis.Analyzer{Model},
		Run:      u.run,
	}
	a.Flags.StringVar(&u.roots, FlagRoots, "", "extra packages to treat as programs, comma-separated import paths (for library modules)")
	return a
}
