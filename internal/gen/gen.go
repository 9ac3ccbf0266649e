// Package gen writes synthetic Go modules that use the eventlint bus, for
// measuring and stress-testing eventlint on repositories of a chosen size.
//
// A generated module has Config.Packages library packages arranged in
// layers (l00, l01, ...): every package of a layer imports a few packages of
// the layer below, and every package of a layer is imported by at least one
// package of the layer above, so the commands (cmd/app1, ...), which import
// the top layer, link every package in. A share of the packages use the bus:
// each emits one event of the catalogue package (events, marked
// //eventlint:catalogue) and the handler of that event is registered from
// init in a package the emitter imports (so every program that links the
// emit links the handler too). The rest is plain code: types, methods, a
// little arithmetic and string handling, some generics and tests, enough
// that loading and type checking cost something.
//
// A few findings are planted at known places (Result.Findings, also written
// to EXPECTED.txt at the module root) so that a run is never trivially empty.
//
// The output depends only on the Config: the same Config gives the same
// files, byte for byte.
package gen

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Config describes the module to generate. Zero fields take the defaults
// shown.
type Config struct {
	Packages   int     // library packages (100)
	Layers     int     // layers of library packages (10; at most Packages)
	Fanout     int     // imports of each package from the layer below (3)
	EventShare float64 // share of library packages that use the bus (0.2)
	Commands   int     // commands cmd/app1..appK (3)
	Seed       uint64  // seed of the pseudo-random choices (1)
	Module     string  // module path ("example.com/synth")
	// Repo is the directory of the eventlint module, for the replace
	// directive in go.mod (required; made absolute). Its go.sum is copied.
	Repo string
}

func (c *Config) defaults() error {
	if c.Packages <= 0 {
		c.Packages = 100
	}
	if c.Layers <= 0 {
		c.Layers = 10
	}
	c.Layers = min(c.Layers, c.Packages)
	if c.Fanout <= 0 {
		c.Fanout = 3
	}
	if c.EventShare <= 0 {
		c.EventShare = 0.2
	}
	c.EventShare = min(c.EventShare, 1)
	if c.Commands <= 0 {
		c.Commands = 3
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Module == "" {
		c.Module = "example.com/synth"
	}
	if c.Repo == "" {
		return errors.New("gen: Config.Repo (the eventlint module directory) is required")
	}
	abs, err := filepath.Abs(c.Repo)
	if err != nil {
		return err
	}
	c.Repo = abs
	return nil
}

// Finding is a planted finding: the check expected to report it, where
// (a slash-separated path relative to the module root, and a line), and
// what was planted.
type Finding struct {
	Check string
	File  string
	Line  int
	Note  string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s %s:%d %s", f.Check, f.File, f.Line, f.Note)
}

// Result describes a generated module.
type Result struct {
	Dir      string
	Packages []string // import paths of every package, sorted
	Events   int      // events in the catalogue
	Files    int      // files written
	Lines    int      // lines of Go written
	Findings []Finding
}

// Generate writes the module described by cfg into dir, which must not
// exist or be empty.
func Generate(dir string, cfg Config) (*Result, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("gen: %s is not empty", dir)
	}
	sum, err := os.ReadFile(filepath.Join(cfg.Repo, "go.sum"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	files, res, err := build(cfg)
	if err != nil {
		return nil, err
	}
	files["go.sum"] = sum
	res.Dir = dir
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return nil, err
		}
		res.Files++
		if strings.HasSuffix(name, ".go") {
			res.Lines += bytes.Count(files[name], []byte("\n"))
		}
	}
	return res, nil
}

// pkg is one library package being generated.
type pkg struct {
	index   int
	layer   int
	name    string // package name, p0042
	dir     string // slash path relative to the module root, l03/p0042
	imports []int  // library packages it imports, sorted
	event   *event // the event it emits, if it uses the bus
	handles []*event
	test    bool // has a _test.go file
}

// event is one catalogued event.
type event struct {
	n       int
	konst   string // Order12Shipped
	name    string // order12.shipped
	payload string // Order12, the payload struct in the catalogue
	emitter *pkg
	handler *pkg // nil: nobody subscribes (a planted finding)
	style   int  // how the emitter emits: 0 bus.Emit, 1 a local wrapper, 2 (*bus.Bus).Emit
}

var nouns = []string{
	"order", "invoice", "shipment", "customer", "payment", "account", "ticket", "booking",
	"cart", "product", "review", "member", "session", "report", "contract", "delivery",
}

var verbs = []string{
	"created", "updated", "deleted", "shipped", "paid", "approved", "cancelled", "archived",
	"opened", "closed", "assigned", "sent", "renewed", "rejected", "confirmed", "imported",
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// build generates every file of the module but go.sum, by slash path.
func build(cfg Config) (map[string][]byte, *Result, error) {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed_e7e1))
	n := cfg.Packages
	width := max(4, len(strconv.Itoa(n-1)))
	pkgs := make([]*pkg, n)
	layerStart := make([]int, cfg.Layers+1)
	for l := range layerStart {
		layerStart[l] = l * n / cfg.Layers
	}
	for l := range cfg.Layers {
		for i := layerStart[l]; i < layerStart[l+1]; i++ {
			name := fmt.Sprintf("p%0*d", width, i)
			pkgs[i] = &pkg{index: i, layer: l, name: name, dir: fmt.Sprintf("l%02d/%s", l, name)}
		}
	}

	// Imports: cover every package of the layer below, then fill up to
	// Fanout with random picks.
	for l := 1; l < cfg.Layers; l++ {
		lo, hi := layerStart[l-1], layerStart[l]
		count := layerStart[l+1] - layerStart[l]
		for j := lo; j < hi; j++ {
			p := pkgs[layerStart[l]+(j-lo)%count]
			p.imports = append(p.imports, j)
		}
		for i := layerStart[l]; i < layerStart[l+1]; i++ {
			p := pkgs[i]
			for tries := 0; len(p.imports) < min(cfg.Fanout, hi-lo) && tries < 4*cfg.Fanout; tries++ {
				if j := lo + rng.IntN(hi-lo); !slices.Contains(p.imports, j) {
					p.imports = append(p.imports, j)
				}
			}
			slices.Sort(p.imports)
		}
	}

	// Event packages: an exact share, chosen at random, in index order.
	nEvents := max(min(2, n), int(float64(n)*cfg.EventShare+0.5))
	perm := rng.Perm(n)[:nEvents]
	slices.Sort(perm)
	var events []*event
	for k, i := range perm {
		noun := nouns[rng.IntN(len(nouns))]
		verb := verbs[rng.IntN(len(verbs))]
		agg := fmt.Sprintf("%s%d", noun, k)
		ev := &event{
			n:       k,
			konst:   title(agg) + title(verb),
			name:    agg + "." + verb,
			payload: title(agg),
			emitter: pkgs[i],
			style:   k % 3,
		}
		pkgs[i].event = ev
		events = append(events, ev)
	}
	// The handler of each event lives in the nearest package that uses
	// the bus among the emitter's imports (breadth first), else in the
	// emitter itself: every program that links the emit links the handler.
	for _, ev := range events {
		ev.handler = nearestEventPkg(pkgs, ev.emitter)
		ev.handler.handles = append(ev.handler.handles, ev)
	}
	for _, p := range pkgs {
		p.test = rng.IntN(4) == 0
	}

	g := &generator{cfg: cfg, pkgs: pkgs, events: events, files: map[string][]byte{}}
	g.plant()
	g.goMod()
	if err := g.catalogue(); err != nil {
		return nil, nil, err
	}
	for _, p := range pkgs {
		if err := g.library(p, rng); err != nil {
			return nil, nil, err
		}
	}
	top := pkgs[layerStart[cfg.Layers-1]:]
	for k := 1; k <= cfg.Commands; k++ {
		if err := g.command(k, top, rng); err != nil {
			return nil, nil, err
		}
	}
	g.markUnsubscribed()
	if err := g.locate(); err != nil {
		return nil, nil, err
	}
	var b strings.Builder
	b.WriteString("# Findings planted by eventlint's internal/gen: check file:line what\n")
	for _, f := range g.findings {
		b.WriteString(f.String() + "\n")
	}
	g.files["EXPECTED.txt"] = []byte(b.String())

	res := &Result{Events: len(events) + len(g.extra), Findings: g.findings}
	res.Packages = append(res.Packages, cfg.Module+"/events")
	for _, p := range pkgs {
		res.Packages = append(res.Packages, cfg.Module+"/"+p.dir)
	}
	for k := 1; k <= cfg.Commands; k++ {
		res.Packages = append(res.Packages, fmt.Sprintf("%s/cmd/app%d", cfg.Module, k))
	}
	slices.Sort(res.Packages)
	return g.files, res, nil
}

func nearestEventPkg(pkgs []*pkg, from *pkg) *pkg {
	seen := map[int]bool{from.index: true}
	queue := slices.Clone(from.imports)
	for len(queue) > 0 && len(seen) < 256 {
		i := queue[0]
		queue = queue[1:]
		if seen[i] {
			continue
		}
		seen[i] = true
		if pkgs[i].event != nil {
			return pkgs[i]
		}
		queue = append(queue, pkgs[i].imports...)
	}
	return from
}

type generator struct {
	cfg    Config
	pkgs   []*pkg
	events []*event
	files  map[string][]byte

	// Planted findings: where they go, and markers to find their lines
	// in the formatted files.
	badLiteral *pkg     // emits "<Noun>Archived": EL1001
	dynamic    *pkg     // emits kind+".updated": EL1003
	presentEv  *event   // catalogued with a present-tense verb: EL1002
	extra      []*event // catalogued events emitted with no subscriber: EL3001
	markers    []marker
	findings   []Finding
	// Emits nothing subscribes to, reported (EL3001) in every command
	// that links them.
	unsubscribed []unsubscribed
	cmdImports   [][]*pkg // by command number - 1
}

type unsubscribed struct {
	emitter *pkg
	event   string
}

type marker struct {
	file, text string
	finding    Finding
}

// plant chooses where the planted findings go.
func (g *generator) plant() {
	evs := g.events
	g.badLiteral = evs[0].emitter
	g.dynamic = evs[min(2, len(evs)-1)].emitter
	g.presentEv = evs[min(1, len(evs)-1)]
	// Present tense: order7.ship instead of order7.shipped.
	agg := strings.SplitN(g.presentEv.name, ".", 2)[0]
	g.presentEv.name = agg + ".refund"
	g.presentEv.konst = title(agg) + "Refund"
	audit := &event{
		n: len(evs), konst: fmt.Sprintf("Audit%dRecorded", len(evs)), name: fmt.Sprintf("audit%d.recorded", len(evs)),
		payload: fmt.Sprintf("Audit%d", len(evs)), emitter: evs[len(evs)-1].emitter,
	}
	g.extra = append(g.extra, audit)
	g.unsubscribed = append(g.unsubscribed, unsubscribed{audit.emitter, audit.name})
}

// markUnsubscribed plants the EL3001 findings: in each command, at func
// main, for each unsubscribed emit the command links.
func (g *generator) markUnsubscribed() {
	for k, imps := range g.cmdImports {
		linked := map[*pkg]bool{}
		stack := slices.Clone(imps)
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if linked[p] {
				continue
			}
			linked[p] = true
			for _, i := range p.imports {
				stack = append(stack, g.pkgs[i])
			}
		}
		for _, u := range g.unsubscribed {
			if linked[u.emitter] {
				g.mark(fmt.Sprintf("cmd/app%d/main.go", k+1), "func main()", "EL3001",
					fmt.Sprintf("%q, emitted in %s, has no subscriber in the program", u.event, u.emitter.dir))
			}
		}
	}
}

func (g *generator) mark(file, text, check, note string) {
	g.markers = append(g.markers, marker{file: file, text: text, finding: Finding{Check: check, File: file, Note: note}})
}

// locate finds the line of each marker in the formatted files.
func (g *generator) locate() error {
	for _, m := range g.markers {
		lines := strings.Split(string(g.files[m.file]), "\n")
		i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, m.text) })
		if i < 0 {
			return fmt.Errorf("gen: internal error: marker %q not found in %s", m.text, m.file)
		}
		f := m.finding
		f.Line = i + 1
		g.findings = append(g.findings, f)
	}
	slices.SortFunc(g.findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Check, b.Check))
	})
	return nil
}

func (g *generator) put(name string, src []byte) error {
	if strings.HasSuffix(name, ".go") {
		out, err := format.Source(src)
		if err != nil {
			return fmt.Errorf("gen: internal error: %s: %v\n%s", name, err, src)
		}
		src = out
	}
	g.files[name] = src
	return nil
}

func (g *generator) goMod() {
	g.files["go.mod"] = fmt.Appendf(nil, `module %s

go 1.26.0

require github.com/eventlint/eventlint v0.0.0

replace github.com/eventlint/eventlint => %s
`, g.cfg.Module, g.cfg.Repo)
}

const eventsPerCatalogueFile = 100

// catalogue writes the catalogue package, events, in files of
// eventsPerCatalogueFile events.
func (g *generator) catalogue() error {
	all := append(slices.Clone(g.events), g.extra...)
	for start := 0; start < len(all); start += eventsPerCatalogueFile {
		var b strings.Builder
		file := fmt.Sprintf("events/events%03d.go", start/eventsPerCatalogueFile)
		if start == 0 {
			b.WriteString("// Package events is the event catalogue of the synthetic module: every\n")
			b.WriteString("// exported string constant is an event that packages emit and handle.\n")
			b.WriteString("//\n//eventlint:catalogue\n")
		}
		b.WriteString("package events\n\n")
		for _, ev := range all[start:min(start+eventsPerCatalogueFile, len(all))] {
			fmt.Fprintf(&b, "// %s is emitted by %s.\n//\n//eventlint:payload *%s\n", ev.konst, ev.emitter.dir, ev.payload)
			fmt.Fprintf(&b, "const %s = %q\n\n", ev.konst, ev.name)
			fmt.Fprintf(&b, "// %s is the payload of %s.\n", ev.payload, ev.konst)
			fmt.Fprintf(&b, "type %s struct {\n\tID     int64\n\tAmount int64\n\tNote   string\n}\n\n", ev.payload)
			if ev == g.presentEv {
				g.mark(file, "const "+ev.konst+" ", "EL1002", fmt.Sprintf("catalogued event %q does not end in a past-tense verb", ev.name))
			}
		}
		if err := g.put(file, []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

// library writes the files of one library package.
func (g *generator) library(p *pkg, rng *rand.Rand) error {
	mod := g.cfg.Module
	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s is synthetic layer-%d code written by eventlint's internal/gen.\n", p.name, p.layer)
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"sort\"\n\t\"strings\"\n", p.name)
	if len(p.imports) > 0 {
		b.WriteString("\n")
	}
	for _, i := range p.imports {
		fmt.Fprintf(&b, "\t%q\n", mod+"/"+g.pkgs[i].dir)
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, `// Record is one item a Store keeps.
type Record struct {
	ID    int
	Name  string
	Score float64
	Tags  []string
}

// Store keeps records by ID and remembers the order they came in.
type Store struct {
	items map[int]*Record
	order []int
}

// NewStore returns an empty Store.
func NewStore() *Store { return &Store{items: map[int]*Record{}} }

// ErrNilRecord is returned by Put for a nil record.
var ErrNilRecord = errors.New("%[1]s: nil record")

// Put adds or replaces r.
func (s *Store) Put(r *Record) error {
	if r == nil {
		return ErrNilRecord
	}
	if _, ok := s.items[r.ID]; !ok {
		s.order = append(s.order, r.ID)
	}
	s.items[r.ID] = r
	return nil
}

// Sorted returns the records by descending score, then by ID.
func (s *Store) Sorted() []*Record {
	out := make([]*Record, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.items[id])
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Summary describes the store in one line.
func (s *Store) Summary() string {
	var b strings.Builder
	for _, r := range s.Sorted() {
		fmt.Fprintf(&b, "%%d:%%s(%%.1f)[%%s];", r.ID, r.Name, r.Score, strings.Join(r.Tags, ","))
	}
	return b.String()
}

// Number is what the generic helpers work on.
type Number interface {
	~int | ~int64 | ~float64
}

// Clamp limits v to [lo, hi].
func Clamp[T Number](v, lo, hi T) T {
	return min(max(v, lo), hi)
}

// Sum adds up xs.
func Sum[T Number](xs ...T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

`, p.name)
	// Compute mixes in the packages below.
	fmt.Fprintf(&b, "// Compute mixes x with the results of the packages below.\nfunc Compute(x int) int {\n\tacc := x*%d + %d\n", 3+rng.IntN(17), rng.IntN(100))
	ops := []string{"+=", "^=", "-="}
	for k, i := range p.imports {
		fmt.Fprintf(&b, "\tacc %s %s.Compute(acc %% %d)\n", ops[k%len(ops)], g.pkgs[i].name, 50+rng.IntN(50))
	}
	b.WriteString("\tif acc < 0 {\n\t\tacc = -acc\n\t}\n")
	fmt.Fprintf(&b, "\tfor i := range %d {\n\t\tacc = (acc*31 + i) %% 1000003\n\t}\n", 1+rng.IntN(8))
	b.WriteString("\treturn Clamp(acc, 0, 1000003)\n}\n\n")
	// Helpers: a varying number of small functions.
	for h := range 2 + rng.IntN(6) {
		a, c := 2+rng.IntN(9), 1+rng.IntN(99)
		switch rng.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "func helper%d(xs []int) (int, error) {\n\tif len(xs) == 0 {\n\t\treturn 0, fmt.Errorf(\"%s.helper%d: no input\")\n\t}\n", h, p.name, h)
			fmt.Fprintf(&b, "\tacc := 0\n\tfor i, x := range xs {\n\t\tacc += x*%d + i%%%d\n\t}\n\treturn Sum(acc, %d), nil\n}\n\n", a, c, c)
		case 1:
			fmt.Fprintf(&b, "func helper%d(name string, score float64) *Record {\n\tparts := strings.Fields(name)\n\tsort.Strings(parts)\n", h)
			fmt.Fprintf(&b, "\treturn &Record{ID: len(parts) * %d, Name: strings.Join(parts, \"-\"), Score: Clamp(score*%d.5, 0, 100), Tags: parts}\n}\n\n", a, c)
		default:
			fmt.Fprintf(&b, "func helper%d(s *Store, n int) string {\n\tfor i := range n {\n", h)
			fmt.Fprintf(&b, "\t\t_ = s.Put(&Record{ID: i %% %d, Name: fmt.Sprint(\"r\", i), Score: float64(i*%d %% 17)})\n\t}\n\treturn s.Summary()\n}\n\n", c, a)
		}
	}
	file := p.dir + "/" + p.name + ".go"
	if err := g.put(file, []byte(b.String())); err != nil {
		return err
	}
	if p.event != nil || len(p.handles) > 0 {
		if err := g.busFile(p); err != nil {
			return err
		}
	}
	if p.test {
		if err := g.testFile(p); err != nil {
			return err
		}
	}
	return nil
}

// busFile writes the emits and handlers of an event package.
func (g *generator) busFile(p *pkg) error {
	mod := g.cfg.Module
	file := p.dir + "/events.go"
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\n\t%q\n\t\"github.com/eventlint/eventlint/bus\"\n)\n\n", p.name, mod+"/events")
	if len(p.handles) > 0 {
		b.WriteString("func init() {\n")
		for _, ev := range p.handles {
			fmt.Fprintf(&b, "\tbus.On(events.%s, handle%s)\n", ev.konst, ev.konst)
		}
		b.WriteString("}\n\n")
		b.WriteString("// handled counts the events this package handled.\nvar handled int64\n\n")
		for _, ev := range p.handles {
			fmt.Fprintf(&b, "func handle%s(ctx context.Context, e *events.%s) error {\n", ev.konst, ev.payload)
			b.WriteString("\tif e == nil {\n\t\treturn fmt.Errorf(\"nil payload\")\n\t}\n")
			b.WriteString("\tif err := ctx.Err(); err != nil {\n\t\treturn err\n\t}\n")
			b.WriteString("\thandled += e.Amount + int64(Compute(int(e.ID)))\n\treturn nil\n}\n\n")
		}
	}
	emits := []*event{}
	if p.event != nil {
		emits = append(emits, p.event)
	}
	for _, ev := range g.extra {
		if ev.emitter == p {
			emits = append(emits, ev)
		}
	}
	for _, ev := range emits {
		fmt.Fprintf(&b, "// Publish%s emits %s.\nfunc Publish%s(ctx context.Context, id int64) {\n", ev.konst, ev.name, ev.konst)
		fmt.Fprintf(&b, "\tp := &events.%s{ID: id, Amount: int64(Compute(int(id))), Note: fmt.Sprint(\"id \", id)}\n", ev.payload)
		switch ev.style {
		case 0:
			fmt.Fprintf(&b, "\tbus.Emit(ctx, events.%s, p)\n}\n\n", ev.konst)
		case 1:
			fmt.Fprintf(&b, "\tpublish(ctx, events.%s, p)\n}\n\n", ev.konst)
		default:
			fmt.Fprintf(&b, "\tbus.Default().Emit(ctx, events.%s, p)\n}\n\n", ev.konst)
		}
	}
	if slices.ContainsFunc(emits, func(ev *event) bool { return ev.style == 1 }) {
		b.WriteString("// publish forwards to the bus: a wrapper.\nfunc publish(ctx context.Context, name string, payload any) {\n\tbus.Emit(ctx, name, payload)\n}\n\n")
	}
	if p == g.badLiteral {
		lit := title(nouns[p.index%len(nouns)]) + "Archived"
		fmt.Fprintf(&b, "// Archive emits an event named outside the convention and the catalogue.\nfunc Archive(ctx context.Context) {\n\tbus.Emit(ctx, %q, nil)\n}\n\n", lit)
		g.mark(file, strconv.Quote(lit), "EL1001", fmt.Sprintf("%q is not <aggregate>.<verb>", lit))
		g.mark(file, strconv.Quote(lit), "EL2001", fmt.Sprintf("%q is not in the catalogue", lit))
		g.unsubscribed = append(g.unsubscribed, unsubscribed{p, lit})
	}
	if p == g.dynamic {
		b.WriteString("// Touch emits an event whose name is computed.\nfunc Touch(ctx context.Context, kind string) {\n\tbus.Emit(ctx, kind+\".updated\", nil)\n}\n\n")
		g.mark(file, `kind+".updated"`, "EL1003", "event name is not a constant")
	}
	return g.put(file, []byte(b.String()))
}

func (g *generator) testFile(p *pkg) error {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"testing\"\n", p.name)
	if p.event != nil {
		fmt.Fprintf(&b, "\t\"context\"\n\n\t%q\n\t\"github.com/eventlint/eventlint/bus\"\n", g.cfg.Module+"/events")
	}
	b.WriteString(")\n\n")
	b.WriteString("func TestCompute(t *testing.T) {\n\tif a, b := Compute(5), Compute(5); a != b {\n\t\tt.Fatalf(\"Compute is not deterministic: %d != %d\", a, b)\n\t}\n}\n\n")
	b.WriteString("func TestStore(t *testing.T) {\n\ts := NewStore()\n\tif err := s.Put(nil); err != ErrNilRecord {\n\t\tt.Fatalf(\"Put(nil) = %v\", err)\n\t}\n")
	b.WriteString("\t_ = s.Put(&Record{ID: 2, Name: \"b\", Score: 1})\n\t_ = s.Put(&Record{ID: 1, Name: \"a\", Score: 2})\n")
	b.WriteString("\tif got := s.Sorted()[0].ID; got != 1 {\n\t\tt.Fatalf(\"first = %d, want 1\", got)\n\t}\n}\n")
	if ev := p.event; ev != nil {
		fmt.Fprintf(&b, "\nfunc TestPublish(t *testing.T) {\n\tb := bus.New()\n\tvar got int64\n")
		fmt.Fprintf(&b, "\tbus.Subscribe(b, events.%s, func(ctx context.Context, e *events.%s) error {\n\t\tgot = e.ID\n\t\treturn nil\n\t})\n", ev.konst, ev.payload)
		fmt.Fprintf(&b, "\tb.Emit(context.Background(), events.%s, &events.%s{ID: 7})\n", ev.konst, ev.payload)
		b.WriteString("\tif got != 7 {\n\t\tt.Fatalf(\"handler saw %d, want 7\", got)\n\t}\n}\n")
	}
	return g.put(p.dir+"/"+p.name+"_test.go", []byte(b.String()))
}

// command writes cmd/appK: it imports its share of the top layer (every
// Commands-th package) and a few others.
func (g *generator) command(k int, top []*pkg, rng *rand.Rand) error {
	var imps []*pkg
	for i, p := range top {
		if i%g.cfg.Commands == k-1 {
			imps = append(imps, p)
		}
	}
	for range 2 {
		if p := top[rng.IntN(len(top))]; !slices.Contains(imps, p) {
			imps = append(imps, p)
		}
	}
	slices.SortFunc(imps, func(a, b *pkg) int { return cmp.Compare(a.index, b.index) })
	g.cmdImports = append(g.cmdImports, imps)
	var b strings.Builder
	fmt.Fprintf(&b, "// Command app%d is a synthetic program written by eventlint's internal/gen.\n", k)
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n")
	for _, p := range imps {
		fmt.Fprintf(&b, "\t%q\n", g.cfg.Module+"/"+p.dir)
	}
	b.WriteString(")\n\nfunc main() {\n\ttotal := 0\n")
	for _, p := range imps {
		fmt.Fprintf(&b, "\ttotal += %s.Compute(len(os.Args) + %d)\n", p.name, p.index)
	}
	b.WriteString("\tfmt.Println(total)\n}\n")
	return g.put(fmt.Sprintf("cmd/app%d/main.go", k), []byte(b.String()))
}
