package notify

import (
	"context"

	"example.com/lint/unregistered/handlertype/hr"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.created", func(ctx context.Context, e hr.Employee) error { return nil })  // reported in package main: emitted as *hr.Employee
	bus.On("employee.created", func(ctx context.Context, e *hr.Employee) error { return nil }) // fine: the emitted type
	bus.On("employee.updated", func(ctx context.Context, e any) error { return nil })          // fine: an interface takes anything
	bus.On("employee.updated", func(ctx context.Context, e *hr.Employee) error { return nil }) // reported in package main: emitted as hr.Employee
	bus.On("employee.deleted", func(ctx context.Context, e hr.Employee) error { return nil })  // fine: the payload's dynamic type is not known
	bus.On("employee.archived", func(ctx context.Context, e bool) error { return nil })        // reported in package main: emitted as string and int
	bus.On("staff.hired", func(ctx context.Context, e hr.Employee) error { return nil })       // reported in package main: the other hr.Employee
}
