package analyzer

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"reflect"
	"strings"
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
		FieldKeys: []FieldKeyRecord{
			{Event: "employee.moved", Pos: pos(40), Key: "to", Type: TypeRef{Name: "string"}},
			{Event: "employee.moved", Pos: pos(40), Key: "from", Type: TypeRef{Name: "any", Interface: true}},
			{Event: "employee.moved", Pos: pos(41), Unknown: true},
		},
		Reads: []ReadRecord{
			{Event: "employee.moved", Sub: pos(50), Key: "to", Pos: pos(51), Assert: TypeRef{Name: "string"}},
			{Event: "employee.moved", Sub: pos(50), Key: "from", Pos: pos(52)},
		},
		Catalogues: []*Catalogue{{
			Pkg:  "example.com/app/events",
			Name: "events",
			Events: []CatalogueEvent{
				{Name: "employee.created", Const: "EmployeeCreated", Doc: "An employee joined.", Pos: pos(3),
					Payload: &Payload{Type: employee, Fields: []Field{{Name: "ID", Type: "int"}}}},
				{Name: "employee.moved", Const: "EmployeeMoved", Deprecated: "use EmployeeUpdated.", Pos: pos(5),
					Payload: &Payload{Type: TypeRef{Name: BusPath + ".Fields"}, Keys: []string{"from", "to"},
						KeyTypes: []TypeRef{{Name: "string"}, {}}}},
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
	if folded == nil || folded.link == nil {
		t.Fatalf("model gave no folded summary for wrappers/audit: %v", folded)
	}
	if flat := folded.Flat(); len(flat.Emits) == 0 || len(flat.Subs) == 0 || len(flat.Wrappers) == 0 {
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
		if !reflect.DeepEqual(&got, s.Flat()) {
			t.Errorf("%s: round trip changed the summary:\n got %#v\nwant %#v", name, &got, s)
		}
		if again := encode(t, s); !bytes.Equal(first, again) {
			t.Errorf("%s: encoding twice gave different bytes", name)
		}
		if decoded := encode(t, &got); !bytes.Equal(first, decoded) {
			t.Errorf("%s: the decoded summary encodes differently", name)
		}
		if flat := encode(t, s.Flat()); !bytes.Equal(first, flat) {
			t.Errorf("%s: the summary and its flat form encode differently", name)
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

// A fold links to its imports' summaries instead of copying their
// records, so a layered import graph, where every package is in the
// closure of every package above it, holds each record once; Flat still
// finds every record of the closure, once, even though each importer sees
// its own copy of an imported fact (as ImportPackageFact hands out).
func TestSummaryFoldSharesRecords(t *testing.T) {
	const layers, width = 40, 5
	var below []*Summary
	for l := range layers {
		var layer []*Summary
		for i := range width {
			pkg := fmt.Sprintf("example.com/m/l%02d/p%d", l, i)
			own := &Summary{
				Emits: []EmitRecord{{Event: fmt.Sprintf("thing%d.happened", l*width+i), Pos: Pos{Pkg: pkg, File: "p.go", Line: 1}}},
				Subs:  []SubRecord{{Event: "thing0.happened", Pos: Pos{Pkg: pkg, File: "p.go", Line: 2}}},
			}
			own.normalize()
			var imports []*Summary
			for _, imp := range below {
				c := *imp // a copy, as ImportPackageFact gives
				imports = append(imports, &c)
			}
			layer = append(layer, fold(own, imports))
		}
		below = layer
	}

	// A top package's closure: itself and every package of the layers below.
	closure := (layers-1)*width + 1
	flat := below[0].Flat()
	if got, want := len(flat.Emits), closure; got != want {
		t.Errorf("flat summary of the top package has %d emits, want %d (one per package)", got, want)
	}
	if got, want := len(flat.Subs), closure; got != want {
		t.Errorf("flat summary of the top package has %d subscriptions, want %d", got, want)
	}
	if got, want := len(flat.Packages), closure; got != want {
		t.Errorf("flat summary names %d subscribing packages, want %d", got, want)
	}

	// Count the records held in memory by all the summaries together.
	held := 0
	seen := map[*link]bool{}
	var walk func(*link)
	walk = func(l *link) {
		if seen[l] {
			return
		}
		seen[l] = true
		held += len(l.own.Emits) + len(l.own.Subs)
		for _, imp := range l.imports {
			walk(imp)
		}
	}
	for _, s := range below {
		held += len(s.Emits) + len(s.Subs)
		walk(s.link)
	}
	if want := 2 * layers * width; held != want {
		t.Errorf("the summaries hold %d records in memory, want %d (each record once)", held, want)
	}
}

// The encoding is compressed: a summary repeats the same package path in
// every position of the package and an event name in its emits, its
// subscriptions and its catalogue entry. Bytes that are not an encoded
// summary are an error, not a panic.
func TestSummaryGobCompressed(t *testing.T) {
	const pkg, event = "example.com/app/very/long/package/path/hr", "employee.status_changed"
	s := &Summary{Catalogues: []*Catalogue{{Pkg: pkg, Name: "hr", Events: []CatalogueEvent{{Name: event, Const: "EmployeeStatusChanged", Pos: Pos{Pkg: pkg, File: "events.go", Line: 1}}}}}}
	for line := range 30 {
		s.Emits = append(s.Emits, EmitRecord{Event: event, Pos: Pos{Pkg: pkg, File: "hr.go", Line: 10 + line}})
		s.Subs = append(s.Subs, SubRecord{Event: event, Pos: Pos{Pkg: pkg, File: "hr.go", Line: 100 + line}})
	}
	s.normalize()

	var plain bytes.Buffer
	if err := gob.NewEncoder(&plain).Encode((*flatSummary)(s)); err != nil {
		t.Fatalf("encode: %v", err)
	}
	data := encode(t, s)
	if len(data) >= plain.Len()/3 {
		t.Errorf("the fact is %d bytes, its plain gob %d: want it compressed at least 3x", len(data), plain.Len())
	}
	if n := bytes.Count(data, []byte(pkg)); n > 1 {
		t.Errorf("the encoding holds %q %d times, want it at most once", pkg, n)
	}
	var got Summary
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&got); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if !reflect.DeepEqual(&got, s) {
		t.Errorf("round trip changed the summary:\n got %#v\nwant %#v", &got, s)
	}

	for name, bad := range map[string][]byte{
		"not DEFLATE": []byte("\xff\xfe not a summary"),
		"truncated":   data[:len(data)/2],
	} {
		if err := new(Summary).GobDecode(bad); err == nil || !strings.HasPrefix(err.Error(), "decoding summary: ") {
			t.Errorf("GobDecode(%s) = %v, want a decoding error", name, err)
		}
	}
}

// ShortType is the one type printer of messages and catalogue pages: it
// drops import paths, not the dots of a variadic parameter or of a
// package-less name.
func TestShortType(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"*example.com/app/hr.Employee", "*hr.Employee"},
		{"map[string][]example.com/app/hr.Employee", "map[string][]hr.Employee"},
		{"example.com/app/model.Page[example.com/app/model.Customer]", "model.Page[model.Customer]"},
		{"func(...example.com/app/hr.Employee)", "func(...hr.Employee)"},
		{"github.com/eventlint/eventlint/bus.Fields", "bus.Fields"},
		{"hr.Employee", "hr.Employee"},
		{"string", "string"},
	} {
		if got := ShortType(tc.in); got != tc.want {
			t.Errorf("ShortType(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Two types that read the same once shortened keep their paths.
	got := ShortTypes("example.com/a/hr.Employee", "example.com/b/hr.Employee", "*example.com/a/hr.Employee")
	want := map[string]string{
		"example.com/a/hr.Employee":  "example.com/a/hr.Employee",
		"example.com/b/hr.Employee":  "example.com/b/hr.Employee",
		"*example.com/a/hr.Employee": "*hr.Employee",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ShortTypes = %q, want %q", got, want)
	}
}
