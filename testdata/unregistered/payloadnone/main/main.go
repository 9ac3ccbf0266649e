// Command main links hr, notify and audit: an emit whose payload type no
// handler of its event takes is reported once per type, naming its sites
// and the handlers.
package main

import (
	_ "example.com/lint/unregistered/payloadnone/audit"
	_ "example.com/lint/unregistered/payloadnone/hr"
	_ "example.com/lint/unregistered/payloadnone/notify"
)

func main() {} // want `^event "employee\.hired" is emitted with hr\.Employee at unregistered/payloadnone/hr/hr\.go:17, unregistered/payloadnone/hr/hr\.go:18, but no handler linked into this program takes that type \(they take \*hr\.Employee \(unregistered/payloadnone/notify/notify\.go:12\)\): the bus delivers these emits to none; emit \*hr\.Employee$` `^event "employee\.promoted" is emitted with hr\.Manager at unregistered/payloadnone/hr/hr\.go:23, but no handler linked into this program takes that type \(they take \*hr\.Employee \(unregistered/payloadnone/notify/notify\.go:13\), hr\.Employee \(unregistered/payloadnone/notify/notify\.go:14\)\): the bus delivers these emits to none; emit one of those types$` `^handler at unregistered/payloadnone/notify/notify\.go:14 takes hr\.Employee but "employee\.promoted" is emitted with \*hr\.Employee` `^handler at unregistered/payloadnone/notify/notify\.go:16 takes \*hr\.Employee but "employee\.left" is emitted with hr\.Employee`
