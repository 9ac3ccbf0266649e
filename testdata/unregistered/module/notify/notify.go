package notify

import (
	"context"

	"example.com/lint/unregistered/module/hr"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	// One EL3003 for the package, at its first registration, counting them.
	bus.On("employee.created", welcome) // want `^handlers of package example\.com/lint/unregistered/module/notify never run: no command imports it \(add _ "example\.com/lint/unregistered/module/notify" to a command\); this is the first of its 3 registrations$`
	bus.On("employee.creatd", welcome)  // want `^nothing in the module emits "employee\.creatd", so this handler never runs \(did you mean "employee\.created"\?\)$`
	bus.On("zebra.crossed", welcome)    // want `^nothing in the module emits "zebra\.crossed", so this handler never runs: subscribe to an emitted event or remove it$`
}

func welcome(ctx context.Context, e *hr.Employee) error { return nil }
