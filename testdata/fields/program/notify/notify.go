// Package notify reads keys of bus.Fields payloads, in every shape.
package notify

import (
	"context"
	"fmt"

	"example.com/lint/fields/program/events"
	"example.com/lint/fields/program/fieldsutil"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On(events.StatusChanged, func(ctx context.Context, f bus.Fields) error {
		from, _ := f["from_sate"].(string) // reported in package main: a typo
		to := f["to_state"].(string)       // fine: emitted as a string and as an interface
		id, ok := f["employee_id"]         // fine: emitted
		_, _ = f["employee_id"].(string)   // want `^handler asserts key "employee_id" of event "employee\.status_changed" to be string, but the catalogue declares it as int: the assertion fails for every value emitted as catalogued; assert int$`
		fmt.Println(from, to, id, ok)
		return nil
	})
	bus.On(events.EmployeeCreated, created)
	bus.On(events.InvoicePaid, func(ctx context.Context, f bus.Fields) error {
		_ = f["note"]                           // fine: declared in the catalogue
		_ = (f)["invoce_id"]                    // reported in package main: a typo
		if f["seen"] = true; f["seen"] != nil { // a write, not a read, then a read of the key written: fine
			delete(f, "other")
		}
		return nil
	})
	bus.On(events.EmployeeCreated, generic)
	bus.On(events.EmployeeCreated, computed)
	bus.On(events.StatusChanged, typeSwitch)
}

func created(ctx context.Context, f bus.Fields) error {
	id := f["employee_id"].(string)     // reported in package main: emitted as int
	_, ok := f["manager_id"]            // reported in package main: no emit has it
	name := str(f, "naame")             // reported in package main: through a helper
	idStr := str(f, "employee_id")      // reported in package main: the helper asserts string
	_ = count(f, "name")                // fine
	_ = fieldsutil.Int(f, "employe_id") // reported in package main: through a helper of another package
	fmt.Println(id, ok, name, idStr, len(f))
	return nil
}

// str reads key as a string: a helper, followed where the key is a
// constant.
func str(f bus.Fields, key string) string {
	s, _ := f[key].(string)
	return s
}

// count reads key as any.
func count(f bus.Fields, key string) any { return f[key] }

// generic ranges over the map: it takes any key it is given, so its reads
// are not checked.
func generic(ctx context.Context, f bus.Fields) error {
	for k := range f {
		fmt.Println(k)
	}
	_ = f["whatever"]
	return nil
}

var prefix = "employee_"

// computed reads a computed key: not checked either.
func computed(ctx context.Context, f bus.Fields) error {
	_ = f[prefix+"id"]
	_ = f["whatever"]
	return nil
}

// typeSwitch switches on a key's type: a read without an assertion.
func typeSwitch(ctx context.Context, f bus.Fields) error {
	switch v := f["to_stat"].(type) { // reported in package main: a typo
	case string:
		fmt.Println(v)
	}
	return nil
}
