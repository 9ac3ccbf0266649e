package driver

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixSrc = `package p

import "fmt"

func f() {
	fmt.Println("a") // one
	fmt.Println("bb") // two
}
`

// at returns the position of the n-th (0-based) occurrence of sub in src.
func at(t *testing.T, file, src, sub string, n int) Position {
	t.Helper()
	off := -1
	for range n + 1 {
		i := strings.Index(src[off+1:], sub)
		if i < 0 {
			t.Fatalf("%q occurs fewer than %d times", sub, n+1)
		}
		off += 1 + i
	}
	line := 1 + strings.Count(src[:off], "\n")
	col := off - strings.LastIndexByte(src[:off], '\n')
	return Position{File: file, Offset: off, Line: line, Column: col, Char: col}
}

func after(p Position, n int) Position {
	p.Offset += n
	p.Column += n
	p.Char += n
	return p
}

func finding(id string, fixes ...Fix) Finding {
	return Finding{CheckID: id, Message: id + " message", Fixes: fixes}
}

func replace(t *testing.T, file, src, old string, n int, text string) Edit {
	start := at(t, file, src, old, n)
	return Edit{Start: start, End: after(start, len(old)), NewText: text}
}

func insert(t *testing.T, file, src, before string, text string) Edit {
	p := at(t, file, src, before, 0)
	return Edit{Start: p, End: p, NewText: text}
}

func readerOf(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		s, ok := files[name]
		if !ok {
			return nil, os.ErrNotExist
		}
		return []byte(s), nil
	}
}

func TestPlanFixes(t *testing.T) {
	const file = "/src/p/p.go"
	files := map[string]string{file: fixSrc}
	importStrings := insert(t, file, fixSrc, `import "fmt"`, "import \"strings\"\n")

	plan, err := PlanFixes([]Finding{
		finding("EL0002", Fix{Message: "shout", Edits: []Edit{replace(t, file, fixSrc, `"a"`, 0, `strings.ToUpper("a")`), importStrings}}),
		finding("EL0003"), // no fix
		// The same import again, and a replacement right after the first
		// one: both fine.
		finding("EL0002", Fix{Message: "shout", Edits: []Edit{replace(t, file, fixSrc, `"bb"`, 0, `strings.ToUpper("bb")`), importStrings}}),
		// Only a finding's first fix is applied.
		finding("EL0004", Fix{Message: "first", Edits: []Edit{replace(t, file, fixSrc, "// one", 0, "// first")}},
			Fix{Message: "second", Edits: []Edit{replace(t, file, fixSrc, "// one", 0, "// second")}}),
	}, readerOf(files))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Files) != 1 || plan.Files[0].File != file || string(plan.Files[0].Old) != fixSrc {
		t.Fatalf("plan files = %+v, want one for %s", plan.Files, file)
	}
	// gofmt merged the two import declarations' alignment and realigned
	// the trailing comments.
	want := `package p

import "strings"
import "fmt"

func f() {
	fmt.Println(strings.ToUpper("a"))  // first
	fmt.Println(strings.ToUpper("bb")) // two
}
`
	if got := string(plan.Files[0].New); got != want {
		t.Errorf("fixed file:\n%s\nwant:\n%s", got, want)
	}
	if len(plan.Fixed) != 3 || len(plan.Unfixed) != 1 || plan.Unfixed[0].CheckID != "EL0003" {
		t.Errorf("fixed %d, unfixed %+v; want 3 fixed and EL0003 unfixed", len(plan.Fixed), plan.Unfixed)
	}
}

func TestPlanFixesInsertionsKeepOrder(t *testing.T) {
	const file = "/src/p/p.go"
	p := at(t, file, fixSrc, `import "fmt"`, 0)
	plan, err := PlanFixes([]Finding{
		finding("EL0002", Fix{Message: "a", Edits: []Edit{{Start: p, End: p, NewText: "import \"os\"\n"}}}),
		finding("EL0002", Fix{Message: "b", Edits: []Edit{{Start: p, End: p, NewText: "import \"io\"\n"}}}),
	}, readerOf(map[string]string{file: fixSrc}))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(plan.Files[0].New); !strings.Contains(got, "import \"os\"\nimport \"io\"\nimport \"fmt\"\n") {
		t.Errorf("insertions at one point not in finding order:\n%s", got)
	}
}

func TestPlanFixesConflict(t *testing.T) {
	const file = "/src/p/p.go"
	for _, tc := range []struct {
		name string
		a, b Edit
	}{
		{"same range, other text", replace(t, file, fixSrc, `"a"`, 0, `"x"`), replace(t, file, fixSrc, `"a"`, 0, `"y"`)},
		{"overlapping ranges", replace(t, file, fixSrc, `Println("a")`, 0, `Print()`), replace(t, file, fixSrc, `"a") // one`, 0, `"b"`)},
		{"insertion inside a replacement", replace(t, file, fixSrc, `Println("a")`, 0, `Print()`), insert(t, file, fixSrc, `"a"`, "x, ")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := PlanFixes([]Finding{
				finding("EL2002", Fix{Message: "one", Edits: []Edit{tc.a}}),
				finding("EL3001", Fix{Message: "two", Edits: []Edit{tc.b}}),
			}, readerOf(map[string]string{file: fixSrc}))
			var ce *FixConflictError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *FixConflictError", err)
			}
			msg := err.Error()
			for _, want := range []string{"conflicting fixes in " + file, `EL2002 fix "one" (6:`, `EL3001 fix "two" (6:`, "nothing was changed"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not contain %q", msg, want)
				}
			}
		})
	}
}

func TestPlanFixesErrors(t *testing.T) {
	const file = "/src/p/p.go"
	read := readerOf(map[string]string{file: fixSrc})

	broken := replace(t, file, fixSrc, `"a")`, 0, `"a"`)
	if _, err := PlanFixes([]Finding{finding("EL2002", Fix{Message: "m", Edits: []Edit{broken}})}, read); err == nil || !strings.Contains(err.Error(), "unparsable") {
		t.Errorf("fix breaking the syntax: err = %v, want an unparsable error", err)
	}

	past := Edit{Start: Position{File: file, Offset: len(fixSrc) + 5}, End: Position{File: file, Offset: len(fixSrc) + 6}}
	if _, err := PlanFixes([]Finding{finding("EL2002", Fix{Message: "m", Edits: []Edit{past}})}, read); err == nil || !strings.Contains(err.Error(), "changed since it was analysed") {
		t.Errorf("edit past the end: err = %v, want a changed-file error", err)
	}

	missing := Edit{Start: Position{File: "/src/p/gone.go"}, End: Position{File: "/src/p/gone.go"}}
	if _, err := PlanFixes([]Finding{finding("EL2002", Fix{Message: "m", Edits: []Edit{missing}})}, read); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want it to wrap os.ErrNotExist", err)
	}
}

func TestFixPlanWriteAndDiff(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.go")
	if err := os.WriteFile(file, []byte(fixSrc), 0o600); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanFixes([]Finding{
		finding("EL2002", Fix{Message: "m", Edits: []Edit{replace(t, file, fixSrc, `"bb"`, 0, `"b"`)}}),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var diff strings.Builder
	if err := plan.Diff(&diff, &Output{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	wantDiff := `--- a/p.go
+++ b/p.go
@@ -4,5 +4,5 @@
 
 func f() {
 	fmt.Println("a") // one
-	fmt.Println("bb") // two
+	fmt.Println("b") // two
 }
`
	if diff.String() != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", diff.String(), wantDiff)
	}
	if data, _ := os.ReadFile(file); string(data) != fixSrc {
		t.Fatal("Diff changed the file")
	}
	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "fmt.Println(\"b\") // two\n") {
		t.Errorf("written file:\n%s", data)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after Write = %v, %v; want 0600 kept", fi.Mode().Perm(), err)
	}
}
