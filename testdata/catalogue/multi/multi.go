// Package multi sees two catalogues: an event may be declared in either.
package multi

import (
	"context"

	"example.com/lint/catalogue/billing"
	"example.com/lint/catalogue/events"
	"github.com/eventlint/eventlint/bus"
)

func emit(ctx context.Context) {
	bus.Emit(ctx, events.PatientCreated, events.Patient{})                       // fine: declared in events
	bus.Emit(ctx, billing.InvoicePaid, bus.Fields{"invoice_id": 1, "amount": 2}) // fine: declared in billing
	bus.Emit(ctx, billing.InvoicePaid, bus.Fields{"invoice_id": 1})              // want `^bus.Fields payload of event "invoice.paid" lacks key "amount": emit bus.Fields{"amount", "invoice_id"} as catalogued, or update the catalogue$`
	bus.Emit(ctx, "invoice.payed", nil)                                          // want `^event "invoice.payed" is not declared in any of the catalogues example.com/lint/catalogue/billing, example.com/lint/catalogue/events: add a constant for it to one of them \(did you mean "invoice.paid"\?\)$`
}
