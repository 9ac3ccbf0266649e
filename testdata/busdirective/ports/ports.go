// Package ports declares the publisher the shop's packages are given; its
// implementation lives elsewhere and is injected by main.
package ports

import "context"

// Publisher publishes events to in-process handlers.
type Publisher interface {
	//eventlint:emit name=topic payload=data
	Publish(ctx context.Context, topic string, data any) error
	//eventlint:subscribe name=topic handler=h
	Subscribe(topic string, h func(ctx context.Context, data any) error)
}
