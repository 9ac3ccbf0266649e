package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/internal/testutil"
)

// The tests in this file run eventlint on the bundled example module
// examples/clinic, whose mistakes are documented in its comments, and
// compare what it prints and fixes with golden files:
//
//	examples/clinic/eventlint.golden                 eventlint ./... (text)
//	testdata/clinic-fixed/<file>.golden              the files eventlint -fix changes
//	testdata/clinic-fixed/eventlint.golden           eventlint ./... after -fix
//
// go test ./cmd/eventlint -run 'Example' -update rewrites them.

func init() {
	// Registered once, whichever test file of the package gets here
	// first: another golden test may define -update too.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files instead of comparing with them")
	}
}

// updating reports whether the tests run with -update.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// exampleDir is examples/clinic in this checkout.
func exampleDir(t *testing.T) string {
	return filepath.Join(testutil.RepoRoot(t), "examples", "clinic")
}

// golden compares got with the golden file, or rewrites the file under
// -update. The failure says how to update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if updating() {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", file)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v\n(run go test ./cmd/eventlint -run '%s' -update to create it)", err, t.Name())
	}
	if want := string(data); got != want {
		t.Errorf("%s differs from what eventlint gives now:\n%s\ngot:\n%s\nwant:\n%s\n"+
			"If the change is intended, run go test ./cmd/eventlint -run '%s' -update and review the diff.",
			file, lineDiff(want, got), got, want, strings.SplitN(t.Name(), "/", 2)[0])
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			fmt.Fprintf(&b, "-%s\n", l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			fmt.Fprintf(&b, "+%s\n", l)
		}
	}
	return b.String()
}

// slashPaths turns the file name that starts each text finding into a
// slash-separated one, so that the golden files hold for every OS.
func slashPaths(out string) string {
	lines := strings.SplitAfter(out, "\n")
	for i, l := range lines {
		if file, rest, ok := strings.Cut(l, ".go:"); ok {
			lines[i] = filepath.ToSlash(file) + ".go:" + rest
		}
	}
	return strings.Join(lines, "")
}

// goCmd runs the go command in dir, failing the test if it fails.
func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := runCmd(t, exec.Command("go", args...), dir)
	if r.code != 0 {
		t.Fatalf("go %s (in %s): exit %d\n%s%s", strings.Join(args, " "), dir, r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

// TestChdirFlag runs eventlint -C dir from elsewhere: the findings and
// their paths are those of a run inside dir.
func TestChdirFlag(t *testing.T) {
	t.Parallel()
	root, clinic := testutil.RepoRoot(t), exampleDir(t)
	inside := run(t, clinic, "./...")
	if inside.code != 1 || inside.stdout == "" {
		t.Fatalf("eventlint ./... in examples/clinic: exit %d\n%s%s", inside.code, inside.stdout, inside.stderr)
	}
	for _, tc := range []struct {
		name string
		dir  string
		args []string
	}{
		// The README's command, from the repository root.
		{"relative", root, []string{"-C", filepath.Join("examples", "clinic"), "./..."}},
		{"-C=dir", root, []string{"-C=" + filepath.Join("examples", "clinic"), "./..."}},
		{"--C", root, []string{"--C", filepath.Join("examples", "clinic"), "./..."}},
		// From a directory outside any module, with an absolute path and
		// other flags after -C.
		{"absolute", t.TempDir(), []string{"-C", clinic, "-format", "text", "./..."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tc.dir, tc.args...)
			if r.code != 1 || r.stdout != inside.stdout || r.stderr != "" {
				t.Errorf("eventlint %s in %s: exit %d\n%s\nstderr:\n%s\nwant (as inside examples/clinic):\n%s",
					strings.Join(tc.args, " "), tc.dir, r.code, r.stdout, r.stderr, inside.stdout)
			}
		})
	}

	// -C comes first and applies to the subcommands too.
	if r := run(t, t.TempDir(), "-C", clinic, "explain", "EL3001"); r.code != 0 || !strings.HasPrefix(r.stdout, "EL3001: ") {
		t.Errorf("-C dir explain EL3001: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The json and sarif formats are relative to dir as well.
	r := run(t, root, "-C", filepath.Join("examples", "clinic"), "-format", "json", "./billing")
	var findings []struct{ File string }
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil || len(findings) != 1 || filepath.ToSlash(findings[0].File) != "billing/billing.go" {
		t.Errorf("-C examples/clinic -format json ./billing: exit %d, %v\n%s", r.code, err, r.stdout)
	}

	for _, tc := range []struct {
		args []string
		want string // stderr
	}{
		{[]string{"-C", "nosuchdir", "./..."}, "eventlint: -C: chdir nosuchdir: "},
		{[]string{"-C"}, "eventlint: flag needs an argument: -C"},
		{[]string{"-format", "json", "-C", clinic, "./..."}, "eventlint: -C flag must be the first flag on the command line\n"},
	} {
		r := run(t, root, tc.args...)
		if r.code != 2 || r.stdout != "" || !strings.HasPrefix(r.stderr, tc.want) {
			t.Errorf("eventlint %s: exit %d (want 2)\nstdout:\n%s\nstderr:\n%s\nwant stderr starting %q", strings.Join(tc.args, " "), r.code, r.stdout, r.stderr, tc.want)
		}
	}
}

// TestExampleGolden checks what eventlint ./... prints on examples/clinic
// against examples/clinic/eventlint.golden, run both from the repository
// root with -C, as the README shows, and inside the example.
func TestExampleGolden(t *testing.T) {
	t.Parallel()
	root, clinic := testutil.RepoRoot(t), exampleDir(t)
	fromRoot := run(t, root, "-C", filepath.Join("examples", "clinic"), "./...")
	if fromRoot.code != 1 || fromRoot.stderr != "" {
		t.Errorf("eventlint -C examples/clinic ./...: exit %d, want 1 (findings)\nstderr:\n%s", fromRoot.code, fromRoot.stderr)
	}
	golden(t, filepath.Join(clinic, "eventlint.golden"), slashPaths(fromRoot.stdout))

	inside := run(t, clinic, "./...")
	if inside.code != 1 || inside.stdout != fromRoot.stdout {
		t.Errorf("eventlint ./... inside examples/clinic: exit %d\n%s\nwant (as with -C):\n%s", inside.code, inside.stdout, fromRoot.stdout)
	}
	// With no patterns, ./... is the default.
	if r := run(t, clinic); r.stdout != fromRoot.stdout {
		t.Errorf("eventlint without patterns differs from eventlint ./...:\n%s", r.stdout)
	}
}

// inhouseDir is examples/inhouse in this checkout: the shop on a bus of
// its own, declared with eventlint:emit and eventlint:subscribe on the
// methods of the interfaces its packages are given.
func inhouseDir(t *testing.T) string {
	return filepath.Join(testutil.RepoRoot(t), "examples", "inhouse")
}

// TestExampleInhouseGolden checks what eventlint ./... prints on
// examples/inhouse against examples/inhouse/eventlint.golden, run from the
// repository root with -C, as the README shows, and inside the example.
// Every file with a Mistake: comment is named by a finding: at its line,
// or in a message reported in package main.
func TestExampleInhouseGolden(t *testing.T) {
	t.Parallel()
	root, inhouse := testutil.RepoRoot(t), inhouseDir(t)
	fromRoot := run(t, root, "-C", filepath.Join("examples", "inhouse"), "./...")
	if fromRoot.code != 1 || fromRoot.stderr != "" {
		t.Errorf("eventlint -C examples/inhouse ./...: exit %d, want 1 (findings)\nstderr:\n%s", fromRoot.code, fromRoot.stderr)
	}
	out := slashPaths(fromRoot.stdout)
	golden(t, filepath.Join(inhouse, "eventlint.golden"), out)

	if inside := run(t, inhouse, "./..."); inside.code != 1 || inside.stdout != fromRoot.stdout {
		t.Errorf("eventlint ./... inside examples/inhouse: exit %d\n%s\nwant (as with -C):\n%s", inside.code, inside.stdout, fromRoot.stdout)
	}

	var mistakes []string
	err := filepath.WalkDir(inhouse, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), "Mistake:") {
			rel, _ := filepath.Rel(inhouse, path)
			mistakes = append(mistakes, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(mistakes) < 3 {
		t.Fatalf("examples/inhouse: %d files with a Mistake: comment, want the example's 3 or more: %v", len(mistakes), mistakes)
	}
	for _, file := range mistakes {
		if !strings.Contains(out, file+":") {
			t.Errorf("no finding names %s, which has a Mistake: comment:\n%s", file, out)
		}
	}
}

// jsonFinding is one finding of -format json.
type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Check    string `json:"check"`
	Analyzer string `json:"analyzer"`
	Message  string `json:"message"`
	Fixes    []struct {
		Message string `json:"message"`
		Edits   []struct {
			File    string `json:"file"`
			NewText string `json:"new_text"`
		} `json:"edits"`
	} `json:"fixes"`
}

// text is the finding as the text format prints it.
func (f jsonFinding) text() string {
	return fmt.Sprintf("%s:%d:%d: %s [%s]", filepath.ToSlash(f.File), f.Line, f.Column, f.Message, f.Check)
}

// standaloneJSON runs eventlint -format json with args in dir and
// returns its findings and exit code.
func standaloneJSON(t *testing.T, dir string, args ...string) ([]jsonFinding, int) {
	t.Helper()
	r := run(t, dir, append([]string{"-format", "json"}, args...)...)
	var findings []jsonFinding
	if err := json.Unmarshal([]byte(r.stdout), &findings); err != nil {
		t.Fatalf("eventlint -format json %s: exit %d: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, err, r.stdout, r.stderr)
	}
	return findings, r.code
}

// TestExampleFix runs eventlint -fix on a copy of examples/clinic: it
// adds the blank import of the handler package accounting to cmd/clinic
// (EL3001 for invoice.paid, emitted by billing, which cmd/clinic reaches
// only through services) and uses the catalogue's constant in scheduling
// (EL2002). The fixed files are compared with testdata/clinic-fixed; the
// fixed module must build, and a new run must not report what was fixed.
func TestExampleFix(t *testing.T) {
	t.Parallel()
	dir := testutil.CopyExample(t)
	before := snapshot(t, dir)

	// The findings with a fix are the ones -fix applies; afterwards it
	// analyses the fixed code again and prints what is left.
	findings, code := standaloneJSON(t, dir, "./...")
	if code != 1 {
		t.Fatalf("eventlint -format json ./...: exit %d, want 1", code)
	}
	var fixable []string
	for _, f := range findings {
		if len(f.Fixes) > 0 {
			fixable = append(fixable, f.text())
		}
	}
	wantFixable := []string{
		`cmd/clinic/main.go:16:6: event "invoice.paid" is emitted but no handler linked into this program subscribes to it (emitted at billing/billing.go:14): import _ "example.com/clinic/accounting", which handles it [EL3001]`,
		`scheduling/scheduling.go:22:15: string literal repeats the catalogued event name "appointment.scheduled": use events.AppointmentScheduled [EL2002]`,
	}
	if !slices.Equal(fixable, wantFixable) {
		t.Errorf("findings with a fix:\n%s\nwant:\n%s", strings.Join(fixable, "\n"), strings.Join(wantFixable, "\n"))
	}

	r := run(t, dir, "-fix", "./...")
	if r.code != 1 || r.stderr != "eventlint: fixed 2 finding(s) in 2 file(s)\n" {
		t.Errorf("eventlint -fix ./...: exit %d (want 1: findings without a fix remain)\nstderr:\n%s", r.code, r.stderr)
	}

	// Exactly the two files changed, as the golden copies say.
	after := snapshot(t, dir)
	var changed []string
	for file, content := range after {
		if before[file] != content {
			rel, _ := filepath.Rel(dir, file)
			changed = append(changed, filepath.ToSlash(rel))
		}
	}
	slices.Sort(changed)
	if want := []string{"cmd/clinic/main.go", "scheduling/scheduling.go"}; !slices.Equal(changed, want) {
		t.Errorf("eventlint -fix changed %v, want %v", changed, want)
	}
	for _, rel := range []string{"cmd/clinic/main.go", "scheduling/scheduling.go"} {
		golden(t, filepath.Join("testdata", "clinic-fixed", filepath.FromSlash(rel)+".golden"), after[filepath.Join(dir, filepath.FromSlash(rel))])
	}
	main := after[filepath.Join(dir, "cmd", "clinic", "main.go")]
	if !strings.Contains(main, "\t_ \"example.com/clinic/accounting\"\n\t_ \"example.com/clinic/notify\"\n") {
		t.Errorf("cmd/clinic/main.go after -fix lacks the blank import of accounting, sorted before notify:\n%s", main)
	}
	if s := after[filepath.Join(dir, "scheduling", "scheduling.go")]; !strings.Contains(s, "publish(ctx, events.AppointmentScheduled, a)") {
		t.Errorf("scheduling/scheduling.go after -fix does not use events.AppointmentScheduled:\n%s", s)
	}

	// The fixed module builds and vets clean with the go command.
	goCmd(t, dir, "build", "./...")
	goCmd(t, dir, "vet", "./...")

	// A new run: what was fixed is gone, and so is EL3003 for accounting,
	// which cmd/clinic now imports; the rest of the example's mistakes
	// remain (exit 1). Its output is kept as a golden file too.
	again := run(t, dir, "./...")
	if again.code != 1 {
		t.Errorf("eventlint ./... after -fix: exit %d, want 1", again.code)
	}
	for _, gone := range []string{`"invoice.paid" is emitted but no handler`, "[EL2002]", `handlers of package example.com/clinic/accounting never run`} {
		if strings.Contains(again.stdout, gone) {
			t.Errorf("eventlint ./... after -fix still reports %q:\n%s", gone, again.stdout)
		}
	}
	golden(t, filepath.Join("testdata", "clinic-fixed", "eventlint.golden"), slashPaths(again.stdout))
	// -fix reported the same: the findings of the fixed code, at their
	// new lines, without EL3003 for accounting, which the fix resolved.
	if r.stdout != again.stdout {
		t.Errorf("eventlint -fix ./... printed:\n%s\nwant what a run of the fixed code reports:\n%s", r.stdout, again.stdout)
	}

	// -fix is idempotent: nothing left to fix.
	if r := run(t, dir, "-fix", "./..."); r.stderr != "" || r.stdout != again.stdout {
		t.Errorf("second eventlint -fix: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if after2 := snapshot(t, dir); !mapsEqual(after2, after) {
		t.Error("second eventlint -fix changed files")
	}
}
