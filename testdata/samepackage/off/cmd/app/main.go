package main

import _ "example.com/lint/samepackage/off/payroll"

func main() {}
