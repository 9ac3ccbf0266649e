// Package rota holds a handler that notify subscribes.
package rota

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Handle reads a key nothing emits.
func Handle(ctx context.Context, f bus.Fields) error {
	_ = f["finishes"]
	return nil
}
