package cleanup

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.deleted", purge) // want `^handlers of package example\.com/lint/unregistered/module/svc/internal/cleanup never run: no command imports it \(add _ "example\.com/lint/unregistered/module/svc/internal/cleanup" to a command\)$`
}

func purge(ctx context.Context, e any) error { return nil }
