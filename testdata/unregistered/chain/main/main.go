// Package main links a, which links b, which links c: only c subscribes.
package main

import _ "example.com/lint/unregistered/chain/a"

func main() {} // want `^event "invoice\.sent" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/chain/b/b\.go:13, unregistered/chain/b/b\.go:14, unregistered/chain/b/b\.go:15 and 1 more\): import a package that handles it, if there is one, or stop emitting it$`
