package driver

import (
	"bytes"

	"github.com/rogpeppe/go-internal/diff"
)

// UnifiedDiff returns the unified diff (3 lines of context) that turns
// old into new, with the given file labels, or "" when they are equal.
// A last line without a newline is marked as diff(1) does.
//
// The diff is the anchored one of Go's own tools (gofmt -d), through
// go-internal's copy of it: it matches lines that occur once on both sides
// first, so a fix's hunk is not stretched over unrelated blank lines or
// braces, and it runs in O(n log n) time.
func UnifiedDiff(oldLabel, newLabel string, old, new []byte) string {
	d := diff.Diff(oldLabel, old, newLabel, new)
	if d == nil {
		return ""
	}
	// The library starts with a "diff OLD NEW" line, as gofmt -d does.
	// It is not part of the unified format; dropping it keeps the output
	// starting at the "---" line, as the documentation shows it.
	_, d, _ = bytes.Cut(d, []byte("\n"))
	return string(d)
}
