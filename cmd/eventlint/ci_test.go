package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/eventlint/eventlint/internal/testutil"
)

// The tests in this file follow docs/ci.md as a new user would: they take
// the blocks marked <!-- ci-test NAME --> (GitHub Actions workflows, a
// GitLab CI job, a pre-commit configuration, a git hook) and run their
// commands as the CI service or hook would, on a copy of examples/clinic
// standing for the user's repository. The go install line runs as
// written: a file-based module proxy serves this checkout under the
// version the docs pin (the real proxy has no eventlint), with the other
// modules taken from the module cache.

// ciBlocks returns docs/ci.md's marked blocks by name.
func ciBlocks(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]string{}
	re := regexp.MustCompile("(?ms)^<!-- ci-test (\\S+) -->\n```\\w*\n(.*?)^```$")
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		blocks[m[1]] = m[2]
	}
	for _, name := range []string{"github-sarif", "github-annotations", "gitlab", "pre-commit", "git-hook"} {
		if blocks[name] == "" {
			t.Fatalf("docs/ci.md has no block marked <!-- ci-test %s -->", name)
		}
	}
	return blocks
}

// The YAML the docs show is read with the few rules below, enough for
// those blocks (a test of the package checks them against the expected
// commands, so a misreading fails).

var yamlKey = regexp.MustCompile(`^(\s*)(- )?([\w.-]+):(?:\s+(.*))?$`)

// yamlLines splits a block into lines without comments.
func yamlLines(block string) []string {
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if i := strings.Index(l, " #"); i >= 0 {
			l = l[:i]
		}
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			l = ""
		}
		lines = append(lines, strings.TrimRight(l, " "))
	}
	return lines
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// yamlScalars returns the values of every key: value with that key, in
// order, following block scalars (|) and flow sequences ([a, b]) as
// written.
func yamlScalars(block, key string) []string {
	lines := yamlLines(block)
	var out []string
	for i := 0; i < len(lines); i++ {
		m := yamlKey.FindStringSubmatch(lines[i])
		if m == nil || m[3] != key {
			continue
		}
		v := m[4]
		if v == "|" || v == "|-" {
			keyIndent := len(m[1]) + len(m[2])
			var body []string
			for i+1 < len(lines) && (lines[i+1] == "" || indentOf(lines[i+1]) > keyIndent) {
				i++
				body = append(body, lines[i])
			}
			d := -1
			for _, l := range body {
				if l != "" && (d < 0 || indentOf(l) < d) {
					d = indentOf(l)
				}
			}
			for j, l := range body {
				if len(l) >= d {
					body[j] = l[d:]
				}
			}
			v = strings.TrimRight(strings.Join(body, "\n"), "\n")
		}
		out = append(out, strings.Trim(v, `"'`))
	}
	return out
}

// yamlMapping returns the key: value pairs nested under the first key.
func yamlMapping(block, key string) map[string]string {
	lines := yamlLines(block)
	out := map[string]string{}
	for i, l := range lines {
		m := yamlKey.FindStringSubmatch(l)
		if m == nil || m[3] != key || m[4] != "" {
			continue
		}
		for _, c := range lines[i+1:] {
			if c == "" {
				continue
			}
			if indentOf(c) <= len(m[1]) {
				break
			}
			if cm := yamlKey.FindStringSubmatch(c); cm != nil && cm[2] == "" {
				out[cm[3]] = strings.Trim(cm[4], `"'`)
			}
		}
		break
	}
	return out
}

// yamlSequence returns the items of the first key's sequence, block or
// flow.
func yamlSequence(block, key string) []string {
	lines := yamlLines(block)
	for i, l := range lines {
		m := yamlKey.FindStringSubmatch(l)
		if m == nil || m[3] != key {
			continue
		}
		if v := m[4]; strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			var items []string
			for _, it := range strings.Split(strings.Trim(v, "[]"), ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, strings.Trim(it, `"'`))
				}
			}
			return items
		}
		var items []string
		for _, c := range lines[i+1:] {
			if c == "" {
				continue
			}
			t := strings.TrimSpace(c)
			if indentOf(c) < len(m[1]) || !strings.HasPrefix(t, "- ") {
				break
			}
			items = append(items, strings.TrimPrefix(t, "- "))
		}
		return items
	}
	return nil
}

// TestYAMLReading checks the reading rules on the docs' blocks.
func TestYAMLReading(t *testing.T) {
	t.Parallel()
	blocks := ciBlocks(t)
	if got := yamlScalars(blocks["github-sarif"], "run"); len(got) != 2 || got[1] != "eventlint -format sarif ./... > eventlint.sarif || [ $? -eq 1 ]" {
		t.Errorf("github-sarif run steps: %q", got)
	}
	if got := yamlScalars("steps:\n  - name: x\n    run: |\n      a\n        b\n\n      c\n  - run: d # e\n", "run"); len(got) != 2 || got[0] != "a\n  b\n\nc" || got[1] != "d" {
		t.Errorf("block scalar: %q", got)
	}
	if got := yamlSequence(blocks["gitlab"], "script"); len(got) != 4 || got[3] != "exit $status" {
		t.Errorf("gitlab script: %q", got)
	}
	if got := yamlSequence(blocks["gitlab"], "paths"); len(got) != 1 || got[0] != "eventlint.txt" {
		t.Errorf("gitlab artifacts: %q", got)
	}
	if got := yamlMapping(blocks["gitlab"], "variables"); got["EVENTLINT_VERSION"] == "" {
		t.Errorf("gitlab variables: %q", got)
	}
}

// ciJob is a CI job's environment: the workspace (a copy of the example
// module, standing for the repository's checkout), and a GOBIN on PATH
// with a module cache of its own, as on a fresh runner.
type ciJob struct {
	t         *testing.T
	workspace string
	env       []string
}

// newCIJob starts a job in workspace with the variables vars, whose
// EVENTLINT_VERSION the module proxy serves.
func newCIJob(t *testing.T, workspace string, vars map[string]string) *ciJob {
	t.Helper()
	version := vars["EVENTLINT_VERSION"]
	if !regexp.MustCompile(`^v\d+\.\d+\.\d+$`).MatchString(version) {
		t.Fatalf("EVENTLINT_VERSION %q is not a release version", version)
	}
	gobin := t.TempDir()
	env := proxyEnv(t, moduleProxy(t, version), gobin)
	env = append(env, "PATH="+gobin+string(os.PathListSeparator)+os.Getenv("PATH"))
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return &ciJob{t: t, workspace: workspace, env: env}
}

// run runs script as a CI step does: bash with -e and pipefail, in the
// workspace.
func (j *ciJob) run(script string) result {
	j.t.Helper()
	return runEnv(j.t, exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script), j.workspace, j.env)
}

func needBash(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("installs eventlint as the docs do (go install from a module zip): skipped under -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the CI recipes are POSIX shell")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
}

// exampleLines is examples/clinic/eventlint.golden, the example's
// findings in the text format.
func exampleLines(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exampleDir(t), "eventlint.golden"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

const installLine = "go install github.com/eventlint/eventlint/cmd/eventlint@$EVENTLINT_VERSION"

// githubSteps checks a workflow's actions and returns its run steps, the
// first of which installs eventlint.
func githubSteps(t *testing.T, block string, uses ...string) []string {
	t.Helper()
	got := yamlScalars(block, "uses")
	for i, u := range uses {
		if i >= len(got) || !strings.HasPrefix(got[i], u+"@v") {
			t.Errorf("workflow uses %q, want %q", got, uses)
			break
		}
	}
	if yamlScalars(block, "go-version-file")[0] != "go.mod" {
		t.Error("setup-go does not take the Go version from go.mod")
	}
	runs := yamlScalars(block, "run")
	if len(runs) != 2 || runs[0] != installLine {
		t.Fatalf("workflow run steps %q, want the install line %q and the eventlint step", runs, installLine)
	}
	return runs
}

func TestCIGitHubSARIF(t *testing.T) {
	t.Parallel()
	needBash(t)
	block := ciBlocks(t)["github-sarif"]
	runs := githubSteps(t, block, "actions/checkout", "actions/setup-go", "github/codeql-action/upload-sarif")
	if !strings.Contains(block, "security-events: write") {
		t.Error("the SARIF workflow lacks the security-events: write permission upload-sarif needs")
	}
	sarifFile := yamlScalars(block, "sarif_file")[0]

	job := newCIJob(t, testutil.CopyExample(t), yamlMapping(block, "env"))
	for _, step := range runs {
		if r := job.run(step); r.code != 0 {
			t.Fatalf("step %q: exit %d, want 0 (findings go to code scanning)\nstdout:\n%s\nstderr:\n%s", step, r.code, r.stdout, r.stderr)
		}
	}
	if r := job.run("eventlint -version"); !strings.HasPrefix(r.stdout, "eventlint "+yamlMapping(block, "env")["EVENTLINT_VERSION"]+" ") {
		t.Errorf("eventlint -version after the install step: %q", r.stdout)
	}
	data, err := os.ReadFile(filepath.Join(job.workspace, sarifFile))
	if err != nil {
		t.Fatalf("the eventlint step wrote no %s: %v", sarifFile, err)
	}
	results := validSARIF(t, data)
	if want := len(exampleLines(t)); results != want {
		t.Errorf("%s has %d results, want %d (the example's findings)", sarifFile, results, want)
	}

	// When eventlint cannot run (exit status 2), the step fails (with
	// status 1, from the test of the exit status).
	broken := newCIJob(t, copyModule(t, "typeerror"), yamlMapping(block, "env"))
	for _, step := range runs {
		r := broken.run(step)
		if step == runs[0] && r.code != 0 {
			t.Fatalf("install step: exit %d\n%s", r.code, r.stderr)
		}
		if step == runs[1] && (r.code == 0 || !strings.Contains(r.stderr, "bad/bad.go:6:14: ")) {
			t.Errorf("eventlint step on a module that does not type-check: exit %d, want a failure with the error\nstderr:\n%s", r.code, r.stderr)
		}
	}
}

// validSARIF validates a SARIF log against the schema and returns the
// number of results.
func validSARIF(t *testing.T, data []byte) int {
	t.Helper()
	schemaFile, err := os.Open(filepath.Join(testutil.RepoRoot(t), "internal", "driver", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	doc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output: %v\n%s", err, data)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("invalid SARIF: %v", err)
	}
	return strings.Count(string(data), `"ruleId"`)
}

var annotation = regexp.MustCompile(`^::warning file=([^,]+),line=(\d+),col=(\d+),title=(EL\d{4}) [^:]+::(.+)$`)

func TestCIGitHubAnnotations(t *testing.T) {
	t.Parallel()
	needBash(t)
	block := ciBlocks(t)["github-annotations"]
	runs := githubSteps(t, block, "actions/checkout", "actions/setup-go")
	job := newCIJob(t, testutil.CopyExample(t), yamlMapping(block, "env"))
	if r := job.run(runs[0]); r.code != 0 {
		t.Fatalf("step %q: exit %d\n%s", runs[0], r.code, r.stderr)
	}
	r := job.run(runs[1])
	if r.code != 1 || r.stderr != "" {
		t.Errorf("step %q: exit %d, want 1 (findings fail the job)\nstderr:\n%s", runs[1], r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if want := len(exampleLines(t)); len(lines) != want {
		t.Errorf("%d annotations, want %d (the example's findings)", len(lines), want)
	}
	for _, l := range lines {
		m := annotation.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not a warning annotation: %q", l)
			continue
		}
		if _, err := os.Stat(filepath.Join(job.workspace, m[1])); err != nil {
			t.Errorf("annotation file %s is not a file of the repository: %q", m[1], l)
		}
	}
	// The docs' example line is what eventlint prints.
	docLine := regexp.MustCompile(`(?m)^::warning .*$`).FindString(string(mustRead(t, filepath.Join(testutil.RepoRoot(t), "docs", "ci.md"))))
	if docLine == "" || !strings.Contains(r.stdout, docLine+"\n") {
		t.Errorf("docs/ci.md shows the annotation\n%s\nwhich eventlint does not print:\n%s", docLine, r.stdout)
	}
}

func mustRead(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCIGitLab(t *testing.T) {
	t.Parallel()
	needBash(t)
	block := ciBlocks(t)["gitlab"]
	script := yamlSequence(block, "script")
	if len(script) == 0 || script[0] != installLine {
		t.Fatalf("gitlab script %q, want it to start with %q", script, installLine)
	}
	artifacts := yamlSequence(block, "paths")
	if len(artifacts) != 1 || yamlMapping(block, "artifacts")["when"] != "always" {
		t.Fatalf("gitlab artifacts: paths %q, want one report kept always", artifacts)
	}
	// The runner runs the script lines in one shell.
	for _, tc := range []struct {
		name, dir string
		code      int
		report    string
	}{
		{"examples/clinic", testutil.CopyExample(t), 1, string(mustRead(t, filepath.Join(exampleDir(t), "eventlint.golden")))},
		{"clean", copyModule(t, "clean"), 0, ""},
		{"typeerror", copyModule(t, "typeerror"), 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			job := newCIJob(t, tc.dir, yamlMapping(block, "variables"))
			r := job.run(strings.Join(script, "\n"))
			if r.code != tc.code {
				t.Errorf("job: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tc.code, r.stdout, r.stderr)
			}
			report, err := os.ReadFile(filepath.Join(tc.dir, artifacts[0]))
			if err != nil || string(report) != tc.report {
				t.Errorf("artifact %s: %v\n%s\nwant:\n%s", artifacts[0], err, report, tc.report)
			}
			if !strings.Contains(r.stdout, tc.report) {
				t.Errorf("the job log lacks the findings:\n%s", r.stdout)
			}
		})
	}
}

// TestCIPreCommit checks .pre-commit-hooks.yaml and the docs'
// configuration, runs the hook's entry as pre-commit does (at the
// repository root, no file names), and, where pre-commit is installed,
// runs pre-commit itself with the docs' configuration pointing at a git
// repository of this checkout.
func TestCIPreCommit(t *testing.T) {
	t.Parallel()
	hooks := string(mustRead(t, filepath.Join(testutil.RepoRoot(t), ".pre-commit-hooks.yaml")))
	for key, want := range map[string]string{"id": "eventlint", "entry": "eventlint", "language": "golang", "pass_filenames": "false"} {
		if got := yamlScalars(hooks, key); len(got) != 1 || got[0] != want {
			t.Errorf(".pre-commit-hooks.yaml: %s %q, want %q", key, got, want)
		}
	}
	if got := yamlSequence(hooks, "types"); len(got) != 1 || got[0] != "go" {
		t.Errorf(".pre-commit-hooks.yaml: types %q, want [go]", got)
	}
	config := ciBlocks(t)["pre-commit"]
	if got := yamlScalars(config, "repo"); len(got) != 1 || got[0] != "https://github.com/eventlint/eventlint" {
		t.Errorf("docs/ci.md pre-commit repo %q", got)
	}
	if got := yamlScalars(config, "id"); len(got) != 1 || got[0] != "eventlint" {
		t.Errorf("docs/ci.md pre-commit hook id %q, want eventlint", got)
	}

	// The entry, as pre-commit runs it.
	entry := yamlScalars(hooks, "entry")[0]
	if r := runCmd(t, exec.Command(filepath.Join(filepath.Dir(eventlint), entry)), testutil.CopyExample(t)); r.code != 1 || slashPaths(r.stdout) != string(mustRead(t, filepath.Join(exampleDir(t), "eventlint.golden"))) {
		t.Errorf("hook entry in examples/clinic: exit %d, want 1 with the example's findings\n%s%s", r.code, r.stdout, r.stderr)
	}

	t.Run("pre-commit", func(t *testing.T) {
		preCommit, err := exec.LookPath("pre-commit")
		if err != nil {
			t.Skip("pre-commit is not installed")
		}
		if testing.Short() {
			t.Skip("pre-commit builds eventlint: skipped under -short")
		}
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("no git")
		}
		hookRepo, rev := gitRepoOfCheckout(t)
		env := append(gitEnv(), "PRE_COMMIT_HOME="+t.TempDir(),
			// pre-commit installs with its own GOPATH: keep the module
			// cache (read only) so that nothing is downloaded.
			"GOMODCACHE="+strings.TrimSpace(goCmd(t, ".", "env", "GOMODCACHE")), "GOFLAGS=-buildvcs=false")
		cfg := strings.Replace(strings.Replace(config, "https://github.com/eventlint/eventlint", hookRepo, 1),
			"rev: "+yamlScalars(config, "rev")[0], "rev: "+rev, 1)
		for _, tc := range []struct {
			name, dir string
			code      int
			want      []string
		}{
			{"examples/clinic", testutil.CopyExample(t), 1, []string{"eventlint", "Failed", `cmd/clinic/main.go:16:6: event "invoice.paid" is emitted but no handler`}},
			{"clean", copyModule(t, "clean"), 0, []string{"eventlint", "Passed"}},
		} {
			putFile(t, filepath.Join(tc.dir, ".pre-commit-config.yaml"), cfg)
			gitInit(t, tc.dir, env)
			r := runEnv(t, exec.Command(preCommit, "run", "--all-files", "--color=never"), tc.dir, env)
			for _, w := range tc.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("%s: pre-commit run --all-files lacks %q: exit %d\n%s%s", tc.name, w, r.code, r.stdout, r.stderr)
				}
			}
			if r.code != tc.code {
				t.Errorf("%s: pre-commit run --all-files: exit %d, want %d\n%s%s", tc.name, r.code, tc.code, r.stdout, r.stderr)
			}
		}
	})
}

// TestCIGitHook installs the docs' plain git hook in a repository of the
// example and commits.
func TestCIGitHook(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("the hook is a POSIX shell script")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	hook := ciBlocks(t)["git-hook"]
	if !strings.HasPrefix(hook, "#!/bin/sh\n") {
		t.Fatalf("the git hook does not start with #!/bin/sh:\n%s", hook)
	}
	env := append(gitEnv(), "PATH="+filepath.Dir(eventlint)+string(os.PathListSeparator)+os.Getenv("PATH"))
	commit := func(dir string, args ...string) result {
		return runEnv(t, exec.Command("git", append([]string{"commit", "-q", "-m", "change"}, args...)...), dir, env)
	}
	edit := func(dir, file string) {
		f := filepath.Join(dir, file)
		putFile(t, f, string(mustRead(t, f))+"\n// edited\n")
		if r := runEnv(t, exec.Command("git", "add", file), dir, env); r.code != 0 {
			t.Fatalf("git add: %s", r.stderr)
		}
	}

	dir := testutil.CopyExample(t)
	gitInit(t, dir, env)
	putFile(t, filepath.Join(dir, ".git", "hooks", "pre-commit"), hook)
	if err := os.Chmod(filepath.Join(dir, ".git", "hooks", "pre-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A staged Go file: the hook runs eventlint, which finds the
	// example's mistakes, and the commit is refused.
	edit(dir, "hr/hr.go")
	r := commit(dir)
	if r.code == 0 || !strings.Contains(r.stdout+r.stderr, `cmd/clinic/main.go:16:6: event "invoice.paid"`) ||
		!strings.Contains(r.stderr, "eventlint: fix the findings above, or commit with --no-verify") {
		t.Errorf("commit of a Go file in examples/clinic: exit %d, want a refusal with the findings\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	// --no-verify skips the hook.
	if r := commit(dir, "--no-verify"); r.code != 0 {
		t.Errorf("git commit --no-verify: exit %d\n%s", r.code, r.stderr)
	}
	// No Go file staged: eventlint does not run.
	edit(dir, "go.mod")
	if r := commit(dir); r.code != 0 {
		t.Errorf("commit of go.mod alone: exit %d, want 0 (the hook skips commits without Go files)\n%s%s", r.code, r.stdout, r.stderr)
	}

	// A module without findings commits.
	clean := copyModule(t, "clean")
	gitInit(t, clean, env)
	putFile(t, filepath.Join(clean, ".git", "hooks", "pre-commit"), hook)
	if err := os.Chmod(filepath.Join(clean, ".git", "hooks", "pre-commit"), 0o755); err != nil {
		t.Fatal(err)
	}
	edit(clean, filepath.Join("notify", "notify.go"))
	if r := commit(clean); r.code != 0 {
		t.Errorf("commit in a module without findings: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// gitEnv is an environment for git commands that ignores the user's and
// the system's configuration.
func gitEnv() []string {
	return append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com", "GOWORK=off")
}

// gitInit makes dir a git repository with one commit of its files.
func gitInit(t *testing.T, dir string, env []string) {
	t.Helper()
	// Never commit into a repository the copy brought along, such as a
	// git worktree's .git file pointing at this checkout's repository.
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		t.Fatalf("%s already has a .git", dir)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "--no-verify", "-m", "initial"}} {
		if r := runEnv(t, exec.Command("git", args...), dir, env); r.code != 0 {
			t.Fatalf("git %s: %s", strings.Join(args, " "), r.stderr)
		}
	}
}

// gitRepoOfCheckout makes a git repository of this checkout's module
// files (those the module zip holds) and returns it and its commit.
func gitRepoOfCheckout(t *testing.T) (string, string) {
	t.Helper()
	root, dir := testutil.RepoRoot(t), t.TempDir()
	for _, rel := range moduleFiles(t) {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		putFile(t, filepath.Join(dir, rel), string(mustRead(t, filepath.Join(root, rel))))
	}
	env := gitEnv()
	gitInit(t, dir, env)
	r := runEnv(t, exec.Command("git", "rev-parse", "HEAD"), dir, env)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	return dir, strings.TrimSpace(r.stdout)
}

func putFile(t *testing.T, file, data string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
