// Package driver is the standalone eventlint driver: it loads packages
// with go/packages, runs the eventlint analyzers over them in two phases,
// and writes, fixes or diffs the findings. The eventlint command is a thin
// layer over Command; other subcommands build on Load and Program.
//
// # Two phases
//
// Load runs go list once, for the import graph, and finds the packages
// that can reach the bus: catalogues (found by reading the comments above
// each file's package clause), packages that import a bus library, and
// their importers, transitively, each test variant on its own. Only
// those are parsed and type-checked in full; the packages they import
// that cannot reach the bus are type-checked from source without function
// bodies, for their types (the standard library included); the rest are
// not type-checked at all. analyzer.Model then runs over the packages
// that can reach the bus and their dependencies (phase 1). Every
// matched package's non-test variant gets a Model result
// (Program.Results, by package path; the packages that cannot reach the
// bus get the empty result Model would give them) and a place in the
// module-wide view (Program.Module), built from the packages' own sites
// and non-test imports. Program.Analyze then gives a Suite that view and
// runs the suite's analyzers over the packages that can reach the bus
// (phase 2), reusing their phase 1 Model results, and returns findings
// without duplicates (a package and its test variant report the same
// ones), sorted by file, line, column and check ID. No check can report
// anything in a package that cannot reach the bus. Config.Full loads
// and analyses every package instead, as go vet type-checks them: the
// same findings, more slowly.
//
// A subcommand that needs the model but no findings, such as a catalogue
// listing, uses phase 1 alone:
//
//	prog, err := driver.Load(driver.DefaultConfig(), []string{"./..."})
//	var le *driver.LoadError
//	if errors.As(err, &le) { /* print le.Errors, one per line; exit driver.ExitError */ }
//	for _, p := range prog.Module.Packages { res := prog.Results[p.Path]; ... }
//
// Packages with list, syntax or type errors make Load fail with a
// *LoadError holding "file:line:col: message" lines in the compiler's
// words. List errors are reported for every package; syntax and type
// errors only where packages are type-checked, so an error in a function
// body of a package that cannot reach the bus is left to go build and go
// vet. A panic in an analyzer is returned as an error naming the
// analyzer and package, with its stack, not a crash.
//
// # Output formats
//
// Formats maps each -format name to a Format function. text is
// "file:line:col: message [EL1001]" with byte columns. github writes
// GitHub Actions ::warning workflow commands (character columns). sarif
// writes a SARIF 2.1.0 log: one run, every check as a rule, columnKind
// unicodeCodePoints, URIs relative to %SRCROOT% (the current directory).
// json writes an array of objects with these fields, which are stable:
//
//	file        string  path, relative to the current directory when inside it
//	line        int     1-based
//	column      int     1-based, in bytes
//	end_line    int     end of the reported range, omitted when unknown
//	end_column  int     (exclusive), omitted when unknown
//	check       string  check ID, e.g. "EL1001"
//	analyzer    string  analyzer name, e.g. "naming"
//	title       string  the check's title
//	message     string
//	url         string  the check's documentation
//	fixes       array   suggested fixes, [] when none: {message, edits}
//	                    edits: {file, offset, end_offset (bytes, end
//	                    exclusive), line, column, end_line, end_column,
//	                    new_text}
//
// # Fixes
//
// PlanFixes merges the first suggested fix of each finding per file
// (identical edits once, overlapping edits refused with a
// *FixConflictError), formats the edited Go files with go/format and
// returns a FixPlan to Write or Diff. Nothing is written when any file
// fails.
//
// # Exit codes
//
// Command.Main returns ExitOK (0) when there are no findings, ExitFindings
// (1) when findings were reported in any format, and ExitError (2) for a
// bad flag, packages that do not load, an analyzer failure or a failed or
// conflicting fix. With -fix, the findings that were fixed no longer
// count: 1 only if findings without a fix remain. With -diff nothing is
// changed, so every finding counts.
package driver
