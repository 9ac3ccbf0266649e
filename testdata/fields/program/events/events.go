// Package events is the catalogue of the fields tests.
//
//eventlint:catalogue
package events

const (
	// StatusChanged is emitted when an employee's status changes.
	//
	//eventlint:payload bus.Fields{"employee_id": int, "from_state": string, "to_state": string, "reason"}
	StatusChanged = "employee.status_changed"

	// EmployeeCreated is emitted when HR has added an employee.
	EmployeeCreated = "employee.created"

	// InvoicePaid is emitted when an invoice is settled. Its note is
	// declared but not emitted yet.
	//
	//eventlint:payload bus.Fields{"invoice_id", "note"}
	InvoicePaid = "invoice.paid"
)
