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
	bus.Emit(ctx, "payslip.issued", id)  // want `^event "payslip\.issued" is emitted and handled only in this package \(handled at samepackage/module/payroll/payroll\.go:11\): call the handler directly instead of going through the bus$`
	bus.Emit(ctx, "payroll.audited", id) // handled elsewhere
}

func archive(ctx context.Context, id int) error { return nil }
