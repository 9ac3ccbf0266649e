package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sync"

	"golang.org/x/tools/go/packages"
)

// typeChecker parses and type-checks packages of a go list graph loaded
// without types, as go/packages would with LoadAllSyntax, but with a mode
// per package: go/packages has one mode for every package, and the only
// way it offers to type-check some packages without syntax is export
// data, which makes go list compile every package (a full build on a cold
// build cache) and costs a second go list, which takes longer than the
// whole analysis at a few thousand packages (go list -test is slow there).
//
// Full packages get syntax (comments and object resolution, as
// go/packages parses) and a complete types.Info. Other packages are only
// type-checked for their importers: there is no types.Info, their syntax
// is dropped afterwards, and function bodies are skipped unless the
// package is in bodies (a package the user named, whose type errors
// count). The parse and type errors found are added to each package's
// Errors, as go/packages adds them.
type typeChecker struct {
	fset   *token.FileSet
	sizes  types.Sizes
	full   map[*packages.Package]bool
	bodies map[*packages.Package]bool

	parseMu sync.Mutex
	parsed  map[string]*parsedFile // full packages' files: a package and its test variant share them
}

type parsedFile struct {
	ready chan struct{}
	file  *ast.File
	err   error
}

// check type-checks pkgs, which must contain the imports of each of its
// packages, in dependency order, in parallel.
func (tc *typeChecker) check(pkgs []*packages.Package) {
	tc.parsed = map[string]*parsedFile{}
	in := make(map[*packages.Package]bool, len(pkgs))
	for _, p := range pkgs {
		in[p] = true
	}
	// preds are the packages waiting for each package; pending counts the
	// imports each package still waits for.
	preds := map[*packages.Package][]*packages.Package{}
	pending := make(map[*packages.Package]int, len(pkgs))
	var leaves []*packages.Package
	for _, p := range pkgs {
		n := 0
		for _, imp := range p.Imports {
			if in[imp] {
				preds[imp] = append(preds[imp], p)
				n++
			}
		}
		pending[p] = n
		if n == 0 {
			leaves = append(leaves, p)
		}
	}

	// A goroutine per package whose imports are done; a semaphore keeps
	// parsing and type checking to one package per CPU.
	cpu := make(chan struct{}, runtime.GOMAXPROCS(0))
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	var start func(p *packages.Package)
	start = func(p *packages.Package) {
		wg.Go(func() {
			cpu <- struct{}{}
			tc.checkPackage(p)
			<-cpu
			mu.Lock()
			var ready []*packages.Package
			for _, pred := range preds[p] {
				if pending[pred]--; pending[pred] == 0 {
					ready = append(ready, pred)
				}
			}
			mu.Unlock()
			for _, r := range ready {
				start(r)
			}
		})
	}
	for _, p := range leaves {
		start(p)
	}
	wg.Wait()
	tc.parsed = nil
}

// checkPackage parses and type-checks p, whose imports are done.
func (tc *typeChecker) checkPackage(p *packages.Package) {
	p.Fset = tc.fset
	p.TypesSizes = tc.sizes
	if p.PkgPath == "unsafe" {
		p.Types = types.Unsafe
		p.Syntax = []*ast.File{}
		p.TypesInfo = newTypesInfo()
		return
	}
	// The name go list reports, not the files': a mismatch is a go list
	// error already.
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	full := tc.full[p]

	addError := func(err error) {
		// The conversions of go/packages, for the same messages.
		if err, ok := err.(types.Error); ok {
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
			return
		}
		p.Errors = append(p.Errors, syntaxError(err)...)
	}

	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		f, err := tc.parse(name, full)
		if err != nil {
			addError(err)
		}
		if f != nil {
			files = append(files, f)
		}
	}

	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil || imp.Types == nil || !imp.Types.Complete() {
				// go list found no package for the import (it reported
				// why), or an import cycle.
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return imp.Types, nil
		}),
		IgnoreFuncBodies: !full && !tc.bodies[p],
		Error:            addError,
		Sizes:            tc.sizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	var info *types.Info
	if full {
		info = newTypesInfo()
	}
	if err := types.NewChecker(conf, tc.fset, p.Types, info).Files(files); err != nil && len(p.Errors) == 0 {
		addError(err) // an error the checker did not report: the package is ill-typed all the same
	}

	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
	if full {
		p.Syntax, p.TypesInfo = files, info
	}
	// Otherwise the syntax is dropped: only the types are needed, by the
	// package's importers.
}

// parse parses the Go file name: with comments and object resolution for
// full packages (as go/packages does, once per file), and without object
// resolution, uncached, for the others.
func (tc *typeChecker) parse(name string, full bool) (*ast.File, error) {
	if !full {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		return parser.ParseFile(tc.fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	}
	tc.parseMu.Lock()
	pf, ok := tc.parsed[name]
	if !ok {
		pf = &parsedFile{ready: make(chan struct{})}
		tc.parsed[name] = pf
	}
	tc.parseMu.Unlock()
	if ok {
		<-pf.ready
		return pf.file, pf.err
	}
	defer close(pf.ready)
	src, err := os.ReadFile(name)
	if err != nil {
		pf.err = err
		return nil, err
	}
	pf.file, pf.err = parser.ParseFile(tc.fset, name, src, parser.AllErrors|parser.ParseComments)
	return pf.file, pf.err
}

// syntaxErrors parses the files of pkgs, each file once, in parallel, and
// adds their syntax errors to the packages' Errors; the syntax is dropped.
// It is for the matched packages that are not type-checked: parsing costs
// little next to type checking, and a file that does not parse must fail
// the run even when its package cannot reach the bus.
func (tc *typeChecker) syntaxErrors(pkgs []*packages.Package) {
	var names []string
	errs := map[string][]packages.Error{} // by file name, once parsed
	for _, p := range pkgs {
		for _, name := range p.CompiledGoFiles {
			if _, ok := errs[name]; !ok {
				errs[name] = nil
				names = append(names, name)
			}
		}
	}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
	)
	work := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for name := range work {
				var found []packages.Error
				_, err := tc.parseOnly(name)
				if err != nil {
					found = syntaxError(err)
				}
				mu.Lock()
				errs[name] = found
				mu.Unlock()
			}
		})
	}
	for _, name := range names {
		work <- name
	}
	close(work)
	wg.Wait()
	for _, p := range pkgs {
		for _, name := range p.CompiledGoFiles {
			p.Errors = append(p.Errors, errs[name]...)
		}
		p.IllTyped = p.IllTyped || len(p.Errors) > 0
	}
}

// parseOnly parses the Go file name for its syntax errors alone.
func (tc *typeChecker) parseOnly(name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(tc.fset, name, src, parser.AllErrors|parser.SkipObjectResolution)
}

// syntaxError converts an error of reading or parsing a file as
// go/packages does, for the same messages; any other error has no
// position.
func syntaxError(err error) []packages.Error {
	switch err := err.(type) {
	case scanner.ErrorList:
		out := make([]packages.Error, len(err))
		for i, e := range err {
			out[i] = packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError}
		}
		return out
	case *os.PathError:
		return []packages.Error{{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError}}
	}
	return []packages.Error{{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError}}
}

// newTypesInfo is the types.Info go/packages fills for LoadAllSyntax.
func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
