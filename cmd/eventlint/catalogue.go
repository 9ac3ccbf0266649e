package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/catalogue"
	"github.com/eventlint/eventlint/internal/driver"
)

func init() {
	subcommands["catalogue"] = runCatalogue
	subcommandHelp["catalogue"] = "publish the event catalogue (Markdown, JSON, AsyncAPI 3.0), -check it, -init one, find breaking changes -against a git revision"
}

const catalogueUsage = `eventlint catalogue documents the event catalogue, starts one, and checks
it for breaking changes.

Usage:
  eventlint catalogue [-format markdown|json|asyncapi|asyncapi-json] [-o FILE | -check FILE] [packages]
  eventlint catalogue -init DIR [packages]
  eventlint catalogue -against REV [-v] [packages]

The packages default to ./... ; flags come before them.

Without -init or -against, it renders the catalogues declared by the
packages as a "Published events" page: per catalogue, a table of its
events with their payload, the packages that emit and handle them (from
the code, test files excluded), their purpose (the doc comment) and
status (active, or deprecated with the notice), then the fields of the
struct payloads, and the event flow as a Mermaid diagram (eventlint
graph). -format json gives the same information in a stable schema (go
doc github.com/eventlint/eventlint/internal/catalogue). -format asyncapi
writes an AsyncAPI 3.0 document in YAML (asyncapi-json: in JSON): a
channel and a message per event, with the payload's JSON Schema, and
send and receive operations for the packages that emit and handle it.
The output is deterministic; commit it and run -check in CI.

-init DIR writes a new catalogue package into DIR (which must not exist or
be empty) declaring a constant for each constant event name the packages
emit or subscribe to, with TODOs to fill in, and prints the steps that
make the code use its constants. Names that break the naming rules, and
names nothing emits that are near an emitted one (typos), are left out,
with a TODO each saying what to name them.

-against REV extracts the git revision REV of the repository (the whole
tree, into a temporary directory; the working tree and index are not
touched), loads the same packages there and compares its catalogues with
the working tree's, by package and constant. Breaking changes are printed
one per line: an event removed, an event name changed, a payload type
changed, a payload that lost a field or key or its declaration. Additions,
deprecations and doc changes are not breaking; -v prints them too, as
"info:" lines.

Flags:
`

const catalogueExits = `
Exit codes:
  0  rendered or written; -check: up to date; -against: nothing breaks
  1  -check: the file is out of date (a unified diff from the file to the
     rendering is printed); -against: breaking changes
  2  error: bad flag, packages that do not load, no catalogue, a missing
     -check file, -init into a non-empty directory, not a git repository
     or an unknown revision

The catalogue format and these workflows, with examples:
https://github.com/eventlint/eventlint/blob/main/docs/catalogue.md
`

// catalogueOptions are the parsed command line of eventlint catalogue.
type catalogueOptions struct {
	format   string
	version  string
	out      string
	check    string
	init     string
	against  string
	verbose  bool
	tags     string
	patterns []string
	set      map[string]bool // flags given on the command line
}

func runCatalogue(args []string) int {
	return catalogueMain(args, os.Stdout, os.Stderr)
}

// catalogueMain runs eventlint catalogue and returns its exit code.
func catalogueMain(args []string, stdout, stderr io.Writer) int {
	code, err := catalogueRun(args, stdout)
	if err != nil {
		var le *driver.LoadError
		if errors.As(err, &le) {
			for _, e := range le.Errors {
				fmt.Fprintln(stderr, e)
			}
		} else {
			fmt.Fprintf(stderr, "eventlint catalogue: %v\n", err)
		}
	}
	return code
}

func catalogueFlags() (*flag.FlagSet, *catalogueOptions) {
	opts := &catalogueOptions{format: "markdown", set: map[string]bool{}}
	fs := flag.NewFlagSet("eventlint catalogue", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned, help is printed by catalogueRun
	fs.StringVar(&opts.format, "format", opts.format, "output `format`: markdown, json, asyncapi (YAML) or asyncapi-json")
	fs.StringVar(&opts.version, "api-version", "", "with -format asyncapi, the document's info.`version` (default 0.0.0)")
	fs.StringVar(&opts.out, "o", "", "write the rendering to `file` instead of stdout")
	fs.StringVar(&opts.check, "check", "", "compare the rendering with `file`: exit 1 with a diff when it is out of date")
	fs.StringVar(&opts.init, "init", "", "write a new catalogue package into `dir` from the event names the code uses")
	fs.StringVar(&opts.against, "against", "", "report breaking changes to the catalogues since the git `revision`")
	fs.BoolVar(&opts.verbose, "v", false, "with -against, also print the changes that do not break (info: lines)")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build `tags` to consider satisfied")
	return fs, opts
}

func catalogueHelp() string {
	fs, _ := catalogueFlags()
	return flagsHelp(fs, catalogueUsage, catalogueExits)
}

// flagsHelp is a subcommand's -help text: its usage, its flags and
// its exit codes.
func flagsHelp(fs *flag.FlagSet, usage, exits string) string {
	var b bytes.Buffer
	b.WriteString(usage)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	b.WriteString(exits)
	return b.String()
}

// parseSubcommand parses a subcommand's args with fs. On -help it writes
// help() to stdout and reports done with ExitOK; a bad flag is an error
// that says where the flags are listed.
func parseSubcommand(fs *flag.FlagSet, args []string, help func() string, stdout io.Writer) (done bool, code int, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			io.WriteString(stdout, help())
			return true, driver.ExitOK, nil
		}
		return true, driver.ExitError, fmt.Errorf("%w (%s -help lists the flags)", err, fs.Name())
	}
	return false, 0, nil
}

func catalogueRun(args []string, stdout io.Writer) (int, error) {
	fs, opts := catalogueFlags()
	if done, code, err := parseSubcommand(fs, args, catalogueHelp, stdout); done {
		return code, err
	}
	fs.Visit(func(f *flag.Flag) { opts.set[f.Name] = true })
	opts.patterns = fs.Args()
	if err := opts.validate(); err != nil {
		return driver.ExitError, err
	}

	cfg := &driver.Config{} // no test files: tests publish no events
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	prog, err := driver.Load(cfg, opts.patterns)
	if err != nil {
		return driver.ExitError, err
	}
	switch {
	case opts.init != "":
		return catalogueInit(prog, opts, stdout)
	case opts.against != "":
		return catalogueAgainst(prog, cfg, opts, stdout)
	}

	page, err := catalogue.Build(prog)
	if err != nil {
		return driver.ExitError, err
	}
	page.APIVersion = opts.version
	rendered, err := catalogue.Render(page, opts.format)
	if err != nil {
		return driver.ExitError, err
	}
	switch {
	case opts.check != "":
		return catalogueCheck(opts, rendered, stdout)
	case opts.out != "":
		if err := os.WriteFile(opts.out, rendered, 0o644); err != nil {
			return driver.ExitError, fmt.Errorf("writing the catalogue page: %w", err)
		}
		return driver.ExitOK, nil
	}
	if _, err := stdout.Write(rendered); err != nil {
		return driver.ExitError, fmt.Errorf("writing the catalogue page: %w", err)
	}
	return driver.ExitOK, nil
}

// validate rejects combinations of flags that have no meaning together,
// rather than silently ignoring one of them.
func (o *catalogueOptions) validate() error {
	for _, p := range o.patterns {
		if strings.HasPrefix(p, "-") {
			return fmt.Errorf("flag %s after the package patterns: flags come first (eventlint catalogue [flags] [packages])", p)
		}
	}
	if _, ok := catalogue.Formats[o.format]; !ok {
		return fmt.Errorf("unknown format %q: want %s", o.format, catalogue.FormatNames)
	}
	var modes []string
	for _, name := range []string{"init", "against"} {
		if o.set[name] {
			modes = append(modes, "-"+name)
		}
	}
	if o.set["o"] || o.set["check"] {
		modes = append(modes, "rendering")
	}
	switch {
	case o.set["o"] && o.set["check"]:
		return errors.New("-o writes the page and -check compares it: give one of them")
	case len(modes) > 1:
		return fmt.Errorf("%s cannot be combined", strings.Join(modes, " and "))
	case o.set["init"] && o.init == "", o.set["against"] && o.against == "", o.set["o"] && o.out == "", o.set["check"] && o.check == "":
		return errors.New("-init, -against, -o and -check need a value")
	case o.verbose && !o.set["against"]:
		return errors.New("-v only applies to -against")
	case o.set["format"] && (o.set["init"] || o.set["against"]):
		return errors.New("-format only applies to the rendering, not to -init or -against")
	case o.set["api-version"] && !strings.HasPrefix(o.format, "asyncapi"):
		return errors.New("-api-version only applies to -format asyncapi and asyncapi-json")
	}
	return nil
}

// catalogueCheck compares the rendering with the committed file.
func catalogueCheck(opts *catalogueOptions, rendered []byte, stdout io.Writer) (int, error) {
	committed, err := os.ReadFile(opts.check)
	if err != nil {
		return driver.ExitError, fmt.Errorf("reading the page to check: %w (create it with %s)", err, regenerate(opts))
	}
	if bytes.Equal(committed, rendered) {
		return driver.ExitOK, nil
	}
	diff := driver.UnifiedDiff(opts.check, opts.check+" (eventlint catalogue)", committed, rendered)
	if _, err := io.WriteString(stdout, diff); err != nil {
		return driver.ExitError, fmt.Errorf("writing the diff: %w", err)
	}
	return driver.ExitFindings, fmt.Errorf("%s is out of date: regenerate it with %s", opts.check, regenerate(opts))
}

// regenerate spells the command that rewrites the -check file with the
// same flags and packages.
func regenerate(opts *catalogueOptions) string {
	cmd := []string{"eventlint", "catalogue"}
	if opts.format != "markdown" {
		cmd = append(cmd, "-format", opts.format)
	}
	if opts.version != "" {
		cmd = append(cmd, "-api-version", shellQuote(opts.version))
	}
	if opts.tags != "" {
		cmd = append(cmd, "-tags", shellQuote(opts.tags))
	}
	cmd = append(cmd, "-o", shellQuote(opts.check))
	for _, p := range opts.patterns {
		cmd = append(cmd, shellQuote(p))
	}
	return strings.Join(cmd, " ")
}

// catalogueInit writes a new catalogue and prints the adoption steps.
func catalogueInit(prog *driver.Program, opts *catalogueOptions, stdout io.Writer) (int, error) {
	a, err := catalogue.Init(prog, opts.init, analyzer.DefaultNameRules())
	if err != nil {
		return driver.ExitError, err
	}
	var declared, badNames, typos, payloads, unemitted int
	for _, e := range a.Events {
		switch {
		case e.Typo != "":
			typos++
			continue
		case e.Problem != nil:
			badNames++
			continue
		}
		declared++
		if e.PayloadTODO() {
			payloads++
		}
		if !e.Emitted {
			unemitted++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "wrote %s: the catalogue %s, %s.\n", relToCwd(a.File), a.ImportPath, count(declared, "event"))
	fmt.Fprintf(&b, "Fill in its TODOs: a purpose for each event, %s to declare, %s that nothing emits.\n",
		count(payloads, "payload"), count(unemitted, "event"))
	if badNames+typos > 0 {
		fmt.Fprintf(&b, "Left out, with a TODO each: %s breaking the naming rules and %s (a name nothing emits, near an emitted one); eventlint reports their uses until the code is fixed.\n",
			count(badNames, "name"), count(typos, "likely typo"))
	}
	if len(a.Packages) > 0 {
		b.WriteString(`
The catalogue check only knows the catalogues a package imports, so the
packages that use event names must import it before eventlint -fix can
replace their string literals by its constants:

 1. Import it, blank, in each of them:

`)
		var files []string
		for _, p := range a.Packages {
			file := shellQuote(relToCwd(filepath.Join(p.Dir, "eventlint_adopt.go")))
			files = append(files, file)
			fmt.Fprintf(&b, "\tprintf 'package %s\\n\\nimport _ %q\\n' > %s\n", p.Name, a.ImportPath, file)
		}
		fmt.Fprintf(&b, `
 2. Replace the literals by the constants (EL2002's fix, which imports the
    catalogue by name):

	eventlint -fix ./...

 3. Remove the blank imports:

	rm %s

 4. From now on, run in CI (EL2007 reports packages that use the bus
    without importing the catalogue):

	eventlint -catalogue=%s ./...
`, strings.Join(files, " "), a.ImportPath)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return driver.ExitError, fmt.Errorf("writing the next steps: %w", err)
	}
	return driver.ExitOK, nil
}

// catalogueAgainst compares the catalogues at a git revision with the
// working tree's.
func catalogueAgainst(prog *driver.Program, cfg *driver.Config, opts *catalogueOptions, stdout io.Writer) (code int, err error) {
	rev, err := catalogue.ExtractRevision(prog.Dir, opts.against)
	if err != nil {
		return driver.ExitError, err
	}
	defer func() {
		if rerr := rev.Remove(); rerr != nil && err == nil {
			code, err = driver.ExitError, rerr
		}
	}()
	oldCfg := *cfg
	oldCfg.Dir = rev.Dir
	old, err := driver.Load(&oldCfg, opts.patterns)
	if err != nil {
		var le *driver.LoadError
		if errors.As(err, &le) {
			// The paths are inside the temporary copy: say which revision
			// they come from.
			return driver.ExitError, fmt.Errorf("the packages do not load at %s:\n%s", opts.against, strings.Join(le.Errors, "\n"))
		}
		return driver.ExitError, fmt.Errorf("at %s: %w", opts.against, err)
	}
	oldCats, newCats := catalogue.Catalogues(old), catalogue.Catalogues(prog)
	if len(oldCats) == 0 && len(newCats) == 0 {
		return driver.ExitError, catalogue.NoCatalogue(prog)
	}
	changes := catalogue.Compare(oldCats, newCats)
	var b strings.Builder
	breaking := 0
	for _, c := range changes {
		switch {
		case c.Breaking:
			breaking++
			b.WriteString(c.String() + "\n")
		case opts.verbose:
			b.WriteString("info: " + c.String() + "\n")
		}
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return driver.ExitError, fmt.Errorf("writing the changes: %w", err)
	}
	if breaking > 0 {
		return driver.ExitFindings, fmt.Errorf("%d breaking %s to the event catalogue since %s", breaking, plural(breaking, "change"), opts.against)
	}
	return driver.ExitOK, nil
}

// count spells n with word: "1 event", "2 events".
func count(n int, word string) string { return fmt.Sprintf("%d %s", n, plural(n, word)) }

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// relToCwd shortens an absolute path for messages.
func relToCwd(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return path
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || slices.Contains([]rune("-_./=,:+@%"), r))
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
