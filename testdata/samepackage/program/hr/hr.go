// Package hr emits events that other packages handle too.
package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.hired", func(ctx context.Context, id int) error { return nil })
}

func Hire(ctx context.Context, id int) {
	bus.Emit(ctx, "employee.hired", id)  // also handled by notify
	bus.Emit(ctx, "payroll.closed", id)  // handled by payroll
	bus.Emit(ctx, "employee.viewed", id) // handled by nothing: EL3001's
}
