package main

import (
	_ "example.com/lint/samepackage/module/hr"
	_ "example.com/lint/samepackage/module/notify"
	_ "example.com/lint/samepackage/module/payroll"
)

func main() {}
