// Package store emits through a function its command passes in: the
// calls are not followed, and the command's bus.Emit counts as an emit
// under a computed name.
package store

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Record struct{ ID int }

type Store struct {
	emit func(context.Context, string, any)
	log  auditLog
}

func New(emit func(context.Context, string, any)) *Store {
	return &Store{emit: emit, log: auditLog{emit: bus.Emit}}
}

func (s *Store) Save(ctx context.Context, r Record) {
	s.emit(ctx, "record.saved", r)
	s.log.emit(ctx, "RecordAudited", r)
}

// auditLog's field only ever holds bus.Emit: its calls are emits.
type auditLog struct {
	emit func(context.Context, string, any)
}
