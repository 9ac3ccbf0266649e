package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/eventlint/eventlint/analyzer"
)

// sampleFindings covers what the formats must handle: a check with a
// title, an end position, a fix, characters that need escaping, a file
// outside the output directory and a category that names no check.
func sampleFindings(dir string) []Finding {
	file := filepath.Join(dir, "orders", "orders.go")
	return []Finding{
		{
			Pos:      Position{File: file, Offset: 100, Line: 12, Column: 17, Char: 16},
			End:      Position{File: file, Offset: 114, Line: 12, Column: 31, Char: 30},
			Check:    analyzer.CheckNameFormat,
			CheckID:  "EL1001",
			Analyzer: "naming",
			Message:  `event name "OrderCréé" has 1 segment, want <aggregate>.<verb>: 100% wrong, really`,
			URL:      analyzer.CheckNameFormat.URL(),
			Fixes: []Fix{{Message: "rename it", Edits: []Edit{{
				Start:   Position{File: file, Offset: 100, Line: 12, Column: 17, Char: 16},
				End:     Position{File: file, Offset: 114, Line: 12, Column: 31, Char: 30},
				NewText: `"order.created"`,
			}, {
				Start:   Position{File: file, Offset: 20, Line: 3, Column: 1, Char: 1},
				End:     Position{File: file, Offset: 20, Line: 3, Column: 1, Char: 1},
				NewText: "import _ \"example.com/x\"\n",
			}}}},
		},
		{
			Pos:      Position{File: "/elsewhere/dep, with comma.go", Line: 3, Column: 2, Char: 2},
			Check:    analyzer.CheckNoSubscriber,
			CheckID:  "EL3001",
			Analyzer: "unregistered",
			Message:  "line one\nline two\r",
			URL:      analyzer.CheckNoSubscriber.URL(),
		},
		{
			Pos:      Position{File: file, Line: 1, Column: 1, Char: 1},
			CheckID:  "X1",
			Analyzer: "other",
			Message:  "no check of eventlint",
		},
	}
}

func TestWriteText(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteText(&b, sampleFindings(dir), &Output{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	want := filepath.FromSlash("orders/orders.go") + `:12:17: event name "OrderCréé" has 1 segment, want <aggregate>.<verb>: 100% wrong, really [EL1001]
/elsewhere/dep, with comma.go:3:2: line one
line two` + "\r" + ` [EL3001]
` + filepath.FromSlash("orders/orders.go") + `:1:1: no check of eventlint [X1]
`
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteJSON(&b, sampleFindings(dir), &Output{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b.String())
	}
	if len(got) != 3 {
		t.Fatalf("%d objects, want 3", len(got))
	}
	first := got[0]
	for k, want := range map[string]any{
		"file": "orders/orders.go", "line": 12.0, "column": 17.0, "end_line": 12.0, "end_column": 31.0,
		"check": "EL1001", "analyzer": "naming", "title": analyzer.CheckNameFormat.Title,
		"url": analyzer.CheckNameFormat.URL(),
	} {
		if first[k] != want {
			t.Errorf("%s = %v, want %v", k, first[k], want)
		}
	}
	fixes := first["fixes"].([]any)
	edit := fixes[0].(map[string]any)["edits"].([]any)[0].(map[string]any)
	for k, want := range map[string]any{"file": "orders/orders.go", "offset": 100.0, "end_offset": 114.0, "line": 12.0, "column": 17.0, "end_line": 12.0, "end_column": 31.0, "new_text": `"order.created"`} {
		if edit[k] != want {
			t.Errorf("edit %s = %v, want %v", k, edit[k], want)
		}
	}
	if _, ok := got[1]["end_line"]; ok {
		t.Error("end_line present for a finding without an end")
	}
	if f, ok := got[1]["fixes"].([]any); !ok || len(f) != 0 {
		t.Errorf("fixes of a finding without fixes = %#v, want []", got[1]["fixes"])
	}
	if !strings.Contains(b.String(), "<aggregate>") {
		t.Error("JSON escapes < and >: keep messages readable")
	}

	b.Reset()
	if err := WriteJSON(&b, nil, &Output{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("no findings: %q, want []", b.String())
	}
}

func TestWriteGitHub(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteGitHub(&b, sampleFindings(dir), &Output{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	want := `::warning file=orders/orders.go,line=12,col=16,endLine=12,endColumn=30,title=EL1001 event name does not follow the naming style::event name "OrderCréé" has 1 segment, want <aggregate>.<verb>: 100%25 wrong, really%0Ahttps://github.com/eventlint/eventlint/blob/main/docs/checks.md#EL1001
::warning file=/elsewhere/dep%2C with comma.go,line=3,col=2,title=EL3001 event emitted with no subscriber in the program::line one%0Aline two%0D%0Ahttps://github.com/eventlint/eventlint/blob/main/docs/checks.md#EL3001
::warning file=orders/orders.go,line=1,col=1,title=X1::no check of eventlint
`
	if b.String() != want {
		t.Errorf("github:\n%s\nwant:\n%s", b.String(), want)
	}
	if got := ghProperty("a:b,c%d\r\ne"); got != "a%3Ab%2Cc%25d%0D%0Ae" {
		t.Errorf("ghProperty = %q", got)
	}
}

func loadSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference values are checked too
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// ValidateSARIF validates a SARIF log against the OASIS schema; the
// command's end-to-end tests use it too.
func validateSARIF(t *testing.T, schema *jsonschema.Schema, data []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, data)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output does not validate against the 2.1.0 schema: %v\n%s", err, data)
	}
	return inst.(map[string]any)
}

func TestWriteSARIF(t *testing.T) {
	schema := loadSARIFSchema(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := WriteSARIF(&b, sampleFindings(dir), &Output{Dir: dir, Version: "v1.2.3"}); err != nil {
		t.Fatal(err)
	}
	log := validateSARIF(t, schema, b.Bytes())

	run := log["runs"].([]any)[0].(map[string]any)
	if run["columnKind"] != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run["columnKind"])
	}
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "eventlint" || driver["version"] != "v1.2.3" || driver["informationUri"] != InformationURI {
		t.Errorf("driver = %v", driver)
	}
	rules := driver["rules"].([]any)
	if len(rules) != len(analyzer.Checks) {
		t.Fatalf("%d rules, want one per check (%d)", len(rules), len(analyzer.Checks))
	}
	for i, c := range analyzer.Checks {
		r := rules[i].(map[string]any)
		if r["id"] != c.ID || r["helpUri"] != c.URL() ||
			r["shortDescription"].(map[string]any)["text"] != c.Title ||
			r["fullDescription"].(map[string]any)["text"] != c.Rationale ||
			!strings.Contains(r["help"].(map[string]any)["markdown"].(string), "```go\n"+c.Before+"\n```") {
			t.Errorf("rule %d = %v, want check %s", i, r, c.ID)
		}
	}
	base := run["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"].(string)
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% = %q, want a file URI ending in /", base)
	}

	results := run["results"].([]any)
	if len(results) != 3 {
		t.Fatalf("%d results, want 3", len(results))
	}
	r0 := results[0].(map[string]any)
	if n, _ := r0["ruleIndex"].(json.Number); r0["ruleId"] != "EL1001" || r0["level"] != "warning" || n.String() != fmt.Sprint(slices.Index(analyzer.Checks, analyzer.CheckNameFormat)) {
		t.Errorf("result 0 = %v", r0)
	}
	loc := r0["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	art := loc["artifactLocation"].(map[string]any)
	if art["uri"] != "orders/orders.go" || art["uriBaseId"] != "%SRCROOT%" {
		t.Errorf("artifactLocation = %v", art)
	}
	region := loc["region"].(map[string]any)
	for k, want := range map[string]string{"startLine": "12", "startColumn": "16", "endLine": "12", "endColumn": "30"} {
		if n, _ := region[k].(json.Number); n.String() != want {
			t.Errorf("region %s = %v, want %s (character columns)", k, region[k], want)
		}
	}
	if _, ok := r0["fixes"]; !ok {
		t.Error("result 0 has no fixes")
	}
	r1 := results[1].(map[string]any)
	art1 := r1["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)
	if art1["uri"] != "file:///elsewhere/dep,%20with%20comma.go" || art1["uriBaseId"] != nil {
		t.Errorf("file outside the directory: artifactLocation = %v", art1)
	}
	if r2 := results[2].(map[string]any); r2["ruleId"] != "X1" || r2["ruleIndex"] != nil {
		t.Errorf("finding of no check: %v", r2)
	}

	// No findings is a valid log too.
	b.Reset()
	if err := WriteSARIF(&b, nil, &Output{Dir: dir, Version: "(devel)"}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, schema, b.Bytes())
}

// TestSARIFSchemaRejects makes sure the validation can fail: a log
// without the required version is rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	schema := loadSARIFSchema(t)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"runs": [], "columnKind": 3}`))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(inst) == nil {
		t.Fatal("the schema accepts an invalid log")
	}
}

func TestRuleName(t *testing.T) {
	for title, want := range map[string]string{
		"event name does not follow the naming style": "EventNameDoesNotFollowTheNamingStyle",
		"malformed eventlint:ignore directive":        "MalformedEventlintIgnoreDirective",
	} {
		if got := ruleName(title); got != want {
			t.Errorf("ruleName(%q) = %q, want %q", title, got, want)
		}
	}
}
