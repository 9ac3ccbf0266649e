package main

import (
	"path/filepath"
	"testing"
)

// A function that changes its name parameter before passing it to the
// bus is no wrapper: go vet, which sees it through facts from another
// package, reports what the standalone command reports (EL1003 in it,
// nothing at its callers in reassign/caller).
func TestDriversReassign(t *testing.T) {
	t.Parallel()
	standalone, _ := compareVet(t, filepath.Join("..", "..", "testdata"), "./reassign/...")
	if !has(standalone, "reassign/caller/caller.go", 14, "EL1001", `"InvoicePaid"`) || has(standalone, "reassign/caller/caller.go", 12, "", "") {
		t.Errorf("want EL1001 for InvoicePaid through the wrapper and nothing for the call of Billing:\n%v", standalone)
	}
}

// A bus function passed to a constructor and called through a struct
// field is not followed: it counts as an emit under a computed name, so
// the handler of what it emits is not reported as never running (EL3004).
// A field that only ever holds bus.Emit is followed: its call's name is
// checked, and go vet reports what the standalone command reports.
func TestDriversFuncValue(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	standalone, vet := compareVet(t, dir, "./funcvalue/program/...")
	for _, fs := range [][]driverFinding{standalone, vet} {
		if !has(fs, "funcvalue/program/store/store.go", 25, "EL1001", `^event name "RecordAudited" has 1 segment`) {
			t.Errorf("no EL1001 for the emit through auditLog.emit:\n%v", fs)
		}
	}
	if len(standalone) != 2 || len(vet) != 2 {
		t.Errorf("want EL1001 and EL3001 for RecordAudited only; standalone:\n%v\ngo vet:\n%v", standalone, vet)
	}
}

// Calls through an interface that a type of the module implements with
// a wrapper are sites for the standalone command, which sees the
// implementation: their names are checked and what they emit counts as
// emitted (no EL2008 or EL3004 for order.placed, emitted only through
// ports.Publisher). A name passed on through the interface from the
// enclosing function's parameter counts as computed (no EL3004 for
// job.finished). go vet, which sees one package and its imports at a
// time, does not see the implementation: it reports nothing there
// rather than something wrong, and takes a call through an interface
// that a method wrapper of the program may implement for one under a
// computed name.
func TestDriversIface(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	for _, tc := range []struct {
		pattern string
		want    []driverFinding // standalone: File, Line, Check and a message regexp
	}{
		{
			pattern: "./iface/...",
			want: []driverFinding{
				{File: "iface/cmd/app/main.go", Line: 12, Check: "EL3001", Message: `^event "OrderShipped" is emitted but no handler linked into this program subscribes to it \(emitted at iface/orders/orders\.go:23\)`},
				{File: "iface/events/events.go", Line: 10, Check: "EL2008", Message: `^event "order\.shipped" is catalogued but nothing in the module emits it`},
				{File: "iface/orders/orders.go", Line: 23, Check: "EL1001", Message: `^event name "OrderShipped" has 1 segment, want <aggregate>\.<verb>: name it "order\.shipped"$`},
				{File: "iface/orders/orders.go", Line: 23, Check: "EL2001", Message: `^event "OrderShipped" is not declared in the catalogue example\.com/lint/iface/events`},
				{File: "iface/shipping/shipping.go", Line: 14, Check: "EL3004", Message: `^nothing in the module emits "order\.shipped"`},
			},
		},
		{pattern: "./ifaceforward/..."},
		// alerts subscribes to task.done only through ports.Subscriber:
		// go vet does not see the implementation, so the call may
		// subscribe to any event and EL3001 stays silent.
		{pattern: "./ifacesub/..."},
		// orders reaches the bus only through ports.Publisher: the
		// standalone command does not analyse it, but knows it may emit
		// through the interface, so neither EL2008 nor EL3004 says
		// nothing emits order.placed.
		{pattern: "./ifaceport/..."},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			t.Parallel()
			standalone := standaloneFindings(t, dir, tc.pattern)
			if len(standalone) != len(tc.want) {
				t.Errorf("eventlint %s: %d findings, want %d:\n%v", tc.pattern, len(standalone), len(tc.want), standalone)
			}
			for _, w := range tc.want {
				if !has(standalone, w.File, w.Line, w.Check, w.Message) {
					t.Errorf("eventlint %s: no %s at %s:%d matching %s:\n%v", tc.pattern, w.Check, w.File, w.Line, w.Message, standalone)
				}
			}
			if vet := vetFindings(t, dir, tc.pattern); len(vet) != 0 {
				t.Errorf("go vet %s: want no findings, got:\n%v", tc.pattern, vet)
			}
		})
	}
}
