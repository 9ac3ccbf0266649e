package driver

import (
	"fmt"
	"strings"
)

// UnifiedDiff returns the unified diff (3 lines of context) that turns
// old into new, with the given file labels, or "" when they are equal.
// A last line without a newline is marked as diff(1) does.
//
// It is a line diff by Myers' O((N+M)D) algorithm: fixes change few
// lines, so D is small, and the memory kept for the path is O(D²).
func UnifiedDiff(oldLabel, newLabel string, old, new []byte) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := diffLines(a, b)
	hunks := groupHunks(ops, 3)
	if len(hunks) == 0 {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldLabel, newLabel)
	for _, h := range hunks {
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(h.aStart, h.aLen), hunkRange(h.bStart, h.bLen))
		for _, op := range h.ops {
			var line string
			switch op.kind {
			case opEqual:
				line = " " + a[op.a]
			case opDelete:
				line = "-" + a[op.a]
			case opInsert:
				line = "+" + b[op.b]
			}
			sb.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return sb.String()
}

// hunkRange formats a hunk's line range: "start,len", with the start of
// an empty range being the line before it, as diff -u writes it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s after each newline; the last line may lack one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

type opKind int

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// op is one line of the edit script: a[a] kept or deleted, or b[b]
// inserted.
type op struct {
	kind opKind
	a, b int
}

// diffLines returns a shortest edit script from a to b.
func diffLines(a, b []string) []op {
	n, m := len(a), len(b)
	total := n + m
	off := total + 1
	v := make([]int, 2*total+3)
	// trace[d] holds v[off-d .. off+d] as it was before step d.
	var trace [][]int
	var d int
search:
	for d = 0; d <= total; d++ {
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insertion
			} else {
				x = v[off+k-1] + 1 // right: deletion
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				break search
			}
		}
	}

	// Walk back from (n, m) through the saved frontiers.
	var rev []op
	x, y := n, m
	for ; d > 0; d-- {
		prev := trace[d] // v before step d, i.e. after step d-1, indexed from -d
		at := func(k int) int { return prev[k+d] }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			rev = append(rev, op{opEqual, x, y})
		}
		if x == px {
			y--
			rev = append(rev, op{kind: opInsert, a: x, b: y})
		} else {
			x--
			rev = append(rev, op{kind: opDelete, a: x, b: y})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		rev = append(rev, op{opEqual, x, y})
	}
	ops := make([]op, len(rev))
	for i, o := range rev {
		ops[len(rev)-1-i] = o
	}
	return ops
}

type hunk struct {
	aStart, aLen, bStart, bLen int
	ops                        []op
}

// groupHunks cuts the edit script into hunks with ctx lines of context,
// merging changes that are closer than 2*ctx lines.
func groupHunks(ops []op, ctx int) []hunk {
	var hunks []hunk
	i := 0
	for i < len(ops) {
		// Find the next change.
		for i < len(ops) && ops[i].kind == opEqual {
			i++
		}
		if i == len(ops) {
			break
		}
		// Hunks are more than 2*ctx lines apart, so this context does
		// not reach back into the previous hunk.
		start := max(0, i-ctx)
		// Extend through changes separated by at most 2*ctx equal lines.
		end := i
		for end < len(ops) {
			if ops[end].kind != opEqual {
				end++
				continue
			}
			j := end
			for j < len(ops) && ops[j].kind == opEqual {
				j++
			}
			if j == len(ops) || j-end > 2*ctx {
				end = min(j, end+ctx)
				break
			}
			end = j
		}
		h := hunk{ops: ops[start:end]}
		h.aStart, h.bStart = ops[start].a, ops[start].b
		for _, o := range h.ops {
			switch o.kind {
			case opEqual:
				h.aLen++
				h.bLen++
			case opDelete:
				h.aLen++
			case opInsert:
				h.bLen++
			}
		}
		hunks = append(hunks, h)
		i = end
	}
	return hunks
}
