package analyzer

import (
	"flag"
	"fmt"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Flags of the naming analyzer (-naming.<flag> on the command line).
const (
	// FlagSegments lists the allowed segment counts, comma-separated:
	// "2" is <aggregate>.<verb>; "2,3" also allows <context>.<aggregate>.<verb>.
	FlagSegments = "segments"
	// FlagPastTense turns the past-tense rule (EL1002) on or off.
	FlagPastTense = "past-tense"
	// FlagIrregular adds comma-separated past participles that do not end
	// in -ed to the built-in list (paid, sent, built, sold, ...).
	FlagIrregular = "irregular"
)

// newNaming returns a naming analyzer with its own flags: it checks event
// names against the <aggregate>.<verb> convention (EL1001, EL1002),
// reports event names that are not constants (EL1003) and malformed
// ignore directives (EL0001).
func newNaming() *analysis.Analyzer {
	n := &naming{rules: DefaultNameRules()}
	a := &analysis.Analyzer{
		Name: "naming",
		Doc:  namingDoc,
		URL:  DocsURL,
		Run:  n.run,
	}
	a.Flags.Var(segmentsFlag{n.rules}, FlagSegments, "allowed numbers of dot-separated segments, comma-separated (2: <aggregate>.<verb>)")
	a.Flags.BoolVar(&n.rules.PastTense, FlagPastTense, true, "require an event name to end in a past-tense verb, alone or with its particles (logged_in)")
	a.Flags.Var(irregularFlag{n.rules}, FlagIrregular, "extra past participles not ending in -ed, comma-separated (e.g. sewn,dwelt)")
	return a
}

const namingDoc = `check event names against the <aggregate>.<verb> convention

Event names are two dot-separated segments of lowercase snake_case, the
last word a past-tense verb, or a past-tense verb and its particles:
employee.created, employee.status_changed, invoice.paid, user.logged_in.
EmployeeCreated, RefundOrder and order.refund are reported with the
conforming name where one can be derived. An event name that is not a
compile-time constant is reported too: its contract cannot be checked.
See ` + DocsURL

type naming struct {
	rules *NameRules
}

func (n *naming) run(pass *analysis.Pass) (any, error) {
	res := modelResult(pass)
	res.reportBadDirectives(pass)
	for _, s := range res.Sites {
		if s.Forwarded {
			continue // the wrapper's callers are checked
		}
		if !s.Const {
			res.Report(pass, CheckNameDynamic, s.Pos(), nil,
				"event name passed to %s is not a compile-time constant, so its contract cannot be checked: use a constant", calleeName(s.Callee))
			continue
		}
		if inCatalogue(res, s.NameObj) {
			continue // checked once, at the catalogue's constant
		}
		if p := n.rules.Check(s.Name); p != nil {
			res.Report(pass, p.Check, s.Pos(), nil, "%s", p.Message)
		}
	}
	if cd := res.Catalogue; cd != nil {
		for _, ev := range cd.Events {
			if p := n.rules.Check(ev.Name); p != nil {
				res.Report(pass, p.Check, cd.Consts[ev.Name].Pos(), nil, "%s", p.Message)
			}
		}
	}
	return nil, nil
}

// inCatalogue reports whether c is a constant of a catalogue the package
// can see.
func inCatalogue(res *Result, c *types.Const) bool {
	if c == nil || c.Pkg() == nil {
		return false
	}
	return slices.ContainsFunc(res.Visible, func(cat *Catalogue) bool { return cat.Pkg == c.Pkg().Path() })
}

// calleeName spells fn as its callers would: bus.Emit, (*bus.Bus).Emit,
// events.Publish.
func calleeName(fn *types.Func) string {
	if fn == nil {
		return "the bus"
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		if named, ok := t.(*types.Named); ok {
			return fmt.Sprintf("(%s%s.%s).%s", star, fn.Pkg().Name(), named.Obj().Name(), fn.Name())
		}
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// segmentsFlag parses FlagSegments.
type segmentsFlag struct{ rules *NameRules }

func (f segmentsFlag) String() string {
	if f.rules == nil {
		return ""
	}
	parts := make([]string, len(f.rules.Segments))
	for i, n := range f.rules.Segments {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

func (f segmentsFlag) Set(s string) error {
	var counts []int
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 9 {
			return fmt.Errorf("segment count %q is not a number from 1 to 9", part)
		}
		counts = append(counts, n)
	}
	slices.Sort(counts)
	f.rules.Segments = slices.Compact(counts)
	return nil
}

// irregularFlag parses FlagIrregular.
type irregularFlag struct{ rules *NameRules }

func (f irregularFlag) String() string {
	if f.rules == nil {
		return ""
	}
	words := make([]string, 0, len(f.rules.Irregular))
	for w := range f.rules.Irregular {
		words = append(words, w)
	}
	slices.Sort(words)
	return strings.Join(words, ",")
}

func (f irregularFlag) Set(s string) error {
	for w := range strings.SplitSeq(s, ",") {
		w = strings.TrimSpace(w)
		if w == "" {
			continue
		}
		if !segmentPattern.MatchString(w) || strings.Contains(w, "_") {
			return fmt.Errorf("irregular verb %q is not one lowercase word", w)
		}
		f.rules.Irregular[w] = true
	}
	return nil
}

var _ flag.Value = segmentsFlag{}
