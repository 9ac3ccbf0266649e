package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventlint/eventlint/internal/catalogue"
	"github.com/eventlint/eventlint/internal/driver"
)

func init() {
	subcommands["graph"] = runGraph
	subcommandHelp["graph"] = "draw the event flow (Mermaid, Graphviz DOT): who emits what and who handles it, with the problems"
}

const graphUsage = `eventlint graph draws the event flow: the packages that emit each event,
the event, and the packages that handle it.

Usage:
  eventlint graph [-format mermaid|dot] [-program PKG] [-o FILE] [packages]

The packages default to ./... ; flags come before them.

Without -program the graph is module-wide: every loaded package's
non-test emits and subscriptions. With -program, only what is linked
into that program (a command among the packages, or one added to them:
./cmd/clinic or its import path).

The problems the checks report are drawn in, red and dashed: an event a
program emits without linking in a handler (EL3001, "no handler in
cmd/x"), a package whose handlers no command imports (EL3003, module-wide
only), and the emits of a deprecated event (EL2003). Events emitted under
a name computed at run time are not drawn.

-format mermaid (the default) writes a Mermaid flowchart, which GitHub
renders in Markdown; -format dot writes Graphviz DOT, for
"dot -Tsvg". The output is deterministic.

Flags:
`

const graphExits = `
Exit codes:
  0  drawn
  2  error: bad flag, packages that do not load, a -program that is not
     one package

https://github.com/eventlint/eventlint/blob/main/docs/graph.md
`

// graphOptions are the parsed command line of eventlint graph.
type graphOptions struct {
	format   string
	program  string
	out      string
	tags     string
	patterns []string
}

func runGraph(args []string) int {
	return graphMain(args, os.Stdout, os.Stderr)
}

// graphMain runs eventlint graph and returns its exit code.
func graphMain(args []string, stdout, stderr io.Writer) int {
	code, err := graphRun(args, stdout)
	if err != nil {
		var le *driver.LoadError
		if errors.As(err, &le) {
			for _, e := range le.Errors {
				fmt.Fprintln(stderr, e)
			}
		} else {
			fmt.Fprintf(stderr, "eventlint graph: %v\n", err)
		}
	}
	return code
}

func graphFlags() (*flag.FlagSet, *graphOptions) {
	opts := &graphOptions{format: "mermaid"}
	fs := flag.NewFlagSet("eventlint graph", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are returned, help is printed by graphRun
	fs.StringVar(&opts.format, "format", opts.format, "output `format`: mermaid or dot")
	fs.StringVar(&opts.program, "program", "", "draw only what is linked into the program `package` (a directory such as ./cmd/x, or an import path)")
	fs.StringVar(&opts.out, "o", "", "write the graph to `file` instead of stdout")
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build `tags` to consider satisfied")
	return fs, opts
}

func graphHelp() string {
	fs, _ := graphFlags()
	return flagsHelp(fs, graphUsage, graphExits)
}

func graphRun(args []string, stdout io.Writer) (int, error) {
	fs, opts := graphFlags()
	if done, code, err := parseSubcommand(fs, args, graphHelp, stdout); done {
		return code, err
	}
	opts.patterns = fs.Args()
	for _, p := range opts.patterns {
		if strings.HasPrefix(p, "-") {
			return driver.ExitError, fmt.Errorf("flag %s after the package patterns: flags come first (eventlint graph [flags] [packages])", p)
		}
	}
	render, ok := catalogue.GraphFormats[opts.format]
	if !ok {
		return driver.ExitError, fmt.Errorf("unknown format %q: want mermaid or dot", opts.format)
	}

	cfg := &driver.Config{} // no test files: tests are not linked into programs
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	patterns := opts.patterns
	if opts.program != "" {
		if len(patterns) == 0 {
			patterns = []string{"./..."}
		}
		patterns = append(patterns, opts.program) // loaded with the others, whether or not they match it
	}
	prog, err := driver.Load(cfg, patterns)
	if err != nil {
		return driver.ExitError, err
	}
	program := ""
	if opts.program != "" {
		if program, err = programPath(prog, opts.program); err != nil {
			return driver.ExitError, err
		}
	}
	g, err := catalogue.BuildGraph(prog, program)
	if err != nil {
		return driver.ExitError, err
	}
	out := render(g)
	if opts.out != "" {
		if err := os.WriteFile(opts.out, out, 0o644); err != nil {
			return driver.ExitError, fmt.Errorf("writing the graph: %w", err)
		}
		return driver.ExitOK, nil
	}
	if _, err := stdout.Write(out); err != nil {
		return driver.ExitError, fmt.Errorf("writing the graph: %w", err)
	}
	return driver.ExitOK, nil
}

// programPath returns the import path of the loaded package that -program
// names: a directory (relative to prog.Dir when it is not absolute) or an
// import path.
func programPath(prog *driver.Program, program string) (string, error) {
	dir := program
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(prog.Dir, dir)
	}
	isDir := filepath.IsAbs(program) || program == "." || program == ".." ||
		strings.HasPrefix(program, "./") || strings.HasPrefix(program, "../")
	for _, p := range prog.Packages {
		if p.ID != p.PkgPath {
			continue // a test variant
		}
		if p.PkgPath == program || isDir && p.Dir == dir {
			return p.PkgPath, nil
		}
	}
	return "", fmt.Errorf("-program %s names no package: give one package, such as ./cmd/x", program)
}
