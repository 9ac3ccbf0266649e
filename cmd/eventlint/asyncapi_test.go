package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// asyncAPISpecs is the version of the npm package @asyncapi/specs whose
// AsyncAPI 3.0.0 JSON Schema the documents are validated against.
const asyncAPISpecs = "6.11.1"

// asyncAPISchema returns the official AsyncAPI 3.0.0 JSON Schema, from
// the npm package @asyncapi/specs: fetched with npm pack once and kept
// under os.UserCacheDir()/eventlint, like the golangci-lint build. It
// skips the test with -short, and when there is no npm or cache
// directory.
func asyncAPISchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	if testing.Short() {
		t.Skip("fetches @asyncapi/specs with npm")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skipf("no user cache directory for @asyncapi/specs: %v", err)
	}
	file := filepath.Join(cache, "eventlint", "asyncapi-specs-"+asyncAPISpecs, "3.0.0.json")
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		data = fetchAsyncAPISchema(t, file)
	} else if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	const url = "http://asyncapi.com/definitions/3.0.0/asyncapi.json" // its $id
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compiling the AsyncAPI 3.0.0 schema: %v", err)
	}
	return schema
}

// fetchAsyncAPISchema packs @asyncapi/specs with npm, takes
// schemas/3.0.0.json out of the tarball and writes it to file.
func fetchAsyncAPISchema(t *testing.T, file string) []byte {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("no npm to fetch @asyncapi/specs (.ci/run installs it)")
	}
	dir := t.TempDir()
	cmd := exec.Command("npm", "pack", "--silent", "--pack-destination", dir, "@asyncapi/specs@"+asyncAPISpecs)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("npm pack @asyncapi/specs@%s: %v\n%s", asyncAPISpecs, err, stderr)
	}
	tgz, err := os.Open(filepath.Join(dir, strings.TrimSpace(string(out))))
	if err != nil {
		t.Fatal(err)
	}
	defer tgz.Close()
	zr, err := gzip.NewReader(tgz)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			t.Fatalf("@asyncapi/specs@%s has no package/schemas/3.0.0.json", asyncAPISpecs)
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Name != "package/schemas/3.0.0.json" {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		// Write then rename: a test running at the same time never reads
		// half a file.
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		tmp := file + ".tmp" + filepath.Base(dir)
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
		return data
	}
}

// TestAsyncAPIClinic validates examples/clinic's AsyncAPI document, in
// YAML and in JSON, against the official AsyncAPI 3.0.0 schema, and
// checks that the committed asyncapi.yaml is up to date. Regenerate it
// with: cd examples/clinic && eventlint catalogue -format asyncapi -o asyncapi.yaml
func TestAsyncAPIClinic(t *testing.T) {
	t.Parallel()
	schema := asyncAPISchema(t)
	if r := run(t, clinic, "catalogue", "-format", "asyncapi", "-check", "asyncapi.yaml"); r.code != 0 {
		t.Errorf("-check asyncapi.yaml: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	yamlDoc, err := os.ReadFile(filepath.Join(clinic, "asyncapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var fromYAML any
	if err := yaml.Unmarshal(yamlDoc, &fromYAML); err != nil {
		t.Fatalf("asyncapi.yaml: %v", err)
	}
	asJSON, err := json.Marshal(fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, clinic, "catalogue", "-format", "asyncapi-json")
	if r.code != 0 {
		t.Fatalf("-format asyncapi-json: exit %d\n%s", r.code, r.stderr)
	}
	for name, doc := range map[string]string{"YAML": string(asJSON), "JSON": r.stdout} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("the %s document does not validate against AsyncAPI 3.0.0: %v\n%s", name, err, doc)
		}
	}
	// The two forms are one document.
	var a, b any
	if err := json.Unmarshal(asJSON, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(r.stdout), &b); err != nil {
		t.Fatal(err)
	}
	if ja, jb := mustJSON(t, a), mustJSON(t, b); ja != jb {
		t.Errorf("YAML and JSON documents differ:\n%s\n%s", ja, jb)
	}

	// What the document says of the example.
	doc := b.(map[string]any)
	ops := doc["operations"].(map[string]any)
	for id, pkgs := range map[string]string{
		"sendEmployeeStatusChanged":    "example.com/clinic/hr",
		"receiveEmployeeStatusChanged": "example.com/clinic/audit example.com/clinic/notify",
		"sendPatientRegistered":        "example.com/clinic/patients",
	} {
		op, ok := ops[id].(map[string]any)
		if !ok {
			t.Errorf("no operation %s", id)
			continue
		}
		var got []string
		for _, p := range op["x-eventlint-packages"].([]any) {
			got = append(got, p.(string))
		}
		if strings.Join(got, " ") != pkgs {
			t.Errorf("%s: packages %v, want %s", id, got, pkgs)
		}
	}
	if _, ok := ops["sendEmployeeArchived"]; ok {
		t.Errorf("sendEmployeeArchived: nothing emits employee.archived")
	}
	msgs := doc["components"].(map[string]any)["messages"].(map[string]any)
	if dep := msgs["PatientRegistered"].(map[string]any)["x-eventlint-deprecated"]; dep != "emit PatientCreated; this one goes away once the reporting service has moved over." {
		t.Errorf("PatientRegistered: x-eventlint-deprecated %v", dep)
	}
	if addr := doc["channels"].(map[string]any)["InvoicePaid"].(map[string]any)["address"]; addr != "invoice.paid" {
		t.Errorf("channel InvoicePaid: address %v", addr)
	}
}

// TestAsyncAPIRejectsInvalid makes sure the schema would catch a broken
// document: one without info.version.
func TestAsyncAPIRejectsInvalid(t *testing.T) {
	t.Parallel()
	schema := asyncAPISchema(t)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"asyncapi": "3.0.0", "info": {"title": "x"}, "operations": {"o": {"action": "emit"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err == nil {
		t.Error("a document without info.version and with action emit validates")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
