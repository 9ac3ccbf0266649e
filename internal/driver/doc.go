// Package driver is the standalone eventlint driver: it loads packages
// with go/packages, runs the eventlint analyzers over them in two phases,
// and writes, fixes or diffs the findings. The eventlint command is a thin
// layer over Command; other subcommands build on Load and Program.
//
// # Two phases
//
// Load type-checks the packages once and runs analyzer.Model over them
// (phase 1). From each matched package's non-test variant it keeps the
// Model result (Program.Results, by package path) and builds the
// module-wide view (Program.Module) from the packages' own sites and
// non-test imports. Program.Analyze then gives a Suite that view and runs
// the suite's analyzers over the same, already type-checked packages
// (phase 2), returning findings without duplicates (a package and its
// test variant report the same ones), sorted by file, line, column and
// check ID.
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
// words. A panic in an analyzer is returned as an error naming the
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
