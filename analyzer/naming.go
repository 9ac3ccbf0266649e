package analyzer

import (
	"flag"
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Flags of the naming analyzer (-naming.<flag> on the command line). The
// style sets every rule; each other flag given overrides the style's value
// for its rule, whatever the order of the flags.
const (
	// FlagStyle names the style the rules start from: default, snake,
	// path, pascal, nats, cloudevents (see NameStyles).
	FlagStyle = "style"
	// FlagSeparator is the string between segments.
	FlagSeparator = "separator"
	// FlagSegments lists the allowed segment counts, comma-separated, or
	// as a range min-max: "2" is <aggregate>.<verb>; "2,3" also allows
	// <context>.<aggregate>.<verb>; "1-4" one to four segments.
	FlagSegments = "segments"
	// FlagCase is the case of every segment: snake, lower, camel, pascal,
	// kebab.
	FlagCase = "case"
	// FlagPastTense turns the past-tense rule (EL1002) on or off.
	FlagPastTense = "past-tense"
	// FlagPrefix is what every name starts with: a reverse-DNS prefix
	// (com.example.), the separator alone (a leading /), or * for any
	// reverse-DNS prefix.
	FlagPrefix = "prefix"
	// FlagVersion allows a version (v2) as the last segment.
	FlagVersion = "version"
	// FlagIrregular adds comma-separated past participles that do not end
	// in -ed to the built-in list (paid, sent, built, sold, ...).
	FlagIrregular = "irregular"
)

// newNaming returns a naming analyzer with its own flags: it checks event
// names against the configured naming rules (EL1001, EL1002), reports
// event names that are not constants (EL1003) and malformed ignore
// directives (EL0001).
func newNaming() *analysis.Analyzer {
	n := &naming{style: NameStyles[0].Name, set: *DefaultNameRules(), given: map[string]bool{}}
	a := &analysis.Analyzer{
		Name: "naming",
		Doc:  namingDoc,
		URL:  DocsURL,
		Run:  n.run,
	}
	var styles []string
	for _, s := range NameStyles {
		styles = append(styles, s.Name)
	}
	n.flag(a, FlagStyle, "naming style the other naming flags override: "+strings.Join(styles, ", "), false,
		func() string { return n.style },
		func(s string) error {
			if _, err := StyleRules(s); err != nil {
				return err
			}
			n.style = s
			return nil
		})
	n.flag(a, FlagSeparator, "string between segments (default of the style; default style: .)", false,
		func() string { return n.set.Separator },
		func(s string) error { n.set.Separator = s; return nil })
	n.flag(a, FlagSegments, "allowed numbers of segments, not counting prefix and version: comma-separated, or min-max (2: <aggregate>.<verb>)", false,
		func() string { return joinInts(n.set.Segments) },
		func(s string) error {
			counts, err := parseSegments(s)
			if err != nil {
				return err
			}
			n.set.Segments = counts
			return nil
		})
	n.flag(a, FlagCase, "case of every segment: snake, lower, camel, pascal, kebab", false,
		func() string { return string(n.set.Case) },
		func(s string) (err error) { n.set.Case, err = ParseCase(s); return err })
	n.flag(a, FlagPastTense, "require an event name to end in a past-tense verb, alone or with its particles (logged_in)", true,
		func() string { return strconv.FormatBool(n.set.PastTense) },
		func(s string) (err error) { n.set.PastTense, err = strconv.ParseBool(s); return err })
	n.flag(a, FlagPrefix, "what every name starts with: a reverse-DNS prefix (com.example.), a leading separator (/), or * for any reverse-DNS prefix", false,
		func() string { return n.set.Prefix },
		func(s string) error { n.set.Prefix = s; return nil })
	n.flag(a, FlagVersion, "allow a version (v2) as the last segment", true,
		func() string { return strconv.FormatBool(n.set.Version) },
		func(s string) (err error) { n.set.Version, err = strconv.ParseBool(s); return err })
	n.flag(a, FlagIrregular, "extra past participles not ending in -ed, comma-separated (e.g. sewn,dwelt)", false,
		func() string { return strings.Join(slices.Sorted(maps.Keys(n.set.Irregular)), ",") },
		func(s string) error {
			for w := range strings.SplitSeq(s, ",") {
				w = strings.TrimSpace(w)
				if w == "" {
					continue
				}
				if !casePatterns[CaseLower].MatchString(w) {
					return fmt.Errorf("irregular verb %q is not one lowercase word", w)
				}
				n.set.Irregular[w] = true
			}
			return nil
		})
	return a
}

const namingDoc = `check event names against the naming convention

By default event names are two dot-separated segments of lowercase
snake_case, the last word a past-tense verb, or a past-tense verb and its
particles: employee.created, employee.status_changed, invoice.paid,
user.logged_in. EmployeeCreated, RefundOrder and order.refund are
reported with the conforming name where one can be derived. -naming.style
picks another convention (snake, path, pascal, nats, cloudevents) and the
other naming flags override its rules. An event name that is not a
compile-time constant is reported too: its contract cannot be checked.
See ` + DocsURL

type naming struct {
	style string          // FlagStyle
	set   NameRules       // the values of the other flags
	given map[string]bool // the flags given, by name
}

// rules returns the style's rules with the rules of the flags given in
// place of the style's. A preset that defaults the style is to take the
// place of the built-in default style when FlagStyle is not given.
func (n *naming) rules() (*NameRules, error) {
	r, err := StyleRules(n.style)
	if err != nil {
		return nil, err
	}
	for name, given := range n.given {
		if !given {
			continue
		}
		switch name {
		case FlagSeparator:
			r.Separator = n.set.Separator
		case FlagSegments:
			r.Segments = slices.Clone(n.set.Segments)
		case FlagCase:
			r.Case = n.set.Case
		case FlagPastTense:
			r.PastTense = n.set.PastTense
		case FlagPrefix:
			r.Prefix = n.set.Prefix
			if r.Prefix != "" && r.Prefix != AnyReverseDNS && !strings.HasSuffix(r.Prefix, r.Separator) {
				r.Prefix += r.Separator // com.example is com.example.
			}
		case FlagVersion:
			r.Version = n.set.Version
		}
	}
	maps.Copy(r.Irregular, n.set.Irregular)
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("naming flags: %w", err)
	}
	return r, nil
}

func (n *naming) run(pass *analysis.Pass) (any, error) {
	res := modelResult(pass)
	rules, err := n.rules()
	if err != nil {
		return nil, err
	}
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
		if p := rules.Check(s.Name); p != nil {
			res.Report(pass, p.Check, s.Pos(), nil, "%s", p.Message)
		}
	}
	if cd := res.Catalogue; cd != nil {
		for _, ev := range cd.Events {
			if p := rules.Check(ev.Name); p != nil {
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

// flag declares flag name of a, which get prints and set parses; a flag
// set is given, overriding the style.
func (n *naming) flag(a *analysis.Analyzer, name, usage string, isBool bool, get func() string, set func(string) error) {
	a.Flags.Var(&settingFlag{name: name, isBool: isBool, get: get, set: set, given: n.given}, name, usage)
}

// settingFlag is a flag of the naming analyzer.
type settingFlag struct {
	name   string
	isBool bool
	get    func() string
	set    func(string) error
	given  map[string]bool
}

func (f *settingFlag) String() string {
	if f.get == nil {
		return "" // the zero value flag.PrintDefaults makes
	}
	return f.get()
}

func (f *settingFlag) Set(s string) error {
	if err := f.set(s); err != nil {
		return err
	}
	f.given[f.name] = true
	return nil
}

func (f *settingFlag) IsBoolFlag() bool { return f.isBool }

var _ flag.Value = (*settingFlag)(nil)

// parseSegments parses FlagSegments: counts, comma-separated, each a
// number or a range min-max.
func parseSegments(s string) ([]int, error) {
	var counts []int
	for part := range strings.SplitSeq(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		if !isRange {
			hi = lo
		}
		from, err1 := strconv.Atoi(strings.TrimSpace(lo))
		to, err2 := strconv.Atoi(strings.TrimSpace(hi))
		if err1 != nil || err2 != nil || from < 1 || to > 9 || from > to {
			return nil, fmt.Errorf("segment count %q is not a number from 1 to 9", part)
		}
		for c := from; c <= to; c++ {
			counts = append(counts, c)
		}
	}
	slices.Sort(counts)
	return slices.Compact(counts), nil
}

func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}
