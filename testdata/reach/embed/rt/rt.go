// Package rt gives the rest of the program a runtime that embeds the bus:
// its importers call the bus's methods without importing the bus.
package rt

import "github.com/eventlint/eventlint/bus"

type Runtime struct {
	*bus.Bus
	Name string
}

func New(name string) *Runtime { return &Runtime{Bus: bus.New(), Name: name} }
