package main

import (
	"path/filepath"
	"testing"
)

// TestDriversConstGroup: a Deprecated: paragraph on a const group of the
// catalogue reaches the emits in another package under go vet as under
// the standalone command (EL2003); the standalone command does not
// report the group's constant that nothing emits (EL2008).
func TestDriversConstGroup(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	standalone, vet := compareVet(t, dir, "./catalogue/constgroup/...")
	for _, fs := range [][]driverFinding{standalone, vet} {
		if !has(fs, "catalogue/constgroup/clinic/clinic.go", 15, "EL2003", `^event "appointment.booked" is deprecated: "the booking service emits visit.booked; these go away in v3."$`) {
			t.Errorf("no EL2003 at the emit of a constant of the deprecated group:\n%v", fs)
		}
	}
	if !has(standalone, "catalogue/constgroup/constgroup.go", 29, "EL2008", `"visit.cancelled"`) {
		t.Errorf("no EL2008 for the group without Deprecated:\n%v", standalone)
	}
	if has(standalone, "catalogue/constgroup/constgroup.go", 17, "EL2008", "") {
		t.Errorf("EL2008 for appointment.moved, whose group is deprecated:\n%v", standalone)
	}
}

// TestDriversTwoPayloads: the second payload directive of a constant is
// reported, and no emit of it is held to either, under go vet as under
// the standalone command.
func TestDriversTwoPayloads(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "testdata")
	_, vet := compareVet(t, dir, "./catalogue/twopayload/...")
	if !has(vet, "catalogue/twopayload/twopayload.go", 16, "EL2006", `^payload directive of EmployeeCreated repeats the one at line 15: `) {
		t.Errorf("no EL2006 at the second payload directive:\n%v", vet)
	}
	if has(vet, "catalogue/twopayload/hr/hr.go", 12, "EL2004", "") || has(vet, "catalogue/twopayload/hr/hr.go", 13, "EL2004", "") {
		t.Errorf("an emit is held to one of two payload directives:\n%v", vet)
	}
}
