// Package notify handles the events of the app.
package notify

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Employee is the payload of employee.created.
type Employee struct{ Name string }

func init() {
	bus.On("employee.created", welcome)
}

func welcome(ctx context.Context, e *Employee) error { return nil }
