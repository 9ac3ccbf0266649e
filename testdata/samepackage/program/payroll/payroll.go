// Package payroll emits payslip.issued and handles it itself.
package payroll

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("payslip.issued", archive)
	bus.On("payroll.closed", archive) // emitted elsewhere
}

func Issue(ctx context.Context, id int) {
	bus.Emit(ctx, "payslip.issued", id)
	bus.Emit(ctx, "payroll.audited", id) // handled elsewhere
}

func archive(ctx context.Context, id int) error { return nil }
