package main

import (
	_ "example.com/lint/unregistered/dynamic/emitter"
	_ "example.com/lint/unregistered/dynamic/router"
)

// Router subscribes under computed names, so report.generated may have a
// handler, and emitter emits under a computed name, so the handler of
// summary.generated taking *Report may receive one. No emit can pass an
// *Invoice, though: that handler is reported.
func main() {} // want `^handler at unregistered/dynamic/router/router.go:17 takes \*router.Invoice but "summary.generated" is emitted with emitter.Report \(unregistered/dynamic/emitter/emitter.go:14\): the bus skips it; make the handler take emitter.Report$`
