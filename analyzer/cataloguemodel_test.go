package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestClosest(t *testing.T) {
	names := []string{"employee.created", "employee.updated", "patient.created"}
	for _, tc := range []struct {
		name       string
		candidates []string
		want       string
	}{
		{"employee.craeted", names, "employee.created"},                        // a transposition
		{"employe.created", names, "employee.created"},                         // a dropped letter
		{"patient.creatd", names, "patient.created"},                           // in another aggregate
		{"employee.created", []string{"employee.created", "invoice.paid"}, ""}, // itself is no suggestion
		{"invoice.voided", names, ""},                                          // nothing near
		{"employee.hired", names, ""},                                          // a different verb is not a typo
		{"shift.a", []string{"shift.c", "shift.b"}, "shift.b"},                 // ties go to the smaller name
		{"employee.created", nil, ""},
	} {
		if got := Closest(tc.name, tc.candidates); got != tc.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tc.name, tc.candidates, got, tc.want)
		}
	}
}

func TestSplitDoc(t *testing.T) {
	for _, tc := range []struct {
		text, doc, deprecated string
	}{
		{"", "", ""},
		{"EmployeeCreated is emitted when HR has added\nan employee.\n", "EmployeeCreated is emitted when HR has added an employee.", ""},
		{
			"PatientRegistered is the old name.\n\nDeprecated: emit PatientCreated;\nthis one goes away.\n",
			"PatientRegistered is the old name.", "emit PatientCreated; this one goes away.",
		},
		{
			"First paragraph.\n\nDeprecated: gone.\n\nLast paragraph.\n",
			"First paragraph.\n\nLast paragraph.", "gone.",
		},
		{"Deprecated: only this.\n", "", "only this."},
		{"Not Deprecated: mid-sentence.\n", "Not Deprecated: mid-sentence.", ""},
	} {
		doc, deprecated := splitDoc(tc.text)
		if doc != tc.doc || deprecated != tc.deprecated {
			t.Errorf("splitDoc(%q) = %q, %q; want %q, %q", tc.text, doc, deprecated, tc.doc, tc.deprecated)
		}
	}
}

// payloadPass type-checks src as package p and returns a pass fit for
// parsePayload, and a position inside the file.
func payloadPass(t *testing.T, src string) (*analysis.Pass, token.Pos) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Pass{Fset: fset, Pkg: pkg, Files: []*ast.File{f}}, f.Decls[0].Pos()
}

func TestParsePayload(t *testing.T) {
	pass, pos := payloadPass(t, `package p

type Employee struct {
	ID     int
	Name   string
	secret int
}

type Map map[string]any
`)
	employeeFields := []Field{{"ID", "int"}, {"Name", "string"}}
	for _, tc := range []struct {
		arg     string
		want    *Payload // nil: an error containing err
		err     string
		display string // want.String()
	}{
		{arg: "Employee", want: &Payload{Type: TypeRef{Name: "example.com/p.Employee"}, Fields: employeeFields}, display: "example.com/p.Employee"},
		{arg: "*Employee", want: &Payload{Type: TypeRef{Name: "*example.com/p.Employee"}, Fields: employeeFields}, display: "*example.com/p.Employee"},
		{arg: "[]int", want: &Payload{Type: TypeRef{Name: "[]int"}}, display: "[]int"},
		{arg: "error", want: &Payload{Type: TypeRef{Name: "error", Interface: true}}, display: "error"},
		{arg: "bus.Fields", want: &Payload{Type: TypeRef{Name: BusPath + ".Fields"}}, display: "bus.Fields{}"},
		{arg: `bus.Fields{"name", "id"}`, want: &Payload{Type: TypeRef{Name: BusPath + ".Fields"}, Keys: []string{"id", "name"}}, display: `bus.Fields{"id", "name"}`},
		{
			arg: `bus.Fields{"note", "id": int, "by": *Employee}`,
			want: &Payload{Type: TypeRef{Name: BusPath + ".Fields"}, Keys: []string{"by", "id", "note"},
				KeyTypes: []TypeRef{{Name: "*example.com/p.Employee"}, {Name: "int"}, {}}},
			display: `bus.Fields{"by": *example.com/p.Employee, "id": int, "note"}`,
		},
		{arg: "", err: "names no type: write //eventlint:payload T"},
		{arg: "Employe", err: `"Employe" names no type in scope here`},
		{arg: "func(", err: `"func(" is not a Go type expression`},
		{arg: `bus.Fields{1}`, err: "list the keys of bus.Fields as string literals"},
		{arg: `bus.Fields{"id": 1}`, err: "the type of a key, 1, names no type in scope here"},
		{arg: `bus.Fields{"id": Employe}`, err: "the type of a key, Employe, names no type in scope here"},
		{arg: `bus.Fields{1: int}`, err: "list the keys of bus.Fields as string literals"},
		{arg: `Map{"id"}`, err: "only bus.Fields{...} lists keys"},
	} {
		got, err := parsePayload(pass, pos, tc.arg)
		if tc.want == nil {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("parsePayload(%q) = %v, %v; want an error containing %q", tc.arg, got, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parsePayload(%q): %v", tc.arg, err)
			continue
		}
		if got.Type != tc.want.Type || !slices.Equal(got.Keys, tc.want.Keys) || !slices.Equal(got.KeyTypes, tc.want.KeyTypes) || !slices.Equal(got.Fields, tc.want.Fields) {
			t.Errorf("parsePayload(%q) = %+v, want %+v", tc.arg, got, tc.want)
		}
		if s := got.String(); s != tc.display {
			t.Errorf("parsePayload(%q).String() = %q, want %q", tc.arg, s, tc.display)
		}
	}
}

// TestCatalogueConstGroup reads a catalogue whose const group's doc
// comment has a Deprecated: paragraph: the group's constants are
// deprecated (EL2003 at their emits in clinic, no EL2008 for the one
// nothing emits). The module view is what the standalone driver builds
// from clinic's emits.
func TestCatalogueConstGroup(t *testing.T) {
	s := NewSuite()
	emit := func(event string, line int) EmitRecord {
		return EmitRecord{Event: event, Pos: Pos{Pkg: "example.com/lint/catalogue/constgroup/clinic", File: "clinic.go", Line: line}}
	}
	s.SetModule(NewModuleView([]*PackageView{
		{
			Path: "example.com/lint/catalogue/constgroup/clinic", Name: "clinic",
			Imports: []string{"example.com/lint/catalogue/constgroup"},
			Own: &Summary{Emits: []EmitRecord{
				emit("visit.booked", 14), emit("appointment.booked", 15), emit("appointment.cancelled", 16),
			}},
		},
		{Path: "example.com/lint/catalogue/constgroup", Name: "constgroup"},
	}))
	analysistest.Run(t, "../testdata", s.Catalogue, "./catalogue/constgroup", "./catalogue/constgroup/clinic")
}

// TestCatalogueTwoPayloads: a constant with two payload directives is
// reported at the second and declares no payload, so no emit of it is
// held to either.
func TestCatalogueTwoPayloads(t *testing.T) {
	analysistest.Run(t, "../testdata", NewSuite().Catalogue, "./catalogue/twopayload", "./catalogue/twopayload/hr")
}

// Spell shortens the key types of bus.Fields, never the keys.
func TestPayloadSpell(t *testing.T) {
	p := &Payload{
		Type:     TypeRef{Name: BusPath + ".Fields"},
		Keys:     []string{"by", "example.com/x.y", "id"},
		KeyTypes: []TypeRef{{Name: "*example.com/p.Employee"}, {}, {Name: "int"}},
	}
	if got, want := p.Spell(ShortType), `bus.Fields{"by": *p.Employee, "example.com/x.y", "id": int}`; got != want {
		t.Errorf("Spell(ShortType) = %s, want %s", got, want)
	}
	if got, want := (&Payload{Type: TypeRef{Name: "*example.com/p.Employee"}}).Spell(ShortType), "*p.Employee"; got != want {
		t.Errorf("Spell(ShortType) = %s, want %s", got, want)
	}
}
