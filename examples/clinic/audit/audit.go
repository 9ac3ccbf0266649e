// Package audit keeps an audit trail of staff changes. Mistake: no command
// imports it, so its handlers never run.
package audit

import (
	"context"
	"fmt"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On(events.EmployeeStatusChanged, record)
	// Mistake: a typo of employee.status_changed.
	bus.On("employee.status_chaged", record)
}

func record(ctx context.Context, e *events.Employee) error {
	fmt.Printf("audit: %s is now %s\n", e.Name, e.Status)
	return nil
}
