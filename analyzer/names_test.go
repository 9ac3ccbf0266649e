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

	three := &NameRules{Segments: []int{2, 3}, PastTense: true, Irregular: map[string]bool{"sewn": true}}
	for _, ok := range []string{"hr.employee.created", "uniform.sewn", "employee.created"} {
		if p := three.Check(ok); p != nil {
			t.Errorf("segments 2,3 and irregular sewn: Check(%q) = %q", ok, p.Message)
		}
	}
}
