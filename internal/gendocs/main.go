// Command gendocs writes docs/checks.md from analyzer.Checks, the single
// source of the checks' documentation:
//
//	go run ./internal/gendocs            # from the repository root
//	go generate ./internal/gendocs
//
// TestChecksMarkdownUpToDate fails when the committed file differs.
package main

//go:generate go run . -o ../../docs/checks.md

import (
	"flag"
	"fmt"
	"os"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/driver"
)

func main() {
	out := flag.String("o", "docs/checks.md", "output `file`")
	flag.Parse()
	if err := os.WriteFile(*out, driver.ChecksMarkdown(analyzer.Checks), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
}
