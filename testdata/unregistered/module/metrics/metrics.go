package metrics

import (
	"context"

	"example.com/lint/unregistered/module/hr"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.viewed", count) // fine: cmd/app imports metrics, and hr emits employee.viewed
}

func count(ctx context.Context, e *hr.Employee) error { return nil }
