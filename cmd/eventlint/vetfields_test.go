package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Under go vet a package sees the facts of its direct imports only: the
// keys notify's handlers read reach package main folded into notify's
// Summary fact, the keys hr emits folded into hr's, and the reads through
// a helper of another package (fieldsutil) come from its FieldsFact. go vet has no module view,
// so everything is reported in package main, as in TestFieldsProgram, and
// the catalogued key types at the emit and the read.
func TestVetFields(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	vet := runFreshVet(t, dir, "-fields", "./fields/program/...")
	if vet.code == 0 {
		t.Fatalf("go vet found nothing:\n%s", vet.stderr)
	}
	var got []string
	for line := range strings.SplitSeq(strings.TrimSpace(vet.stderr), "\n") {
		if strings.HasPrefix(line, "#") {
			continue // go vet's package header
		}
		got = append(got, filepath.ToSlash(strings.TrimPrefix(line, "./")))
	}
	const main = "fields/program/cmd/app/main.go:10:6: handler at fields/program/notify/notify.go:"
	want := []string{
		main + `15 reads key "from_sate" of event "employee.status_changed", which no emit linked into this program provides, so it is always nil: did you mean "from_state"?`,
		main + `25 reads key "invoce_id" of event "invoice.paid", which no emit linked into this program provides, so it is always nil: did you mean "invoice_id"?`,
		main + `37 asserts key "employee_id" of event "employee.created" to be string, but the emits linked into this program pass int (fields/program/hr/hr.go:23, fields/program/hr/hr.go:24): the assertion always fails; assert int`,
		main + `38 reads key "manager_id" of event "employee.created", which no emit linked into this program provides, so it is always nil: emit it or stop reading it`,
		main + `39 reads key "naame" of event "employee.created", which no emit linked into this program provides, so it is always nil: did you mean "name"?`,
		main + `40 asserts key "employee_id" of event "employee.created" to be string, but the emits linked into this program pass int (fields/program/hr/hr.go:23, fields/program/hr/hr.go:24): the assertion always fails; assert int`,
		main + `42 reads key "employe_id" of event "employee.created", which no emit linked into this program provides, so it is always nil: did you mean "employee_id"?`,
		main + `78 reads key "to_stat" of event "employee.status_changed", which no emit linked into this program provides, so it is always nil: did you mean "to_state"?`,
		`fields/program/notify/notify.go:18:10: handler asserts key "employee_id" of event "employee.status_changed" to be string, but the catalogue declares it as int: the assertion fails for every value emitted as catalogued; assert int`,
		`fields/program/hr/hr.go:15:18: key "employee_id" of event "employee.status_changed" is catalogued as int, but this emits string: handlers asserting int get nothing; emit int or change the catalogue`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("go vet -vettool=eventlint -fields:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The opt-in samepackage check under go vet: enabled with its flag, it
// checks each program in package main from the Summary fact.
func TestVetSamePackage(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	vet := runFreshVet(t, dir, "-samepackage", "-samepackage.enable", "./samepackage/program/...")
	want := `samepackage/program/cmd/app/main.go:9:6: event "payslip.issued" is emitted and handled only in package ` +
		`example.com/lint/samepackage/program/payroll (emitted at samepackage/program/payroll/payroll.go:16, ` +
		`handled at samepackage/program/payroll/payroll.go:11): call the handler directly instead of going through the bus`
	var got []string
	for line := range strings.SplitSeq(strings.TrimSpace(vet.stderr), "\n") {
		if !strings.HasPrefix(line, "#") {
			got = append(got, filepath.ToSlash(strings.TrimPrefix(line, "./")))
		}
	}
	if vet.code == 0 || !slices.Equal(got, []string{want}) {
		t.Fatalf("go vet -vettool=eventlint -samepackage.enable: exit %d\n%s\nwant:\n%s", vet.code, strings.Join(got, "\n"), want)
	}
}

// The standalone command keeps facts in memory: a handler of another
// package is reported at the subscription, not at the read in the other
// package; package main adds only the key its program lacks.
func TestStandaloneFields(t *testing.T) {
	t.Parallel()
	r := run(t, filepath.Join("..", "..", "testdata"), "-fields", "./fields/module/...")
	want := `fields/module/cmd/app/main.go:9:6: handler at fields/module/notify/notify.go:16 reads key "note" of event "shift.planned", which no emit linked into this program provides, so it is always nil: emit it or stop reading it [EL4001]
fields/module/notify/notify.go:14:7: handler reads key "shif_id" of event "shift.planned", which no emit in the module provides, so it is always nil: did you mean "shift_id"? [EL4001]
fields/module/notify/notify.go:15:16: handler asserts key "starts" of event "shift.planned" to be int, but the emits in the module pass string (fields/module/hr/hr.go:11): the assertion always fails; assert string [EL4002]
fields/module/notify/notify.go:20:26: handler at fields/module/rota/rota.go:12 reads key "finishes" of event "shift.planned", which no emit in the module provides, so it is always nil: emit it or stop reading it [EL4001]
`
	if got := filepath.ToSlash(r.stdout); r.code != 1 || got != want {
		t.Fatalf("eventlint -fields ./fields/module/...: exit %d\n%s\nwant (exit 1):\n%s%s", r.code, got, want, r.stderr)
	}
}
