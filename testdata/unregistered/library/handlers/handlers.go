// Package handlers imports api, so api cannot import it: it is not offered.
package handlers

import (
	"context"

	"example.com/lint/unregistered/library/api"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("report.generated", index) // want `^handlers of package example\.com/lint/unregistered/library/handlers never run: no command imports it \(add _ "example\.com/lint/unregistered/library/handlers" to a command\)$`
}

func index(ctx context.Context, r api.Report) error { return nil }
