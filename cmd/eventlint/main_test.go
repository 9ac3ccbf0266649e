package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/testutil"
)

// eventlint is the binary under test, built once by TestMain.
var eventlint string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "eventlint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	eventlint = filepath.Join(dir, "eventlint")
	if runtime.GOOS == "windows" {
		eventlint += ".exe"
	}
	build := exec.Command("go", "build", "-o", eventlint, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building eventlint: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs the binary in the testdata module dir.
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, exec.Command(eventlint, args...), dir)
}

func runCmd(t *testing.T, cmd *exec.Cmd, dir string) result {
	t.Helper()
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var r result
	r.code, r.stdout, r.stderr = testutil.Run(t, cmd)
	// Whatever happens, never a crash.
	for _, s := range []string{"panic:", "goroutine ", "runtime error"} {
		if strings.Contains(r.stdout+r.stderr, s) {
			t.Fatalf("%v printed %q:\nstdout:\n%s\nstderr:\n%s", cmd.Args, s, r.stdout, r.stderr)
		}
	}
	return r
}

func testdata(name string) string { return filepath.Join("testdata", name) }

// The naming module's findings, in the text format.
var namingText = strings.Join([]string{
	p("orders/orders.go") + `:16:16: event name "OrderShipped" has 1 segment, want <aggregate>.<verb>: name it "order.shipped" [EL1001]`,
	p("orders/orders.go") + `:17:14: event name "order.refund" does not end in a past-tense verb ("refund"): name it "order.refunded" [EL1002]`,
	p("orders/orders.go") + `:18:16: event name passed to bus.Emit is not a compile-time constant, so its contract cannot be checked: use a constant [EL1003]`,
	p("orders/orders.go") + `:25:17: event name "OrderCréé" has 1 segment, want <aggregate>.<verb>: name it <aggregate>.<verb> in lowercase snake_case with a past-tense verb, e.g. "order.refunded" [EL1001]`,
	p("orders/orders_test.go") + `:12:33: event name "TestOrderPlaced" has 1 segment, want <aggregate>.<verb>: name it "test.order_placed" [EL1001]`,
}, "\n") + "\n"

func p(slashed string) string { return filepath.FromSlash(slashed) }

func TestNamingText(t *testing.T) {
	t.Parallel()
	r := run(t, testdata("naming"))
	if r.code != 1 || r.stdout != namingText || r.stderr != "" {
		t.Fatalf("exit %d (want 1)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.code, r.stdout, namingText, r.stderr)
	}
	// The same with explicit patterns, and from a subdirectory: paths
	// stay relative to the current directory.
	if r2 := run(t, testdata("naming"), "./orders"); r2.stdout != namingText {
		t.Errorf("./orders:\n%s", r2.stdout)
	}
	sub := run(t, filepath.Join(testdata("naming"), "orders"), ".")
	if !strings.HasPrefix(sub.stdout, "orders.go:16:16: ") {
		t.Errorf("from orders/:\n%s", sub.stdout)
	}
}

func TestTestFlag(t *testing.T) {
	t.Parallel()
	r := run(t, testdata("naming"), "-test=false")
	if r.code != 1 || strings.Contains(r.stdout, "orders_test.go") || !strings.Contains(r.stdout, "OrderShipped") {
		t.Fatalf("-test=false: exit %d\n%s", r.code, r.stdout)
	}
}

func TestAnalyzerFlags(t *testing.T) {
	t.Parallel()
	r := run(t, testdata("naming"), "-naming.past-tense=false")
	if r.code != 1 || strings.Contains(r.stdout, "EL1002") || !strings.Contains(r.stdout, "EL1001") {
		t.Errorf("-naming.past-tense=false: exit %d\n%s", r.code, r.stdout)
	}
	r = run(t, testdata("naming"), "-naming=false")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("-naming=false: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The shorthand is accepted and keeps the other analyzers on (what it
	// sets is tested in internal/driver; what the catalogue check makes
	// of it, in analyzer). It must name a catalogue: the module gets one
	// that orders does not import.
	dir := copyModule(t, "naming")
	testutil.WriteFiles(t, dir, map[string]string{"events/events.go": "//eventlint:catalogue\npackage events\n"})
	r = run(t, dir, "-catalogue=example.com/naming/events")
	if r.code != 1 || r.stderr != "" || !strings.Contains(r.stdout, "[EL1001]") || !strings.Contains(r.stdout, "[EL2007]") {
		t.Errorf("-catalogue=<path>: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestClean(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "github"} {
		r := run(t, testdata("clean"), "-format="+format)
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("-format=%s: exit %d\nstdout:\n%s\nstderr:\n%s", format, r.code, r.stdout, r.stderr)
		}
	}
	if r := run(t, testdata("clean"), "-format=json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("-format=json: exit %d\n%s", r.code, r.stdout)
	}
}

// syntaxError is a file of the syntaxerror module, which the test writes
// (a committed file with a syntax error would trip gofmt -l).
const syntaxError = `package bad

import "github.com/eventlint/eventlint/bus"

func emit() {
	bus.Emit(nil, "Bad", nil
}
`

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	syntaxDir := copyModule(t, "typeerror")
	if err := os.WriteFile(filepath.Join(syntaxDir, "bad", "bad.go"), []byte(syntaxError), 0o644); err != nil {
		t.Fatal(err)
	}
	// A package that cannot reach the bus is parsed all the same.
	plainDir := copyModule(t, "clean")
	testutil.WriteFiles(t, plainDir, map[string]string{"plain/plain.go": "package plain\n\nfunc Add(a, b int) int {\n\treturn a +\n}\n"})
	for _, tc := range []struct {
		name, dir string
		want      []string // stderr lines, in order
	}{
		{"type error", testdata("typeerror"), []string{p("bad/bad.go") + `:6:14: cannot use "three" (untyped string constant) as int value in variable declaration`}},
		{"syntax error where the bus is not reached", plainDir, []string{p("plain/plain.go") + `:5:1: expected operand, found '}'`}},
		// The first error of each line, as gofmt reports them, and none
		// of the type errors that follow from them.
		{"syntax error", syntaxDir, []string{p("bad/bad.go") + `:6:26: missing ',' before newline in argument list`, p("bad/bad.go") + `:7:1: expected operand, found '}'`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tc.dir)
			if r.code != 2 || r.stdout != "" || r.stderr != strings.Join(tc.want, "\n")+"\n" {
				t.Fatalf("exit %d (want 2)\nstdout:\n%s\nstderr:\n%s\nwant stderr:\n%s", r.code, r.stdout, r.stderr, strings.Join(tc.want, "\n"))
			}
		})
	}
	r := run(t, testdata("clean"), "./nosuchdir/...")
	if r.code != 2 || r.stderr != "pattern ./nosuchdir/...: lstat ./nosuchdir/: no such file or directory\n" {
		t.Errorf("pattern matching nothing: exit %d\nstderr:\n%s", r.code, r.stderr)
	}
}

func TestBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-format=xml"},
		{"-naming.segments=two"},
		{"-nosuchflag"},
		{"-test=maybe"},
	} {
		r := run(t, testdata("clean"), args...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "eventlint: ") || !strings.Contains(r.stderr, "eventlint -help") {
			t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, r.code, r.stdout, r.stderr)
		}
	}
}

// copyModule copies a testdata module to a temporary directory, pointing
// its replace directive at this checkout, for tests that change files.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dst := t.TempDir()
	testutil.CopyModule(t, testdata(name), dst, nil)
	return dst
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			files[path] = string(data)
		}
		return err
	})
	return files
}

// TestFix runs -fix and -diff end to end. The cases name a module, its
// findings and, for findings with fixes, what the files look like after
// fixing: add a case when a check gains a fix (the catalogue and
// unregistered checks' fixes have their own testdata). Fixes made by
// hand-made edits are tested in internal/driver.
func TestFix(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		module      string
		wantFixed   map[string]string // file (slash-separated, relative) -> content after -fix; nil: unchanged
		wantUnfixed string            // -fix output
		wantCode    int               // -fix exit code
	}{
		// No naming finding has a fix: -fix changes nothing and reports
		// them all; -diff prints no patch.
		{module: "naming", wantUnfixed: namingText, wantCode: 1},
		{module: "clean", wantCode: 0},
	} {
		t.Run(tc.module, func(t *testing.T) {
			dir := copyModule(t, tc.module)
			before := snapshot(t, dir)

			d := run(t, dir, "-diff")
			if !slices.Contains([]int{0, 1}, d.code) || d.stderr != tc.wantUnfixed {
				t.Errorf("-diff: exit %d\nstdout:\n%s\nstderr:\n%s", d.code, d.stdout, d.stderr)
			}
			if len(tc.wantFixed) == 0 && d.stdout != "" {
				t.Errorf("-diff printed a patch for findings without fixes:\n%s", d.stdout)
			}
			if after := snapshot(t, dir); !mapsEqual(after, before) {
				t.Error("-diff changed files")
			}

			r := run(t, dir, "-fix")
			if r.code != tc.wantCode || r.stdout != tc.wantUnfixed {
				t.Errorf("-fix: exit %d (want %d)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.code, tc.wantCode, r.stdout, tc.wantUnfixed, r.stderr)
			}
			after := snapshot(t, dir)
			for file, content := range before {
				rel, _ := filepath.Rel(dir, file)
				want, fixed := tc.wantFixed[filepath.ToSlash(rel)]
				if !fixed {
					want = content
				}
				if after[file] != want {
					t.Errorf("%s after -fix:\n%s\nwant:\n%s", rel, after[file], want)
				}
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestJSON(t *testing.T) {
	t.Parallel()
	r := run(t, testdata("naming"), "-format=json")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var got []struct {
		File     string            `json:"file"`
		Line     int               `json:"line"`
		Column   int               `json:"column"`
		Check    string            `json:"check"`
		Analyzer string            `json:"analyzer"`
		Title    string            `json:"title"`
		Message  string            `json:"message"`
		URL      string            `json:"url"`
		Fixes    []json.RawMessage `json:"fixes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var text []string
	for _, f := range got {
		if f.Analyzer != "naming" || f.Title != analyzer.CheckByID(f.Check).Title || f.URL != analyzer.DocsURL+"#"+f.Check || f.Fixes == nil {
			t.Errorf("finding %+v", f)
		}
		text = append(text, fmt.Sprintf("%s:%d:%d: %s [%s]", p(f.File), f.Line, f.Column, f.Message, f.Check))
	}
	if s := strings.Join(text, "\n") + "\n"; s != namingText {
		t.Errorf("JSON findings:\n%s\nwant:\n%s", s, namingText)
	}
}

func TestGitHub(t *testing.T) {
	t.Parallel()
	r := run(t, testdata("naming"), "-format=github")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if r.code != 1 || len(lines) != 5 {
		t.Fatalf("exit %d\n%s", r.code, r.stdout)
	}
	want := `::warning file=orders/orders.go,line=25,col=16,title=EL1001 event name does not follow the naming style::event name "OrderCréé" has 1 segment`
	if !strings.HasPrefix(lines[3], want) {
		t.Errorf("line 4:\n%s\nwant prefix:\n%s", lines[3], want)
	}
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	schemaFile, err := os.Open(filepath.Join("..", "..", "internal", "driver", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	doc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}

	r := run(t, testdata("naming"), "-format=sarif")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, r.stdout)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					} `json:"physicalLocation"`
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res) != 5 {
		t.Fatalf("%d results, want 5", len(res))
	}
	loc := res[3].Locations[0].PhysicalLocation
	if res[3].RuleID != "EL1001" || loc.ArtifactLocation.URI != "orders/orders.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != 25 || loc.Region.StartColumn != 16 {
		t.Errorf("result 4 = %+v", res[3])
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	r := run(t, ".", "-list")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	for _, c := range analyzer.Checks {
		if !regexp.MustCompile(`(?m)^` + c.ID + ` +` + c.Analyzer + ` +` + regexp.QuoteMeta(c.Title) + ` +` + c.Drivers + `$`).MatchString(r.stdout) {
			t.Errorf("-list lacks %s:\n%s", c.ID, r.stdout)
		}
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	r := run(t, ".", "explain", "EL1001")
	c := analyzer.CheckNameFormat
	if r.code != 0 || !strings.HasPrefix(r.stdout, "EL1001: "+c.Title+"\n") || !strings.Contains(r.stdout, c.Before) ||
		!strings.Contains(r.stdout, c.After) || !strings.Contains(r.stdout, c.URL()) || !strings.Contains(r.stdout, "Since:    "+c.Since) {
		t.Errorf("explain EL1001: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, ".", "explain", "el1002", "EL3001"); r.code != 0 || !strings.Contains(r.stdout, "EL1002: ") || !strings.Contains(r.stdout, "EL3001: ") {
		t.Errorf("explain el1002 EL3001: exit %d\n%s", r.code, r.stdout)
	}
	for _, args := range [][]string{{"explain", "EL9999"}, {"explain"}} {
		if r := run(t, ".", args...); r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, "eventlint: ") {
			t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s", args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	r := run(t, ".", "-version")
	want := "eventlint (devel) (" + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	// A binary built from a VCS checkout may carry a pseudo-version
	// instead of (devel).
	re := regexp.MustCompile(`^eventlint (\(devel\)|v\S+) \(` + regexp.QuoteMeta(runtime.Version()) + ` \S+/\S+\)\n$`)
	if r.code != 0 || !re.MatchString(r.stdout) {
		t.Errorf("-version: exit %d, %q, want like %q", r.code, r.stdout, want)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"-help"}, {"-h"}, {"help"}} {
		r := run(t, ".", args...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		for _, want := range []string{"Usage:", "-format", "-naming.segments", "-catalogue.require", "-unregistered.roots", "Exit codes:", "explain", "go vet -vettool"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v lacks %q", args, want)
			}
		}
	}
}

var vetLine = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*)$`)

// TestVet runs the binary as go vet's -vettool over the naming module
// and compares its findings (file:line:message) with the standalone
// run's findings of the checks that run under every driver.
func TestVet(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for _, flags := range [][]string{nil, {"-naming.past-tense=false"}} {
		t.Run(strings.Join(append([]string{"flags"}, flags...), " "), func(t *testing.T) {
			vet := runFreshVet(t, testdata("naming"), append(flags, "./...")...)
			if vet.code == 0 {
				t.Fatalf("go vet found nothing\n%s", vet.stderr)
			}
			var vetFindings []string
			for _, line := range strings.Split(vet.stderr, "\n") {
				if m := vetLine.FindStringSubmatch(line); m != nil {
					vetFindings = append(vetFindings, strings.TrimPrefix(filepath.ToSlash(m[1]), "./")+":"+m[2]+": "+m[4])
				} else if line != "" && !strings.HasPrefix(line, "#") {
					t.Errorf("unexpected go vet output line %q", line)
				}
			}

			js := run(t, testdata("naming"), append(flags, "-format=json")...)
			var findings []struct {
				File, Message, Check string
				Line                 int
			}
			if err := json.Unmarshal([]byte(js.stdout), &findings); err != nil {
				t.Fatalf("%v\n%s", err, js.stdout)
			}
			var standalone []string
			for _, f := range findings {
				if c := analyzer.CheckByID(f.Check); c != nil && c.Drivers == analyzer.AllDrivers {
					standalone = append(standalone, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message))
				}
			}
			slices.Sort(vetFindings)
			vetFindings = slices.Compact(vetFindings)
			slices.Sort(standalone)
			if len(standalone) == 0 || !slices.Equal(vetFindings, standalone) {
				t.Errorf("go vet findings:\n%s\nstandalone findings:\n%s", strings.Join(vetFindings, "\n"), strings.Join(standalone, "\n"))
			}
		})
	}
}

// TestVetBadFlag: go vet passes the analyzers' non-boolean flags to the
// tool unchecked and runs the tool once per package, standard library
// included. A bad value is one line per package named on the command
// line, without the unit checker's usage text, and no line for the
// facts-only runs of their dependencies. go vet exits 1 whatever the
// tool's code; run directly, the tool exits 2.
func TestVetBadFlag(t *testing.T) {
	t.Parallel()
	dir := testdata("vetchain")
	list := runCmd(t, exec.Command("go", "list", "./..."), dir)
	roots := strings.Fields(list.stdout)
	for _, tc := range []struct{ flag, want string }{
		{"-naming.segments=0", `eventlint: invalid value "0" for flag -naming.segments: segment count "0" is not a number from 1 to 9 (eventlint -help lists the flags)`},
		{"-naming.irregular=Sewn", `eventlint: invalid value "Sewn" for flag -naming.irregular: irregular verb "Sewn" is not one lowercase word (eventlint -help lists the flags)`},
	} {
		vet := runFreshVet(t, dir, tc.flag, "./...")
		var reported int
		for line := range strings.SplitSeq(strings.TrimSpace(vet.stderr), "\n") {
			switch {
			case strings.HasPrefix(line, "#"):
				// go vet's package header
			case line == tc.want:
				reported++
			default:
				t.Errorf("go vet %s: unexpected line %q", tc.flag, line)
			}
		}
		if vet.code == 0 || reported == 0 || reported > len(roots) {
			t.Errorf("go vet %s: exit %d, the error %d times for %d packages (want 1 to %d):\n%s", tc.flag, vet.code, reported, len(roots), len(roots), vet.stderr)
		}
	}

	// The tool run as go vet runs it, on a package to report on and on a
	// dependency vetted for its facts only.
	cfgs := t.TempDir()
	for _, tc := range []struct {
		vetxOnly bool
		code     int
		stderr   string
	}{
		{false, 2, `eventlint: invalid value "0" for flag -naming.segments: segment count "0" is not a number from 1 to 9 (eventlint -help lists the flags)` + "\n"},
		{true, 0, ""},
	} {
		cfg := filepath.Join(cfgs, fmt.Sprintf("vetxonly-%t.cfg", tc.vetxOnly))
		if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`{"VetxOnly": %t}`, tc.vetxOnly)), 0o644); err != nil {
			t.Fatal(err)
		}
		r := run(t, dir, "-naming.segments", "0", cfg)
		if r.code != tc.code || r.stdout != "" || r.stderr != tc.stderr {
			t.Errorf("eventlint -naming.segments 0 %s: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", filepath.Base(cfg), r.code, tc.code, r.stdout, r.stderr)
		}
	}
}
