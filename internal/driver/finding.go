package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"os"
	"slices"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/eventlint/eventlint/analyzer"
)

// Finding is one diagnostic of an eventlint check, in a form the output
// formats and the fix applier share.
type Finding struct {
	Pos      Position
	End      Position // End.Line is 0 when the analyzer gave no end
	Check    *analyzer.Check
	CheckID  string // Check.ID, or the diagnostic's category if it names no check
	Analyzer string
	Message  string
	URL      string
	Fixes    []Fix
}

// Position is a place in a source file.
type Position struct {
	File   string // absolute file name
	Offset int    // byte offset, 0-based
	Line   int    // 1-based
	Column int    // 1-based, in bytes (as the Go toolchain counts)
	Char   int    // 1-based column in Unicode code points (as SARIF and editors count)
}

// Fix is a suggested fix of a finding.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes [Start.Offset, End.Offset) of Start.File with
// NewText; Start == End inserts.
type Edit struct {
	Start, End Position
	NewText    string
}

// Analyze runs the suite over the program (phase 2 of the standalone
// driver): it gives the suite the program's module view and returns the
// findings of the enabled analyzers on the program's packages, without
// duplicates, sorted by file, line, column and check ID. enabled filters
// suite.Analyzers(); nil means all of them.
func (p *Program) Analyze(suite *analyzer.Suite, enabled func(*analysis.Analyzer) bool) ([]Finding, error) {
	suite.SetModule(p.Module)
	var as []*analysis.Analyzer
	for _, a := range suite.Analyzers() {
		if enabled == nil || enabled(a) {
			as = append(as, a)
		}
	}
	if len(as) == 0 {
		return nil, nil
	}
	return p.run(as)
}

// run analyses the program's packages with as and collects their findings.
//
// Phase 2 does not run analyzer.Model again: the analyzers get the result
// Model gave each package in phase 1 (guard.replay), and since nothing
// then uses facts, the checker runs each package on its own, without
// actions for its dependencies. (Phase 1 cannot be skipped or merged
// into phase 2: the module view the suite needs is built from the Model
// results of every package, so they must all exist before any check runs.)
// Analyzers that use facts of their own get Model run again, as they need
// it on dependencies, whose phase 1 results are not kept.
//
// Only the packages that can reach the bus are analysed (Program.analysed):
// no eventlint check reports anything in the others.
func (p *Program) run(as []*analysis.Analyzer) ([]Finding, error) {
	g := newGuard()
	if !usesFacts(as) {
		g.replay = p.model
	}
	graph, err := checker.Analyze(g.wrapAll(as), p.analysed, nil)
	if err != nil {
		return nil, fmt.Errorf("analysing: %w", err)
	}
	if err := actionErrors(graph); err != nil {
		return nil, err
	}
	src := newSources()
	var findings []Finding
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			findings = append(findings, newFinding(act.Package.Fset, g.original(act.Analyzer), d, src))
		}
	}
	return sortFindings(findings), nil
}

// usesFacts reports whether any of as, or any analyzer they require, uses
// facts, analyzer.Model aside.
func usesFacts(as []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(as []*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] || isModel(a) {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(as)
}

func newFinding(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic, src *sources) Finding {
	f := Finding{
		Pos:      src.position(fset, d.Pos),
		CheckID:  d.Category,
		Analyzer: a.Name,
		Message:  d.Message,
		URL:      d.URL,
		Check:    analyzer.CheckByID(d.Category),
	}
	if d.End.IsValid() && d.End > d.Pos {
		f.End = src.position(fset, d.End)
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
			fix.Edits = append(fix.Edits, Edit{Start: src.position(fset, e.Pos), End: src.position(fset, end), NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// sortFindings sorts findings and drops duplicates: a package and its
// test variant report the same finding in the files they share.
func sortFindings(fs []Finding) []Finding {
	slices.SortStableFunc(fs, compareFindings)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return compareFindings(a, b) == 0 && a.End == b.End && a.Analyzer == b.Analyzer
	})
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
		cmp.Compare(a.CheckID, b.CheckID),
		cmp.Compare(a.Message, b.Message),
	)
}

// sources reads source files to turn byte columns into character columns.
type sources struct {
	files map[string][]byte
}

func newSources() *sources { return &sources{files: map[string][]byte{}} }

func (s *sources) position(fset *token.FileSet, pos token.Pos) Position {
	p := fset.PositionFor(pos, false) // the Go file, not a //line directive's
	return Position{File: p.Filename, Offset: p.Offset, Line: p.Line, Column: p.Column, Char: s.char(p)}
}

// char returns the code-point column of p, falling back to its byte
// column when the file cannot be read.
func (s *sources) char(p token.Position) int {
	if p.Column <= 1 {
		return p.Column
	}
	data, ok := s.files[p.Filename]
	if !ok {
		data, _ = os.ReadFile(p.Filename) // unreadable: byte columns it is
		s.files[p.Filename] = data
	}
	start := p.Offset - (p.Column - 1)
	if data == nil || start < 0 || p.Offset > len(data) || bytes.IndexByte(data[start:p.Offset], '\n') >= 0 {
		return p.Column
	}
	return utf8.RuneCount(data[start:p.Offset]) + 1
}
