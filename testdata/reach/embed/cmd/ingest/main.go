// Command ingest links app, whose emits reach the bus through rt, and
// audit, which handles one of them.
package main

import (
	_ "example.com/lint/reach/embed/app"
	_ "example.com/lint/reach/embed/audit"
	_ "example.com/lint/reach/embed/idle"
)

func main() {} // want `^event "IngestFailed" is emitted but no handler linked into this program subscribes to it \(emitted at reach/embed/app/app\.go:15\): import a package that handles it, if there is one, or stop emitting it$`
