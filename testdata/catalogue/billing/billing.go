// Package billing is a second catalogue, for packages that see two.
//
//eventlint:catalogue
package billing

// InvoicePaid is emitted when an invoice is settled.
//
//eventlint:payload bus.Fields{"invoice_id", "amount"}
const InvoicePaid = "invoice.paid"
