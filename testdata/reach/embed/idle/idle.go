// Package idle imports rt but never calls the bus: nothing to report.
package idle

import "example.com/lint/reach/embed/rt"

func Name(r *rt.Runtime) string { return r.Name }
