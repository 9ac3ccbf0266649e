package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"io"
	"os"
	"slices"
	"strings"
)

// FixPlan is the outcome of merging the suggested fixes of a set of
// findings: the new content of every file they edit. Nothing is written
// until Write.
type FixPlan struct {
	Files []*FileFix // sorted by file name
	// Fixed are the findings whose fix the plan applies; Unfixed those
	// that have none.
	Fixed, Unfixed []Finding
}

// FileFix is the old and new content of one file.
type FileFix struct {
	File     string // absolute file name
	Old, New []byte
}

// FixConflictError reports two fixes that edit overlapping text of one
// file. Applying either alone is fine; applying both is not defined, so
// eventlint applies neither and writes nothing.
type FixConflictError struct {
	File string
	A, B string // "EL2002 fix \"use events.X\" (12:5-12:20)"
}

func (e *FixConflictError) Error() string {
	return fmt.Sprintf("conflicting fixes in %s: %s overlaps %s; nothing was changed: fix one by hand and run eventlint -fix again", e.File, e.A, e.B)
}

// edit is an Edit with the finding it comes from.
type edit struct {
	Edit
	finding *Finding
	fix     *Fix
}

func (e *edit) describe() string {
	return fmt.Sprintf("%s fix %q (%d:%d-%d:%d)", e.finding.CheckID, e.fix.Message,
		e.Start.Line, e.Start.Column, e.End.Line, e.End.Column)
}

// PlanFixes merges the first suggested fix of each finding into new file
// contents. Identical edits (two findings adding the same import) are
// applied once; insertions at one point are applied in finding order;
// edits whose ranges overlap are refused with a *FixConflictError. Edited
// Go files are formatted with go/format, and a fix that leaves a Go file
// unparsable is an error. read reads a file's current content; nil means
// os.ReadFile.
func PlanFixes(findings []Finding, read func(string) ([]byte, error)) (*FixPlan, error) {
	if read == nil {
		read = os.ReadFile
	}
	plan := new(FixPlan)
	byFile := map[string][]*edit{}
	for i := range findings {
		f := &findings[i]
		if len(f.Fixes) == 0 {
			plan.Unfixed = append(plan.Unfixed, *f)
			continue
		}
		// Like go vet -fix: the first fix is the one the analyzer
		// recommends; the others are alternatives for an editor to offer.
		fix := &f.Fixes[0]
		for _, e := range fix.Edits {
			byFile[e.Start.File] = append(byFile[e.Start.File], &edit{Edit: e, finding: f, fix: fix})
		}
		plan.Fixed = append(plan.Fixed, *f)
	}
	for _, file := range sortedKeys(byFile) {
		old, err := read(file)
		if err != nil {
			return nil, fmt.Errorf("reading %s to fix it: %w", file, err)
		}
		newContent, err := applyEdits(file, old, byFile[file])
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(file, ".go") {
			formatted, err := format.Source(newContent)
			if err != nil {
				return nil, fmt.Errorf("the fixes for %s leave it unparsable (%w); nothing was changed: please report this at https://github.com/eventlint/eventlint/issues", file, err)
			}
			newContent = formatted
		}
		if !bytes.Equal(old, newContent) {
			plan.Files = append(plan.Files, &FileFix{File: file, Old: old, New: newContent})
		}
	}
	return plan, nil
}

// applyEdits applies edits to content.
func applyEdits(file string, content []byte, edits []*edit) ([]byte, error) {
	slices.SortStableFunc(edits, func(a, b *edit) int {
		return cmp.Or(cmp.Compare(a.Start.Offset, b.Start.Offset), cmp.Compare(a.End.Offset, b.End.Offset))
	})
	// Drop repeated identical edits, wherever they are among the
	// insertions at the same point.
	type key struct {
		start, end int
		text       string
	}
	seen := map[key]bool{}
	edits = slices.DeleteFunc(edits, func(e *edit) bool {
		k := key{e.Start.Offset, e.End.Offset, e.NewText}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})

	var b bytes.Buffer
	b.Grow(len(content))
	pos := 0       // content[:pos] is handled
	var last *edit // the edit reaching furthest so far
	for _, e := range edits {
		if e.Start.Offset < 0 || e.End.Offset < e.Start.Offset || e.End.Offset > len(content) {
			return nil, fmt.Errorf("%s changed since it was analysed (a fix reaches past its end); nothing was changed: run eventlint again", file)
		}
		if last != nil && e.Start.Offset < last.End.Offset {
			return nil, &FixConflictError{File: file, A: last.describe(), B: e.describe()}
		}
		b.Write(content[pos:e.Start.Offset])
		b.WriteString(e.NewText)
		pos = e.End.Offset
		last = e
	}
	b.Write(content[pos:])
	return b.Bytes(), nil
}

// Write writes the new contents, keeping each file's permissions. It
// stops at the first error.
func (p *FixPlan) Write() error {
	for _, f := range p.Files {
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(f.File); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(f.File, f.New, mode); err != nil {
			return fmt.Errorf("writing fixes: %w", err)
		}
	}
	return nil
}

// Diff writes the plan as a unified diff, file names relative to out.Dir
// with a/ and b/ prefixes (git apply takes it as is).
func (p *FixPlan) Diff(w io.Writer, out *Output) error {
	for _, f := range p.Files {
		name := out.rel(f.File)
		if _, err := io.WriteString(w, UnifiedDiff("a/"+name, "b/"+name, f.Old, f.New)); err != nil {
			return err
		}
	}
	return nil
}
