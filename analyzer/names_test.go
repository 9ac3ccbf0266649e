package analyzer

import (
	"strings"
	"testing"
)

func TestNameRules(t *testing.T) {
	rules := DefaultNameRules()
	for _, tc := range []struct {
		name    string
		check   *Check // nil: conforms
		suggest string
	}{
		{"employee.created", nil, ""},
		{"employee.status_changed", nil, ""},
		{"invoice.paid", nil, ""},
		{"treatment.undergone", nil, ""}, // under + gone
		{"EmployeeCreated", CheckNameFormat, "employee.created"},
		{"RefundOrder", CheckNameFormat, "order.refunded"},
		{"change_employee_status_done", CheckNameFormat, "employee.status_changed"},
		{"InvoiceVoid", CheckNameFormat, "invoice.voided"},
		{"OrderCancel", CheckNameFormat, "order.canceled"},
		{"BookAppointment", CheckNameFormat, ""}, // neither word is known as the verb
		{"CloseOpen", CheckNameFormat, ""},       // both are
		{"Order.Created", CheckNameFormat, "order.created"},
		{"order..created", CheckNameFormat, "order.created"},
		{"hr.employee.created", CheckNameFormat, ""}, // three segments: not derivable
		{"order.refund", CheckNamePastTense, "order.refunded"},
		{"shift.plan", CheckNamePastTense, "shift.planned"},
		{"invoice.copy", CheckNamePastTense, "invoice.copied"},
		{"", CheckNameFormat, ""},
	} {
		p := rules.Check(tc.name)
		switch {
		case tc.check == nil && p != nil:
			t.Errorf("Check(%q) = %q, want no problem", tc.name, p.Message)
		case tc.check != nil && p == nil:
			t.Errorf("Check(%q) = nil, want %s", tc.name, tc.check.ID)
		case p != nil && (p.Check != tc.check || p.Suggest != tc.suggest):
			t.Errorf("Check(%q) = %s, suggest %q; want %s, suggest %q", tc.name, p.Check.ID, p.Suggest, tc.check.ID, tc.suggest)
		}
	}

	three := &NameRules{Separator: ".", Case: CaseSnake, Segments: []int{2, 3}, PastTense: true, Irregular: map[string]bool{"sewn": true}}
	for _, ok := range []string{"hr.employee.created", "uniform.sewn", "employee.created"} {
		if p := three.Check(ok); p != nil {
			t.Errorf("segments 2,3 and irregular sewn: Check(%q) = %q", ok, p.Message)
		}
	}
}

// TestPhrasalVerbs holds the past-tense rule to event names of real
// systems whose verb is a phrasal verb: a past participle followed by its
// particles is in the past tense, and no suggestion glues -ed onto a
// particle or a noun.
func TestPhrasalVerbs(t *testing.T) {
	rules := DefaultNameRules()
	for _, name := range []string{
		"user.logged_in", "user.logged_out", "user.signed_up", "user.signed_in", "user.signed_back_in",
		"user.opted_out", "order.checked_out", "invoice.written_off", "session.timed_out",
		"device.powered_down", "job.backed_off", "item.picked_up", "account.locked_out",
		"deployment.rolled_back", "cluster.scaled_up", "shift.handed_over", "loan.paid_off",
		"service.shut_down", "workspace.set_up", "server.broken_down", "stack.torn_down",
		"database.failed_over", "lead.followed_up", "project.kicked_off", "staff.laid_off",
		"order.carried_over", "company.bought_out", "user.woken_up", "car.turned_around",
		"payment.carried_through", "employee.moved_on", "visitor.checked_in",
	} {
		if p := rules.Check(name); p != nil {
			t.Errorf("Check(%q) = %s %q, want no problem", name, p.Check.ID, p.Message)
		}
	}
	for _, tc := range []struct {
		name, suggest string // suggest "": none can be derived
	}{
		{"user.logout", "user.logged_out"}, // a phrasal verb in one word, not user.logouted
		{"user.login", "user.logged_in"},
		{"user.log_in", "user.logged_in"}, // the verb before its particle, not user.log_inned
		{"user.signup", "user.signed_up"},
		{"user.sign_back_in", "user.signed_back_in"},
		{"order.checkout", "order.checked_out"},
		{"invoice.writeoff", "invoice.written_off"},
		{"invoice.write_off", "invoice.written_off"},
		{"session.timeout", "session.timed_out"},
		{"device.power_down", "device.powered_down"},
		{"job.back_off", "job.backed_off"},
		{"item.pickup", "item.picked_up"},
		{"workspace.setup", "workspace.set_up"},
		{"deployment.rollback", "deployment.rolled_back"},
		{"UserLogout", "user.logged_out"},
		{"UserLoggedIn", "user.logged_in"},
		{"UserLogIn", "user.logged_in"},
		{"LogoutUser", "user.logged_out"},
		{"CheckoutCompleted", "checkout.completed"},
		{"order.recover", "order.recovered"}, // over ends a verb of its own
		{"model.train", "model.trained"},     // so does in
		{"user.out", ""},                     // a particle alone: no verb to put in the past
		{"order.in", ""},
		{"order.item_in", ""},     // item is no verb: not order.itemed_in
		{"app.startup", ""},       // a noun: not app.startuped
		{"user.feedback", ""},     // not user.feedbacked
		{"order.payment", ""},     // not order.paymented
		{"order.shipping", ""},    // not order.shippinged
		{"user.registration", ""}, // not user.registrationed
	} {
		p := rules.Check(tc.name)
		if p == nil {
			t.Errorf("Check(%q) = nil, want a problem", tc.name)
			continue
		}
		if p.Suggest != tc.suggest {
			t.Errorf("Check(%q) suggests %q, want %q", tc.name, p.Suggest, tc.suggest)
		}
	}
}

// styleRules returns the rules of a named style, failing the test on an
// unknown one.
func styleRules(t *testing.T, name string) *NameRules {
	t.Helper()
	r, err := StyleRules(name)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestNameStyles holds each named style to event names of the systems
// that follow it: they conform, and names in other shapes are reported
// with a suggestion in the style's own shape.
func TestNameStyles(t *testing.T) {
	versioned := DefaultNameRules()
	versioned.Version = true
	prefixed := styleRules(t, "cloudevents")
	prefixed.Prefix = "com.example."
	for _, tc := range []struct {
		style string
		rules *NameRules
		ok    []string
		bad   []struct{ name, suggest string } // suggest "": none derivable
	}{
		{"snake", nil,
			// caddy's events and certmagic's.
			[]string{"cert_obtained", "cert_obtaining", "cert_failed", "cert_ocsp_revoked", "cached_managed_cert", "started", "stopping", "tls_get_certificate"},
			[]struct{ name, suggest string }{{"CertObtained", "cert_obtained"}, {"cert.obtained", "cert_obtained"}, {"cert-failed", "cert_failed"}, {"tls.get.certificate", "tls_get_certificate"}}},
		{"path", nil,
			// containerd's topics.
			[]string{"/tasks/exit", "/tasks/create", "/tasks/exec-added", "/tasks/oom", "/containers/create", "/images/delete", "/snapshot/prepare", "/namespaces/update", "/content/delete"},
			[]struct{ name, suggest string }{{"tasks/exit", "/tasks/exit"}, {"/Tasks/Exit", "/tasks/exit"}, {"/tasks/exec_added", "/tasks/exec-added"}, {"tasks.exit", "/tasks/exit"}, {"/tasks", ""}, {"/tasks/exit/", "/tasks/exit"}}},
		{"pascal", nil,
			// cometbft's types/events.go.
			[]string{"NewBlock", "NewBlockHeader", "NewBlockEvents", "NewEvidence", "Tx", "ValidatorSetUpdates", "CompleteProposal", "Lock", "NewRound", "NewRoundStep", "Polka", "Relock", "TimeoutPropose", "TimeoutWait", "Unlock", "ValidBlock", "Vote"},
			[]struct{ name, suggest string }{{"new_round_step", "NewRoundStep"}, {"newRoundStep", "NewRoundStep"}, {"new.round", "NewRound"}}},
		{"nats", nil,
			// NATS subjects.
			[]string{"orders.created", "orders.eu.shipped", "billing.invoices.paid", "acme.orders.eu.created"},
			[]struct{ name, suggest string }{{"orders.create", "orders.created"}, {"OrderCreated", "order.created"}, {"orders", ""}, {"a.b.c.d.created", ""}}},
		{"cloudevents", nil,
			// CloudEvents types, the spec's reverse-DNS SHOULD.
			[]string{"com.example.order.created", "com.github.pull_request.opened", "io.cloudevents.sample.sent", "com.example.object.deleted.v2", "dev.knative.source.started"},
			[]struct{ name, suggest string }{{"order.created", ""}, {"com.example.order.create", "com.example.order.created"}, {"Com.Example.order.created", ""}, {"com.example.Order.Created", "com.example.order.created"}}},
		{"cloudevents with prefix com.example.", prefixed,
			[]string{"com.example.order.created", "com.example.order.created.v1"},
			[]struct{ name, suggest string }{{"order.created", "com.example.order.created"}, {"com.example.RefundOrder", "com.example.order.refunded"}, {"org.example.order.created", ""}}},
		{"default with version", versioned,
			// S3-style versioned names.
			[]string{"object.deleted.v2", "object.created", "object.restored.v10"},
			[]struct{ name, suggest string }{{"object.delete.v2", "object.deleted.v2"}, {"object.deleted.v", ""}, {"object.deleted.V2", ""}}},
	} {
		r := tc.rules
		if r == nil {
			r = styleRules(t, tc.style)
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.style, err)
		}
		for _, name := range tc.ok {
			if p := r.Check(name); p != nil {
				t.Errorf("%s: Check(%q) = %s %q, want no problem", tc.style, name, p.Check.ID, p.Message)
			}
		}
		for _, b := range tc.bad {
			p := r.Check(b.name)
			switch {
			case p == nil:
				t.Errorf("%s: Check(%q) = nil, want a problem", tc.style, b.name)
			case p.Suggest != b.suggest:
				t.Errorf("%s: Check(%q) suggests %q, want %q (%s)", tc.style, b.name, p.Suggest, b.suggest, p.Message)
			}
		}
	}
}

// TestNameSettings: each setting on its own, away from the styles.
func TestNameSettings(t *testing.T) {
	for _, tc := range []struct {
		what    string
		change  func(*NameRules)
		name    string
		message string // "": conforms
	}{
		{"separator :", func(r *NameRules) { r.Separator = ":" }, "order:refunded", ""},
		{"separator :", func(r *NameRules) { r.Separator = ":" }, "order.refunded", `event name "order.refunded" has 1 segment, want <aggregate>:<verb>: name it "order:refunded"`},
		{"separator _ with lower case", func(r *NameRules) { r.Separator, r.Case = "_", CaseLower }, "cert_obtained", ""},
		{"camel", func(r *NameRules) { r.Case = CaseCamel }, "order.statusChanged", ""},
		{"camel", func(r *NameRules) { r.Case = CaseCamel }, "order.status_changed", `event name "order.status_changed" segment "status_changed" is not camelCase: name it "order.statusChanged"`},
		{"lower", func(r *NameRules) { r.Case = CaseLower }, "order.status_changed", `event name "order.status_changed" segment "status_changed" is not lowercase: name it "order.statuschanged"`},
		{"kebab", func(r *NameRules) { r.Case = CaseKebab }, "order.status-changed", ""},
		{"past tense off", func(r *NameRules) { r.PastTense = false }, "order.refund", ""},
		{"past tense off, no suggestion", func(r *NameRules) { r.PastTense = false; r.Segments = []int{3} }, "order.refund",
			`event name "order.refund" has 2 segments, want <context>.<aggregate>.<verb>: name it <context>.<aggregate>.<verb> in lowercase snake_case, e.g. "shop.order.refunded"`},
		{"segments 2 to 4", func(r *NameRules) { r.Segments = []int{2, 3, 4} }, "order",
			`event name "order" has 1 segment, want <2 to 4 segments>: name it <2 to 4 segments> in lowercase snake_case with a past-tense verb, e.g. "order.refunded"`},
		{"literal prefix", func(r *NameRules) { r.Prefix = "com.example." }, "order.created",
			`event name "order.created" does not start with "com.example.": name it "com.example.order.created"`},
		{"any reverse-DNS prefix", func(r *NameRules) { r.Prefix = AnyReverseDNS }, "order.created",
			`event name "order.created" does not start with a reverse-DNS prefix: name it <reverse-dns>.<aggregate>.<verb> in lowercase snake_case with a past-tense verb, e.g. "com.example.order.refunded"`},
		{"version off", func(r *NameRules) {}, "object.deleted.v2",
			`event name "object.deleted.v2" has 3 segments, want <aggregate>.<verb>: name it <aggregate>.<verb> in lowercase snake_case with a past-tense verb, e.g. "order.refunded"`},
		{"version on", func(r *NameRules) { r.Version = true }, "object.v2",
			`event name "object.v2" has 1 segment, want <aggregate>.<verb>[.v<n>]: name it <aggregate>.<verb>[.v<n>] in lowercase snake_case with a past-tense verb, e.g. "order.refunded"`},
	} {
		r := DefaultNameRules()
		tc.change(r)
		if err := r.Validate(); err != nil {
			t.Fatalf("%s: %v", tc.what, err)
		}
		got := ""
		if p := r.Check(tc.name); p != nil {
			got = p.Message
		}
		if got != tc.message {
			t.Errorf("%s: Check(%q) = %q, want %q", tc.what, tc.name, got, tc.message)
		}
	}

	for _, tc := range []struct {
		what   string
		change func(*NameRules)
		want   string
	}{
		{"empty separator", func(r *NameRules) { r.Separator = "" }, `separator "" is not`},
		{"letter separator", func(r *NameRules) { r.Separator = "x" }, `separator "x" is not`},
		{"_ in snake_case", func(r *NameRules) { r.Separator = "_" }, `separator "_" is written inside lowercase snake_case segments`},
		{"- in kebab-case", func(r *NameRules) { r.Separator, r.Case = "-", CaseKebab }, `separator "-" is written inside`},
		{"prefix without separator", func(r *NameRules) { r.Prefix = "com.example" }, `prefix "com.example" does not end in the separator "."`},
		{"prefix not DNS", func(r *NameRules) { r.Prefix = "Com.Example." }, `"Com" is not a lowercase DNS label`},
		{"unknown case", func(r *NameRules) { r.Case = "upper" }, `case "upper" is not one of`},
	} {
		r := DefaultNameRules()
		tc.change(r)
		if err := r.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Validate() = %v, want an error containing %q", tc.what, err, tc.want)
		}
	}
}
