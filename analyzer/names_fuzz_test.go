package analyzer

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzNameRules holds the naming rules to their invariants for any string.
// The seed corpus (testdata/fuzz/FuzzNameRules and the f.Add calls) runs
// with plain go test; to fuzz:
//
//	go test -run='^$' -fuzz=FuzzNameRules -fuzztime=60s ./analyzer/
func FuzzNameRules(f *testing.F) {
	for _, s := range []string{
		"", ".", "..", "a.b", "order.created", "order.refund", "Order.Created", "order..created",
		"EmployeeCreated", "RefundOrder", "change_employee_status_done", "shift_planned", "Payment",
		"employee.status_changed", "invoice.paid", "a.b.c", "ctx.order.created", "HTTPServer.Started",
		"order-created", "order created", "order.created.event", "ORDER_CREATED", "x", "é.créé",
		"order.créé", "İstanbul.opened", "\xff.created", "order.\u0130", "a_.b", "a._b", "1a.b",
		"order.ed", "order.bed", "order.y", "order.cry", "order.stop", "order.fix", "order.submit",
		"order_event", "done_done_done", "event", "order.created_event", "a.b.c.d.e.f.g.h.i.j",
		"user.logged_in", "user.logout", "user.log_in", "UserLogIn", "LogoutUser", "job.back_off", "user.out",
		"in.out", "back_up", "order.item_in", "app.startup", "user.signed_back_in", "Back", "InOut",
	} {
		f.Add(s)
	}
	configs := []struct {
		name  string
		rules *NameRules
	}{
		{"default", DefaultNameRules()},
		{"segments 2,3, no past tense", &NameRules{Separator: ".", Case: CaseSnake, Segments: []int{2, 3}, PastTense: false, Irregular: map[string]bool{}}},
		{"segments 2,3", &NameRules{Separator: ".", Case: CaseSnake, Segments: []int{2, 3}, PastTense: true, Irregular: map[string]bool{"sewn": true}}},
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, c := range configs {
			r := c.rules
			p := r.Check(name)
			sug := r.Suggest(name)
			if p != nil {
				if p.Check == nil || p.Message == "" {
					t.Fatalf("%s: Check(%q) = %+v: a problem without a check or message", c.name, name, p)
				}
				if p.Suggest != sug {
					t.Fatalf("%s: Check(%q).Suggest = %q, Suggest = %q", c.name, name, p.Suggest, sug)
				}
				if !strings.Contains(p.Message, strconv.Quote(name)) {
					t.Fatalf("%s: message %q does not quote the name %q", c.name, p.Message, name)
				}
			}
			if sug == "" {
				continue
			}
			// A suggestion conforms, differs from the name, and is stable:
			// it needs no suggestion of its own.
			if sug == name {
				t.Fatalf("%s: Suggest(%q) returned the name itself", c.name, name)
			}
			if q := r.Check(sug); q != nil {
				t.Fatalf("%s: Suggest(%q) = %q, which breaks the rules: %s", c.name, name, sug, q.Message)
			}
			if again := r.Suggest(sug); again != "" {
				t.Fatalf("%s: Suggest(Suggest(%q)) = %q, want \"\" (the suggestion %q already conforms)", c.name, name, again, sug)
			}
			// With no segment count of 1 allowed, a conforming name gets
			// no suggestion. (With 1 and 2 allowed, a conforming
			// one-segment name may get a two-segment suggestion.)
			if p == nil {
				t.Fatalf("%s: Suggest(%q) = %q for a name that conforms", c.name, name, sug)
			}
		}
	})
}
