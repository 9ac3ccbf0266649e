package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreDirective suppresses eventlint findings on a line:
//
//	bus.Emit(ctx, "Legacy", nil) //eventlint:ignore EL1001 consumed by billing, renamed in Q3
//
// At the end of a line it covers that line; alone on a line it covers the
// next one. The reason is required; check IDs (comma- or space-separated,
// before the reason) narrow it to those checks.
const IgnoreDirective = "//eventlint:ignore"

var checkIDPattern = regexp.MustCompile(`^EL[0-9]{4}$`)

// fileInfo is what reporting needs to know about one file.
type fileInfo struct {
	generated bool
	ignores   map[int][]ignore // by the line they cover
	bad       []badDirective
}

type ignore struct {
	ids []string // empty: every check
}

type badDirective struct {
	pos token.Pos
	msg string
}

// indexFiles reads the generated-file markers and ignore directives of
// the package's files.
func indexFiles(pass *analysis.Pass) map[string]*fileInfo {
	files := map[string]*fileInfo{}
	for _, f := range pass.Files {
		fi := &fileInfo{generated: ast.IsGenerated(f)}
		files[pass.Fset.File(f.FileStart).Name()] = fi
		var directives []*ast.Comment
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if c.Text == IgnoreDirective || strings.HasPrefix(c.Text, IgnoreDirective+" ") {
					directives = append(directives, c)
				}
			}
		}
		if len(directives) == 0 {
			continue
		}
		trailing := trailingComments(pass.Fset, f, directives)
		fi.ignores = map[int][]ignore{}
		for _, c := range directives {
			ig, msg := parseIgnore(c.Text)
			if msg != "" {
				fi.bad = append(fi.bad, badDirective{pos: c.Pos(), msg: msg})
				continue
			}
			line := pass.Fset.Position(c.Pos()).Line
			if !trailing[c] {
				line++ // alone on its line: covers the next one
			}
			fi.ignores[line] = append(fi.ignores[line], ig)
		}
	}
	return files
}

// parseIgnore parses an ignore directive, returning a message when it is
// malformed.
func parseIgnore(text string) (ignore, string) {
	words := strings.Fields(strings.ReplaceAll(strings.TrimPrefix(text, IgnoreDirective), ",", ", "))
	var ig ignore
	for len(words) > 0 {
		w := strings.TrimSuffix(words[0], ",")
		if !checkIDPattern.MatchString(w) {
			break
		}
		if CheckByID(w) == nil {
			return ig, fmt.Sprintf("ignore directive names unknown check %s: see eventlint -list for the check IDs", w)
		}
		ig.ids = append(ig.ids, w)
		words = words[1:]
	}
	if len(words) == 0 {
		return ig, "ignore directive needs a reason: write " + IgnoreDirective + " [check IDs] <why this is fine>"
	}
	return ig, ""
}

// trailingComments reports which of the comments follow code on their line.
func trailingComments(fset *token.FileSet, f *ast.File, comments []*ast.Comment) map[*ast.Comment]bool {
	lines := map[int]*ast.Comment{}
	for _, c := range comments {
		lines[fset.Position(c.Pos()).Line] = c
	}
	trailing := map[*ast.Comment]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false // comments are not code
		}
		if _, ok := n.(*ast.Comment); ok {
			return false
		}
		if c, ok := lines[fset.Position(n.Pos()).Line]; ok && n.Pos() < c.Pos() {
			trailing[c] = true
		}
		return true
	})
	return trailing
}

// suppressed reports whether a finding of check at pos is not to be
// reported: it lies in a generated file or on a line an ignore directive
// covers.
func (r *Result) suppressed(fset *token.FileSet, check *Check, pos token.Pos) bool {
	position := fset.Position(pos)
	fi := r.files[position.Filename]
	if fi == nil {
		return false
	}
	if fi.generated {
		return true
	}
	for _, ig := range fi.ignores[position.Line] {
		if len(ig.ids) == 0 || containsString(ig.ids, check.ID) {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Report reports a finding of check at pos unless it is suppressed. Every
// eventlint finding goes through here, so categories, links, generated
// files and ignore directives are handled in one place.
func (r *Result) Report(pass *analysis.Pass, check *Check, pos token.Pos, fixes []analysis.SuggestedFix, format string, args ...any) {
	if r.suppressed(pass.Fset, check, pos) {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:            pos,
		Category:       check.ID,
		URL:            check.URL(),
		Message:        fmt.Sprintf(format, args...),
		SuggestedFixes: fixes,
	})
}

// reportBadDirectives reports malformed ignore directives (check EL0001).
func (r *Result) reportBadDirectives(pass *analysis.Pass) {
	for _, fi := range r.files {
		if fi.generated {
			continue
		}
		for _, b := range fi.bad {
			pass.Report(analysis.Diagnostic{
				Pos:      b.pos,
				Category: CheckIgnoreDirective.ID,
				URL:      CheckIgnoreDirective.URL(),
				Message:  b.msg,
			})
		}
	}
}
