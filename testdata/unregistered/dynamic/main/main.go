package main

import (
	_ "example.com/lint/unregistered/dynamic/emitter"
	_ "example.com/lint/unregistered/dynamic/router"
)

// main is fine: router subscribes under computed names, so report.generated
// may have a handler, and emitter emits under a computed name, so the
// handler of summary.generated may receive a *Report.
func main() {}
