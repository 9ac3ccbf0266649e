package catalogue

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/internal/testutil"
)

// gitRepo makes a git repository in a temporary directory with the given
// files committed, and returns it.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	testutil.WriteFiles(t, dir, files)
	testutil.Git(t, dir, "init", "-q")
	testutil.Git(t, dir, "add", "-A")
	testutil.Git(t, dir, "commit", "-q", "-m", "first")
	return dir
}

func TestExtractRevision(t *testing.T) {
	t.Parallel()
	repo := gitRepo(t, map[string]string{
		"a.txt":          "one\n",
		"mod/b.txt":      "two\n",
		".gitattributes": "mod/b.txt export-ignore\n",
	})
	// A second commit, uncommitted and staged changes: the copy is the
	// first commit's tree, and none of them is touched.
	if err := os.WriteFile(filepath.Join(repo, "a.txt"), []byte("three\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testutil.Git(t, repo, "commit", "-q", "-am", "second")
	if err := os.WriteFile(filepath.Join(repo, "mod", "b.txt"), []byte("staged\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	testutil.Git(t, repo, "add", "mod/b.txt")
	if err := os.WriteFile(filepath.Join(repo, "a.txt"), []byte("dirty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	status := testutil.Git(t, repo, "status", "--porcelain")
	index, err := os.ReadFile(filepath.Join(repo, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}

	rev, err := ExtractRevision(filepath.Join(repo, "mod"), "HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	if len(rev.Commit) != 40 || filepath.Base(rev.Dir) != "mod" {
		t.Errorf("revision %+v", rev)
	}
	// export-ignore does not leave files out.
	for file, want := range map[string]string{filepath.Join(rev.Dir, "b.txt"): "two\n", filepath.Join(rev.Dir, "..", "a.txt"): "one\n"} {
		if got, err := os.ReadFile(file); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", file, got, err, want)
		}
	}
	if err := rev.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(rev.Dir); !os.IsNotExist(err) {
		t.Errorf("copy not removed: %v", err)
	}

	if got := testutil.Git(t, repo, "status", "--porcelain"); got != status {
		t.Errorf("git status changed:\n%s\nwant:\n%s", got, status)
	}
	if after, _ := os.ReadFile(filepath.Join(repo, ".git", "index")); string(after) != string(index) {
		t.Error("the index changed")
	}
	if got, _ := os.ReadFile(filepath.Join(repo, "a.txt")); string(got) != "dirty\n" {
		t.Errorf("working tree changed: a.txt = %q", got)
	}
}

func TestExtractRevisionErrors(t *testing.T) {
	t.Parallel()
	repo := gitRepo(t, map[string]string{"a.txt": "one\n"})
	if err := os.Mkdir(filepath.Join(repo, "new"), 0o755); err != nil {
		t.Fatal(err)
	}
	notRepo := t.TempDir()
	for _, tc := range []struct{ dir, ref, want string }{
		{notRepo, "HEAD", "is not in a git repository"},
		{repo, "nosuchref", `unknown git revision "nosuchref"`},
		{repo, "HEAD~5", `unknown git revision "HEAD~5"`},
		{repo, "--output=x", `invalid git revision "--output=x"`},
		{repo, "", `invalid git revision ""`},
		{filepath.Join(repo, "new"), "HEAD", "directory new does not exist at HEAD"},
	} {
		rev, err := ExtractRevision(tc.dir, tc.ref)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ExtractRevision(%s, %q) = %v, want error containing %q", tc.dir, tc.ref, err, tc.want)
		}
		if rev != nil {
			rev.Remove()
		}
	}
}
