// Package cgo uses cgo: go/packages hands the analyzers the files cgo
// generated, whose //line directives map positions back to this file.
package cgo

/*
#include <stdlib.h>

static int twice(int x) { return 2 * x; }
*/
import "C"

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Twice doubles x in C.
func Twice(x int) int { return int(C.twice(C.int(x))) }

func emit(ctx context.Context) {
	n := Twice(21)
	bus.Emit(ctx, "invoice.sent", n)
	bus.Emit(ctx, "InvoiceSent", C.int(n)) // want `^event name "InvoiceSent" has 1 segment, want <aggregate>\.<verb>: name it "invoice\.sent"$`
}
