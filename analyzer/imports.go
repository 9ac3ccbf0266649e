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
	case last.Lparen.IsValid():
		return []analysis.TextEdit{{Pos: last.Rparen, End: last.Rparen, NewText: []byte("\t" + spec + "\n")}}
	default:
		// import "x" becomes import ("x"; spec) so gofmt-stable output
		// needs no further formatting.
		old := last.Specs[0].(*ast.ImportSpec)
		text := "import (\n\t" + specText(old) + "\n\t" + spec + "\n)"
		return []analysis.TextEdit{{Pos: last.Pos(), End: last.End(), NewText: []byte(text)}}
	}
}

func specText(s *ast.ImportSpec) string {
	var b strings.Builder
	if s.Name != nil {
		b.WriteString(s.Name.Name + " ")
	}
	b.WriteString(s.Path.Value)
	return b.String()
}
