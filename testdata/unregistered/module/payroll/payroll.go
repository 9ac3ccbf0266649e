package payroll

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() { register() }

func register() {
	bus.On("employee.updated", recompute) // want `^handlers of package example\.com/lint/unregistered/module/payroll never run: no command imports it \(add _ "example\.com/lint/unregistered/module/payroll" to a command\)$`
}

func recompute(ctx context.Context, e any) error { return nil }
