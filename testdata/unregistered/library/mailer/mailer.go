package mailer

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("report.generated", mail) // want `^handlers of package example\.com/lint/unregistered/library/mailer never run: no command imports it \(add _ "example\.com/lint/unregistered/library/mailer" to a command\)$`
}

func mail(ctx context.Context, r any) error { return nil }
