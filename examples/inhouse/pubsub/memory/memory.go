// Package memory implements the shop's bus in memory: a map from event name
// to handlers, called in the publishing goroutine.
package memory

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
)

// Bus is an in-memory pubsub.Publisher and pubsub.Subscriber.
type Bus struct {
	mu       sync.RWMutex
	handlers map[string][]reflect.Value
}

// New returns an empty bus.
func New() *Bus {
	return &Bus{handlers: map[string][]reflect.Value{}}
}

var (
	ctxType = reflect.TypeFor[context.Context]()
	errType = reflect.TypeFor[error]()
)

// Subscribe adds handler, a func(context.Context, T) error, to the handlers
// of event. It panics on any other handler: that is a programming error.
func (b *Bus) Subscribe(event string, handler any) {
	h := reflect.ValueOf(handler)
	t := h.Type()
	if t.Kind() != reflect.Func || t.NumIn() != 2 || t.In(0) != ctxType || t.NumOut() != 1 || t.Out(0) != errType {
		panic(fmt.Sprintf("memory: handler of %q is a %s, want func(context.Context, T) error", event, t))
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handlers[event] = append(b.handlers[event], h)
}

// Publish calls the handlers of event whose payload type payload has, and
// joins their errors. Handlers taking another type are skipped.
func (b *Bus) Publish(ctx context.Context, event string, payload any) error {
	b.mu.RLock()
	hs := b.handlers[event]
	b.mu.RUnlock()
	p := reflect.ValueOf(payload)
	var errs []error
	for _, h := range hs {
		want := h.Type().In(1)
		if !p.IsValid() || !p.Type().AssignableTo(want) {
			continue // not the handler's payload type
		}
		if err, _ := h.Call([]reflect.Value{reflect.ValueOf(ctx), p})[0].Interface().(error); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", event, err))
		}
	}
	return errors.Join(errs...)
}
