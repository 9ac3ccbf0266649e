package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Employee struct{ ID int }

func Publish(ctx context.Context, e *Employee) {
	bus.Emit(ctx, "employee.created", e) // reported in cmd/app: audit and notify handle it, not linked in
	bus.Emit(ctx, "employee.updated", e) // reported in cmd/app: payroll handles it, not linked in
	bus.Emit(ctx, "employee.deleted", e) // reported in cmd/app: no importable package handles it at init
	bus.Emit(ctx, "employee.viewed", e)  // fine: metrics, linked into cmd/app, handles it
}
