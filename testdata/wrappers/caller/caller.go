package caller

import "example.com/lint/wrappers/audit"

func hire(name string) {
	audit.Record("employee.hired", name) // fine: a conforming name, seen through two wrappers
	audit.Record("EmployeeHired", name)  // want `^event name "EmployeeHired" has 1 segment, want <aggregate>\.<verb>: name it "employee\.hired"$`
	audit.Record("employee.hire", name)  // want `^event name "employee\.hire" does not end in a past-tense verb \("hire"\): name it "employee\.hired"$`
}
