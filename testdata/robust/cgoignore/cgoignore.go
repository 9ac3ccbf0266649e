// Package cgoignore uses cgo and an ignore directive: the analyzers see
// the file cgo rewrote, whose //line directives point back here.
package cgoignore

/*
static int three(void) { return 3; }
*/
import "C"

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func emit(ctx context.Context) {
	bus.Emit(ctx, "InvoiceSent", int(C.three())) // want `^event name "InvoiceSent" has 1 segment`
	bus.Emit(ctx, "InvoiceKept", nil)            //eventlint:ignore EL1001 the billing service consumes this name
	//eventlint:ignore EL1001 the billing service consumes this name too
	bus.Emit(ctx, "InvoiceHeld", nil)
}
