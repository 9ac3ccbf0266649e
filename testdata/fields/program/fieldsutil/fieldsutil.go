// Package fieldsutil holds a helper that reads a key of a bus.Fields
// payload: its callers in other packages are followed through its fact.
package fieldsutil

import "github.com/eventlint/eventlint/bus"

// Int reads key as an int.
func Int(f bus.Fields, key string) int {
	n, _ := f[key].(int)
	return n
}
