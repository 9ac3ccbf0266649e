// Package notify handles the employee events with *hr.Employee.
package notify

import (
	"context"

	"example.com/lint/unregistered/payloadnone/hr"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.hired", welcome)
	bus.On("employee.promoted", welcome)
	bus.On("employee.promoted", congratulate)
	bus.On("employee.moved", welcome)
	bus.On("employee.left", welcome)
	bus.On("employee.renamed", welcome)
}

func welcome(ctx context.Context, e *hr.Employee) error { return nil }

func congratulate(ctx context.Context, e hr.Employee) error { return nil }
