// Package notify handles the events with handlers that take the other
// spelling of the payload type than the emits pass.
package notify

import (
	"context"

	"example.com/lint/alias/events"
	"example.com/lint/alias/model"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	// crm emits *model.Customer; the bus delivers it to *events.Customer.
	bus.On(events.CustomerCreated, func(ctx context.Context, c *events.Customer) error { return nil })
	// crm emits *events.Customer (and model.Customer); *model.Customer
	// receives the first.
	bus.On(events.CustomerMerged, func(ctx context.Context, c *model.Customer) error { return nil })
	// crm emits model.Page[model.Customer] both ways.
	bus.On(events.CustomerListed, func(ctx context.Context, p events.CustomerPage) error { return nil })
	// A handler no emit reaches, reported in package main.
	bus.On(events.CustomerCreated, func(ctx context.Context, c events.Customer) error { return nil })
}
