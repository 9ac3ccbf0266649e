package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/driver"
)

func TestChecksMarkdownUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "checks.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: run go run ./internal/gendocs from the repository root to create it", err)
	}
	if want := driver.ChecksMarkdown(analyzer.Checks); !bytes.Equal(got, want) {
		t.Fatal("docs/checks.md is out of date with analyzer.Checks: run go run ./internal/gendocs (or go generate ./internal/gendocs) and commit the result")
	}
}
