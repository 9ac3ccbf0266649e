// Package testhook connects package bus to package bus/bustest: it carries
// the three operations bustest needs that are not part of the bus's API.
// Package bus sets the variables from its init function and nothing else
// may set them; only bus/bustest calls them.
//
// The bus is passed as any (always a *bus.Bus) because package bus imports
// this package, so this package cannot name its types.
package testhook

import "context"

var (
	// Save returns the state of bus b: its subscriptions, its observer and
	// its tap, as one immutable value for Restore.
	Save func(b any) (state any)

	// Restore makes state, which Save returned for the same bus, the state
	// of b again. Emits that start after it returns see that state.
	Restore func(b any, state any)

	// SetTap makes every Emit on b that starts after it returns call tap
	// first, with the Emit's arguments, and, if drop is set, return after
	// tap without calling handlers or the unhandled function. A nil tap
	// and drop false remove both. Subscriptions and observer are kept.
	SetTap func(b any, tap func(ctx context.Context, event string, payload any), drop bool)
)
