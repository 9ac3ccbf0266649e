// Package reassign has functions that change their name parameter before
// passing it to the bus: they do not forward their callers' names, so
// their bus calls are computed-name emits and their callers are no sites.
package reassign

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Billing prefixes the name: the bus never sees the caller's name.
func Billing(ctx context.Context, name string, p any) {
	name = "billing." + name
	bus.Emit(ctx, name, p) // want `^event name passed to bus\.Emit is not a compile-time constant, so its contract cannot be checked: use a constant$`
}

// Suffixed appends to the name in place.
func Suffixed(ctx context.Context, name string) {
	name += ".done"
	bus.Emit(ctx, name, nil) // want `^event name passed to bus\.Emit is not a compile-time constant, so its contract cannot be checked: use a constant$`
}

// Normalized lets another function rewrite the name through its address.
func Normalized(ctx context.Context, name string) {
	normalize(&name)
	bus.Emit(ctx, name, nil) // want `^event name passed to bus\.Emit is not a compile-time constant, so its contract cannot be checked: use a constant$`
}

func normalize(name *string) { *name = "x." + *name }

// Subscribed rewrites the name inside a closure before subscribing.
func Subscribed(name string, h func(context.Context, int) error) {
	func() { name = "jobs." + name }()
	bus.On(name, h) // want `^event name passed to bus\.On is not a compile-time constant, so its contract cannot be checked: use a constant$`
}

// Publish is a wrapper: the name it declares in an inner block is a new
// variable, and the parameter reaches the bus unchanged.
func Publish(ctx context.Context, name string, p any) {
	{
		name := "ignored"
		_ = name
	}
	bus.Emit(ctx, name, p)
}

func callers(ctx context.Context) {
	Billing(ctx, "Invoice", nil) // the bus sees "billing.Invoice": no name of this call to check
	Suffixed(ctx, "Export")
	Normalized(ctx, "Sync")
	Subscribed("Tick", func(context.Context, int) error { return nil })
	Publish(ctx, "EmployeeHired", nil) // want `^event name "EmployeeHired" has 1 segment, want <aggregate>\.<verb>: name it "employee\.hired"$`
}
