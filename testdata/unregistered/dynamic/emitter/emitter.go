package emitter

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Report struct{ ID int }

func Generate(ctx context.Context, kind string) {
	bus.Emit(ctx, "report.generated", Report{})  // fine: router may subscribe to it under a computed name
	bus.Emit(ctx, kind+".generated", &Report{})  // a computed name: may be summary.generated, with the *Report router takes
	bus.Emit(ctx, "summary.generated", Report{}) // fine: router takes *Report, but the computed-name emit above may pass it one
}
