// Package patients registers the clinic's patients.
package patients

import (
	"context"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

// Register adds a patient.
func Register(ctx context.Context, name string) *events.Patient {
	p := &events.Patient{ID: 7, Name: name}
	bus.Emit(ctx, events.PatientCreated, p)
	// Mistake: still emitting the deprecated event.
	bus.Emit(ctx, events.PatientRegistered, p)
	return p
}
