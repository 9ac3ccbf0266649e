package api // want `^event "report\.generated" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/library/api/api\.go:14\): import _ "example\.com/lint/unregistered/library/mailer", which handles it$`

import (
	"context"

	_ "example.com/lint/unregistered/library/api/internal/store"
	"github.com/eventlint/eventlint/bus"
)

// Report is what the library generates.
type Report struct{ ID int }

func Generate(ctx context.Context, r Report) {
	bus.Emit(ctx, "report.generated", r) // reported at the package clause: api is a root, and mailer handles it
	bus.Emit(ctx, "report.archived", r)  // fine: store, linked into api, handles it
}
