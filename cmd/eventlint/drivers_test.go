package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/testutil"
)

// The tests in this file run the same modules under the three drivers
// docs/drivers.md describes, the standalone command, go vet -vettool and
// golangci-lint with the plugin, and compare what they report: go vet
// must report exactly the standalone findings of the checks that run
// under every driver (their messages as the package-level analyzers word
// them), and golangci-lint exactly what go vet reports.

// driverFinding is one finding as any driver reports it. Check is empty
// for golangci-lint, which does not show check IDs.
type driverFinding struct {
	File         string // slash-separated, relative to the module
	Line, Column int
	Check        string
	Analyzer     string
	Message      string
	Fixes        int // suggested fixes; -1: the driver does not say
}

func (f driverFinding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Column, f.Analyzer, f.Message, f.Check)
}

// key is what the drivers must agree on: position, analyzer and message.
func (f driverFinding) key() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Analyzer, f.Message)
}

func keys(fs []driverFinding) []string {
	var ks []string
	for _, f := range fs {
		ks = append(ks, f.key())
	}
	slices.Sort(ks)
	return ks
}

// packageLevel is what go vet, golangci-lint and nogo report for a
// standalone finding, or false when they do not report it: the checks
// that need the module view are not run, and EL3001, which names the
// module's packages that handle the event only with the module view,
// ends in the package-level hint instead.
func packageLevel(f driverFinding) (driverFinding, bool) {
	c := analyzer.CheckByID(f.Check)
	if c == nil || c.Drivers != analyzer.AllDrivers {
		return f, false
	}
	if c == analyzer.CheckNoSubscriber {
		i := strings.LastIndex(f.Message, "): ")
		if i < 0 {
			return f, false
		}
		f.Message = f.Message[:i+len("): ")] + "import a package that handles it, if there is one, or stop emitting it"
	}
	f.Fixes = 0 // the only fix that needs no module view is EL2002's: counted apart
	return f, true
}

// standaloneFindings runs eventlint -format json in dir.
func standaloneFindings(t *testing.T, dir string, args ...string) []driverFinding {
	t.Helper()
	js, code := standaloneJSON(t, dir, args...)
	if code != 0 && code != 1 {
		t.Fatalf("eventlint %s: exit %d", strings.Join(args, " "), code)
	}
	var out []driverFinding
	for _, f := range js {
		out = append(out, driverFinding{File: filepath.ToSlash(f.File), Line: f.Line, Column: f.Column, Check: f.Check, Analyzer: f.Analyzer, Message: f.Message, Fixes: len(f.Fixes)})
	}
	return out
}

// vetDiagnostic is a diagnostic in go vet -json output.
type vetDiagnostic struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
	} `json:"suggested_fixes"`
}

var posnRE = regexp.MustCompile(`^(.+):(\d+):(\d+)$`)

// vetFindings runs go vet -vettool=eventlint -json with args in dir.
// go vet -json writes a JSON object per package,
// {"<package>": {"<analyzer>": [diagnostics]}}, on stdout and exits 0
// even when it reports findings.
func vetFindings(t *testing.T, dir string, args ...string) []driverFinding {
	t.Helper()
	vetArgs := append([]string{"vet", "-vettool=" + eventlint, vetNonce(), "-json"}, args...)
	r := runCmd(t, exec.Command("go", vetArgs...), dir)
	if r.code != 0 || strings.TrimSpace(r.stderr) != "" {
		t.Fatalf("go %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(vetArgs, " "), r.code, r.stdout, r.stderr)
	}
	absDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	absDir, _ = filepath.Abs(absDir)
	var out []driverFinding
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	for {
		var obj map[string]map[string]json.RawMessage
		if err := dec.Decode(&obj); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("go vet -json output: %v\n%s", err, r.stdout)
		}
		for pkg, byAnalyzer := range obj {
			for name, raw := range byAnalyzer {
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("go vet -json: package %s, analyzer %s: %s", pkg, name, raw) // {"error": ...}
				}
				for _, d := range diags {
					m := posnRE.FindStringSubmatch(d.Posn)
					if m == nil {
						t.Fatalf("go vet -json: position %q", d.Posn)
					}
					file := m[1]
					if real, err := filepath.EvalSymlinks(file); err == nil {
						file = real
					}
					if rel, err := filepath.Rel(absDir, file); err == nil {
						file = rel
					}
					line, _ := strconv.Atoi(m[2])
					col, _ := strconv.Atoi(m[3])
					out = append(out, driverFinding{File: filepath.ToSlash(file), Line: line, Column: col, Check: d.Category, Analyzer: name, Message: d.Message, Fixes: len(d.SuggestedFixes)})
				}
			}
		}
	}
	return out
}

// compareVet checks that go vet reports what packageLevel makes of the
// standalone findings, and returns go vet's findings.
func compareVet(t *testing.T, dir string, args ...string) (standalone, vet []driverFinding) {
	t.Helper()
	standalone = standaloneFindings(t, dir, args...)
	vet = vetFindings(t, dir, args...)
	var want []driverFinding
	for _, f := range standalone {
		if g, ok := packageLevel(f); ok {
			want = append(want, g)
		}
	}
	wantKeys, vetKeys := keys(want), keys(vet)
	if len(wantKeys) == 0 || !slices.Equal(vetKeys, wantKeys) {
		t.Errorf("go vet -vettool=eventlint %s:\n%s\nwant (the standalone findings of the checks of every driver):\n%s\ndiff:\n%s",
			strings.Join(args, " "), strings.Join(vetKeys, "\n"), strings.Join(wantKeys, "\n"), lineDiff(strings.Join(wantKeys, "\n"), strings.Join(vetKeys, "\n")))
	}
	// go vet -json carries the check ID as the diagnostic's category.
	for _, f := range vet {
		if c := analyzer.CheckByID(f.Check); c == nil || c.Analyzer != f.Analyzer || c.Drivers != analyzer.AllDrivers {
			t.Errorf("go vet finding with category %q: %v", f.Check, f)
		}
	}
	return standalone, vet
}

// has reports whether a finding of check at file:line has a message
// matching re.
func has(fs []driverFinding, file string, line int, check, re string) bool {
	return slices.ContainsFunc(fs, func(f driverFinding) bool {
		return f.File == file && f.Line == line && (check == "" || f.Check == check) && regexp.MustCompile(re).MatchString(f.Message)
	})
}

// clinicFlags are the settings of examples/clinic/.golangci.yml as
// command-line flags, for the standalone command and go vet.
func clinicFlags(t *testing.T) []string {
	t.Helper()
	cfg, err := os.ReadFile(filepath.Join(exampleDir(t), ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	// The one setting that is not a default; if the configuration gains
	// another, add its flag here.
	for _, want := range []string{"catalogue: example.com/clinic/events", "segments: [2]", "past-tense: true", "irregular: []", "roots: []", "disable: []", "uniq-by-line: false"} {
		if !strings.Contains(string(cfg), want) {
			t.Fatalf("examples/clinic/.golangci.yml no longer says %q: update clinicFlags", want)
		}
	}
	return []string{"-catalogue.require=example.com/clinic/events"}
}

// invoicePaid is EL3001 for invoice.paid at cmd/clinic's func main: billing
// emits it, three imports below (cmd/clinic -> services -> billing), and
// accounting, which handles it, is not imported.
const invoicePaid = `^event "invoice\.paid" is emitted but no handler linked into this program subscribes to it \(emitted at billing/billing\.go:14\): `

// TestDriversExample runs examples/clinic under the three drivers.
func TestDriversExample(t *testing.T) {
	t.Parallel()
	clinic := exampleDir(t)
	flags := append(clinicFlags(t), "./...")
	standalone, vet := compareVet(t, clinic, flags...)

	// The whole-program finding is there under both, from facts folded
	// up through services; only the standalone one names the handler
	// package and offers the import.
	if !has(standalone, "cmd/clinic/main.go", 16, "EL3001", invoicePaid+`import _ "example\.com/clinic/accounting", which handles it$`) {
		t.Errorf("standalone: no EL3001 for invoice.paid naming accounting at cmd/clinic/main.go:16:\n%v", standalone)
	}
	if !has(vet, "cmd/clinic/main.go", 16, "EL3001", invoicePaid+`import a package that handles it, if there is one, or stop emitting it$`) {
		t.Errorf("go vet: no EL3001 for invoice.paid at cmd/clinic/main.go:16:\n%v", vet)
	}
	// Fixes: under go vet only EL2002's (the literal -> constant); the
	// standalone command also has EL3001's blank import.
	for _, f := range vet {
		if want := b2i(f.Check == "EL2002"); f.Fixes != want {
			t.Errorf("go vet: %d fixes, want %d: %v", f.Fixes, want, f)
		}
	}
	var withFix []string
	for _, f := range standalone {
		if f.Fixes > 0 {
			withFix = append(withFix, f.Check)
		}
	}
	if !slices.Equal(withFix, []string{"EL3001", "EL2002"}) {
		t.Errorf("standalone findings with fixes: %v, want EL3001 (invoice.paid) and EL2002", withFix)
	}

	t.Run("golangci-lint", func(t *testing.T) {
		if testing.Short() {
			t.Skip("may build a custom golangci-lint (3-4 minutes cold): skipped under -short")
		}
		if runtime.GOOS == "windows" {
			t.Skip("scripts/build-custom-gcl.sh is a POSIX shell script")
		}
		bin := testutil.BuildCustomGCL(t)
		gcl := gclFindings(t, bin, clinic)
		if got, want := keys(gcl), keys(vet); !slices.Equal(got, want) {
			t.Errorf("golangci-lint run ./...:\n%s\nwant (as go vet):\n%s\ndiff:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
		}
		if !has(gcl, "cmd/clinic/main.go", 16, "", invoicePaid+`import a package that handles it, if there is one, or stop emitting it$`) {
			t.Errorf("golangci-lint: no EL3001 for invoice.paid at cmd/clinic/main.go:16:\n%v", gcl)
		}
	})
}

// TestDriversInhouse runs examples/inhouse, whose bus is declared by
// directives on the methods of the interfaces pubsub.Publisher and
// pubsub.Subscriber and implemented in another package, under the
// standalone command and go vet: go vet, which sees the implementation
// nowhere, reports what the standalone command reports of the checks of
// every driver, and its findings are kept in examples/inhouse/vet.golden
// (go test ./cmd/eventlint -run TestDriversInhouse -update rewrites it).
func TestDriversInhouse(t *testing.T) {
	t.Parallel()
	inhouse := inhouseDir(t)
	_, vet := compareVet(t, inhouse, "./...")
	var lines []string
	for _, f := range vet {
		lines = append(lines, f.String())
	}
	slices.Sort(lines)
	golden(t, filepath.Join(inhouse, "vet.golden"), strings.Join(lines, "\n")+"\n")
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDriversChain runs go vet and the standalone command on modules
// whose emitters and handlers are several imports below package main,
// where go vet shows each package only its direct imports' facts: the
// whole-program findings must be the same.
func TestDriversChain(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, dir string
		patterns  []string
		want      []driverFinding // under go vet; File, Line, Check and a message regexp
	}{
		{
			// main -> a -> b -> c: b emits order.created and order.shipped,
			// c handles both (order.shipped with the wrong payload type)
			// and emits stock.reserved, which only d, not imported,
			// handles.
			name: "vetchain", dir: testdata("vetchain"), patterns: []string{"./..."},
			want: []driverFinding{
				{File: "cmd/app/main.go", Line: 12, Check: "EL3001", Message: `^event "stock\.reserved" is emitted but no handler linked into this program subscribes to it \(emitted at c/c\.go:25\): import a package that handles it, if there is one, or stop emitting it$`},
				{File: "cmd/app/main.go", Line: 12, Check: "EL3002", Message: `^handler at c/c\.go:16 takes c\.Order but "order\.shipped" is emitted with \*c\.Order \(b/b\.go:15\)`},
			},
		},
		{
			// The analyzer tests' chain (testdata/unregistered/chain in
			// the root testdata module): main -> a -> b -> c, a emits what
			// c handles, b emits invoice.sent, which nothing handles.
			name: "testdata/unregistered/chain", dir: filepath.Join("..", "..", "testdata"), patterns: []string{"./unregistered/chain/..."},
			want: []driverFinding{
				{File: "unregistered/chain/main/main.go", Line: 6, Check: "EL3001", Message: `^event "invoice\.sent" is emitted but no handler linked into this program subscribes to it \(emitted at unregistered/chain/b/b\.go:13, .* and 1 more\): import a package that handles it, if there is one, or stop emitting it$`},
			},
		},
		{
			// testdata/alias: the catalogue declares payloads by aliases of
			// model's types, emits and handlers spell them either way. The
			// type identity crosses packages in the facts: only the real
			// mismatches are reported (TestCatalogueAlias,
			// TestUnregisteredAlias).
			name: "testdata/alias", dir: filepath.Join("..", "..", "testdata"), patterns: []string{"./alias/..."},
			want: []driverFinding{
				{File: "alias/crm/crm.go", Line: 29, Check: "EL2004", Message: `^event "customer\.merged" is catalogued with payload \*events\.Customer, but this emits model\.Customer: emit \*events\.Customer$`},
				{File: "alias/main/main.go", Line: 13, Check: "EL3002", Message: `^handler at alias/notify/notify\.go:22 takes events\.Customer but "customer\.created" is emitted with \*model\.Customer`},
				{File: "alias/main/main.go", Line: 13, Check: "EL3005", Message: `^event "customer\.merged" is emitted with model\.Customer at alias/crm/crm\.go:29, but`},
			},
		},
		{
			// testdata/unregistered/payloadnone: emits whose payload type
			// no handler of the event takes, beside emits that reach the
			// handlers (TestUnregisteredPayloadNone).
			name: "testdata/unregistered/payloadnone", dir: filepath.Join("..", "..", "testdata"), patterns: []string{"./unregistered/payloadnone/..."},
			want: []driverFinding{
				{File: "unregistered/payloadnone/main/main.go", Line: 12, Check: "EL3005", Message: `^event "employee\.hired" is emitted with hr\.Employee at unregistered/payloadnone/hr/hr\.go:17, unregistered/payloadnone/hr/hr\.go:18, but no handler`},
				{File: "unregistered/payloadnone/main/main.go", Line: 12, Check: "EL3005", Message: `^event "employee\.promoted" is emitted with hr\.Manager at unregistered/payloadnone/hr/hr\.go:23, but no handler`},
				{File: "unregistered/payloadnone/main/main.go", Line: 12, Check: "EL3002", Message: `^handler at unregistered/payloadnone/notify/notify\.go:14 takes hr\.Employee`},
				{File: "unregistered/payloadnone/main/main.go", Line: 12, Check: "EL3002", Message: `^handler at unregistered/payloadnone/notify/notify\.go:16 takes \*hr\.Employee`},
			},
		},
		{
			// testdata/reach/embed: app imports rt, whose Runtime embeds
			// *bus.Bus, and not the bus; under go vet app reaches the bus
			// through the types of rt's export data. Its names are
			// checked, and its emits reach the program's check.
			name: "testdata/reach/embed", dir: filepath.Join("..", "..", "testdata"), patterns: []string{"./reach/embed/..."},
			want: []driverFinding{
				{File: "reach/embed/app/app.go", Line: 15, Check: "EL1001", Message: `^event name "IngestFailed" has 1 segment`},
				{File: "reach/embed/cmd/ingest/main.go", Line: 11, Check: "EL3001", Message: `^event "IngestFailed" is emitted but no handler linked into this program subscribes to it \(emitted at reach/embed/app/app\.go:15\): import a package that handles it, if there is one, or stop emitting it$`},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, vet := compareVet(t, tc.dir, tc.patterns...)
			if len(vet) != len(tc.want) {
				t.Errorf("go vet: %d findings, want %d:\n%v", len(vet), len(tc.want), vet)
			}
			for _, w := range tc.want {
				if !has(vet, w.File, w.Line, w.Check, w.Message) {
					t.Errorf("go vet: no %s at %s:%d matching %s:\n%v", w.Check, w.File, w.Line, w.Message, vet)
				}
			}
		})
	}
}

// TestVetFix runs go vet -vettool=eventlint -fix on a copy of
// examples/clinic. go vet has no module view, so EL3001 comes without
// the blank-import fix: only EL2002's fix is applied, giving the same
// scheduling.go as eventlint -fix.
func TestVetFix(t *testing.T) {
	t.Parallel()
	dir := testutil.CopyExample(t)
	before := snapshot(t, dir)
	vet := runCmd(t, exec.Command("go", append([]string{"vet", "-vettool=" + eventlint, "-fix"}, append(clinicFlags(t), "./...")...)...), dir)
	// go vet -fix prints nothing and exits 0: the findings it cannot fix
	// are dropped.
	if vet.code != 0 || vet.stdout != "" || vet.stderr != "" {
		t.Errorf("go vet -fix: exit %d\nstdout:\n%s\nstderr:\n%s", vet.code, vet.stdout, vet.stderr)
	}
	after := snapshot(t, dir)
	for file, content := range after {
		rel, _ := filepath.Rel(dir, file)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "scheduling/scheduling.go":
			want, err := os.ReadFile(filepath.Join("testdata", "clinic-fixed", "scheduling", "scheduling.go.golden"))
			if err != nil {
				t.Fatal(err)
			}
			if content != string(want) {
				t.Errorf("scheduling/scheduling.go after go vet -fix:\n%s\nwant (as after eventlint -fix):\n%s", content, want)
			}
		case content != before[file]:
			t.Errorf("go vet -fix changed %s:\n%s", rel, content)
		}
	}
	// invoice.paid still has no handler in cmd/clinic: eventlint -fix
	// adds the import.
	if fs := standaloneFindings(t, dir, "./..."); !has(fs, "cmd/clinic/main.go", 16, "EL3001", invoicePaid) || has(fs, "scheduling/scheduling.go", 22, "EL2002", "") {
		t.Errorf("after go vet -fix, want EL3001 for invoice.paid and no EL2002:\n%v", fs)
	}
}

// TestDriversDoc checks the driver table of docs/drivers.md against
// analyzer.Checks: a row per check, in order, marked under go vet,
// golangci-lint and nogo exactly when the check runs under every driver.
func TestDriversDoc(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "drivers.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("^\\| \\[?`?(EL\\d{4})`?")
	var ids []string
	for _, line := range strings.Split(string(data), "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		c := analyzer.CheckByID(m[1])
		if c == nil {
			t.Errorf("docs/drivers.md lists %s, which is no check", m[1])
			continue
		}
		ids = append(ids, c.ID)
		cells := strings.Split(strings.Trim(line, "| "), "|")
		if len(cells) != 6 {
			t.Errorf("docs/drivers.md row of %s has %d cells, want 6 (check, title, eventlint, go vet, golangci-lint, nogo): %s", c.ID, len(cells), line)
			continue
		}
		if !strings.Contains(html.UnescapeString(cells[1]), c.Title) {
			t.Errorf("docs/drivers.md row of %s: title %q, want %q", c.ID, strings.TrimSpace(cells[1]), c.Title)
		}
		want := []string{"yes", "no", "no", "no"}
		if c.Drivers == analyzer.AllDrivers {
			want = []string{"yes", "yes", "yes", "yes"}
		}
		for i, w := range want {
			if got := strings.TrimSpace(cells[2+i]); !strings.HasPrefix(got, w) {
				t.Errorf("docs/drivers.md row of %s, column %d: %q, want %q (Drivers: %s)", c.ID, 3+i, got, w, c.Drivers)
			}
		}
	}
	var all []string
	for _, c := range analyzer.Checks {
		all = append(all, c.ID)
	}
	if !slices.Equal(ids, all) {
		t.Errorf("docs/drivers.md lists %v, want every check in order: %v", ids, all)
	}
}

// gclFindings runs golangci-lint in dir with the module's .golangci.yml.
// The text of an issue is "<analyzer>: <message>"; golangci-lint shows no
// check ID.
func gclFindings(t *testing.T, bin, dir string) []driverFinding {
	t.Helper()
	jsonFile := filepath.Join(t.TempDir(), "issues.json")
	cmd := exec.Command(bin, "run", "--show-stats=false", "--output.json.path="+jsonFile, "--output.text.path=stdout", "./...")
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	r := runCmd(t, cmd, dir)
	t.Logf("golangci-lint run ./... in %s:\n%s", dir, r.stdout)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("golangci-lint run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	f, err := os.Open(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&report); err != nil {
		t.Fatalf("golangci-lint JSON output: %v", err)
	}
	var out []driverFinding
	for _, i := range report.Issues {
		name, msg, ok := strings.Cut(i.Text, ": ")
		if i.FromLinter != "eventlint" || !ok {
			t.Errorf("golangci-lint issue %+v: want linter eventlint and text <analyzer>: <message>", i)
		}
		out = append(out, driverFinding{File: filepath.ToSlash(i.Pos.Filename), Line: i.Pos.Line, Column: i.Pos.Column, Analyzer: name, Message: msg, Fixes: -1})
	}
	return out
}
