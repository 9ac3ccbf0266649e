// Package hub implements ports.Publisher with a map of handlers.
package hub

import "context"

// Hub is a map of handlers by topic.
type Hub struct {
	handlers map[string][]func(context.Context, any) error
}

// New returns an empty hub.
func New() *Hub { return &Hub{handlers: map[string][]func(context.Context, any) error{}} }

func (h *Hub) Publish(ctx context.Context, topic string, data any) error {
	for _, fn := range h.handlers[topic] {
		if err := fn(ctx, data); err != nil {
			return err
		}
	}
	return nil
}

func (h *Hub) Subscribe(topic string, fn func(ctx context.Context, data any) error) {
	h.handlers[topic] = append(h.handlers[topic], fn)
}
