// Package notify handles what store saves.
package notify

import (
	"context"

	"example.com/lint/funcvalue/program/store"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("record.saved", func(context.Context, store.Record) error { return nil })
}
