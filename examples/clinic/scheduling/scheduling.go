// Package scheduling books appointments.
package scheduling

import (
	"context"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

// publish is the package's one way to emit: eventlint sees through it and
// checks the names its callers pass.
func publish(ctx context.Context, event string, payload any) {
	bus.Emit(ctx, event, payload)
}

// Book schedules an appointment.
func Book(ctx context.Context, patientID, doctorID int) *events.Appointment {
	a := &events.Appointment{ID: 3, PatientID: patientID, DoctorID: doctorID}
	// Mistake: the catalogued name spelt as a literal (eventlint -fix uses
	// the constant).
	publish(ctx, "appointment.scheduled", a)
	return a
}

// Cancel cancels an appointment.
func Cancel(ctx context.Context, a *events.Appointment) {
	// Mistake: a command-style name that is not in the catalogue.
	publish(ctx, "cancel_appointment", a)
}
