package main

import (
	_ "example.com/lint/samepackage/program/hr"
	_ "example.com/lint/samepackage/program/notify"
	_ "example.com/lint/samepackage/program/payroll"
)

func main() {} // want `^event "payslip\.issued" is emitted and handled only in package example\.com/lint/samepackage/program/payroll \(emitted at samepackage/program/payroll/payroll\.go:16, handled at samepackage/program/payroll/payroll\.go:11\): call the handler directly instead of going through the bus$`
