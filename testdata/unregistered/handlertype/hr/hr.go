package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Employee struct{ ID int }

func Publish(ctx context.Context, e Employee, v any) {
	bus.Emit(ctx, "employee.created", &e)     // handled by notify as *hr.Employee; reported there for hr.Employee
	bus.Emit(ctx, "employee.updated", e)      // handled by notify as any; reported there for *hr.Employee
	bus.Emit(ctx, "employee.deleted", v)      // an interface payload: its dynamic type is not known
	bus.Emit(ctx, "employee.archived", "e-1") // emitted with two types, neither of which notify takes
	bus.Emit(ctx, "employee.archived", e.ID)  // emitted with two types, neither of which notify takes
}
