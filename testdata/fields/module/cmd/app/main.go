package main

import (
	_ "example.com/lint/fields/module/hr"
	_ "example.com/lint/fields/module/notify"
)

// main reports only what the module-wide check at the handlers does not.
func main() { // want `^handler at fields/module/notify/notify\.go:16 reads key "note" of event "shift\.planned", which no emit linked into this program provides, so it is always nil: emit it or stop reading it$`
}
