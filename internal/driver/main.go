package driver

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/types"
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/eventlint/eventlint/analyzer"
)

// Exit codes of the eventlint command.
const (
	ExitOK       = 0 // no findings (with -fix: none left unfixed)
	ExitFindings = 1 // findings were reported
	ExitError    = 2 // bad usage, packages that do not load, a failed fix
)

// Command is the standalone eventlint command: eventlint [flags] [packages].
type Command struct {
	Stdout, Stderr io.Writer
	// Config is the load configuration; -test and -tags change a copy.
	// nil means DefaultConfig().
	Config *Config
	// Subcommands are listed in -help output: name and one-line summary.
	Subcommands map[string]string

	// extra analyzers run after the suite's; tests use it to exercise
	// -fix end to end with fixes no check makes yet.
	extra []*analysis.Analyzer
}

// Main runs the eventlint command with args (without the program name)
// and returns its exit code.
func (c *Command) Main(args []string) int {
	code, err := c.main(args)
	if err != nil {
		var le *LoadError
		if errors.As(err, &le) {
			for _, e := range le.Errors {
				fmt.Fprintln(c.Stderr, e)
			}
		} else {
			fmt.Fprintf(c.Stderr, "eventlint: %v\n", err)
		}
	}
	return code
}

// options are the parsed command line.
type options struct {
	format   string
	fix      bool
	diff     bool
	tests    bool
	tags     string
	list     bool
	version  bool
	suite    *analyzer.Suite
	enabled  map[*analysis.Analyzer]*triState
	patterns []string
	// require is the catalogue analyzer's require flag as it was given
	// (-catalogue.require or -catalogue), "" if it was not.
	require string
}

func (c *Command) main(args []string) (int, error) {
	cfg := DefaultConfig()
	if c.Config != nil {
		cp := *c.Config
		cfg = &cp
	}
	fs, opts, usage := c.flags(cfg.Tests)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			io.WriteString(c.Stdout, usage)
			return ExitOK, nil
		}
		return ExitError, fmt.Errorf("%w (eventlint -help lists the flags)", err)
	}
	opts.patterns = fs.Args()
	fs.Visit(func(f *flag.Flag) { // in lexical order: the long form wins
		switch {
		case f.Name == opts.suite.Catalogue.Name+"."+analyzer.FlagRequire:
			opts.require = "-" + f.Name
		case f.Name == opts.suite.Catalogue.Name && f.Value.String() == "":
			// -catalogue=<path>, which leaves the enable state unset.
			opts.require = "-" + f.Name
		}
	})
	switch {
	case opts.version:
		fmt.Fprintln(c.Stdout, VersionLine())
		return ExitOK, nil
	case opts.list:
		return ExitOK, WriteCheckList(c.Stdout, analyzer.Checks)
	}
	for _, p := range opts.patterns {
		if strings.HasPrefix(p, "-") {
			return ExitError, fmt.Errorf("flag %s after the package patterns: flags come first (eventlint [flags] [packages])", p)
		}
	}

	cfg.Tests = opts.tests
	if opts.tags != "" {
		cfg.BuildFlags = append(slices.Clone(cfg.BuildFlags), "-tags="+opts.tags)
	}
	enabled := enabledAnalyzers(opts.enabled)
	prog, findings, err := c.analyze(cfg, opts, enabled)
	if err != nil {
		return ExitError, err
	}

	out := &Output{Dir: prog.Dir, Version: Version()}
	write := Formats[opts.format]
	if !opts.fix && !opts.diff {
		if err := write(c.Stdout, findings, out); err != nil {
			return ExitError, fmt.Errorf("writing findings: %w", err)
		}
		return exitFor(len(findings)), nil
	}

	plan, err := PlanFixes(findings, nil)
	if err != nil {
		return ExitError, err
	}
	if opts.diff {
		// stdout is the patch alone, for git apply; the findings that no
		// fix addresses go to stderr.
		if err := plan.Diff(c.Stdout, out); err != nil {
			return ExitError, fmt.Errorf("writing the diff: %w", err)
		}
		if err := write(c.Stderr, plan.Unfixed, out); err != nil {
			return ExitError, fmt.Errorf("writing findings: %w", err)
		}
		return exitFor(len(findings)), nil
	}
	if err := plan.Write(); err != nil {
		return ExitError, err
	}
	left := plan.Unfixed
	if len(plan.Fixed) > 0 {
		fmt.Fprintf(c.Stderr, "eventlint: fixed %d finding(s) in %d file(s)\n", len(plan.Fixed), len(plan.Files))
		// Report what is left as the fixed code has it: lines have moved,
		// and a fix may resolve more than its own finding (an added
		// import also links the package's handlers in).
		if _, left, err = c.analyze(cfg, opts, enabled); err != nil {
			return ExitError, fmt.Errorf("after fixing: %w", err)
		}
	}
	if err := write(c.Stdout, left, out); err != nil {
		return ExitError, fmt.Errorf("writing findings: %w", err)
	}
	return exitFor(len(left)), nil
}

// analyze loads the packages and analyses them.
func (c *Command) analyze(cfg *Config, opts *options, enabled func(*analysis.Analyzer) bool) (*Program, []Finding, error) {
	cfg.Suite = opts.suite
	prog, err := Load(cfg, opts.patterns)
	if err != nil {
		return nil, nil, err
	}
	// A -bus.funcs entry that matches nothing would turn the checks off
	// for its calls unnoticed: a typo is an error.
	var loaded []*types.Package
	for _, p := range prog.Packages {
		if p.Types != nil {
			loaded = append(loaded, p.Types)
		}
	}
	if bad := opts.suite.Bus().Unresolved(loaded); len(bad) > 0 {
		return nil, nil, errors.New(strings.Join(bad, "\n"))
	}
	// A required catalogue that does not exist would be reported at every
	// bus call (EL2007): say so once, as the bad flag it is.
	if path := strings.TrimSpace(opts.suite.Catalogue.Flags.Lookup(analyzer.FlagRequire).Value.String()); path != "" && opts.require != "" {
		if err := checkRequired(cfg, prog, opts.require, path); err != nil {
			return nil, nil, err
		}
	}
	findings, err := prog.Analyze(opts.suite, enabled)
	if err != nil {
		return nil, nil, err
	}
	if len(c.extra) > 0 {
		more, err := prog.run(c.extra)
		if err != nil {
			return nil, nil, err
		}
		findings = sortFindings(append(findings, more...))
	}
	return prog, findings, nil
}

func exitFor(findings int) int {
	if findings > 0 {
		return ExitFindings
	}
	return ExitOK
}

// flags builds the command's flag set and its -help text.
func (c *Command) flags(tests bool) (*flag.FlagSet, *options, string) {
	opts := &options{suite: analyzer.NewSuite(), enabled: map[*analysis.Analyzer]*triState{}}
	fs := flag.NewFlagSet("eventlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned, help is printed by Main

	// Every flag is registered on a help-only set too, grouped, so -help
	// shows the driver's flags before the analyzers'.
	general := flag.NewFlagSet("", flag.ContinueOnError)
	perAnalyzer := flag.NewFlagSet("", flag.ContinueOnError)
	both := func(set *flag.FlagSet, v flag.Value, name, usage string) {
		fs.Var(v, name, usage)
		set.Var(v, name, usage)
	}

	opts.format = "text"
	both(general, formatFlag{&opts.format}, "format", "output `format`: text, json, sarif or github")
	both(general, boolFlag{&opts.fix}, "fix", "apply the suggested fixes (the first of each finding) and report the findings left")
	both(general, boolFlag{&opts.diff}, "diff", "print the suggested fixes as a unified diff on stdout instead of applying them")
	opts.tests = tests
	both(general, boolFlag{&opts.tests}, "test", "also analyse test files, as go vet does")
	both(general, stringFlag{&opts.tags}, "tags", "comma-separated build `tags` to consider satisfied")
	both(general, boolFlag{&opts.list}, "list", "list the checks (ID, analyzer, title, drivers) and exit")
	both(general, boolFlag{&opts.version}, "version", "print the version and exit")

	// The model's flags (-bus.funcs) configure what every check sees.
	opts.suite.Model.Flags.VisitAll(func(f *flag.Flag) {
		both(general, f.Value, opts.suite.Model.Name+"."+f.Name, f.Usage)
	})
	for _, a := range opts.suite.Analyzers() {
		ts := new(triState)
		opts.enabled[a] = ts
		ef := &enableFlag{state: ts}
		usage := fmt.Sprintf("enable the %s analyzer: -%s=false turns it off; any -<analyzer>=true runs only those set", a.Name, a.Name)
		if a == opts.suite.Catalogue {
			if req := a.Flags.Lookup(analyzer.FlagRequire); req != nil {
				ef.value = req.Value
				usage += fmt.Sprintf("; -%s=<import path> is short for -%s.%s=<import path>", a.Name, a.Name, analyzer.FlagRequire)
			}
		}
		both(perAnalyzer, ef, a.Name, usage)
		a.Flags.VisitAll(func(f *flag.Flag) {
			both(perAnalyzer, f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}

	var help bytes.Buffer
	help.WriteString(usageHead)
	help.WriteString("\nFlags:\n")
	general.SetOutput(&help)
	general.PrintDefaults()
	help.WriteString("\nAnalyzer flags:\n")
	perAnalyzer.SetOutput(&help)
	perAnalyzer.PrintDefaults()
	if len(c.Subcommands) > 0 {
		help.WriteString("\nSubcommands:\n")
		for _, name := range sortedKeys(c.Subcommands) {
			fmt.Fprintf(&help, "  %-10s %s\n", name, c.Subcommands[name])
		}
	}
	help.WriteString(usageTail)
	fs.Usage = func() {}
	return fs, opts, help.String()
}

const usageHead = `eventlint checks the event contracts around the in-process bus: event
names, the event catalogue, and that every emitted event reaches a
subscriber linked into the program.

Usage:
  eventlint [flags] [packages]     analyse packages (default ./...)
  eventlint explain <check ID>...  explain checks (eventlint -list shows the IDs)
  eventlint catalogue [flags] [packages]
                                   render, check and compare the event catalogue
                                   (eventlint catalogue -help)
  go vet -vettool=$(which eventlint) [analyzer flags] [packages]

-C dir, as the first argument, changes to dir before anything else (as
for the go command): eventlint -C examples/clinic ./...

Under go vet only the checks that run under every driver are reported;
the standalone command also runs the module-wide checks, over the
packages it is given (run it on ./... for those).
`

const usageTail = `
Output: text is "file:line:col: message [check ID]" with byte columns and
paths relative to the current directory; json, sarif and github are
described in the documentation of the command
(go doc github.com/eventlint/eventlint/cmd/eventlint).
With -diff the patch goes to stdout and the findings without a fix to
stderr.

Exit codes:
  0  no findings (with -fix: none left after fixing)
  1  findings reported (with -fix: findings without a fix remain)
  2  error: bad flag, packages that do not load (list errors, syntax
     errors of the packages given, type errors of the packages that can
     reach the bus and of the packages given that they import; printed
     as file:line:col: message), a failed or conflicting fix
`

// enabledAnalyzers applies multichecker's rule: if any -NAME flag is
// true, run only those analyzers; otherwise, if any is false, run all
// but those.
func enabledAnalyzers(flags map[*analysis.Analyzer]*triState) func(*analysis.Analyzer) bool {
	var anyTrue bool
	for _, ts := range flags {
		anyTrue = anyTrue || *ts == setTrue
	}
	return func(a *analysis.Analyzer) bool {
		ts, ok := flags[a]
		if !ok {
			return true
		}
		if anyTrue {
			return *ts == setTrue
		}
		return *ts != setFalse
	}
}

type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

// enableFlag is -<analyzer>: a boolean, or, for the catalogue analyzer,
// also the import path its require flag takes.
type enableFlag struct {
	state *triState
	value flag.Value // set by a non-boolean value; nil: booleans only
}

func (f *enableFlag) IsBoolFlag() bool { return true }

func (f *enableFlag) String() string {
	if f == nil || f.state == nil {
		return ""
	}
	switch *f.state {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return ""
}

func (f *enableFlag) Set(s string) error {
	if b, err := strconv.ParseBool(s); err == nil {
		*f.state = setFalse
		if b {
			*f.state = setTrue
		}
		return nil
	}
	if f.value != nil {
		// Not an enable switch: -catalogue=example.com/app/events.
		return f.value.Set(s)
	}
	return errors.New("want true or false")
}

type boolFlag struct{ p *bool }

func (f boolFlag) IsBoolFlag() bool { return true }
func (f boolFlag) String() string {
	if f.p == nil {
		return "false"
	}
	return strconv.FormatBool(*f.p)
}
func (f boolFlag) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return errors.New("want true or false")
	}
	*f.p = b
	return nil
}

type stringFlag struct{ p *string }

func (f stringFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}
func (f stringFlag) Set(s string) error { *f.p = s; return nil }

type formatFlag struct{ p *string }

func (f formatFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f formatFlag) Set(s string) error {
	if _, ok := Formats[s]; !ok {
		return fmt.Errorf("unknown format %q: want text, json, sarif or github", s)
	}
	*f.p = s
	return nil
}
