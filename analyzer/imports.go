package analyzer

import (
	"go/ast"
	"go/token"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// importName returns the name under which file f refers to the package
// with import path pkgPath, and whether f imports it under a usable name
// (not blank, not dot).
func importName(f *ast.File, pkgPath, pkgName string) (string, bool) {
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != pkgPath {
			continue
		}
		if spec.Name == nil {
			return pkgName, true
		}
		if spec.Name.Name == "_" || spec.Name.Name == "." {
			continue
		}
		return spec.Name.Name, true
	}
	return "", false
}

// addImportEdit returns the edit that adds `name "pkgPath"` to file f (name
// may be "" or "_"), or nil when f already has that import. x/tools keeps
// its own helper internal, and astutil only edits the syntax tree, so the
// text edit is made here: into the last import declaration when there is
// one, else after the package clause.
func addImportEdit(fset *token.FileSet, f *ast.File, pkgPath, name string) []analysis.TextEdit {
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p != pkgPath {
			continue
		}
		if (spec.Name == nil && (name == "" || name == path.Base(pkgPath))) || (spec.Name != nil && spec.Name.Name == name) {
			return nil // already imported so
		}
	}
	spec := strconv.Quote(pkgPath)
	if name != "" {
		spec = name + " " + spec
	}
	var last *ast.GenDecl
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			last = gd
		}
	}
	switch {
	case last == nil:
		return []analysis.TextEdit{{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + spec)}}
	case last.Lparen.IsValid() && len(last.Specs) > 0:
		// Insert where gofmt's sorting would put it: in the group of the
		// import sharing the longest path prefix, before the first import
		// of that group that sorts after it, else on the line after the
		// group's last import.
		before, after := importPosition(fset, last, pkgPath, name == "_")
		if before != nil {
			return []analysis.TextEdit{{Pos: before.Pos(), End: before.Pos(), NewText: []byte(spec + "\n\t")}}
		}
		tf := fset.File(after.End())
		// Physical lines: //line directives must not move the edit.
		at := tf.LineStart(tf.PositionFor(after.End(), false).Line + 1)
		return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\t" + spec + "\n")}}
	case last.Lparen.IsValid():
		return []analysis.TextEdit{{Pos: last.Rparen, End: last.Rparen, NewText: []byte("\n\t" + spec + "\n")}}
	default:
		// import "x" becomes import ("x"; spec) so gofmt-stable output
		// needs no further formatting.
		old := last.Specs[0].(*ast.ImportSpec)
		specs := []string{specText(old), spec}
		if pkgPath < importPath(old) {
			specs[0], specs[1] = specs[1], specs[0]
		}
		text := "import (\n\t" + strings.Join(specs, "\n\t") + "\n)"
		return []analysis.TextEdit{{Pos: last.Pos(), End: last.End(), NewText: []byte(text)}}
	}
}

// importPosition returns the import of the parenthesised declaration gd
// before which to insert an import of pkgPath (blank or not), or, when it
// goes at the end of its group, the group's last import.
func importPosition(fset *token.FileSet, gd *ast.GenDecl, pkgPath string, blank bool) (before, after *ast.ImportSpec) {
	// Groups are runs of specs on consecutive lines.
	var groups [][]*ast.ImportSpec
	prevLine := -2
	for _, s := range gd.Specs {
		is := s.(*ast.ImportSpec)
		start := is.Pos()
		if is.Doc != nil {
			start = is.Doc.Pos()
		}
		if fset.Position(start).Line > prevLine+1 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], is)
		prevLine = fset.Position(is.End()).Line
	}
	// The best group shares the longest prefix with pkgPath; among equals,
	// one of standard-library imports for a standard-library import and
	// the others for the others, then one of blank imports for a blank
	// import (handler packages are often kept apart), then the later one.
	best, bestScore := groups[len(groups)-1], -1
	for _, g := range groups {
		for _, is := range g {
			score := 4 * commonPrefix(importPath(is), pkgPath)
			if isStd(importPath(is)) == isStd(pkgPath) {
				score += 2
			}
			if (is.Name != nil && is.Name.Name == "_") == blank {
				score++
			}
			if score >= bestScore {
				best, bestScore = g, score
			}
		}
	}
	for _, is := range best {
		if importPath(is) > pkgPath {
			return is, nil
		}
	}
	return nil, best[len(best)-1]
}

func importPath(is *ast.ImportSpec) string {
	p, _ := strconv.Unquote(is.Path.Value)
	return p
}

// isStd reports whether path looks like a standard-library import path:
// no dot in its first element.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func specText(s *ast.ImportSpec) string {
	var b strings.Builder
	if s.Name != nil {
		b.WriteString(s.Name.Name + " ")
	}
	b.WriteString(s.Path.Value)
	return b.String()
}
