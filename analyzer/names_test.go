package analyzer

import "testing"

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
