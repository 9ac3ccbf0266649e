// Package blind uses the bus without importing the required catalogue.
package blind

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// publish is a wrapper: the forwarding call is not a site of its own.
func publish(ctx context.Context, event string) {
	bus.Emit(ctx, event, nil) // fine: forwarded; publish's callers are the sites
}

func emit(ctx context.Context, kind string) {
	// One finding for the package, at its first site, counting the sites;
	// the other three sites are silent.
	bus.Emit(ctx, "employee.created", nil) // want `^this package uses the bus at 4 sites \(this is the first\) without importing the required catalogue example\.com/lint/catalogue/events: import it and take the event names from its constants$`
	bus.Emit(ctx, kind+".created", nil)
	publish(ctx, "employee.created")
	bus.On("employee.created", func(ctx context.Context, p any) error { return nil })
}
