package router

import (
	"context"

	"example.com/lint/unregistered/dynamic/emitter"
	"github.com/eventlint/eventlint/bus"
)

var kinds = []string{"report", "invoice"}

func init() {
	for _, kind := range kinds {
		bus.On(kind+".generated", handle) // a computed name: may be any event the program emits
	}
	bus.On("summary.generated", handle)        // fine: emitter emits a computed name that may pass it a *Report
	bus.On("summary.generated", handleInvoice) // reported in main: no emit, computed names included, passes an *Invoice
}

type Invoice struct{ ID int }

func handleInvoice(ctx context.Context, i *Invoice) error { return nil }

func handle(ctx context.Context, r *emitter.Report) error { return nil }
