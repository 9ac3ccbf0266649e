// Package clinic emits and handles the events of the constgroup catalogue.
package clinic

import (
	"context"

	"example.com/lint/catalogue/constgroup"
	"github.com/eventlint/eventlint/bus"
)

// book emits the deprecated events but one, appointment.moved: nothing
// emits that, and EL2008 stays silent since its group is deprecated.
func book(ctx context.Context) {
	bus.Emit(ctx, constgroup.VisitBooked, nil)          // fine: not deprecated
	bus.Emit(ctx, constgroup.AppointmentBooked, nil)    // want `^event "appointment.booked" is deprecated: "the booking service emits visit.booked; these go away in v3."$`
	bus.Emit(ctx, constgroup.AppointmentCancelled, nil) // want `^event "appointment.cancelled" is deprecated: "emit visit.cancelled."$`
}

func init() {
	// Subscribing to a deprecated event is fine.
	bus.On(constgroup.AppointmentBooked, func(ctx context.Context, p any) error { return nil })
	bus.On(constgroup.VisitBooked, func(ctx context.Context, p any) error { return nil })
}
