package main

import (
	"testing"

	// The handler is linked into the test binary only, not into the
	// command: under go vet this variant, "main [main.test]", is the only
	// one analysed, and must still report the missing import.
	_ "example.com/lint/unregistered/testimport/handler"
)

func TestRun(t *testing.T) {}
