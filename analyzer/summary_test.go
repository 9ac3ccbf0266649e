package analyzer

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// Summary facts travel between processes gob-encoded (go vet caches them
// per package), so a Summary must survive the round trip unchanged and
// encode to the same bytes every time: a fact that encodes differently
// for the same package defeats the build cache.
func TestSummaryGobRoundTrip(t *testing.T) {
	const pkg = "example.com/app/hr"
	pos := func(line int) Pos { return Pos{Pkg: pkg, File: "hr.go", Line: line} }
	employee := TypeRef{Name: "*example.com/app/hr.Employee"}
	handBuilt := &Summary{
		Emits: []EmitRecord{
			{Event: "employee.deleted", Pos: pos(9), Payload: TypeRef{Name: "any", Interface: true}},
			{Event: "employee.created", Pos: pos(7), Payload: employee},
			{Event: "employee.created", Pos: pos(7), Payload: employee}, // a duplicate, dropped by normalize
		},
		Subs: []SubRecord{
			{Event: "employee.created", Pos: Pos{Pkg: "example.com/app/notify", File: "mail.go", Line: 12}, Handler: employee, AtInit: true},
			{Event: "employee.created", Pos: pos(20), Handler: TypeRef{}},
		},
		Dynamic:  []DynamicRecord{{Kind: Emit, Pos: pos(30)}, {Kind: Subscribe, Pos: pos(31)}},
		Wrappers: []WrapperRecord{{Func: pkg + ".Publish", Kind: Emit}},
		Catalogues: []*Catalogue{{
			Pkg:  "example.com/app/events",
			Name: "events",
			Events: []CatalogueEvent{
				{Name: "employee.created", Const: "EmployeeCreated", Doc: "An employee joined.", Pos: pos(3),
					Payload: &Payload{Type: employee, Fields: []Field{{Name: "ID", Type: "int"}}}},
				{Name: "employee.moved", Const: "EmployeeMoved", Deprecated: "use EmployeeUpdated.", Pos: pos(5),
					Payload: &Payload{Type: TypeRef{Name: BusPath + ".Fields"}, Keys: []string{"from", "to"}}},
				{Name: "employee.updated", Const: "EmployeeUpdated", Pos: pos(6)},
			},
		}},
	}
	handBuilt.normalize()

	// A summary as the model folds it, through a wrapper of a wrapper.
	var folded *Summary
	for _, r := range analysistest.Run(t, "../testdata", Model, "./wrappers/audit") {
		if res, ok := r.Result.(*Result); ok && r.Pass.Pkg.Path() == "example.com/lint/wrappers/audit" {
			folded = res.Summary
		}
	}
	if folded == nil || len(folded.Emits) == 0 || len(folded.Subs) == 0 || len(folded.Wrappers) == 0 {
		t.Fatalf("model gave no usable summary for wrappers/audit: %v", folded)
	}

	empty := new(Summary)
	empty.normalize()

	for name, s := range map[string]*Summary{"hand-built": handBuilt, "folded": folded, "empty": empty} {
		first := encode(t, s)
		var got Summary
		if err := gob.NewDecoder(bytes.NewReader(first)).Decode(&got); err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		if !reflect.DeepEqual(&got, s) {
			t.Errorf("%s: round trip changed the summary:\n got %#v\nwant %#v", name, &got, s)
		}
		if again := encode(t, s); !bytes.Equal(first, again) {
			t.Errorf("%s: encoding twice gave different bytes", name)
		}
		if decoded := encode(t, &got); !bytes.Equal(first, decoded) {
			t.Errorf("%s: the decoded summary encodes differently", name)
		}
	}
}

func encode(t *testing.T, s *Summary) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return buf.Bytes()
}
