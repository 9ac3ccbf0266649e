// Package computed is a catalogue of a module that emits under a computed
// name ("employee."+state): the test's module view has such an emit, which
// may produce any of these events, so none is reported as never emitted.
//
//eventlint:catalogue
package computed

const (
	// EmployeeHired may be what the computed name produces.
	EmployeeHired = "employee.hired" // fine: a computed name may produce it

	// EmployeeFired may be too.
	EmployeeFired = "employee.fired" // fine: a computed name may produce it
)
