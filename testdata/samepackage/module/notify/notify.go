// Package notify handles events of other packages.
package notify

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.hired", func(ctx context.Context, id int) error { return nil })
	bus.On("payroll.audited", func(ctx context.Context, id int) error { return nil })
}
