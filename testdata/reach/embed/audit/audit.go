package audit

import (
	"context"

	"example.com/lint/reach/embed/app"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("ingest.started", func(ctx context.Context, b *app.Batch) error { return nil })
}
