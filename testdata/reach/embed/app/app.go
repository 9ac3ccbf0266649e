// Package app imports rt, not the bus: it reaches the bus through the
// type rt.Runtime embeds, so its calls of r.Emit are sites.
package app

import (
	"context"

	"example.com/lint/reach/embed/rt"
)

type Batch struct{ ID int }

func Ingest(ctx context.Context, r *rt.Runtime, b *Batch) {
	r.Emit(ctx, "ingest.started", b) // fine: well named, and audit handles it
	r.Emit(ctx, "IngestFailed", b)   // want `^event name "IngestFailed" has 1 segment, want <aggregate>\.<verb>: name it "ingest\.failed"$`
}
