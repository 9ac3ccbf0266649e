package driver

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/eventlint/eventlint/analyzer"
)

// Config says how to load packages.
type Config struct {
	// Dir is the directory the go command runs in and the one paths in
	// output are made relative to; "" means the current directory.
	Dir string
	// Tests also loads the packages' test files (their test variants), as
	// go vet does. The zero Config does not; DefaultConfig does.
	Tests bool
	// BuildFlags are passed to the go command (for example -tags=integration).
	BuildFlags []string
	// Env is the go command's environment; nil means os.Environ().
	Env []string
	// Full parses and type-checks every package in full, dependencies
	// and the standard library included, and runs analyzer.Model on all
	// of them: what the driver did before it loaded selectively. It gives
	// the same findings, slower, and also reports the type errors of
	// packages that cannot reach the bus and the syntax errors of
	// dependencies that are not type-checked otherwise. Tests compare
	// the two.
	Full bool
	// Suite is the analyzer suite whose model (its bus API, -bus.funcs)
	// phase 1 runs; nil means analyzer.Default.
	Suite *analyzer.Suite
}

// DefaultConfig is the configuration of the eventlint command without
// flags: the current directory, tests included.
func DefaultConfig() *Config { return &Config{Tests: true} }

// fullMode is what the analyzers need when every package is analysed
// (Config.Full): typed syntax of every package, dependencies included
// (analyzer.Model exports facts, so it must run on the dependencies too),
// and the module of each package (Pass.Module).
const fullMode = packages.LoadAllSyntax | packages.NeedModule

// metaMode is the go list graph of the selective load: names, files, the
// import graph, modules and type sizes, but no parsing or type checking,
// which typeChecker does per package.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// Program is a loaded set of packages and the outcome of the first
// analysis phase (analyzer.Model over every package that can reach the
// bus).
type Program struct {
	// Packages are the packages matched by the patterns, test variants
	// included when Config.Tests is set; the generated test mains
	// ("x.test") are left out. Their Imports reach every dependency.
	//
	// Unless Config.Full is set, only the packages that can reach the bus
	// (see relevance) have Syntax, Types and TypesInfo: the others are
	// only parsed for their syntax errors, or type-checked for the
	// packages that import them (Types, no syntax).
	Packages []*packages.Package
	// Fset is the file set of every package.
	Fset *token.FileSet
	// Module is the module-wide view built from the matched packages'
	// own sites (test variants excluded): what Suite.SetModule takes.
	// It covers every matched package, analysed or not.
	Module *analyzer.ModuleView
	// Results are analyzer.Model's results for the matched packages
	// (their non-test variants), by package path. A package that cannot
	// reach the bus has the result Model gives it: no sites, empty
	// summaries.
	Results map[string]*analyzer.Result
	// Dir is the absolute directory paths are shown relative to.
	Dir string

	// analysed are the Packages phase 2 runs on: those that can reach the
	// bus (all of them with Config.Full). No analyzer reports anything in
	// the others (see relevance).
	analysed []*packages.Package
	// model holds Model's phase 1 result for each analysed package,
	// test variants included, for phase 2 to reuse (see guard.replay).
	model map[*types.Package]*analyzer.Result
}

// LoadError reports packages that cannot be analysed: go list errors,
// syntax errors and type errors, each as the go command or the compiler
// wrote it.
type LoadError struct {
	// Errors are "file:line:col: message" lines (or a bare message when
	// there is no position), file names relative to Config.Dir where
	// possible, deduplicated, in dependency order.
	Errors []string
}

func (e *LoadError) Error() string {
	return strings.Join(e.Errors, "\n")
}

// Load loads the packages matching patterns and runs analyzer.Model over
// them (phase 1 of the standalone driver). A package with list, syntax or
// type errors makes it fail with a *LoadError.
//
// Unless cfg.Full is set, Load runs go list once for the import graph,
// finds the packages that can reach the bus (relevance), and only parses
// and type-checks those in full; their other dependencies are
// type-checked without function bodies (with them, but no types.Info,
// if they are matched), and the other matched packages are parsed but
// not type-checked. List errors of every package and syntax errors of
// every matched package are reported; type errors are reported in the
// packages that can reach the bus, the matched packages they import and
// the declarations of their other imports, not in packages nothing that
// can reach the bus imports (go build and go vet report them).
func Load(cfg *Config, patterns []string) (*Program, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	dir, err := absDir(cfg.Dir)
	if err != nil {
		return nil, err
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pcfg := &packages.Config{
		Mode:       metaMode,
		Dir:        dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Env:        cfg.Env,
	}
	if cfg.Full {
		pcfg.Mode = fullMode
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		// The go command could not run or rejected the patterns; its
		// message says why.
		return nil, fmt.Errorf("loading %s: %w", strings.Join(patterns, " "), err)
	}
	suite := cfg.Suite
	if suite == nil {
		suite = analyzer.Default
	}
	var rel *relevance
	if !cfg.Full {
		rel = newRelevance(pkgs, suite.Bus())
		typeCheck(pkgs, rel)
	}
	if errs := packageErrors(pkgs, dir); len(errs) > 0 {
		return nil, &LoadError{Errors: errs}
	}
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool {
		// The test mains go list generates: nothing of the user's, and
		// their file lives in the build cache.
		return strings.HasSuffix(p.PkgPath, ".test")
	})
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages to analyse match %s", strings.Join(patterns, " "))
	}

	prog := &Program{
		Packages: pkgs,
		Fset:     pkgs[0].Fset,
		Dir:      dir,
		Results:  map[string]*analyzer.Result{},
		model:    map[*types.Package]*analyzer.Result{},
	}
	for _, p := range pkgs {
		if rel == nil || rel.relevant[p] {
			prog.analysed = append(prog.analysed, p)
		}
	}
	g := newGuard()
	graph, err := checker.Analyze([]*analysis.Analyzer{g.wrap(suite.Model)}, prog.analysed, nil)
	if err != nil {
		return nil, fmt.Errorf("analysing: %w", err)
	}
	if err := actionErrors(graph); err != nil {
		return nil, err
	}
	for _, act := range graph.Roots {
		res, ok := act.Result.(*analyzer.Result)
		if !ok || res == nil {
			return nil, fmt.Errorf("internal error: %s returned no result for %s", suite.Model.Name, act.Package.ID)
		}
		prog.model[act.Package.Types] = res
	}
	// Calls through interfaces that the module implements with wrappers
	// are sites: only this driver sees every implementation.
	analyzer.ResolveInterfaceCalls(slices.Collect(maps.Values(prog.model)))

	var views []*analyzer.PackageView
	for _, p := range pkgs {
		if p.ID != p.PkgPath {
			continue // a test variant: the module view is of non-test code
		}
		res := prog.model[p.Types]
		if p.Types == nil || res == nil {
			res = analyzer.EmptyResult(modulePath(p))
		}
		prog.Results[p.PkgPath] = res
		views = append(views, &analyzer.PackageView{
			Path:    p.PkgPath,
			Name:    p.Name,
			Imports: nonTestImports(p),
			Own:     res.Own,
		})
	}
	prog.Module = analyzer.NewModuleView(views)
	return prog, nil
}

// typeCheck parses and type-checks, in place, the packages of the graph
// below roots that need it: those that can reach the bus in full, and
// their dependencies for their types (the function bodies too if they
// are roots, the matched packages, for their type errors). The other
// roots are parsed for their syntax errors only.
func typeCheck(roots []*packages.Package, rel *relevance) {
	var all []*packages.Package
	for p := range packages.Postorder(roots) {
		all = append(all, p)
	}
	// Walking the postorder backwards visits importers before imports.
	need := map[*packages.Package]bool{}
	var check []*packages.Package
	for _, p := range slices.Backward(all) {
		if !rel.relevant[p] && !need[p] {
			continue
		}
		need[p] = true
		check = append(check, p)
		for _, imp := range p.Imports {
			need[imp] = true
		}
	}
	var parse []*packages.Package
	matched := map[*packages.Package]bool{}
	for _, p := range roots {
		switch {
		case strings.HasSuffix(p.PkgPath, ".test"):
			// a test main: its file is go list's
		case need[p]:
			matched[p] = true
		default:
			parse = append(parse, p)
		}
	}
	fset := token.NewFileSet()
	var sizes types.Sizes
	for _, p := range all {
		// Every package shares the file set, as with go/packages, even
		// those that are not parsed.
		p.Fset = fset
		if sizes == nil {
			sizes = p.TypesSizes // the same for all: set by NeedTypesSizes
		}
	}
	tc := &typeChecker{fset: fset, sizes: sizes, full: rel.relevant, bodies: matched}
	tc.check(check)
	tc.syntaxErrors(parse)
}

// modulePath returns the path of p's module, "" if unknown.
func modulePath(p *packages.Package) string {
	if p.Module == nil {
		return ""
	}
	return p.Module.Path
}

// nonTestImports returns the package paths p's non-test files import.
// p is a non-test variant, so its Imports are exactly those.
func nonTestImports(p *packages.Package) []string {
	paths := make([]string, 0, len(p.Imports))
	for _, imp := range p.Imports {
		paths = append(paths, imp.PkgPath)
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}

// packageErrors collects the errors of pkgs and their dependencies, as
// packages.PrintErrors would print them, but deduplicated (a package and
// its test variant report the same error) and with file names relative
// to dir.
func packageErrors(pkgs []*packages.Package, dir string) []string {
	var errs []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			errs = append(errs, s)
		}
	}
	modules := map[*packages.Module]bool{}
	for p := range packages.Postorder(pkgs) {
		// After a syntax error the type checker only reports its
		// consequences, and the parser's recovery adds more of them on
		// the same line: keep the first error of each line, as gofmt
		// does, and no type errors.
		syntax := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind == packages.ParseError })
		lines := map[string]bool{}
		for _, e := range p.Errors {
			if syntax && e.Kind == packages.TypeError {
				continue
			}
			msg := strings.TrimSpace(e.Msg)
			if e.Pos == "" || e.Pos == "-" {
				add(msg)
				continue
			}
			pos := relPos(e.Pos, dir)
			if e.Kind == packages.ParseError {
				line := lineOf(pos)
				if lines[line] {
					continue
				}
				lines[line] = true
			}
			add(pos + ": " + msg)
		}
		if m := p.Module; m != nil && m.Error != nil && !modules[m] {
			modules[m] = true
			add(m.Error.Err)
		}
	}
	return errs
}

// relPos makes the file name of a "file:line:col" position relative to
// dir when the file lies inside it.
func relPos(pos, dir string) string {
	// The file name may itself contain colons (Windows drive letters), so
	// cut the line and column off the end.
	file, rest := pos, ""
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 || !isDigits(file[i+1:]) {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	return relPath(file, dir) + rest
}

// lineOf cuts the column off a "file:line:col" position.
func lineOf(pos string) string {
	if i := strings.LastIndexByte(pos, ':'); i >= 0 && isDigits(pos[i+1:]) && strings.Count(pos, ":") >= 2 {
		return pos[:i]
	}
	return pos
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// relPath returns file relative to dir when it lies inside dir, else file.
func relPath(file, dir string) string {
	if dir == "" || !filepath.IsAbs(file) {
		return file
	}
	if rel, err := filepath.Rel(dir, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return file
}

func absDir(dir string) (string, error) {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("finding the current directory: %w", err)
		}
		return wd, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolving %s: %w", dir, err)
	}
	return abs, nil
}

// actionErrors reports the analyzers that failed, on any package: an
// error from an analyzer (or a recovered panic) is a bug to report, not a
// finding, and the results of the other packages may be incomplete.
func actionErrors(graph *checker.Graph) error {
	var errs []error
	seen := map[string]bool{}
	for act := range graph.All() {
		if act.Err == nil {
			continue
		}
		var pe *panicError
		if !errors.As(act.Err, &pe) && strings.HasPrefix(act.Err.Error(), "failed prerequisites") {
			continue // reported where it happened
		}
		msg := fmt.Sprintf("%s on %s: %v", act.Analyzer.Name, act.Package.ID, act.Err)
		if !seen[msg] {
			seen[msg] = true
			errs = append(errs, fmt.Errorf("analyzer %w", &actionError{msg: msg, err: act.Err}))
		}
	}
	return errors.Join(errs...)
}

type actionError struct {
	msg string
	err error
}

func (e *actionError) Error() string { return e.msg }
func (e *actionError) Unwrap() error { return e.err }

// guard makes copies of analyzers whose Run turns a panic into an error,
// so that a bug in one analyzer on one package is reported as such
// instead of crashing the whole run with a goroutine dump (the checker
// runs every action on its own goroutine, where nothing else could
// recover it). The copies hand the original analyzers to Run, so
// pass.ResultOf[analyzer.Model] keeps working.
//
// With replay set, the copy of analyzer.Model does not run Model: it
// returns the result replay holds for the package, and declares no facts,
// so the checker does not visit the package's dependencies for it.
type guard struct {
	wrapped map[*analysis.Analyzer]*analysis.Analyzer
	orig    map[*analysis.Analyzer]*analysis.Analyzer
	replay  map[*types.Package]*analyzer.Result
}

func newGuard() *guard {
	return &guard{wrapped: map[*analysis.Analyzer]*analysis.Analyzer{}, orig: map[*analysis.Analyzer]*analysis.Analyzer{}}
}

func (g *guard) wrapAll(as []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = g.wrap(a)
	}
	return out
}

func (g *guard) wrap(a *analysis.Analyzer) *analysis.Analyzer {
	if w, ok := g.wrapped[a]; ok {
		return w
	}
	w := &analysis.Analyzer{
		Name:             a.Name,
		Doc:              a.Doc,
		URL:              a.URL,
		RunDespiteErrors: a.RunDespiteErrors,
		ResultType:       a.ResultType,
		FactTypes:        a.FactTypes,
	}
	g.wrapped[a] = w
	g.orig[w] = a
	w.Requires = g.wrapAll(a.Requires)
	run := a.Run
	if isModel(a) && g.replay != nil {
		w.FactTypes = nil
		run = func(pass *analysis.Pass) (any, error) {
			res, ok := g.replay[pass.Pkg]
			if !ok {
				return nil, fmt.Errorf("internal error: no phase 1 result for %s", pass.Pkg.Path())
			}
			return res, nil
		}
	}
	w.Run = func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = &panicError{value: r, stack: stack()}
			}
		}()
		p := *pass
		p.Analyzer = a
		p.ResultOf = make(map[*analysis.Analyzer]any, len(pass.ResultOf))
		for k, v := range pass.ResultOf {
			if o, ok := g.orig[k]; ok {
				k = o
			}
			p.ResultOf[k] = v
		}
		return run(&p)
	}
	return w
}

// isModel reports whether a is the model analyzer of a suite, whose
// result every check reads.
func isModel(a *analysis.Analyzer) bool { return a.ResultType == reflect.TypeFor[*analyzer.Result]() }

// original returns the analyzer w wraps, or w.
func (g *guard) original(w *analysis.Analyzer) *analysis.Analyzer {
	if o, ok := g.orig[w]; ok {
		return o
	}
	return w
}

type panicError struct {
	value any
	stack string
}

func (e *panicError) Error() string {
	return fmt.Sprintf("internal error: panic: %v\n\n%s\nplease report this at https://github.com/eventlint/eventlint/issues", e.value, e.stack)
}

// sortedKeys is maps.Keys in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
