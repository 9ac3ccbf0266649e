package analyzer

import (
	"fmt"
	"hash/fnv"
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
		"/tasks/exit", "tasks/exit", "/tasks/exec-added", "cert_obtained", "CertObtained", "NewRoundStep",
		"new_round_step", "com.example.order.created", "com.example.order.create.v2", "object.deleted.v2",
		"order:refunded", "orders.eu.created", "//", "com..order.created", "a.v1", "v1",
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
	for _, s := range NameStyles {
		r, err := StyleRules(s.Name)
		if err != nil {
			f.Fatal(err)
		}
		configs = append(configs, struct {
			name  string
			rules *NameRules
		}{"style " + s.Name, r})
	}
	f.Fuzz(func(t *testing.T, name string) {
		configs := configs
		if r := randomRules(name); r.Validate() == nil {
			configs = append(configs, struct {
				name  string
				rules *NameRules
			}{fmt.Sprintf("settings %+v", *r), r})
		}
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

// randomRules derives settings from name, so that the fuzzer that varies
// the name varies the settings too.
func randomRules(name string) *NameRules {
	h := fnv.New64a()
	h.Write([]byte(name))
	x := h.Sum64()
	pick := func(n int) int { i := int(x % uint64(n)); x /= uint64(n); return i }
	seps := []string{".", "/", ":", "_", "::"}
	r := &NameRules{Separator: seps[pick(len(seps))], Case: Cases[pick(len(Cases))], Irregular: map[string]bool{}}
	lo := 1 + pick(3)
	hi := lo + pick(3)
	for n := lo; n <= hi; n++ {
		r.Segments = append(r.Segments, n)
	}
	r.PastTense = pick(2) == 0
	r.Version = pick(2) == 0
	switch pick(4) {
	case 1:
		r.Prefix = AnyReverseDNS
	case 2:
		r.Prefix = "com" + r.Separator + "example" + r.Separator
	case 3:
		r.Prefix = r.Separator
	}
	return r
}
