// Command main links crm and notify: the handlers that take an alias of
// the emitted type receive it (no EL3002); the one taking events.Customer
// while crm emits *model.Customer is reported, naming each type as its
// code spells it.
package main

import (
	_ "example.com/lint/alias/crm"
	_ "example.com/lint/alias/notify"
)

func main() {} // want `^handler at alias/notify/notify\.go:22 takes events\.Customer but "customer\.created" is emitted with \*model\.Customer \(alias/crm/crm\.go:14\): the bus skips it; make the handler take \*model\.Customer$`
