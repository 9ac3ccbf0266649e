// Command main links crm and notify: the handlers that take an alias of
// the emitted type receive it (no EL3002); the one taking events.Customer
// while crm emits *model.Customer is reported, naming each type as its
// code spells it, and so is crm's emit of model.Customer, which no
// handler takes (EL3005).
package main

import (
	_ "example.com/lint/alias/crm"
	_ "example.com/lint/alias/notify"
)

func main() {} // want `^handler at alias/notify/notify\.go:22 takes events\.Customer but "customer\.created" is emitted with \*model\.Customer \(alias/crm/crm\.go:14\): the bus skips it; make the handler take \*model\.Customer$` `^event "customer\.merged" is emitted with model\.Customer at alias/crm/crm\.go:29, but no handler linked into this program takes that type \(they take \*model\.Customer \(alias/notify/notify\.go:18\)\): the bus delivers these emits to none; emit \*model\.Customer$`
