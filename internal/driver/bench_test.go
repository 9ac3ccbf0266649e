package driver

import (
	"bytes"
	"encoding/gob"
	"os"
	"strconv"
	"testing"

	"github.com/eventlint/eventlint/analyzer"
	"github.com/eventlint/eventlint/internal/gen"
)

// BenchmarkAnalyzeGenerated measures what eventlint ./... does (Load and
// Analyze with the default configuration) on a module written by
// internal/gen with EVENTLINT_BENCH_N library packages (default 30, so
// that go test -bench . -benchtime 1x stays quick), or on the module in
// EVENTLINT_BENCH_DIR (for example one genmodule wrote, or any other
// module: the summary metrics are then those of its packages).
//
// Sub-benchmarks: selective is the default load; full is Config.Full,
// which type-checks and analyses every package as the driver did before
// it loaded selectively. Each reports the matched packages and the size
// of the Summary facts (gob-encoded, each on its own, as go vet writes
// them to its fact files): the largest one of a command, and the total
// over the matched packages, which grows with packages x sites since every
// package's fact holds the sites of its closure. (In memory the folded
// summaries share their records, so the standalone driver does not hold
// that total; see analyzer.Summary.)
//
//	EVENTLINT_BENCH_N=1000 go test -run '^$' -bench AnalyzeGenerated -benchtime 1x ./internal/driver
//
// scripts/bench-scale.sh compares the eventlint command with go vet at
// several sizes; see BENCHMARKS.md.
func BenchmarkAnalyzeGenerated(b *testing.B) {
	dir := os.Getenv("EVENTLINT_BENCH_DIR")
	if dir == "" {
		n := 30
		if s := os.Getenv("EVENTLINT_BENCH_N"); s != "" {
			var err error
			if n, err = strconv.Atoi(s); err != nil || n <= 0 {
				b.Fatalf("EVENTLINT_BENCH_N=%q: want a positive number", s)
			}
		}
		dir = b.TempDir()
		if _, err := gen.Generate(dir, gen.Config{Packages: n, Repo: "../.."}); err != nil {
			b.Fatal(err)
		}
	}
	for _, mode := range []struct {
		name string
		full bool
	}{{"selective", false}, {"full", true}} {
		b.Run(mode.name, func(b *testing.B) {
			cfg := &Config{Dir: dir, Tests: true, Env: offlineEnv(), Full: mode.full}
			var prog *Program
			for b.Loop() {
				var err error
				prog, err = Load(cfg, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := prog.Analyze(analyzer.NewSuite(), nil); err != nil {
					b.Fatal(err)
				}
			}
			mainSize, total := summarySizes(b, prog)
			b.ReportMetric(float64(len(prog.Module.Packages)), "packages")
			b.ReportMetric(float64(len(prog.analysed)), "analysed")
			b.ReportMetric(float64(mainSize), "main-summary-B")
			b.ReportMetric(float64(total), "total-summary-B")
		})
	}
}

// summarySizes returns the gob size of the largest Summary of a command
// and the total of the Summary facts of the matched packages (those
// Model exports: the non-empty ones).
func summarySizes(b *testing.B, prog *Program) (mainSize, total int) {
	for _, pv := range prog.Module.Packages {
		sum := prog.Results[pv.Path].Summary.Flat() // as a fact file holds it
		if len(sum.Emits)+len(sum.Subs)+len(sum.Dynamic)+len(sum.Wrappers)+len(sum.Catalogues) == 0 {
			continue // no fact exported
		}
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(sum); err != nil {
			b.Fatalf("encoding the summary of %s: %v", pv.Path, err)
		}
		total += buf.Len()
		if pv.Name == "main" {
			mainSize = max(mainSize, buf.Len())
		}
	}
	return mainSize, total
}
