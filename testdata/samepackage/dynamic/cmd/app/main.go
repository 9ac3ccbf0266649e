package main

import (
	_ "example.com/lint/samepackage/dynamic/payroll"
	_ "example.com/lint/samepackage/dynamic/router"
)

func main() {}
