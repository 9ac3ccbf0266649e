// Package billing settles invoices.
package billing

import (
	"context"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

// Pay settles an invoice.
func Pay(ctx context.Context, invoiceID int, amount float64) {
	// Mistake: the catalogue declares the keys invoice_id and amount.
	bus.Emit(ctx, events.InvoicePaid, bus.Fields{"invoice": invoiceID, "amount": amount})
}
