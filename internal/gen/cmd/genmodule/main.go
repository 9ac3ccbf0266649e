// Command genmodule writes a synthetic Go module that uses the eventlint
// bus, for measuring eventlint at scale:
//
//	go run ./internal/gen/cmd/genmodule -n 1000 -o /tmp/synth1000
//	cd /tmp/synth1000 && go build ./... && go vet ./...
//
// The module's go.mod replaces github.com/eventlint/eventlint with the
// eventlint checkout (found from the current directory, or -repo), so it
// builds offline. The same flags always give the same files. The findings
// planted in it are listed in EXPECTED.txt at its root. See package
// github.com/eventlint/eventlint/internal/gen for the layout.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventlint/eventlint/internal/gen"
)

func main() {
	var cfg gen.Config
	out := flag.String("o", "", "directory to write the module to (must not exist or be empty)")
	flag.IntVar(&cfg.Packages, "n", 100, "number of library packages")
	flag.IntVar(&cfg.Layers, "layers", 10, "number of layers of library packages")
	flag.IntVar(&cfg.Fanout, "fanout", 3, "imports of each package from the layer below")
	flag.Float64Var(&cfg.EventShare, "share", 0.2, "share of the library packages that emit and handle events")
	flag.IntVar(&cfg.Commands, "commands", 3, "number of commands (cmd/app1..appK)")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "seed of the pseudo-random choices")
	flag.StringVar(&cfg.Module, "module", "example.com/synth", "module path")
	flag.StringVar(&cfg.Repo, "repo", "", "the eventlint checkout to replace the module with (default: found from the current directory)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: genmodule -n N -o DIR [flags]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	if cfg.Repo == "" {
		repo, err := findRepo()
		if err != nil {
			fmt.Fprintln(os.Stderr, "genmodule:", err)
			os.Exit(1)
		}
		cfg.Repo = repo
	}
	start := time.Now()
	res, err := gen.Generate(*out, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genmodule:", err)
		os.Exit(1)
	}
	fmt.Printf("genmodule: %s: %d packages, %d events, %d files, %d lines of Go, %d planted findings (EXPECTED.txt), in %v\n",
		res.Dir, len(res.Packages), res.Events, res.Files, res.Lines, len(res.Findings), time.Since(start).Round(time.Millisecond))
}

// findRepo returns the closest directory above the current one whose
// go.mod declares the eventlint module.
func findRepo() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/eventlint/eventlint\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no eventlint checkout above the current directory: pass -repo")
		}
		dir = parent
	}
}
