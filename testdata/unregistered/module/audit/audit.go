package audit

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

var _ = bus.On("employee.created", record) // want `^handlers of package example\.com/lint/unregistered/module/audit never run: no command imports it \(add _ "example\.com/lint/unregistered/module/audit" to a command\)$`

func record(ctx context.Context, e any) error { return nil }
