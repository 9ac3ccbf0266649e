package main

import _ "example.com/lint/unregistered/testimport/emitter"

func main() {} // want `^event "payment\.received" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/testimport/emitter/emitter\.go:10\): import a package that handles it, if there is one, or stop emitting it$`
