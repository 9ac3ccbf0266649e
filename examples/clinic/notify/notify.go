// Package notify sends mail when things happen at the clinic. Its handlers
// register themselves at init: a command takes part by importing it.
package notify

import (
	"context"
	"fmt"

	"example.com/clinic/events"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On(events.EmployeeCreated, sendWelcomeMail)
	bus.On(events.EmployeeStatusChanged, updateDirectory)
	bus.On(events.AppointmentScheduled, sendConfirmation)
	// Mistake: the handler takes a Patient, but patient.created carries a
	// *Patient: the bus would skip it at every emit.
	bus.On(events.PatientCreated, welcomePatient)
	bus.On(events.PatientRegistered, welcomePatientLegacy)
}

func sendWelcomeMail(ctx context.Context, e *events.Employee) error {
	fmt.Printf("mail to %s: welcome, %s\n", e.Email, e.Name)
	return nil
}

func updateDirectory(ctx context.Context, e *events.Employee) error {
	fmt.Printf("directory: %s is %s\n", e.Name, e.Status)
	return nil
}

func sendConfirmation(ctx context.Context, a *events.Appointment) error {
	fmt.Printf("confirmation for appointment %d\n", a.ID)
	return nil
}

func welcomePatient(ctx context.Context, p events.Patient) error {
	fmt.Printf("welcome, %s\n", p.Name)
	return nil
}

func welcomePatientLegacy(ctx context.Context, p *events.Patient) error {
	return nil
}
