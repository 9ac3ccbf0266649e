package main

import (
	"archive/zip"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/eventlint/eventlint/internal/testutil"
)

// The tests in this file check what a user sees of eventlint's version:
// eventlint -version and go version -m, for a binary built from a
// checkout (go build, go install) and one installed as a release would
// be (go install github.com/eventlint/eventlint/cmd/eventlint@<version>),
// from a file-based module proxy serving this checkout under a version:
// the real module proxy does not have eventlint.

const modulePath = "github.com/eventlint/eventlint"

var (
	proxyMu   sync.Mutex
	proxyDirs = map[string]string{} // version -> GOPROXY URL
)

// moduleProxy returns a GOPROXY value (file://...) serving this checkout
// as github.com/eventlint/eventlint@version, the module zip made as the
// go command makes it: the module's files without nested modules (the
// example and testdata modules) and without dot directories.
func moduleProxy(t *testing.T, version string) string {
	t.Helper()
	proxyMu.Lock()
	defer proxyMu.Unlock()
	if url, ok := proxyDirs[version]; ok {
		return url
	}
	root := testutil.RepoRoot(t)
	// Under the directory TestMain removes at the end, shared by the tests.
	dir := filepath.Join(filepath.Dir(eventlint), "proxy-"+version)
	at := filepath.Join(dir, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"list":            version + "\n",
		version + ".info": fmt.Sprintf(`{"Version":%q,"Time":"2026-01-02T15:04:05Z"}`, version),
		version + ".mod":  string(gomod),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(at, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := os.Create(filepath.Join(at, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for _, rel := range moduleFiles(t) {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(modulePath + "@" + version + "/" + filepath.ToSlash(rel))
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			t.Fatalf("making the module zip: %v", err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(dir)
	if runtime.GOOS == "windows" {
		url = "file:///" + filepath.ToSlash(dir)
	}
	proxyDirs[version] = url
	return url
}

// proxyEnv is the environment of a go command that takes eventlint from
// proxy and its dependencies from the module cache (whose download
// directory is itself a module proxy), into a module cache of the test
// run's own, shared by its tests and removed by TestMain: the fake
// release must not land in the real one. The checksum database
// knows neither the fake release nor, offline, anything else
// (GOSUMDB=off: a user's go install checks every module against it);
// -modcacherw lets the test remove the module cache.
func proxyEnv(t *testing.T, proxy, gobin string) []string {
	t.Helper()
	modcache := strings.TrimSpace(goCmd(t, ".", "env", "GOMODCACHE"))
	download := "file://" + filepath.ToSlash(filepath.Join(modcache, "cache", "download"))
	if runtime.GOOS == "windows" {
		download = "file:///" + filepath.ToSlash(filepath.Join(modcache, "cache", "download"))
	}
	return append(os.Environ(),
		"GOPROXY="+proxy+","+download, "GOSUMDB=off", "GOFLAGS=-modcacherw",
		"GOMODCACHE="+filepath.Join(filepath.Dir(eventlint), "gomodcache"), "GOBIN="+gobin, "GOWORK=off")
}

// runEnv is runCmd with the environment env (runCmd's is os.Environ()).
func runEnv(t *testing.T, cmd *exec.Cmd, dir string, env []string) result {
	t.Helper()
	cmd.Dir, cmd.Env = dir, env
	var r result
	r.code, r.stdout, r.stderr = testutil.Run(t, cmd)
	return r
}

// moduleFiles lists the files of this checkout that belong to the
// module, as a module zip holds them: no nested modules (the example and
// testdata modules), no dot directories, no .git file (a worktree's), no
// binary built at the root.
func moduleFiles(t *testing.T) []string {
	t.Helper()
	root := testutil.RepoRoot(t)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if path == root {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if d.Name() == ".git" {
			return nil // a git worktree's link to its repository: never copy it
		}
		if d.Type().IsRegular() && rel != "eventlint" && rel != "eventlint.exe" {
			files = append(files, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// versionInfo runs the binary's -version and go version -m on it.
func versionInfo(t *testing.T, bin string) (version, buildInfo string) {
	t.Helper()
	r := runCmd(t, exec.Command(bin, "-version"), t.TempDir())
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("%s -version: exit %d\n%s%s", bin, r.code, r.stdout, r.stderr)
	}
	m := runCmd(t, exec.Command("go", "version", "-m", bin), t.TempDir())
	if m.code != 0 {
		t.Fatalf("go version -m %s: exit %d\n%s", bin, m.code, m.stderr)
	}
	return r.stdout, m.stdout
}

// checkBuildInfo checks go version -m output: the command's package path
// and the eventlint module at version (a regexp), with a checksum when
// the module came from a proxy.
func checkBuildInfo(t *testing.T, info, version string, sum bool) {
	t.Helper()
	want := []string{
		`(?m)^\tpath\t` + regexp.QuoteMeta(modulePath) + `/cmd/eventlint$`,
		`(?m)^\tdep\tgolang\.org/x/tools\tv\S+\th1:\S+$`,
	}
	if sum {
		want = append(want, `(?m)^\tmod\t`+regexp.QuoteMeta(modulePath)+`\t`+version+`\th1:\S+=$`)
	} else {
		want = append(want, `(?m)^\tmod\t`+regexp.QuoteMeta(modulePath)+`\t`+version+`\t*$`)
	}
	for _, re := range want {
		if !regexp.MustCompile(re).MatchString(info) {
			t.Errorf("go version -m output lacks %s:\n%s", re, info)
		}
	}
}

func versionLine(version string) string {
	return `^eventlint ` + version + ` \(` + regexp.QuoteMeta(runtime.Version()) + ` ` + runtime.GOOS + `/` + runtime.GOARCH + `\)\n$`
}

func TestVersionBuildInfo(t *testing.T) {
	t.Parallel()
	root := testutil.RepoRoot(t)
	exe := ""
	if runtime.GOOS == "windows" {
		exe = ".exe"
	}

	t.Run("go build", func(t *testing.T) {
		t.Parallel()
		bin := filepath.Join(t.TempDir(), "eventlint"+exe)
		goCmd(t, root, "build", "-buildvcs=false", "-o", bin, "./cmd/eventlint")
		v, info := versionInfo(t, bin)
		t.Logf("%s%s", v, info)
		if !regexp.MustCompile(versionLine(`\(devel\)`)).MatchString(v) {
			t.Errorf("-version: %q, want eventlint (devel) (...)", v)
		}
		checkBuildInfo(t, info, `\(devel\)`, false)
	})

	t.Run("go install from the checkout", func(t *testing.T) {
		t.Parallel()
		gobin := t.TempDir()
		install := exec.Command("go", "install", "./cmd/eventlint")
		if r := runEnv(t, install, root, append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=-buildvcs=false", "GOWORK=off")); r.code != 0 {
			t.Fatalf("go install ./cmd/eventlint: exit %d\n%s", r.code, r.stderr)
		}
		v, info := versionInfo(t, filepath.Join(gobin, "eventlint"+exe))
		t.Logf("%s%s", v, info)
		if !regexp.MustCompile(versionLine(`\(devel\)`)).MatchString(v) {
			t.Errorf("-version: %q, want eventlint (devel) (...)", v)
		}
		checkBuildInfo(t, info, `\(devel\)`, false)
	})

	t.Run("go build with VCS stamping", func(t *testing.T) {
		// Go 1.24 and later stamp a binary built in a git checkout with
		// a pseudo-version of the commit (+dirty with local changes).
		t.Parallel()
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("no git")
		}
		if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
			t.Skip("not a git checkout")
		}
		bin := filepath.Join(t.TempDir(), "eventlint"+exe)
		goCmd(t, root, "build", "-buildvcs=true", "-o", bin, "./cmd/eventlint")
		v, info := versionInfo(t, bin)
		t.Logf("%s%s", v, info)
		if !strings.Contains(info, "\tbuild\tvcs=git\n") {
			// The go command looks for a .git directory: a git worktree,
			// whose .git is a file, gets no VCS stamp.
			t.Skip("the go command did not stamp VCS information")
		}
		pseudo := `v\d+\.\d+\.\d+-(?:\S+\.)?\d{14}-[0-9a-f]{12}(?:\+dirty)?`
		if !regexp.MustCompile(versionLine(pseudo)).MatchString(v) {
			t.Errorf("-version: %q, want eventlint <pseudo-version> (...)", v)
		}
		checkBuildInfo(t, info, pseudo, false)
	})

	t.Run("go install @version", func(t *testing.T) {
		t.Parallel()
		if testing.Short() {
			t.Skip("builds eventlint from a module zip: skipped under -short")
		}
		const version = "v0.1.0"
		gobin := t.TempDir()
		install := exec.Command("go", "install", modulePath+"/cmd/eventlint@"+version)
		// Outside any module, as in a CI job before checkout.
		if r := runEnv(t, install, t.TempDir(), proxyEnv(t, moduleProxy(t, version), gobin)); r.code != 0 {
			t.Fatalf("go install %s/cmd/eventlint@%s: exit %d\n%s", modulePath, version, r.code, r.stderr)
		}
		v, info := versionInfo(t, filepath.Join(gobin, "eventlint"+exe))
		t.Logf("%s%s", v, info)
		if !regexp.MustCompile(versionLine(regexp.QuoteMeta(version))).MatchString(v) {
			t.Errorf("-version: %q, want eventlint %s (...)", v, version)
		}
		checkBuildInfo(t, info, regexp.QuoteMeta(version), true)
	})
}
