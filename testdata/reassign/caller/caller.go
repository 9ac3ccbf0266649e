// Package caller calls the functions of reassign from another package:
// only the wrapper's callers are sites.
package caller

import (
	"context"

	"example.com/lint/reassign"
)

func calls(ctx context.Context) {
	reassign.Billing(ctx, "Invoice", nil) // not a site: Billing changes the name first
	reassign.Suffixed(ctx, "Export")
	reassign.Publish(ctx, "InvoicePaid", nil) // want `^event name "InvoicePaid" has 1 segment, want <aggregate>\.<verb>: name it "invoice\.paid"$`
}
