// Package crm emits the catalogued events with payloads spelled by the
// model's names or by the catalogue's aliases.
package crm

import (
	"context"

	"example.com/lint/alias/events"
	"example.com/lint/alias/model"
	"github.com/eventlint/eventlint/bus"
)

func Create(ctx context.Context, c *model.Customer) {
	bus.Emit(ctx, events.CustomerCreated, c) // fine: *model.Customer is *events.Customer
}

func Merge(ctx context.Context, c *events.Customer) {
	bus.Emit(ctx, events.CustomerMerged, c) // fine: the catalogue's own spelling
}

func List(ctx context.Context, p model.Page[model.Customer]) {
	bus.Emit(ctx, events.CustomerListed, p)                      // fine: a type argument spelled without the alias
	bus.Emit(ctx, events.CustomerListed, events.CustomerPage(p)) // fine: an alias of the instance
}

func MergeByValue(ctx context.Context, c model.Customer) {
	// A real mismatch: the message names the declared payload as the
	// catalogue spells it.
	bus.Emit(ctx, events.CustomerMerged, c) // want `^event "customer\.merged" is catalogued with payload \*events\.Customer, but this emits model\.Customer: emit \*events\.Customer$`
}
