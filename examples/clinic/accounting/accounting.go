// Package accounting books paid invoices. Its handler registers at init.
package accounting

import (
	"context"
	"fmt"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On(events.InvoicePaid, bookPayment)
}

func bookPayment(ctx context.Context, f bus.Fields) error {
	fmt.Printf("booked invoice %v: %v\n", f["invoice_id"], f["amount"])
	return nil
}
