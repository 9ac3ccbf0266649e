package driver

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Output is what the formats need besides the findings.
type Output struct {
	// Dir is the absolute directory file names are shown relative to
	// (when the file lies inside it).
	Dir string
	// Version is eventlint's version, for SARIF's tool.driver.version.
	Version string
}

func (o *Output) rel(file string) string { return filepath.ToSlash(relPath(file, o.Dir)) }

// A Format writes findings to w.
type Format func(w io.Writer, findings []Finding, out *Output) error

// Formats are the output formats by -format name.
var Formats = map[string]Format{
	"text":   WriteText,
	"json":   WriteJSON,
	"sarif":  WriteSARIF,
	"github": WriteGitHub,
}

// WriteText writes one line per finding, as the Go toolchain does:
//
//	path/file.go:12:5: message [EL1001]
//
// Columns count bytes.
func WriteText(w io.Writer, findings []Finding, out *Output) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		fmt.Fprintf(bw, "%s:%d:%d: %s", filepath.FromSlash(out.rel(f.Pos.File)), f.Pos.Line, f.Pos.Column, f.Message)
		if f.CheckID != "" {
			fmt.Fprintf(bw, " [%s]", f.CheckID)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// jsonFinding is one element of the -format=json array. The field names
// are part of eventlint's interface: see the package doc.
type jsonFinding struct {
	File      string    `json:"file"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"end_line,omitempty"`
	EndColumn int       `json:"end_column,omitempty"`
	Check     string    `json:"check"`
	Analyzer  string    `json:"analyzer"`
	Title     string    `json:"title,omitempty"`
	Message   string    `json:"message"`
	URL       string    `json:"url,omitempty"`
	Fixes     []jsonFix `json:"fixes"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File      string `json:"file"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

// WriteJSON writes the findings as one indented JSON array (an empty
// array when there are none).
func WriteJSON(w io.Writer, findings []Finding, out *Output) error {
	list := make([]jsonFinding, 0, len(findings))
	for _, f := range findings {
		jf := jsonFinding{
			File:     out.rel(f.Pos.File),
			Line:     f.Pos.Line,
			Column:   f.Pos.Column,
			Check:    f.CheckID,
			Analyzer: f.Analyzer,
			Message:  f.Message,
			URL:      f.URL,
			Fixes:    []jsonFix{},
		}
		if f.End.Line > 0 {
			jf.EndLine, jf.EndColumn = f.End.Line, f.End.Column
		}
		if f.Check != nil {
			jf.Title = f.Check.Title
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jx.Edits = append(jx.Edits, jsonEdit{
					File:   out.rel(e.Start.File),
					Offset: e.Start.Offset, EndOffset: e.End.Offset,
					Line: e.Start.Line, Column: e.Start.Column,
					EndLine: e.End.Line, EndColumn: e.End.Column,
					NewText: e.NewText,
				})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		list = append(list, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // messages quote Go code: keep <, > and & readable
	return enc.Encode(list)
}

// WriteGitHub writes a GitHub Actions workflow command per finding, which
// the runner turns into an annotation on the pull request:
//
//	::warning file=path/file.go,line=12,col=5,title=EL1001 event name does not follow the naming style::message
//
// Columns count characters.
func WriteGitHub(w io.Writer, findings []Finding, out *Output) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		props := []string{
			"file=" + ghProperty(out.rel(f.Pos.File)),
			fmt.Sprintf("line=%d", f.Pos.Line),
			fmt.Sprintf("col=%d", f.Pos.Char),
		}
		if f.End.Line > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", f.End.Line), fmt.Sprintf("endColumn=%d", f.End.Char))
		}
		title := f.CheckID
		if f.Check != nil {
			title += " " + f.Check.Title
		}
		if title != "" {
			props = append(props, "title="+ghProperty(title))
		}
		msg := f.Message
		if f.URL != "" {
			msg += "\n" + f.URL
		}
		fmt.Fprintf(bw, "::warning %s::%s\n", strings.Join(props, ","), ghData(msg))
	}
	return bw.Flush()
}

// ghData escapes a workflow command's message, as the Actions toolkit's
// escapeData does.
var ghData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// ghProperty escapes a workflow command's property value, as the Actions
// toolkit's escapeProperty does: ':' and ',' separate properties.
var ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
