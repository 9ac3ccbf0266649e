package catalogue

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Revision is a copy of a git revision's tree, extracted outside the
// working tree.
type Revision struct {
	Commit string // the full commit hash the ref resolved to
	// Dir is the directory of the copy that corresponds to the directory
	// ExtractRevision was given: load the same patterns there.
	Dir  string
	temp string
}

// Remove deletes the copy.
func (r *Revision) Remove() error {
	if r == nil || r.temp == "" {
		return nil
	}
	if err := os.RemoveAll(r.temp); err != nil {
		return fmt.Errorf("removing the copy of %s: %w", r.Commit, err)
	}
	return nil
}

// ExtractRevision copies the whole tree of the repository containing dir,
// as of ref, into a temporary directory. Copying the repository root, not
// only the module, keeps relative replace directives (=> ../..) and
// go.work files of that revision working.
//
// It never touches the working tree, the index or the refs: the tree is
// read into a temporary index file (GIT_INDEX_FILE) and checked out from
// there with checkout-index --prefix. Unlike git archive, that ignores
// export-ignore attributes, which would leave out files the build needs.
// Submodules are not extracted.
func ExtractRevision(dir, ref string) (*Revision, error) {
	if ref == "" || strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("invalid git revision %q", ref)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("resolving %s: %w", dir, err)
	}
	top, err := git(abs, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git repository (-against compares with a git revision): %w", abs, err)
	}
	// The prefix, rather than a path computed from top, is right when dir
	// is reached through a symbolic link.
	prefix, err := git(abs, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, fmt.Errorf("finding %s in the repository: %w", abs, err)
	}
	commit, err := git(abs, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("unknown git revision %q in %s", ref, top)
	}

	temp, err := os.MkdirTemp("", "eventlint-against-")
	if err != nil {
		return nil, fmt.Errorf("creating a directory for %s: %w", ref, err)
	}
	rev := &Revision{Commit: commit, temp: temp}
	tree := filepath.Join(temp, "tree") + string(filepath.Separator)
	env := []string{"GIT_INDEX_FILE=" + filepath.Join(temp, "index")}
	if _, err := git(top, env, "read-tree", commit); err != nil {
		return nil, errors.Join(fmt.Errorf("reading the tree of %s: %w", ref, err), rev.Remove())
	}
	if _, err := git(top, env, "checkout-index", "--all", "--force", "--prefix="+tree); err != nil {
		return nil, errors.Join(fmt.Errorf("extracting %s: %w", ref, err), rev.Remove())
	}
	rev.Dir = filepath.Join(tree, filepath.FromSlash(prefix))
	if fi, err := os.Stat(rev.Dir); err != nil || !fi.IsDir() {
		return nil, errors.Join(fmt.Errorf("directory %s does not exist at %s", filepath.ToSlash(strings.TrimSuffix(prefix, "/")), ref), rev.Remove())
	}
	return rev, nil
}

// git runs git in dir and returns its output without the trailing
// newline, or an error with its stderr.
func git(dir string, env []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git %s: %s", args[0], msg)
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return strings.TrimSuffix(stdout.String(), "\n"), nil
}
