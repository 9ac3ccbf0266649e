package driver

import (
	"bytes"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/eventlint/eventlint/analyzer"
)

// relevance decides which packages of a metadata graph can reach the bus:
// those analyzer.Model does more than return at once for, plus some it
// still returns at once for (an over-approximation is only slower; an
// under-approximation would lose findings).
//
// Model works on a package that can reach the bus (analyzer.ReachesBus: a
// bus library is among its transitive imports), that is a catalogue (the
// directive above a file's package clause), or one of whose imports
// exports a Summary fact. A package exports a Summary only if Model
// worked on it. So the packages Model works on are among those that are
// catalogues, import a bus library, or import such a package,
// transitively: that closure is what relevance computes, on the go list
// import graph (the type checker's imports and possibly more), each test
// variant on its own (its test files may import the bus when the
// package's other files do not).
//
// The analyzers report nothing in the other packages: every finding is at
// a site, a catalogue constant, an ignore directive of a package Model
// worked on, or at func main of a command whose Summary is not empty, and
// their Model result (analyzer.EmptyResult) is what they would get if
// they were analysed.
type relevance struct {
	relevant map[*packages.Package]bool
}

// newRelevance computes the relevant packages of the graph below roots.
// Generated test mains ("x.test") are never relevant: nothing of the
// user's is in them, and no analysis runs on them.
func newRelevance(roots []*packages.Package, api *analyzer.BusAPI) *relevance {
	r := &relevance{relevant: map[*packages.Package]bool{}}
	var all []*packages.Package
	for p := range packages.Postorder(roots) {
		all = append(all, p)
	}
	catalogue := newHeadCache().catalogues(all)
	declares := busDeclarers(all)
	// Postorder visits a package after its imports, so one pass decides.
	for _, p := range all {
		if strings.HasSuffix(p.PkgPath, ".test") {
			continue
		}
		rel := catalogue[p] || declares[p]
		for _, imp := range p.Imports {
			if rel {
				break
			}
			rel = api.IsBusPath(imp.PkgPath) || r.relevant[imp]
		}
		if rel {
			r.relevant[p] = true
		}
	}
	return r
}

// busDeclarers returns the packages among pkgs, those of the standard
// library aside, one of whose files may carry a bus directive: it
// contains the directive's text anywhere (an over-approximation of
// analyzer's hasBusDirective). An unreadable file counts as carrying one.
func busDeclarers(pkgs []*packages.Package) map[*packages.Package]bool {
	out := map[*packages.Package]bool{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	work := make(chan *packages.Package)
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range work {
				for _, f := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
					src, err := os.ReadFile(f)
					if err != nil || bytes.Contains(src, []byte(analyzer.EmitDirective)) || bytes.Contains(src, []byte(analyzer.SubscribeDirective)) {
						mu.Lock()
						out[p] = true
						mu.Unlock()
						break
					}
				}
			}
		})
	}
	for _, p := range pkgs {
		if p.Module != nil { // the standard library declares no bus
			work <- p
		}
	}
	close(work)
	wg.Wait()
	return out
}

// headCache reads the comments above the package clause of Go files,
// once per file (a package and its test variant share files).
type headCache struct {
	mu    sync.Mutex
	files map[string]bool // file name -> carries the catalogue directive
}

func newHeadCache() *headCache { return &headCache{files: map[string]bool{}} }

// catalogues returns the packages among pkgs one of whose files carries
// the catalogue directive above its package clause: the files Model sees
// (CompiledGoFiles) and, for cgo packages, the files they come from.
func (h *headCache) catalogues(pkgs []*packages.Package) map[*packages.Package]bool {
	var names []string
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
			if !seen[f] {
				seen[f] = true
				names = append(names, f)
			}
		}
	}
	// Reading heads is I/O: a few readers keep the disk busy without
	// competing with anything else (nothing else runs yet).
	work := make(chan string)
	var wg sync.WaitGroup
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for name := range work {
				found := hasDirectiveHead(name)
				h.mu.Lock()
				h.files[name] = found
				h.mu.Unlock()
			}
		})
	}
	for _, name := range names {
		work <- name
	}
	close(work)
	wg.Wait()

	out := map[*packages.Package]bool{}
	for _, p := range pkgs {
		for _, f := range slices.Concat(p.CompiledGoFiles, p.GoFiles) {
			if h.files[f] {
				out[p] = true
				break
			}
		}
	}
	return out
}

// headSize is how much of a file is read first to find its package
// clause; files with longer heads (license texts, long package docs) are
// read again in full.
const headSize = 8 << 10

// hasDirectiveHead reports whether the Go file name has a comment that is
// the catalogue directive above its package clause, as analyzer's
// hasCatalogueDirective decides on the parsed file. An unreadable file
// counts as carrying it: its package is then loaded, and the loader says
// why the file cannot be read.
func hasDirectiveHead(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return true
	}
	defer f.Close()
	buf := make([]byte, headSize)
	n, err := io.ReadFull(f, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		found, _ := scanHead(buf[:n])
		return found
	}
	if err != nil {
		return true
	}
	if found, complete := scanHead(buf); complete {
		return found
	}
	// The prefix ends inside the comments above the package clause (a
	// comment may be cut short): scan the whole file.
	rest, err := io.ReadAll(f)
	if err != nil {
		return true
	}
	found, _ := scanHead(append(buf, rest...))
	return found
}

// scanHead reports whether one of the comments before the first token of
// src that is not a comment is the catalogue directive, and whether src
// has such a token (if not, src may be a prefix cut short).
func scanHead(src []byte) (found, complete bool) {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, src, nil, scanner.ScanComments) // errors only end the scan
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.COMMENT:
			// The scanner has dropped carriage returns, as the parser's
			// comments have.
			if lit == analyzer.CatalogueDirective || strings.HasPrefix(lit, analyzer.CatalogueDirective+" ") {
				found = true
			}
		case token.EOF:
			return found, false
		default:
			return found, true
		}
	}
}
