package analyzer_test

import (
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// Without a module view the reads of bus.Fields handlers are checked in
// package main against the emits linked into the program, and the values
// of catalogued keys at the emits.
func TestFieldsProgram(t *testing.T) {
	analysistest.Run(t, testdata, analyzer.NewSuite().Fields, "./fields/program/...")
}
