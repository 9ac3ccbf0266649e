package driver

import (
	"runtime"
	"runtime/debug"
)

// Version is eventlint's version: the main module's version stamped by
// the go command (v1.2.3 for go install ...@v1.2.3), "(devel)" for a
// binary built from a checkout.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// VersionLine is what eventlint -version prints.
func VersionLine() string {
	return "eventlint " + Version() + " (" + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")"
}

func stack() string { return string(debug.Stack()) }
