// Package events is the event catalogue of the catalogue tests.
//
//eventlint:catalogue
package events

// Employee is the payload of the employee events.
type Employee struct {
	ID   int
	Name string
}

// Patient is the payload of the patient events.
type Patient struct{ ID int }

// Name is the type of the typed event constants.
type Name string

const (
	// EmployeeCreated is emitted when HR has added an employee.
	//
	//eventlint:payload *Employee
	EmployeeCreated = "employee.created"

	// EmployeeUpdated is emitted when an employee's details change.
	//
	//eventlint:payload bus.Fields{"name", "id"}
	EmployeeUpdated = "employee.updated"

	// EmployeeAdded is an old spelling of EmployeeCreated.
	EmployeeAdded = "employee.created" // want `^event "employee.created" is already declared by EmployeeCreated at line 22: keep one constant per event$`

	// EmployeeArchived is emitted when an employee's records are archived.
	// Its payload directive names no type, so it declares no payload.
	// want +2 `^payload directive of EmployeeArchived: "Employe" names no type in scope here$`
	//
	//eventlint:payload Employe
	EmployeeArchived = "employee.archived"

	// PatientCreated is emitted when a patient is first registered.
	//
	//eventlint:payload Patient
	PatientCreated = "patient.created"

	// PatientRegistered is the old name of PatientCreated.
	//
	// Deprecated: emit PatientCreated; this one goes away once the
	// reporting service has moved over.
	//
	//eventlint:payload Patient
	PatientRegistered = "patient.registered"

	// ReportFailed is emitted when a report cannot be built; any error
	// will do as its payload.
	//
	//eventlint:payload error
	ReportFailed = "report.failed"

	// AuditLogged is emitted for the audit trail, with whatever keys the
	// emitter has.
	//
	//eventlint:payload bus.Fields
	AuditLogged = "audit.logged"

	// InvoicePay breaks the naming rule; the naming analyzer reports it
	// here, the catalogue analyzer does not.
	InvoicePay = "invoice.pay"

	// ShiftSwapped is a typed constant: bus calls need string(ShiftSwapped).
	ShiftSwapped Name = "shift.swapped"
)

// defaultShift is unexported, so it is no published event.
const defaultShift = "shift.planned"
