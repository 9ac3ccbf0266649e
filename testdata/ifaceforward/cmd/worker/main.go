package main

import (
	"context"

	"example.com/lint/ifaceforward/adapter"
	"example.com/lint/ifaceforward/jobs"
	_ "example.com/lint/ifaceforward/workers"
	"github.com/eventlint/eventlint/bus"
)

func main() {
	b := bus.New()
	r := jobs.New(&adapter.Emitter{B: b})
	r.Finish(context.Background(), "job.finished")
}
