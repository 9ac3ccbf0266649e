// Package hr is another package named hr: messages must tell its types apart.
package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Employee struct{ Name string }

func Hire(ctx context.Context, e Employee) {
	bus.Emit(ctx, "staff.hired", e) // notify takes the other hr.Employee: reported in package main
}
