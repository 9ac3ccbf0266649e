package driver

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
)

func TestExplain(t *testing.T) {
	for _, c := range analyzer.Checks {
		var b bytes.Buffer
		if err := Explain(&b, c); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{
			c.ID + ": " + c.Title + "\n", "Analyzer: " + c.Analyzer, "Since:    " + c.Since, "Drivers:  " + c.Drivers,
			indent(c.Before, "\t"), indent(c.After, "\t"), c.URL(),
			strings.Fields(c.Rationale)[0], strings.Fields(c.Rationale)[len(strings.Fields(c.Rationale))-1],
		} {
			if !strings.Contains(out, want) {
				t.Errorf("explain %s lacks %q:\n%s", c.ID, want, out)
			}
		}
		for _, line := range strings.Split(wrap(c.Rationale, 72), "\n") {
			if len(line) > 72 && strings.Contains(line, " ") {
				t.Errorf("explain %s: rationale line longer than 72 columns: %q", c.ID, line)
			}
		}
	}
}

func TestLookupCheck(t *testing.T) {
	if c, err := LookupCheck("el1001"); err != nil || c != analyzer.CheckNameFormat {
		t.Errorf("LookupCheck(el1001) = %v, %v", c, err)
	}
	_, err := LookupCheck("EL9999")
	var ue *UnknownCheckError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "eventlint -list") {
		t.Errorf("LookupCheck(EL9999) error = %v", err)
	}
}

func TestWriteCheckList(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCheckList(&b, analyzer.Checks); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(analyzer.Checks)+1 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("list:\n%s", b.String())
	}
	for i, c := range analyzer.Checks {
		if f := strings.Fields(lines[i+1]); f[0] != c.ID || f[1] != c.Analyzer || !strings.Contains(lines[i+1], c.Title) || !strings.HasSuffix(lines[i+1], c.Drivers) {
			t.Errorf("line %q, want check %s", lines[i+1], c.ID)
		}
	}
}

func TestChecksMarkdown(t *testing.T) {
	md := string(ChecksMarkdown(analyzer.Checks))
	for _, c := range analyzer.Checks {
		for _, want := range []string{
			"| [" + c.ID + "](#" + c.ID + ") | " + c.Analyzer + " |",
			"<a id=\"" + c.ID + "\"></a>\n\n## " + c.ID + ": " + escapeMarkdown(c.Title) + "\n",
			"```go\n" + c.Before + "\n```", "```go\n" + c.After + "\n```",
			"- Since: " + c.Since, "- Drivers: " + c.Drivers,
		} {
			if !strings.Contains(md, want) {
				t.Errorf("checks.md lacks %q", want)
			}
		}
	}
	if strings.Contains(md, "<aggregate>") {
		t.Error("checks.md has an unescaped <aggregate> outside code")
	}
}
