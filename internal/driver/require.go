package driver

import (
	"fmt"

	"golang.org/x/tools/go/packages"

	"github.com/eventlint/eventlint/analyzer"
)

// checkRequired reports why path, the value of the catalogue analyzer's
// require flag (spelt flag on the command line), cannot name the
// catalogue: no package has that import path, or the package is not a
// catalogue. Without the check every bus call would report that the
// package does not see the required catalogue, which hides the typo.
//
// The package is looked up in the loaded graph first (the matched
// packages and their dependencies), then with the go command, since a
// catalogue that no loaded package imports is a finding at every bus
// call, not an error.
func checkRequired(cfg *Config, prog *Program, flag, path string) error {
	var found *packages.Package
	for p := range packages.Postorder(prog.Packages) {
		if p.PkgPath == path && p.ID == p.PkgPath {
			found = p
			break
		}
	}
	if found == nil {
		pkgs, err := packages.Load(&packages.Config{
			Mode:       packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles,
			Dir:        prog.Dir,
			BuildFlags: cfg.BuildFlags,
			Env:        cfg.Env,
		}, path)
		if err != nil {
			return fmt.Errorf("%s=%s: %w", flag, path, err)
		}
		if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
			return fmt.Errorf("%s=%s: no package has the import path %s: give the import path of the catalogue package", flag, path, path)
		}
		if found = pkgs[0]; found.PkgPath != path {
			return fmt.Errorf("%s=%s: want an import path: %s", flag, path, found.PkgPath)
		}
	}
	if !newHeadCache().catalogues([]*packages.Package{found})[found] {
		return fmt.Errorf("%s=%s: package %s is not an event catalogue (no %s directive above its package clause)", flag, path, path, analyzer.CatalogueDirective)
	}
	return nil
}
