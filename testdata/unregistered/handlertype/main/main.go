package main

import (
	_ "example.com/lint/unregistered/handlertype/hr"
	_ "example.com/lint/unregistered/handlertype/legacy/hr"
	_ "example.com/lint/unregistered/handlertype/notify"
)

// main links emits and handlers whose types do not always match.
func main() { // want `^handler at unregistered/handlertype/notify/notify\.go:11 takes hr\.Employee but "employee\.created" is emitted with \*hr\.Employee \(unregistered/handlertype/hr/hr\.go:12\): the bus skips it; make the handler take \*hr\.Employee$` `^handler at unregistered/handlertype/notify/notify\.go:14 takes \*hr\.Employee but "employee\.updated" is emitted with hr\.Employee \(unregistered/handlertype/hr/hr\.go:13\): the bus skips it; make the handler take hr\.Employee$` `^handler at unregistered/handlertype/notify/notify\.go:16 takes bool but "employee\.archived" is emitted with string \(unregistered/handlertype/hr/hr\.go:15\), int \(unregistered/handlertype/hr/hr\.go:16\): the bus skips it; make the handler take one of those types or an interface they implement$` `^handler at unregistered/handlertype/notify/notify\.go:17 takes example\.com/lint/unregistered/handlertype/hr\.Employee but "staff\.hired" is emitted with example\.com/lint/unregistered/handlertype/legacy/hr\.Employee \(unregistered/handlertype/legacy/hr/hr\.go:13\): the bus skips it; make the handler take example\.com/lint/unregistered/handlertype/legacy/hr\.Employee$`
}
