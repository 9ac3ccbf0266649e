// Package ports declares the interface alerts subscribes through.
package ports

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Subscriber interface {
	Subscribe(event string, h func(context.Context, bus.Fields) error)
}
