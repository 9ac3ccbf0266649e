package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/driver"
)

// subcommands are the commands eventlint runs instead of analysing
// packages when its first argument names one. A subcommand in its own
// file registers itself from an init function:
//
//	func init() {
//		subcommands["catalogue"] = runCatalogue
//		subcommandHelp["catalogue"] = "list the event catalogue"
//	}
//
// It gets the arguments after its name and returns the exit code
// (driver.ExitOK, driver.ExitFindings, driver.ExitError).
var subcommands = map[string]func(args []string) int{}

// subcommandHelp is the one-line summary -help shows for each subcommand.
var subcommandHelp = map[string]string{}

func main() {
	args := os.Args[1:]
	if invokedByVet(args) {
		// go vet -vettool: the unit-checker protocol, with the
		// package-level analyzers (module-wide checks stay silent). It
		// parses os.Args itself and exits.
		unitchecker.Main(analyzer.Analyzers()...)
		return
	}
	cmd := &driver.Command{Stdout: os.Stdout, Stderr: os.Stderr, Subcommands: subcommandHelp}
	if len(args) > 0 {
		if run, ok := subcommands[args[0]]; ok {
			os.Exit(run(args[1:]))
		}
		if args[0] == "help" {
			os.Exit(cmd.Main([]string{"-help"}))
		}
	}
	os.Exit(cmd.Main(args))
}

// invokedByVet reports whether go vet runs eventlint as its -vettool. go
// vet asks the tool for its version (-V=full) and flags (-flags), then runs
// it once per package with the analyzer flags and a *.cfg file describing
// the package as the last argument. multichecker and unitchecker detect it
// the same way.
func invokedByVet(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		switch a {
		case "-V=full", "--V=full", "-flags", "--flags":
			return true
		}
	}
	last := args[len(args)-1]
	return strings.HasSuffix(last, ".cfg") && !strings.HasPrefix(last, "-")
}
