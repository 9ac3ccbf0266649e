// Package services wires the clinic's domain packages together for the
// commands.
package services

import (
	"context"

	"example.com/clinic/billing"
	"example.com/clinic/hr"
	"example.com/clinic/patients"
	"example.com/clinic/scheduling"
)

// Demo runs a day at the clinic.
func Demo(ctx context.Context) {
	e := hr.Hire(ctx, "Ada", "ada@example.com")
	hr.SetStatus(ctx, e, "on_leave")
	hr.Terminate(ctx, e)
	p := patients.Register(ctx, "Grace")
	a := scheduling.Book(ctx, p.ID, e.ID)
	scheduling.Cancel(ctx, a)
	billing.Pay(ctx, 42, 120.50)
}
