package bad

import "github.com/eventlint/eventlint/bus"

func emit() {
	var n int = "three"
	bus.Emit(nil, "Bad", n)
}
