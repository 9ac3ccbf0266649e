package main

import (
	_ "example.com/lint/unregistered/module/hr"
	_ "example.com/lint/unregistered/module/metrics"
)

func main() {} // want `^event "employee\.created" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/module/hr/hr\.go:12\): import one of _ "example\.com/lint/unregistered/module/audit", _ "example\.com/lint/unregistered/module/notify", which handle it$` `^event "employee\.deleted" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/module/hr/hr\.go:14\): no package of the module handles it at init, so subscribe to it or stop emitting it$` `^event "employee\.updated" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/module/hr/hr\.go:13\): import _ "example\.com/lint/unregistered/module/payroll", which handles it$`
