package handlers

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("doc.printed", func(ctx context.Context, doc string) error { return nil }) // fine: a library's handlers run in its users' commands
}
