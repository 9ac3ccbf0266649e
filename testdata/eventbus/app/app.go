// Package app publishes and handles events on asaskevich/EventBus.
package app

import (
	EventBus "github.com/asaskevich/EventBus"
)

type Order struct{ ID int }

// Register subscribes the package's handlers.
func Register(b EventBus.Bus) {
	// Publish hands an Order; this handler takes *Order: EventBus's
	// reflect call panics.
	b.Subscribe("order.placed", func(o *Order) {})
	// Two arguments, matching Publish below.
	b.SubscribeAsync("order.shipped", func(id int, carrier string) {}, false)
	// An interface parameter may receive anything.
	b.SubscribeOnce("order.paid", func(v any) {})
}

// Run publishes.
func Run(b EventBus.Bus, eb *EventBus.EventBus) {
	b.Publish("order.placed", Order{ID: 1})
	b.Publish("order.shipped", 1, "ups")
	eb.Publish("order.paid", 3)
	b.Publish("OrderCancelled", 1)
}
