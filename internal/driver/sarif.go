package driver

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/eventlint/eventlint/analyzer"
)

// SARIF 2.1.0 (OASIS), the subset eventlint writes. Field order follows
// the specification.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// InformationURI is eventlint's home page.
	InformationURI = "https://github.com/eventlint/eventlint"
	srcRoot        = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifMessage      `json:"shortDescription"`
	FullDescription      sarifMessage      `json:"fullDescription"`
	HelpURI              string            `json:"helpUri"`
	Help                 sarifMessage      `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Analyzer string   `json:"analyzer"`
	Since    string   `json:"since"`
	Drivers  string   `json:"drivers"`
	Tags     []string `json:"tags"`
}

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion           `json:"deletedRegion"`
	InsertedContent *sarifArtifactContent `json:"insertedContent,omitempty"`
}

type sarifArtifactContent struct {
	Text string `json:"text"`
}

// WriteSARIF writes a SARIF 2.1.0 log with one run: every check of
// analyzer.Checks as a rule, every finding as a result at level
// "warning". Columns count Unicode code points (the run's columnKind);
// file URIs are relative to %SRCROOT%, the output directory, for files
// inside it. Suggested fixes are included with byte-offset regions.
func WriteSARIF(w io.Writer, findings []Finding, out *Output) error {
	driver := sarifDriver{Name: "eventlint", Version: out.Version, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, c := range analyzer.Checks {
		index[c.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   c.ID,
			Name:                 ruleName(c.Title),
			ShortDescription:     sarifMessage{Text: c.Title},
			FullDescription:      sarifMessage{Text: c.Rationale},
			HelpURI:              c.URL(),
			Help:                 sarifMessage{Text: helpText(c), Markdown: helpMarkdown(c)},
			DefaultConfiguration: sarifRuleConfig{Level: "warning"},
			Properties:           sarifRuleProperty{Analyzer: c.Analyzer, Since: c.Since, Drivers: c.Drivers, Tags: []string{c.Analyzer}},
		})
	}
	run := sarifRun{
		Tool:       sarifTool{Driver: driver},
		Results:    []sarifResult{},
		ColumnKind: "unicodeCodePoints",
	}
	if out.Dir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(out.Dir) + "/"}}
	}
	for _, f := range findings {
		r := sarifResult{
			RuleID:  f.CheckID,
			Level:   "warning",
			Message: sarifMessage{Text: f.Message},
		}
		if r.RuleID == "" {
			r.RuleID = f.Analyzer
		}
		if i, ok := index[f.CheckID]; ok {
			r.RuleIndex = &i
		}
		region := sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Char}
		if f.End.Line > 0 {
			region.EndLine, region.EndColumn = f.End.Line, f.End.Char
		}
		r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: out.artifact(f.Pos.File),
			Region:           region,
		}}}
		for _, fix := range f.Fixes {
			r.Fixes = append(r.Fixes, sarifFixOf(fix, out))
		}
		run.Results = append(run.Results, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifFixOf(fix Fix, out *Output) sarifFix {
	sf := sarifFix{Description: sarifMessage{Text: fix.Message}}
	byFile := map[string]int{}
	for _, e := range fix.Edits {
		i, ok := byFile[e.Start.File]
		if !ok {
			i = len(sf.ArtifactChanges)
			byFile[e.Start.File] = i
			sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: out.artifact(e.Start.File)})
		}
		off, n := e.Start.Offset, e.End.Offset-e.Start.Offset
		rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &n}}
		if e.NewText != "" {
			rep.InsertedContent = &sarifArtifactContent{Text: e.NewText}
		}
		sf.ArtifactChanges[i].Replacements = append(sf.ArtifactChanges[i].Replacements, rep)
	}
	return sf
}

// artifact locates file: relative to %SRCROOT% when inside out.Dir, else
// by an absolute file URI.
func (o *Output) artifact(file string) sarifArtifactLoc {
	rel := relPath(file, o.Dir)
	if filepath.IsAbs(rel) {
		return sarifArtifactLoc{URI: fileURI(rel)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// ruleName turns a check title into the identifier-like name SARIF
// viewers show: "event name does not follow the naming style" becomes
// EventNameDoesNotFollowTheNamingStyle.
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func helpText(c *analyzer.Check) string {
	return c.Rationale + "\n\nBefore:\n\n" + indent(c.Before, "    ") + "\n\nAfter:\n\n" + indent(c.After, "    ") + "\n\n" + c.URL()
}

func helpMarkdown(c *analyzer.Check) string {
	return escapeMarkdown(c.Rationale) + "\n\nBefore:\n\n```go\n" + c.Before + "\n```\n\nAfter:\n\n```go\n" + c.After + "\n```\n\n[" + c.ID + "](" + c.URL() + ")"
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
