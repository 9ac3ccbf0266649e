// Package notify handles shift.planned; with a module view its reads are
// reported here.
package notify

import (
	"context"

	"example.com/lint/fields/module/rota"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("shift.planned", func(ctx context.Context, f bus.Fields) error {
		_ = f["shif_id"]               // want `^handler reads key "shif_id" of event "shift\.planned", which no emit in the module provides, so it is always nil: did you mean "shift_id"\?$`
		starts, _ := f["starts"].(int) // want `^handler asserts key "starts" of event "shift\.planned" to be int, but the emits in the module pass string \(fields/module/hr/hr\.go:11\): the assertion always fails; assert string$`
		_ = f["note"]                  // emitted in the module, not in the program: reported in package main
		_ = starts
		return nil
	})
	bus.On("shift.planned", rota.Handle) // want `^handler at fields/module/rota/rota\.go:12 reads key "finishes" of event "shift\.planned", which no emit in the module provides, so it is always nil: emit it or stop reading it$`
}
