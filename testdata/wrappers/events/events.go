package events // want package:`^\{package events \("example\.com/lint/wrappers/events"\) summary\(emits=1 subs=0 dynamic=0 wrappers=2 catalogues=0\)\}$`

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Publish emits name on the default bus: its callers' names are the sites.
func Publish(name string, payload any) { // want Publish:"^emits\\(name=0, payload=1\\)$"
	bus.Emit(context.Background(), name, payload)
}

// Handle subscribes h to name.
func Handle[T any](name string, h func(context.Context, T) error) { // want Handle:"^subscribes\\(name=0, handler=1\\)$"
	bus.On(name, h)
}

// notify is no wrapper: the name it passes is its own.
func notify(id int) {
	Publish("events.notified", id)
}
