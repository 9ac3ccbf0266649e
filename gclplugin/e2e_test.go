package gclplugin_test

import (
	"encoding/json"
	"errors"
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

// This file runs a real golangci-lint with the plugin built in over the
// bundled example module examples/clinic, as a user would after
// `golangci-lint custom`. The binary comes from scripts/build-custom-gcl.sh,
// which builds it from the Go module proxy (3-4 minutes cold on 2 cores)
// and caches it under os.UserCacheDir()/eventlint, keyed by a hash of the
// plugin's sources: repeated runs take seconds.

// issue is one finding of golangci-lint's JSON output.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename string
		Line     int
		Column   int
	}
}

func (i issue) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", i.Pos.Filename, i.Pos.Line, i.Pos.Column, i.Text, i.FromLinter)
}

// at returns the issues at file:line.
func at(issues []issue, file string, line int) []issue {
	var out []issue
	for _, i := range issues {
		if i.Pos.Filename == file && i.Pos.Line == line {
			out = append(out, i)
		}
	}
	return out
}

// hasIssue reports whether one of the issues at file:line has a text
// matching re.
func hasIssue(issues []issue, file string, line int, re string) bool {
	return slices.ContainsFunc(at(issues, file, line), func(i issue) bool {
		return regexp.MustCompile(re).MatchString(i.Text)
	})
}

func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a custom golangci-lint (3-4 minutes cold): skipped under -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("scripts/build-custom-gcl.sh is a POSIX shell script")
	}
	bin := testutil.BuildCustomGCL(t)
	gclCache := t.TempDir() // golangci-lint's own cache, shared by the runs below

	// The example's own configuration, copied verbatim: what users copy.
	clinic := testutil.CopyExample(t)
	issues, text := runGCL(t, bin, gclCache, clinic)
	t.Logf("golangci-lint run ./... in examples/clinic with its .golangci.yml:\n%s", text)

	for _, i := range issues {
		if i.FromLinter != "eventlint" {
			t.Errorf("issue from linter %q, want only eventlint: %v", i.FromLinter, i)
		}
	}

	// Naming (EL1001, EL1003): the deliberate bad names of hr and scheduling.
	for _, want := range []struct {
		file string
		line int
		re   string
	}{
		{"hr/hr.go", 23, `^naming: event name passed to bus\.Emit is not a compile-time constant`},
		{"hr/hr.go", 29, `^naming: event name "EmployeeTerminated" has 1 segment, want <aggregate>\.<verb>: name it "employee\.terminated"`},
		{"scheduling/scheduling.go", 29, `^naming: event name "cancel_appointment" has 1 segment, want <aggregate>\.<verb>: name it "appointment\.canceled"`},
	} {
		if !hasIssue(issues, want.file, want.line, want.re) {
			t.Errorf("no issue at %s:%d matching %s", want.file, want.line, want.re)
		}
	}
	// Nothing else from naming: the example's other names are fine.
	for _, i := range issues {
		if strings.HasPrefix(i.Text, "naming: ") && !slices.Contains([]string{"hr/hr.go:23", "hr/hr.go:29", "scheduling/scheduling.go:29"}, fmt.Sprintf("%s:%d", i.Pos.Filename, i.Pos.Line)) {
			t.Errorf("unexpected naming issue: %v", i)
		}
	}

	// Unregistered (EL3001), from the Summary facts folded up from billing
	// (cmd/clinic -> services -> billing): invoice.paid has no handler in
	// cmd/clinic, whose func main is at line 16.
	if !hasIssue(issues, "cmd/clinic/main.go", 16, `^unregistered: event "invoice\.paid" is emitted but no handler linked into this program subscribes to it \(emitted at billing/billing\.go:14\)`) {
		t.Errorf("no unregistered issue for invoice.paid at cmd/clinic/main.go:16 (func main): the facts-based check did not report under golangci-lint")
	}

	t.Run("uniq-by-line", func(t *testing.T) {
		// golangci-lint's default keeps one issue per line: findings that
		// share func main's line are hidden unless uniq-by-line is off.
		byLine := map[string]int{}
		for _, i := range issues {
			byLine[fmt.Sprintf("%s:%d", i.Pos.Filename, i.Pos.Line)]++
		}
		hidden := 0
		for _, n := range byLine {
			hidden += n - 1
		}
		if hidden == 0 {
			t.Skip("no two findings share a line: nothing for uniq-by-line to hide")
		}
		cfg := readFile(t, filepath.Join(clinic, ".golangci.yml"))
		dir := testutil.CopyExample(t)
		writeFile(t, filepath.Join(dir, ".golangci.yml"), strings.Replace(cfg, "uniq-by-line: false", "uniq-by-line: true", 1))
		uniq, _ := runGCL(t, bin, gclCache, dir)
		if got, want := len(uniq), len(issues)-hidden; got != want {
			t.Errorf("with uniq-by-line: true, %d issues, want %d (%d with it off, %d sharing a line)", got, want, len(issues), hidden)
		}
	})

	t.Run("nolint", func(t *testing.T) {
		dir := testutil.CopyExample(t)
		hr := filepath.Join(dir, "hr", "hr.go")
		src := readFile(t, hr)
		const line = `	bus.Emit(ctx, "EmployeeTerminated", e)`
		if !strings.Contains(src, line+"\n") {
			t.Fatalf("hr/hr.go has no line %q", line)
		}
		writeFile(t, hr, strings.Replace(src, line+"\n", line+" //nolint:eventlint // renamed with the HR service in Q3\n", 1))
		got, _ := runGCL(t, bin, gclCache, dir)
		if left := at(got, "hr/hr.go", 29); len(left) > 0 {
			t.Errorf("//nolint:eventlint at hr/hr.go:29 left %v", left)
		}
		if !hasIssue(got, "hr/hr.go", 23, `^naming: `) {
			t.Errorf("//nolint:eventlint at hr/hr.go:29 also removed the issue at hr/hr.go:23")
		}
	})

	t.Run("settings", func(t *testing.T) {
		// segments: [1, 2] and past-tense: false accept "cancel_appointment";
		// "EmployeeTerminated" is still not snake_case, and the dynamic name
		// is still dynamic.
		cfg := readFile(t, filepath.Join(clinic, ".golangci.yml"))
		for _, r := range [][2]string{
			{"segments: [2]", "segments: [1, 2]"},
			{"past-tense: true", "past-tense: false"},
		} {
			if !strings.Contains(cfg, r[0]) {
				t.Fatalf("examples/clinic/.golangci.yml has no %q", r[0])
			}
			cfg = strings.Replace(cfg, r[0], r[1], 1)
		}
		dir := testutil.CopyExample(t)
		writeFile(t, filepath.Join(dir, ".golangci.yml"), cfg)
		got, _ := runGCL(t, bin, gclCache, dir)
		if hasIssue(got, "scheduling/scheduling.go", 29, `^naming: `) {
			t.Errorf("with segments: [1, 2], past-tense: false: still a naming issue at scheduling/scheduling.go:29:\n%v", got)
		}
		if !hasIssue(got, "hr/hr.go", 29, `^naming: event name "EmployeeTerminated" segment "EmployeeTerminated" is not lowercase snake_case`) {
			t.Errorf("with segments: [1, 2], past-tense: false: no snake_case issue at hr/hr.go:29:\n%v", got)
		}
		if !hasIssue(got, "hr/hr.go", 23, `^naming: event name passed to bus\.Emit is not a compile-time constant`) {
			t.Errorf("with segments: [1, 2], past-tense: false: the dynamic name at hr/hr.go:23 is no longer reported")
		}

		// A bad value stops golangci-lint with an error naming the setting.
		dir = testutil.CopyExample(t)
		writeFile(t, filepath.Join(dir, ".golangci.yml"), strings.Replace(readFile(t, filepath.Join(clinic, ".golangci.yml")), "segments: [2]", "segments: [0]", 1))
		out, code := runGCLRaw(t, bin, gclCache, dir)
		if code == 0 || code == 1 || !strings.Contains(out, "eventlint plugin: setting segments") {
			t.Errorf("segments: [0]: exit code %d, want a failure naming the setting; output:\n%s", code, out)
		}
	})

	t.Run("go vet", func(t *testing.T) {
		// The same package-level checks under go vet -vettool: the same
		// findings, lines and messages.
		vettool := buildVettool(t)
		// The settings of examples/clinic/.golangci.yml, as flags.
		cmd := exec.Command("go", "vet", "-vettool="+vettool, "-catalogue.require=example.com/clinic/events", "./...")
		cmd.Dir = clinic
		cmd.Env = append(os.Environ(), "GOWORK=off")
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		t.Logf("go vet -vettool=eventlint -catalogue.require=example.com/clinic/events ./...:\n%s", out)
		vet := map[string]bool{}
		for _, l := range strings.Split(string(out), "\n") {
			// file:line:col: message
			m := regexp.MustCompile(`^(?:\./)?([^:]+\.go):(\d+):\d+: (.*)$`).FindStringSubmatch(l)
			if m != nil {
				vet[m[1]+":"+m[2]+": "+m[3]] = true
			}
		}
		gcl := map[string]bool{}
		for _, i := range issues {
			// golangci-lint prefixes the analyzer's name.
			_, msg, _ := strings.Cut(i.Text, ": ")
			gcl[fmt.Sprintf("%s:%d: %s", i.Pos.Filename, i.Pos.Line, msg)] = true
		}
		for k := range gcl {
			if !vet[k] {
				t.Errorf("golangci-lint only: %s", k)
			}
		}
		for k := range vet {
			if !gcl[k] {
				t.Errorf("go vet only: %s", k)
			}
		}
	})
}

// buildVettool builds cmd/eventlint, skipping the test when there is no
// such command yet.
func buildVettool(t *testing.T) string {
	t.Helper()
	list := exec.Command("go", "list", "-f", "{{.Name}}", "./cmd/eventlint")
	list.Dir = testutil.RepoRoot(t)
	if out, err := list.Output(); err != nil || strings.TrimSpace(string(out)) != "main" {
		t.Skip("no cmd/eventlint command to run under go vet -vettool")
	}
	return testutil.BuildEventlint(t)
}

// runGCL runs golangci-lint in dir and returns its issues, and its text
// output for the log.
func runGCL(t *testing.T, bin, cache, dir string) ([]issue, string) {
	t.Helper()
	jsonFile := filepath.Join(t.TempDir(), "issues.json")
	out, code := runGCLRaw(t, bin, cache, dir, "--output.json.path="+jsonFile, "--output.text.path=stdout")
	if code != 0 && code != 1 { // 1: issues found
		t.Fatalf("golangci-lint run: exit code %d\n%s", code, out)
	}
	var report struct{ Issues []issue }
	if err := json.Unmarshal([]byte(readFile(t, jsonFile)), &report); err != nil {
		t.Fatalf("golangci-lint JSON output: %v", err)
	}
	return report.Issues, out
}

func runGCLRaw(t *testing.T, bin, cache, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"run", "--show-stats=false"}, append(args, "./...")...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+cache, "GOWORK=off")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return string(out), cmd.ProcessState.ExitCode()
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
