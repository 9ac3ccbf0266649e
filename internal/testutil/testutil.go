// Package testutil holds the helpers that eventlint's tests in several
// packages share: finding this checkout, copying and writing modules into
// temporary directories, running commands, and building the eventlint
// command and the custom golangci-lint with the eventlint plugin.
//
// It is only for tests: every function takes a testing.TB and fails (or
// skips) the test instead of returning an error.
package testutil

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// ModulePath is the eventlint module's path.
const ModulePath = "github.com/eventlint/eventlint"

// GCLVersion is the golangci-lint that BuildCustomGCL builds for the
// tests: one version, so that one cached build serves every test.
const GCLVersion = "v2.15.0"

// RepoRoot returns the absolute path of this checkout: the nearest
// directory at or above the working directory whose go.mod declares the
// eventlint module.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && regexp.MustCompile(`(?m)^module `+regexp.QuoteMeta(ModulePath)+`\s*$`).Match(data) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod of %s at or above the working directory", ModulePath)
		}
		dir = parent
	}
}

// CopyDir copies the directory tree src to dst, creating dst as needed.
// skip, if not nil, is called with each file's and directory's path
// relative to src (not for src itself) and leaves out those for which it
// returns true, a directory with everything under it. Files are written
// with mode 0o644.
func CopyDir(t testing.TB, src, dst string, skip func(rel string, d fs.DirEntry) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if rel != "." && skip != nil && skip(rel, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// replaceDirective is the line of a go.mod that replaces eventlint.
var replaceDirective = regexp.MustCompile(`(?m)^replace ` + regexp.QuoteMeta(ModulePath) + ` => .*$`)

// CopyModule copies the module tree src to dst like CopyDir and points
// the eventlint replace directive of each go.mod at this checkout, so
// that tests may change the copy. The go.mod at the top of src must have
// such a directive.
func CopyModule(t testing.TB, src, dst string, skip func(rel string, d fs.DirEntry) bool) {
	t.Helper()
	root := RepoRoot(t)
	CopyDir(t, src, dst, skip)
	err := filepath.WalkDir(dst, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "go.mod" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !replaceDirective.Match(data) {
			if path == filepath.Join(dst, "go.mod") {
				return fmt.Errorf("%s has no replace directive for eventlint:\n%s", filepath.Join(src, "go.mod"), data)
			}
			return nil
		}
		data = replaceDirective.ReplaceAll(data, []byte("replace "+ModulePath+" => "+filepath.ToSlash(root)))
		return os.WriteFile(path, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// CopyExample copies the example module examples/clinic to a temporary
// directory with CopyModule and returns the copy. It leaves out what is
// not a regular file and a golangci-lint built into the example by hand
// (custom-gcl).
func CopyExample(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "clinic")
	CopyModule(t, filepath.Join(RepoRoot(t), "examples", "clinic"), dst, func(_ string, d fs.DirEntry) bool {
		return !d.IsDir() && (!d.Type().IsRegular() || d.Name() == "custom-gcl")
	})
	return dst
}

// GoMod returns a go.mod for module path, go 1.26.0, requiring eventlint
// replaced by this checkout, followed by the lines more.
func GoMod(t testing.TB, module string, more ...string) string {
	t.Helper()
	return strings.Join(append([]string{
		"module " + module, "", "go 1.26.0", "",
		"require " + ModulePath + " v0.0.0", "",
		"replace " + ModulePath + " => " + filepath.ToSlash(RepoRoot(t)),
	}, more...), "\n") + "\n"
}

// WriteFiles writes files, slash-separated paths relative to dir to
// their contents, creating directories as needed.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Run runs cmd and returns its exit code and output. cmd's own Stdout
// and Stderr are replaced; its Dir and Env are kept. A command that
// cannot be run at all fails the test.
func Run(t testing.TB, cmd *exec.Cmd) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running %v: %v", cmd.Args, err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// Git runs git with args in dir, with a test identity and no commit
// signing, and returns its combined output. A failure fails the test.
func Git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// BuildEventlint builds this checkout's cmd/eventlint into a temporary
// directory and returns the binary.
func BuildEventlint(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "eventlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/eventlint")
	build.Dir = RepoRoot(t)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/eventlint: %v\n%s", err, out)
	}
	return bin
}

// BuildCustomGCL returns the golangci-lint GCLVersion with the eventlint
// plugin built in, built (or found in the cache under
// os.UserCacheDir()/eventlint) by scripts/build-custom-gcl.sh. It skips
// the test when there is no sh or user cache directory, or when the Go
// module proxy and cache cannot provide golangci-lint (the script's exit
// code 3).
func BuildCustomGCL(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run scripts/build-custom-gcl.sh")
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Skipf("no user cache directory for the golangci-lint binary: %v", err)
	}
	cmd := exec.Command("sh", filepath.Join(RepoRoot(t), "scripts", "build-custom-gcl.sh"))
	cmd.Env = append(os.Environ(), "GCL_VERSION="+GCLVersion, "EVENTLINT_GCL_CACHE="+filepath.Join(cache, "eventlint"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	t.Logf("scripts/build-custom-gcl.sh (%s):\n%s", time.Since(start).Round(100*time.Millisecond), stderr.String())
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 {
		t.Skipf("the Go module proxy/cache cannot provide golangci-lint %s", GCLVersion)
	}
	if err != nil {
		t.Fatalf("scripts/build-custom-gcl.sh: %v", err)
	}
	bin := strings.TrimSpace(stdout.String())
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("scripts/build-custom-gcl.sh printed %q: %v", bin, err)
	}
	return bin
}
