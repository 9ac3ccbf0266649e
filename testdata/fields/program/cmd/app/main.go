package main

import (
	_ "example.com/lint/fields/program/hr"
	_ "example.com/lint/fields/program/ledger"
	_ "example.com/lint/fields/program/notify"
)

// main links handlers that read keys nothing in the program emits.
func main() { // want `^handler at fields/program/notify/notify\.go:37 asserts key "employee_id" of event "employee\.created" to be string, but the emits linked into this program pass int \(fields/program/hr/hr\.go:23, fields/program/hr/hr\.go:24\): the assertion always fails; assert int$` `^handler at fields/program/notify/notify\.go:38 reads key "manager_id" of event "employee\.created", which no emit linked into this program provides, so it is always nil: emit it or stop reading it$` `^handler at fields/program/notify/notify\.go:39 reads key "naame" of event "employee\.created", which no emit linked into this program provides, so it is always nil: did you mean "name"\?$` `^handler at fields/program/notify/notify\.go:40 asserts key "employee_id" of event "employee\.created" to be string, but the emits linked into this program pass int \(fields/program/hr/hr\.go:23, fields/program/hr/hr\.go:24\): the assertion always fails; assert int$` `^handler at fields/program/notify/notify\.go:42 reads key "employe_id" of event "employee\.created", which no emit linked into this program provides, so it is always nil: did you mean "employee_id"\?$` `^handler at fields/program/notify/notify\.go:15 reads key "from_sate" of event "employee\.status_changed", which no emit linked into this program provides, so it is always nil: did you mean "from_state"\?$` `^handler at fields/program/notify/notify\.go:78 reads key "to_stat" of event "employee\.status_changed", which no emit linked into this program provides, so it is always nil: did you mean "to_state"\?$` `^handler at fields/program/notify/notify\.go:25 reads key "invoce_id" of event "invoice\.paid", which no emit linked into this program provides, so it is always nil: did you mean "invoice_id"\?$`
}
