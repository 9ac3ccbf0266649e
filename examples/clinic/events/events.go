// Package events is the clinic's event catalogue: every event a package of
// the clinic publishes is declared here, with its purpose and payload.
//
//eventlint:catalogue
package events

// Payload types live in the catalogue, so emitters and handlers share them
// without importing each other.

// Employee is the payload of the employee events.
type Employee struct {
	ID     int
	Name   string
	Email  string
	Status string
}

// Patient is the payload of the patient events.
type Patient struct {
	ID   int
	Name string
}

// Appointment is the payload of the appointment events.
type Appointment struct {
	ID        int
	PatientID int
	DoctorID  int
}

const (
	// EmployeeCreated is emitted when HR has added an employee.
	//
	//eventlint:payload *Employee
	EmployeeCreated = "employee.created"

	// EmployeeStatusChanged is emitted when an employee goes on leave,
	// comes back or leaves the clinic.
	//
	//eventlint:payload *Employee
	EmployeeStatusChanged = "employee.status_changed"

	// EmployeeArchived was meant for the yearly clean-up of old records.
	EmployeeArchived = "employee.archived"

	// PatientCreated is emitted when a patient is first registered.
	//
	//eventlint:payload *Patient
	PatientCreated = "patient.created"

	// PatientRegistered is the old name of PatientCreated.
	//
	// Deprecated: emit PatientCreated; this one goes away once the
	// reporting service has moved over.
	//
	//eventlint:payload *Patient
	PatientRegistered = "patient.registered"

	// AppointmentScheduled is emitted when a patient books an appointment.
	//
	//eventlint:payload *Appointment
	AppointmentScheduled = "appointment.scheduled"

	// InvoicePaid is emitted when a patient's invoice is settled.
	//
	//eventlint:payload bus.Fields{"invoice_id", "amount"}
	InvoicePaid = "invoice.paid"
)
