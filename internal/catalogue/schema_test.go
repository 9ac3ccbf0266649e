package catalogue

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// payloadFiles is a catalogue whose payload types use what encoding/json
// treats specially, and a command that prints values of them as
// encoding/json writes them, one "Constant JSON" line each.
var payloadFiles = map[string]string{
	"events/events.go": `// Package events is a catalogue of payload shapes.
//
//eventlint:catalogue
package events

import "time"

// Money is a named non-struct type.
type Money int64

// Base is embedded without a tag: its fields are promoted.
type Base struct {
	ID      int       ` + "`json:\"id\"`" + `
	Created time.Time ` + "`json:\"created\"`" + `
}

// Meta is embedded through a pointer: its fields may be missing.
type Meta struct {
	Source string ` + "`json:\"source\"`" + `
}

// A and B both have X at the same depth: encoding/json writes neither.
type A struct{ X int }
type B struct{ X string }

// Raw encodes itself.
type Raw struct{}

func (Raw) MarshalJSON() ([]byte, error) { return []byte(` + "`\"raw\"`" + `), nil }

// Employee is the payload of EmployeeHired.
type Employee struct {
	Base
	*Meta
	A
	B
	Name     string             ` + "`json:\"name\"`" + `
	Email    string             ` + "`json:\"email,omitempty\"`" + `
	Secret   string             ` + "`json:\"-\"`" + `
	Salary   Money              ` + "`json:\"salary,string\"`" + `
	Manager  *Employee          ` + "`json:\"manager\"`" + `
	Tags     []string           ` + "`json:\"tags\"`" + `
	Photo    []byte             ` + "`json:\"photo,omitempty\"`" + `
	Scores   map[string]float64 ` + "`json:\"scores\"`" + `
	Extra    any                ` + "`json:\"extra\"`" + `
	Raw      Raw                ` + "`json:\"raw\"`" + `
	Shifts   [2]int             ` + "`json:\"shifts\"`" + `
	Active   bool
	internal int
}

const (
	// EmployeeHired is emitted when HR hires someone.
	//
	//eventlint:payload *Employee
	EmployeeHired = "employee.hired"

	// InvoicePaid is emitted when an invoice is settled.
	//
	//eventlint:payload bus.Fields{"invoice_id": int, "amount"}
	InvoicePaid = "invoice.paid"

	// StockCounted carries a count.
	//
	//eventlint:payload int
	StockCounted = "stock.counted"

	// PricesListed carries prices.
	//
	//eventlint:payload []Money
	PricesListed = "prices.listed"
)

var _ = Employee{}.internal
`,
	"cmd/dump/main.go": `package main

import (
	"encoding/json"
	"fmt"
	"time"

	"example.com/app/events"
	"github.com/eventlint/eventlint/bus"
)

func print(name string, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s %s\n", name, data)
}

func main() {
	boss := &events.Employee{Name: "Grace"}
	full := &events.Employee{
		Base:   events.Base{ID: 7, Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		Meta:   &events.Meta{Source: "import"},
		Name:   "Ada", Email: "ada@example.com", Secret: "s", Salary: 5000,
		Manager: boss, Tags: []string{"doctor"}, Photo: []byte{1, 2, 3},
		Scores: map[string]float64{"q1": 0.5}, Extra: []int{1}, Active: true,
	}
	print("EmployeeHired", full)
	print("EmployeeHired", &events.Employee{})
	print("InvoicePaid", bus.Fields{"invoice_id": 12, "amount": 99.5})
	print("StockCounted", 3)
	print("PricesListed", []events.Money{1, 2})
	print("PricesListed", []events.Money(nil))
}
`,
}

// wantEmployee is the schema of Employee: encoding/json's field order
// and names, the promoted fields, none for the conflicting X, Secret and
// internal; required unless omitempty or promoted through *Meta;
// nullable pointers, slices and maps; time.Time a date-time; ,string a
// string; Raw and any unconstrained; []byte base64; [2]int two integers.
const wantEmployee = `{
  "type": "object",
  "properties": {
    "id": {"type": "integer"},
    "created": {"type": "string", "format": "date-time"},
    "source": {"type": "string"},
    "name": {"type": "string"},
    "email": {"type": "string"},
    "salary": {"type": "string"},
    "manager": {"anyOf": [{"$ref": "#/components/schemas/events.Employee"}, {"type": "null"}]},
    "tags": {"type": ["array", "null"], "items": {"type": "string"}},
    "photo": {"type": ["string", "null"], "contentEncoding": "base64"},
    "scores": {"type": ["object", "null"], "additionalProperties": {"type": "number"}},
    "extra": {},
    "raw": {},
    "shifts": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
    "Active": {"type": "boolean"}
  },
  "required": ["id", "created", "name", "salary", "manager", "tags", "scores", "extra", "raw", "shifts", "Active"],
  "x-go-type": "example.com/app/events.Employee"
}`

func compactJSON(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return b.String()
}

func TestPayloadSchemas(t *testing.T) {
	t.Parallel()
	prog := load(t, writeModule(t, clone(payloadFiles)), "./...")
	page, err := Build(prog)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(page.Schemas["events.Employee"])
	if err != nil {
		t.Fatal(err)
	}
	if want := compactJSON(t, wantEmployee); string(got) != want {
		t.Errorf("events.Employee:\n%s\nwant:\n%s", got, want)
	}
	if len(page.Schemas) != 1 {
		t.Errorf("components: %v, want only events.Employee (Base, Meta, A and B are promoted, not referred to)", page.Schemas)
	}
	want := map[string]string{
		"employee.hired": `{"$ref":"#/components/schemas/events.Employee"}`,
		"invoice.paid":   `{"type":"object","properties":{"amount":{},"invoice_id":{"type":"integer"}},"required":["amount","invoice_id"]}`,
		"stock.counted":  `{"type":"integer"}`,
		"prices.listed":  `{"type":["array","null"],"items":{"type":"integer"}}`,
	}
	for _, e := range page.Catalogues[0].Events {
		got, err := json.Marshal(e.Schema)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want[e.Name] {
			t.Errorf("payload of %s: %s, want %s", e.Name, got, want[e.Name])
		}
	}
}

// TestPayloadSchemasAcceptValues validates values of the payload types,
// encoded by encoding/json in a program of the module, against the
// payload schemas of the AsyncAPI document, and values of other shapes
// against them too, which must fail.
func TestPayloadSchemasAcceptValues(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	t.Parallel()
	dir := writeModule(t, clone(payloadFiles))
	page, err := Build(load(t, dir, "./..."))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := AsyncAPIJSON(page)
	if err != nil {
		t.Fatal(err)
	}
	payload := compilePayloads(t, doc)

	cmd := exec.Command("go", "run", "./cmd/dump")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run ./cmd/dump: %v\n%s", err, out)
	}
	n := 0
	for sc := bufio.NewScanner(bytes.NewReader(out)); sc.Scan(); n++ {
		id, value, _ := strings.Cut(sc.Text(), " ")
		if err := payload(id).Validate(decode(t, value)); err != nil {
			t.Errorf("%s value %s does not validate: %v", id, value, err)
		}
	}
	if n != 6 {
		t.Fatalf("%d values printed, want 6:\n%s", n, out)
	}

	for _, bad := range []struct{ id, value string }{
		{"EmployeeHired", `{"id":"7","created":"2026-01-02T03:04:05Z","name":"Ada","salary":"1","manager":null,"tags":null,"scores":null,"extra":null,"raw":"raw","shifts":[0,0],"Active":false}`},
		{"EmployeeHired", `{"id":7,"created":"2026-01-02T03:04:05Z","name":"Ada","salary":1,"manager":null,"tags":null,"scores":null,"extra":null,"raw":"raw","shifts":[0,0],"Active":false}`},
		{"EmployeeHired", `{"id":7,"created":"2026-01-02T03:04:05Z","salary":"1","manager":null,"tags":null,"scores":null,"extra":null,"raw":"raw","shifts":[0,0],"Active":false}`},
		{"EmployeeHired", `{"id":7,"created":"2026-01-02T03:04:05Z","name":"Ada","salary":"1","manager":{"id":1},"tags":null,"scores":null,"extra":null,"raw":"raw","shifts":[0,0],"Active":false}`},
		{"EmployeeHired", `{"id":7,"created":"2026-01-02T03:04:05Z","name":"Ada","salary":"1","manager":null,"tags":null,"scores":null,"extra":null,"raw":"raw","shifts":[0],"Active":false}`},
		{"InvoicePaid", `{"invoice_id":12}`},
		{"StockCounted", `3.5`},
		{"PricesListed", `["1"]`},
	} {
		if err := payload(bad.id).Validate(decode(t, bad.value)); err == nil {
			t.Errorf("%s value %s validates, want an error", bad.id, bad.value)
		}
	}
}

// compilePayloads compiles the payload schemas of an AsyncAPI document's
// messages, by message id; their $refs point into the document.
func compilePayloads(t *testing.T, doc []byte) func(id string) *jsonschema.Schema {
	t.Helper()
	const url = "file:///asyncapi.json"
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	if err := c.AddResource(url, decode(t, string(doc))); err != nil {
		t.Fatal(err)
	}
	return func(id string) *jsonschema.Schema {
		s, err := c.Compile(url + "#/components/messages/" + id + "/payload")
		if err != nil {
			t.Fatalf("compiling the payload of %s: %v", id, err)
		}
		return s
	}
}

func decode(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return v
}

// TestAsyncAPISharedConstant: two catalogues declaring the same constant
// get distinct channels, messages and operations, named after their
// import paths.
func TestAsyncAPISharedConstant(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for _, ctx := range []string{"billing", "shop"} {
		files[ctx+"/events/events.go"] = `// Package events is the ` + ctx + ` catalogue.
//
//eventlint:catalogue
package events

// Paid is emitted when ` + ctx + ` is paid.
const Paid = "` + ctx + `.paid"
`
	}
	page, err := Build(load(t, writeModule(t, files), "./..."))
	if err != nil {
		t.Fatal(err)
	}
	data, err := AsyncAPIJSON(page)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Channels map[string]struct {
			Address string `json:"address"`
		} `json:"channels"`
		Components struct {
			Messages map[string]struct {
				Constant string `json:"x-eventlint-constant"`
			} `json:"messages"`
		} `json:"components"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for id, addr := range map[string]string{"example.com_app_billing_events.Paid": "billing.paid", "example.com_app_shop_events.Paid": "shop.paid"} {
		if doc.Channels[id].Address != addr {
			t.Errorf("channel %s: address %q, want %q\n%s", id, doc.Channels[id].Address, addr, data)
		}
	}
	if len(doc.Channels) != 2 || doc.Components.Messages["example.com_app_shop_events.Paid"].Constant != "example.com/app/shop/events.Paid" {
		t.Errorf("%s", data)
	}
}
