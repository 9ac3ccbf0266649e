package main

import (
	"encoding/json"
	"flag"
	"fmt"
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
	args, code := chdirFlag(os.Args[1:])
	if code != driver.ExitOK {
		os.Exit(code)
	}
	if invokedByVet(args) {
		if err := vetFlagError(args); err != nil {
			os.Exit(badVetFlag(err, args))
		}
		// go vet -vettool: the unit-checker protocol, with the
		// package-level analyzers (module-wide checks stay silent). It
		// parses os.Args itself and exits.
		// The model is among them so that its flag -bus.funcs is one.
		unitchecker.Main(append(analyzer.Analyzers(), analyzer.Model)...)
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

// chdirFlag handles -C dir, which, as for the go command, must come first:
// eventlint changes to dir before anything else, so that packages, the
// go.mod found and the paths printed are relative to dir. It returns the
// remaining arguments, or ExitError after printing why -C is unusable.
func chdirFlag(args []string) ([]string, int) {
	var dir string
	switch {
	case len(args) > 0 && (args[0] == "-C" || args[0] == "--C"):
		if len(args) < 2 {
			fmt.Fprintln(os.Stderr, "eventlint: flag needs an argument: -C (eventlint -help lists the flags)")
			return nil, driver.ExitError
		}
		dir, args = args[1], args[2:]
	case len(args) > 0 && (strings.HasPrefix(args[0], "-C=") || strings.HasPrefix(args[0], "--C=")):
		_, dir, _ = strings.Cut(args[0], "=")
		args = args[1:]
	default:
		for _, a := range args {
			if a == "-C" || a == "--C" || strings.HasPrefix(a, "-C=") || strings.HasPrefix(a, "--C=") {
				fmt.Fprintln(os.Stderr, "eventlint: -C flag must be the first flag on the command line")
				return nil, driver.ExitError
			}
		}
		return args, driver.ExitOK
	}
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			fmt.Fprintf(os.Stderr, "eventlint: -C: %v\n", err)
			return nil, driver.ExitError
		}
		// The go commands that load the packages inherit PWD: keep it
		// naming the new directory, as the go command's own -C does.
		if wd, err := os.Getwd(); err == nil {
			os.Setenv("PWD", wd)
		}
	}
	return args, driver.ExitOK
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

// vetFlagError returns the first error in the values of the analyzer
// flags that go vet passes on: go vet parses the tool's boolean flags
// itself but passes the others through unchecked, and unitchecker would
// answer a bad value with its usage text. The values are set on a suite
// of their own, which the unit checker does not run.
func vetFlagError(args []string) error {
	fs := flag.NewFlagSet("eventlint", flag.ContinueOnError)
	s := analyzer.NewSuite()
	for _, a := range append(s.Analyzers(), s.Model) {
		a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, a.Name+"."+f.Name, f.Usage) })
	}
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		f := fs.Lookup(name)
		if !strings.HasPrefix(args[i], "-") || f == nil {
			continue // not an analyzer flag: unitchecker's to parse
		}
		if !hasValue {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				continue // -naming.past-tense alone
			}
			if i+1 == len(args) {
				return fmt.Errorf("flag needs an argument: -%s", name)
			}
			i++
			value = args[i]
		}
		if err := f.Value.Set(value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s: %w", value, name, err)
		}
	}
	return nil
}

// badVetFlag reports err, a bad analyzer flag under go vet, and returns
// the exit code. go vet runs the tool once per package, dependencies
// first, and exits 1 whatever code the tool returns, so the code cannot
// tell a bad flag from findings there. What the tool can do is say it
// once per package of the user's: a run for facts only (a dependency,
// standard library included) exits 0 with no facts and no output, and
// the runs that report (the packages named on the command line) fail
// with one line each. Those that import a failed package are not run.
func badVetFlag(err error, args []string) int {
	var cfg struct{ VetxOnly bool }
	if last := args[len(args)-1]; strings.HasSuffix(last, ".cfg") {
		if data, rerr := os.ReadFile(last); rerr == nil && json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly {
			return driver.ExitOK
		}
	}
	fmt.Fprintf(os.Stderr, "eventlint: %v (eventlint -help lists the flags)\n", err)
	return driver.ExitError
}
