// Package twopayload is a catalogue with constants that carry more than
// one payload directive.
//
//eventlint:catalogue
package twopayload

// Employee is the payload of the employee events.
type Employee struct{ Name string }

const (
	// EmployeeCreated is emitted when HR has added an employee. Which of
	// its two payloads is meant cannot be known: it declares none.
	// want +3 `^payload directive of EmployeeCreated repeats the one at line 15: keep one; until then EmployeeCreated declares no payload$`
	//
	//eventlint:payload *Employee
	//eventlint:payload Employee
	EmployeeCreated = "employee.created"

	// EmployeeRenamed has three.
	// want +4 `^payload directive of EmployeeRenamed repeats the one at line 23: keep one; until then EmployeeRenamed declares no payload$`
	// want +4 `^payload directive of EmployeeRenamed repeats the one at line 23: keep one; until then EmployeeRenamed declares no payload$`
	//
	//eventlint:payload string
	//eventlint:payload *Employee
	//eventlint:payload Employee
	EmployeeRenamed = "employee.renamed"

	// EmployeeMoved has one payload directive.
	//
	//eventlint:payload *Employee
	EmployeeMoved = "employee.moved"
)
