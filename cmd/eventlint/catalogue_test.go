package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/internal/testutil"
)

var clinic = filepath.Join("..", "..", "examples", "clinic")

// TestCatalogueClinic is the golden test of the rendering: EVENTS.md is
// the example's committed published-events page, and -check must find it
// up to date. After a change to the example's catalogue or code,
// regenerate it with: cd examples/clinic && eventlint catalogue -o EVENTS.md
func TestCatalogueClinic(t *testing.T) {
	t.Parallel()
	r := run(t, clinic, "catalogue", "-check", "EVENTS.md")
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("-check EVENTS.md: exit %d (want 0)\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	want, err := os.ReadFile(filepath.Join(clinic, "EVENTS.md"))
	if err != nil {
		t.Fatal(err)
	}
	// The page says what the brief of the example promises.
	for _, s := range []string{
		"| `employee.status_changed`<br>`events.EmployeeStatusChanged` | `*events.Employee` | `hr` | `audit`, `notify` |",
		"| `invoice.paid`<br>`events.InvoicePaid` | `bus.Fields{\"amount\", \"invoice_id\"}` | `billing` | `accounting` |",
		"| `appointment.scheduled`<br>`events.AppointmentScheduled` | `*events.Appointment` | `scheduling` | `notify` |",
		"| deprecated: emit PatientCreated; this one goes away once the reporting service has moved over. |",
		"| `employee.archived`<br>`events.EmployeeArchived` | — | — | — |",
	} {
		if !strings.Contains(string(want), s) {
			t.Errorf("EVENTS.md lacks %q", s)
		}
	}
	if r := run(t, clinic, "catalogue"); r.code != 0 || r.stdout != string(want) {
		t.Errorf("catalogue to stdout: exit %d\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
}

func TestCatalogueCheckOutOfDate(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join(clinic, "EVENTS.md"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "EVENTS.md")
	stale := strings.Replace(string(page), "`billing`", "`payments`", 1)
	if err := os.WriteFile(file, []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, clinic, "catalogue", "-check", file)
	wantDiff := regexp.MustCompile(`(?s)^--- ` + regexp.QuoteMeta(file) + `\n\+\+\+ ` + regexp.QuoteMeta(file) + ` \(eventlint catalogue\)\n@@ .* @@\n.*\n-\| ` + "`invoice.paid`" + `.*` + "`payments`" + `.*\n\+\| ` + "`invoice.paid`" + `.*` + "`billing`")
	if r.code != 1 || !wantDiff.MatchString(r.stdout) ||
		r.stderr != "eventlint catalogue: "+file+" is out of date: regenerate it with eventlint catalogue -o "+file+"\n" {
		t.Fatalf("stale -check: exit %d (want 1)\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	// -o brings it up to date.
	if r := run(t, clinic, "catalogue", "-o", file); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("-o: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(file); string(got) != string(page) {
		t.Errorf("-o wrote:\n%s", got)
	}
	if r := run(t, clinic, "catalogue", "-check", file); r.code != 0 {
		t.Errorf("-check after -o: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// The JSON rendering is checked the same way, and the advice keeps
	// the flags and packages.
	jsonFile := filepath.Join(t.TempDir(), "events.json")
	if err := os.WriteFile(jsonFile, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, clinic, "catalogue", "-format", "json", "-check", jsonFile, "./...")
	if r.code != 1 || !strings.HasPrefix(r.stdout, "--- "+jsonFile) ||
		!strings.Contains(r.stderr, "regenerate it with eventlint catalogue -format json -o "+jsonFile+" ./...\n") {
		t.Errorf("stale JSON: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// So is the AsyncAPI document, and the advice keeps -api-version.
	yamlFile := filepath.Join(t.TempDir(), "asyncapi.yaml")
	if err := os.WriteFile(yamlFile, []byte("asyncapi: 3.0.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, clinic, "catalogue", "-format", "asyncapi", "-api-version", "1.2.0", "-check", yamlFile)
	if r.code != 1 || !strings.Contains(r.stdout, "+  version: 1.2.0\n") ||
		!strings.Contains(r.stderr, "regenerate it with eventlint catalogue -format asyncapi -api-version 1.2.0 -o "+yamlFile+"\n") {
		t.Errorf("stale AsyncAPI document: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A missing file is an error, not a stale page.
	r = run(t, clinic, "catalogue", "-check", filepath.Join(t.TempDir(), "missing.md"))
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "create it with eventlint catalogue -o ") {
		t.Errorf("missing -check file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestCatalogueJSON(t *testing.T) {
	t.Parallel()
	r := run(t, clinic, "catalogue", "-format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var page struct {
		Schema     int    `json:"schema"`
		Module     string `json:"module"`
		Catalogues []struct {
			Package string `json:"package"`
			Events  []struct {
				Name      string   `json:"name"`
				Constant  string   `json:"constant"`
				Position  string   `json:"position"`
				Status    string   `json:"status"`
				EmittedBy []string `json:"emitted_by"`
				HandledBy []string `json:"handled_by"`
				Payload   *struct {
					Type  string `json:"type"`
					Short string `json:"short"`
				} `json:"payload"`
			} `json:"events"`
		} `json:"catalogues"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &page); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if page.Schema != 1 || page.Module != "example.com/clinic" || len(page.Catalogues) != 1 || len(page.Catalogues[0].Events) != 7 {
		t.Fatalf("%s", r.stdout)
	}
	e := page.Catalogues[0].Events[3] // sorted by name
	if e.Name != "employee.status_changed" || e.Constant != "EmployeeStatusChanged" || e.Position != "events/events.go:41" ||
		e.Status != "active" || strings.Join(e.EmittedBy, ",") != "example.com/clinic/hr" ||
		strings.Join(e.HandledBy, ",") != "example.com/clinic/audit,example.com/clinic/notify" ||
		e.Payload == nil || e.Payload.Type != "*example.com/clinic/events.Employee" || e.Payload.Short != "*events.Employee" {
		t.Errorf("event 4: %+v", e)
	}
}

func TestCatalogueUsage(t *testing.T) {
	t.Parallel()
	r := run(t, ".", "catalogue", "-help")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("-help: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"Usage:", "eventlint catalogue -init DIR", "-against", "-check file", "-format format", "Exit codes:", "breaking"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("catalogue -help lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run(t, ".", "-help"); !regexp.MustCompile(`(?m)^  catalogue +publish the event catalogue`).MatchString(r.stdout) {
		t.Errorf("eventlint -help does not list catalogue:\n%s", r.stdout)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml"}, `unknown format "xml"`},
		{[]string{"-nosuchflag"}, "eventlint catalogue -help lists the flags"},
		{[]string{"-o", "a.md", "-check", "b.md"}, "give one of them"},
		{[]string{"-init", "x", "-against", "HEAD"}, "-init and -against cannot be combined"},
		{[]string{"-init", "x", "-o", "a.md"}, "-init and rendering cannot be combined"},
		{[]string{"-v"}, "-v only applies to -against"},
		{[]string{"-format", "json", "-against", "HEAD"}, "-format only applies to the rendering"},
		{[]string{"-check", ""}, "need a value"},
		{[]string{"./...", "-o", "x"}, "flags come first"},
		{[]string{"-format", "yaml"}, "want markdown, json, asyncapi or asyncapi-json"},
		{[]string{"-api-version", "1.0.0"}, "-api-version only applies to -format asyncapi and asyncapi-json"},
	} {
		r := run(t, clinic, append([]string{"catalogue"}, tc.args...)...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "eventlint catalogue: ") || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s\nwant stderr containing %q", tc.args, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	// Packages that do not load: the compiler's errors, exit 2.
	if r := run(t, testdata("typeerror"), "catalogue"); r.code != 2 || !strings.Contains(r.stderr, "cannot use \"three\"") {
		t.Errorf("type error: exit %d\n%s", r.code, r.stderr)
	}
	// No catalogue: say how to get one.
	if r := run(t, testdata("clean"), "catalogue"); r.code != 2 || !strings.Contains(r.stderr, "none of the packages is an event catalogue") ||
		!strings.Contains(r.stderr, "eventlint catalogue -init DIR") {
		t.Errorf("no catalogue: exit %d\n%s", r.code, r.stderr)
	}
}

// writeTestModule writes files into dir, with a go.mod for module path
// requiring this checkout's eventlint (and more go.mod lines, if given).
func writeTestModule(t *testing.T, dir, module string, files map[string]string, gomod ...string) {
	t.Helper()
	files["go.mod"] = testutil.GoMod(t, module, gomod...)
	testutil.WriteFiles(t, dir, files)
}

// adoptModule has no catalogue yet; its packages use literal names.
var adoptModule = map[string]string{
	"hr/hr.go": `// Package hr manages employees.
package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

// Employee is an employee.
type Employee struct{ Name string }

// Hire hires.
func Hire(ctx context.Context) {
	bus.Emit(ctx, "employee.created", &Employee{Name: "Ada"})
	bus.Emit(ctx, "employee.renamed", "Grace")
}
`,
	"notify/notify.go": `// Package notify sends mail.
package notify

import (
	"context"

	"example.com/adopt/hr"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.created", welcome)
	bus.On("employee.renamed", func(ctx context.Context, name string) error { return nil })
}

func welcome(ctx context.Context, e *hr.Employee) error { return nil }
`,
	"cmd/app/main.go": `package main

import (
	"context"

	"example.com/adopt/hr"
	_ "example.com/adopt/notify"
)

func main() { hr.Hire(context.Background()) }
`,
}

// TestCatalogueInitWorkflow follows the adoption workflow -init prints,
// running its commands as printed: the catalogue check only knows the
// catalogues a package imports, so eventlint -fix alone cannot replace
// literals in packages that do not import the new catalogue yet.
func TestCatalogueInitWorkflow(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("the printed steps are POSIX shell commands")
	}
	dir := t.TempDir()
	writeTestModule(t, dir, "example.com/adopt", adoptModule)

	r := run(t, dir, "catalogue", "-init", "events")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("-init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	wantSteps := `wrote events/events.go: the catalogue example.com/adopt/events, 2 events.
Fill in its TODOs: a purpose for each event, 1 payload to declare, 0 events that nothing emits.

The catalogue check only knows the catalogues a package imports, so the
packages that use event names must import it before eventlint -fix can
replace their string literals by its constants:

 1. Import it, blank, in each of them:

	printf 'package hr\n\nimport _ "example.com/adopt/events"\n' > hr/eventlint_adopt.go
	printf 'package notify\n\nimport _ "example.com/adopt/events"\n' > notify/eventlint_adopt.go

 2. Replace the literals by the constants (EL2002's fix, which imports the
    catalogue by name):

	eventlint -fix ./...

 3. Remove the blank imports:

	rm hr/eventlint_adopt.go notify/eventlint_adopt.go

 4. From now on, run in CI (EL2007 reports packages that use the bus
    without importing the catalogue):

	eventlint -catalogue=example.com/adopt/events ./...
`
	if r.stdout != wantSteps {
		t.Fatalf("-init printed:\n%s\nwant:\n%s", r.stdout, wantSteps)
	}

	// Without step 1, -fix has nothing to offer: no package sees the
	// catalogue (this is why the steps exist).
	before := snapshot(t, filepath.Join(dir, "hr"))
	if r := run(t, dir, "-catalogue=example.com/adopt/events", "-fix", "./..."); !strings.Contains(r.stdout, "[EL2007]") || strings.Contains(r.stderr, "fixed") {
		t.Fatalf("-fix before the blank imports: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if after := snapshot(t, filepath.Join(dir, "hr")); !mapsEqual(after, before) {
		t.Fatal("-fix changed files without the catalogue in sight")
	}

	// The steps, as printed.
	shell := func(cmdline string) {
		t.Helper()
		if out, err := exec.Command("sh", "-c", "cd '"+dir+"' && "+cmdline).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", cmdline, err, out)
		}
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "\tprintf ") {
			shell(line)
		}
	}
	if r := run(t, dir, "-fix", "./..."); r.stderr != "eventlint: fixed 4 finding(s) in 2 file(s)\n" {
		t.Fatalf("-fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	shell("rm hr/eventlint_adopt.go notify/eventlint_adopt.go")

	hr, _ := os.ReadFile(filepath.Join(dir, "hr", "hr.go"))
	notify, _ := os.ReadFile(filepath.Join(dir, "notify", "notify.go"))
	for _, want := range []string{`"example.com/adopt/events"`, "bus.Emit(ctx, events.EmployeeCreated, ", "bus.Emit(ctx, events.EmployeeRenamed, "} {
		if !strings.Contains(string(hr), want) {
			t.Errorf("hr.go lacks %q:\n%s", want, hr)
		}
	}
	for _, want := range []string{`"example.com/adopt/events"`, "bus.On(events.EmployeeCreated, welcome)", "bus.On(events.EmployeeRenamed, "} {
		if !strings.Contains(string(notify), want) {
			t.Errorf("notify.go lacks %q:\n%s", want, notify)
		}
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build after adopting: %v\n%s", err, out)
	}
	// Adopted: every package sees the catalogue, no literal repeats it.
	r = run(t, dir, "-catalogue=example.com/adopt/events", "./...")
	for _, id := range []string{"EL2001", "EL2002", "EL2007"} {
		if strings.Contains(r.stdout, id) {
			t.Errorf("after adopting, %s remains:\n%s", id, r.stdout)
		}
	}
	if r.code == 2 {
		t.Errorf("after adopting: exit 2\n%s", r.stderr)
	}

	// -init never overwrites.
	if r := run(t, dir, "catalogue", "-init", "hr"); r.code != 2 || !strings.Contains(r.stderr, "already have a catalogue") {
		t.Errorf("-init with a catalogue: exit %d\n%s", r.code, r.stderr)
	}
}

// legacyModule has a legacy "EmployeeCreated" beside the well-formed
// "employee.created", and a typo subscription "employee.status_chnaged"
// beside the emitted "employee.status_changed".
var legacyModule = map[string]string{
	"hr/hr.go": `package hr

import (
	"context"

	"github.com/eventlint/eventlint/bus"
)

type Employee struct{ Name string }

func Hire(ctx context.Context, e *Employee) {
	bus.Emit(ctx, "employee.created", e)
	bus.Emit(ctx, "EmployeeCreated", e)
	bus.Emit(ctx, "employee.status_changed", e)
}
`,
	"notify/notify.go": `package notify

import (
	"context"

	"example.com/legacy/hr"
	"github.com/eventlint/eventlint/bus"
)

func init() {
	bus.On("employee.created", welcome)
	bus.On("employee.status_chnaged", welcome)
}

func welcome(ctx context.Context, e *hr.Employee) error { return nil }
`,
	"cmd/app/main.go": `package main

import (
	"context"

	"example.com/legacy/hr"
	_ "example.com/legacy/notify"
)

func main() { hr.Hire(context.Background(), &hr.Employee{}) }
`,
}

// TestCatalogueInitLegacyAndTypo runs the adoption workflow on
// legacyModule: -init gives the well-formed name the natural identifier
// and leaves the legacy name and the typo out of the catalogue with a
// TODO each; after -fix the findings left are the true ones, at the
// legacy emit and the typo subscription, and none at the catalogue.
func TestCatalogueInitLegacyAndTypo(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("the printed steps are POSIX shell commands")
	}
	dir := t.TempDir()
	writeTestModule(t, dir, "example.com/legacy", legacyModule)

	r := run(t, dir, "catalogue", "-init", "events")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("-init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if want := `wrote events/events.go: the catalogue example.com/legacy/events, 2 events.
Fill in its TODOs: a purpose for each event, 2 payloads to declare, 0 events that nothing emits.
Left out, with a TODO each: 1 name breaking the naming rules and 1 likely typo (a name nothing emits, near an emitted one); eventlint reports their uses until the code is fixed.
`; !strings.HasPrefix(r.stdout, want) {
		t.Errorf("-init printed:\n%s\nwant it to start with:\n%s", r.stdout, want)
	}
	src, err := os.ReadFile(filepath.Join(dir, "events", "events.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\tEmployeeCreated = \"employee.created\"\n",
		"\tEmployeeStatusChanged = \"employee.status_changed\"\n",
		"// TODO: event name \"EmployeeCreated\" has 1 segment, want\n// <aggregate>.<verb>: name it \"employee.created\" (used in\n// example.com/legacy/hr).\n",
		"// TODO: event name \"employee.status_chnaged\" is subscribed to in\n// example.com/legacy/notify but emitted nowhere: a typo of the emitted\n// \"employee.status_changed\"? Subscribe to that.\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the catalogue lacks %q:\n%s", want, src)
		}
	}
	if n := strings.Count(string(src), " = \""); n != 2 {
		t.Errorf("the catalogue declares %d constants, want 2 (no legacy name, no typo):\n%s", n, src)
	}

	shell := func(cmdline string) {
		t.Helper()
		if out, err := exec.Command("sh", "-c", "cd '"+dir+"' && "+cmdline).CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", cmdline, err, out)
		}
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "\tprintf ") {
			shell(line)
		}
	}
	if r := run(t, dir, "-fix", "./..."); r.stderr != "eventlint: fixed 3 finding(s) in 2 file(s)\n" {
		t.Fatalf("-fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	shell("rm hr/eventlint_adopt.go notify/eventlint_adopt.go")

	hr, _ := os.ReadFile(filepath.Join(dir, "hr", "hr.go"))
	for _, want := range []string{"bus.Emit(ctx, events.EmployeeCreated, e)", `bus.Emit(ctx, "EmployeeCreated", e)`, "bus.Emit(ctx, events.EmployeeStatusChanged, e)"} {
		if !strings.Contains(string(hr), want) {
			t.Errorf("hr.go lacks %q:\n%s", want, hr)
		}
	}

	// What is left is true: the legacy name breaks the rules and is not
	// catalogued, the typo is not catalogued and nothing emits it, and so
	// the program has no subscriber for the legacy name and for
	// employee.status_changed.
	var got []string
	for _, f := range standaloneFindings(t, dir, "-catalogue=example.com/legacy/events", "./...") {
		got = append(got, fmt.Sprintf("%s:%d %s %s", f.File, f.Line, f.Check, f.Message))
	}
	want := []string{
		`cmd/app/main.go:10 EL3001 event "EmployeeCreated" `,
		`cmd/app/main.go:10 EL3001 event "employee.status_changed" `,
		`hr/hr.go:14 EL1001 event name "EmployeeCreated" has 1 segment, want <aggregate>.<verb>: name it "employee.created"`,
		`hr/hr.go:14 EL2001 event "EmployeeCreated" is not declared in the catalogue example.com/legacy/events: add a constant for it there`,
		`notify/notify.go:13 EL2001 event "employee.status_chnaged" is not declared in the catalogue example.com/legacy/events: add a constant for it there (did you mean "employee.status_changed"?)`,
		`notify/notify.go:13 EL3004 nothing in the module emits "employee.status_chnaged"`,
	}
	slices.Sort(got)
	if len(got) != len(want) {
		t.Fatalf("after -init and -fix:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("after -init and -fix, finding %d:\n%s\nwant it to start with:\n%s", i, got[i], want[i])
		}
	}
}

func TestCatalogueInitNonEmptyDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTestModule(t, dir, "example.com/adopt", adoptModule)
	before := snapshot(t, dir)
	r := run(t, dir, "catalogue", "-init", "hr")
	if r.code != 2 || r.stdout != "" || r.stderr != "eventlint catalogue: hr is not empty: -init writes a new catalogue package and overwrites nothing; name a new directory\n" {
		t.Errorf("-init hr: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if after := snapshot(t, dir); !mapsEqual(after, before) {
		t.Error("-init into a non-empty directory changed files")
	}
}

// The -against scenario: a repository holding a module (app) whose
// catalogue takes its payload type from a sibling module (shared)
// through a relative replace, as examples/clinic does with eventlint.
var (
	sharedV1 = "package shared\n\n// Employee is an employee.\ntype Employee struct {\n\tID    int\n\tName  string\n\tEmail string\n}\n"
	sharedV2 = "package shared\n\n// Employee is an employee.\ntype Employee struct {\n\tID   int\n\tName string\n}\n"

	eventsV1 = `// Package events is the catalogue.
//
//eventlint:catalogue
package events

import "example.com/shared"

// Employee is the payload of the employee events.
type Employee = shared.Employee

const (
	// EmployeeCreated is emitted when HR adds an employee.
	//
	//eventlint:payload *Employee
	EmployeeCreated = "employee.created"

	// EmployeeRenamed is emitted when an employee changes name.
	//
	//eventlint:payload *Employee
	EmployeeRenamed = "employee.renamed"

	// EmployeeArchived is emitted when an employee's records are archived.
	EmployeeArchived = "employee.archived"

	// InvoicePaid is emitted when an invoice is settled.
	//
	//eventlint:payload bus.Fields{"invoice_id", "amount"}
	InvoicePaid = "invoice.paid"
)
`
	// V2 renames employee.created, drops employee.archived, deprecates
	// invoice.paid and adds invoice.voided; shared.Employee loses Email.
	eventsV2 = `// Package events is the catalogue.
//
//eventlint:catalogue
package events

import "example.com/shared"

// Employee is the payload of the employee events.
type Employee = shared.Employee

const (
	// EmployeeCreated is emitted when HR adds an employee.
	//
	//eventlint:payload *Employee
	EmployeeCreated = "employee.added"

	// EmployeeRenamed is emitted when an employee changes name.
	//
	//eventlint:payload *Employee
	EmployeeRenamed = "employee.renamed"

	// InvoicePaid is emitted when an invoice is settled.
	//
	// Deprecated: emit InvoiceSettled.
	//
	//eventlint:payload bus.Fields{"invoice_id", "amount"}
	InvoicePaid = "invoice.paid"

	// InvoiceVoided is emitted when an invoice is cancelled.
	InvoiceVoided = "invoice.voided"
)
`
	hrSource = `package hr

import (
	"context"

	"example.com/app/events"
	"github.com/eventlint/eventlint/bus"
)

func Hire(ctx context.Context) {
	bus.Emit(ctx, events.EmployeeCreated, &events.Employee{ID: 1, Name: "Ada"})
}
`
)

const wantBreaking = `events.EmployeeArchived: event "employee.archived" removed
events.EmployeeCreated: event name changed from "employee.created" to "employee.added"
events.EmployeeCreated: payload *events.Employee lost field Email
events.EmployeeRenamed: payload *events.Employee lost field Email
`

func TestCatalogueAgainst(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	app := filepath.Join(repo, "app")
	writeTestModule(t, app, "example.com/app", map[string]string{"events/events.go": eventsV1, "hr/hr.go": hrSource},
		"require example.com/shared v0.0.0", "replace example.com/shared => ../shared")
	testutil.WriteFiles(t, repo, map[string]string{"shared/go.mod": "module example.com/shared\n\ngo 1.26.0\n", "shared/shared.go": sharedV1})
	git := func(args ...string) string {
		t.Helper()
		return testutil.Git(t, repo, args...)
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "v1")

	// Nothing changed yet.
	if r := run(t, app, "catalogue", "-against", "HEAD"); r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("-against HEAD, unchanged: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Uncommitted changes, one of them staged.
	testutil.WriteFiles(t, repo, map[string]string{"app/events/events.go": eventsV2, "shared/shared.go": sharedV2})
	git("add", "shared/shared.go")
	status := git("status", "--porcelain")
	index, err := os.ReadFile(filepath.Join(repo, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	tree := snapshot(t, repo)

	r := run(t, app, "catalogue", "-against", "HEAD")
	if r.code != 1 || r.stdout != wantBreaking || r.stderr != "eventlint catalogue: 4 breaking changes to the event catalogue since HEAD\n" {
		t.Errorf("-against HEAD: exit %d (want 1)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.code, r.stdout, wantBreaking, r.stderr)
	}
	wantVerbose := wantBreaking +
		"info: events.InvoicePaid: deprecated: emit InvoiceSettled.\n" +
		"info: events.InvoiceVoided: event \"invoice.voided\" added\n"
	if r := run(t, app, "catalogue", "-against", "HEAD", "-v", "./..."); r.code != 1 || r.stdout != wantVerbose {
		t.Errorf("-against HEAD -v: exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.code, r.stdout, wantVerbose, r.stderr)
	}

	// The working tree, the index and git status are as they were.
	if got := git("status", "--porcelain"); got != status {
		t.Errorf("git status changed:\n%s\nwant:\n%s", got, status)
	}
	if got, _ := os.ReadFile(filepath.Join(repo, ".git", "index")); string(got) != string(index) {
		t.Error("the index changed")
	}
	after := snapshot(t, repo)
	for file := range after {
		if strings.Contains(file, string(filepath.Separator)+".git"+string(filepath.Separator)) {
			delete(after, file) // git's own bookkeeping (logs, objects) may change
		}
	}
	for file := range tree {
		if strings.Contains(file, string(filepath.Separator)+".git"+string(filepath.Separator)) {
			delete(tree, file)
		}
	}
	if !mapsEqual(after, tree) {
		t.Error("the working tree changed")
	}

	// Committed, the changes no longer count against HEAD; against the
	// first commit they still break.
	git("add", "-A")
	git("commit", "-q", "-m", "v2")
	if r := run(t, app, "catalogue", "-against", "HEAD"); r.code != 0 || r.stdout != "" {
		t.Errorf("-against HEAD after committing: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, app, "catalogue", "-against", "HEAD~1"); r.code != 1 || r.stdout != wantBreaking {
		t.Errorf("-against HEAD~1: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Errors: exit 2 with a clear message.
	if r := run(t, app, "catalogue", "-against", "nosuchref"); r.code != 2 || r.stdout != "" ||
		!strings.HasPrefix(r.stderr, `eventlint catalogue: unknown git revision "nosuchref"`) {
		t.Errorf("unknown ref: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	outside := t.TempDir()
	writeTestModule(t, outside, "example.com/app", map[string]string{"events/events.go": strings.ReplaceAll(eventsV1, "example.com/shared", "example.com/app/shared"), "shared/shared.go": sharedV1})
	if r := run(t, outside, "catalogue", "-against", "HEAD"); r.code != 2 || !strings.Contains(r.stderr, "is not in a git repository") {
		t.Errorf("not a git repository: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
