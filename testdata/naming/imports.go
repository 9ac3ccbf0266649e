package naming

import (
	"context"

	. "github.com/eventlint/eventlint/bus"
	eb "github.com/eventlint/eventlint/bus"
)

// Bus calls are recognised by the function they resolve to, not by how
// the file spells the import.
func spelledOtherwise(ctx context.Context) {
	eb.Emit(ctx, "InvoiceSent", nil) // want `^event name "InvoiceSent" has 1 segment, want <aggregate>.<verb>: name it "invoice.sent"$`
	Emit(ctx, "InvoiceVoid", nil)    // want `^event name "InvoiceVoid" has 1 segment, want <aggregate>.<verb>: name it "invoice.voided"$`
	b := New()
	Subscribe(b, "invoice.sent", func(ctx context.Context, p *Employee) error { return nil }) // fine: a dot-imported Subscribe with a good name
	publish := Default().Emit
	publish(ctx, "invoice.void", nil)   // want `^event name "invoice.void" does not end in a past-tense verb \("void"\): name it "invoice.voided"$`
	eb.On[*Employee]("ward.close", nil) // want `^event name "ward.close" does not end in a past-tense verb \("close"\): name it "ward.closed"$`
}
