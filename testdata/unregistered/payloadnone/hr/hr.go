// Package hr emits employee events, some with a payload type no handler
// takes.
package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Employee struct{ Name string }

type Manager struct{ Employee }

func Hire(ctx context.Context, e Employee) {
	bus.Emit(ctx, "employee.hired", &e) // reaches notify's *Employee handler
	bus.Emit(ctx, "employee.hired", e)  // Employee: reaches none (reported in main)
	bus.Emit(ctx, "employee.hired", e)  // the same type again: one finding names both sites
}

func Promote(ctx context.Context, e Employee, m Manager) {
	bus.Emit(ctx, "employee.promoted", &e) // reaches notify's *Employee handler
	bus.Emit(ctx, "employee.promoted", m)  // Manager: reaches none (reported in main)
}

func Move(ctx context.Context, e Employee) {
	bus.Emit(ctx, "employee.moved", &e) // reaches notify's handler
	bus.Emit(ctx, "employee.moved", e)  // fine: audit's handler takes any
}

func Leave(ctx context.Context, e Employee) {
	bus.Emit(ctx, "employee.left", e) // no emit reaches the handler: EL3002 reports it, not this
}

func Rename(ctx context.Context, e Employee, p any) {
	bus.Emit(ctx, "employee.renamed", &e) // reaches notify's handler
	bus.Emit(ctx, "employee.renamed", p)  // fine: its dynamic type may be *Employee
}
