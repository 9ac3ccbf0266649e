// Package alerts subscribes through ports.Subscriber only.
package alerts

import (
	"context"

	"example.com/lint/ifacesub/ports"
	"github.com/eventlint/eventlint/bus"
)

func Register(s ports.Subscriber) {
	s.Subscribe("task.done", func(ctx context.Context, f bus.Fields) error { return nil })
}
