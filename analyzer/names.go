package analyzer

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// NameRules is the naming convention event names are held to: a few
// orthogonal settings, which the named styles (NameStyles) fill in for the
// common conventions.
//
// A name is [Prefix] segment {Separator segment} [Separator v<n>]: the
// prefix, then Segments segments, then the version when Version allows one.
type NameRules struct {
	// Separator separates the segments (default ".").
	Separator string
	// Segments lists the allowed numbers of segments, not counting the
	// prefix and the version (default: 2, <aggregate>.<verb>).
	Segments []int
	// Case is how the words of every segment are written (default
	// CaseSnake).
	Case Case
	// PastTense requires the last segment (before the version) to end in a
	// verb in the past tense, alone or followed by its particles
	// (user.logged_in).
	PastTense bool
	// Prefix is what every name starts with: "" for nothing, a literal
	// ending in Separator ("com.example.", or "/" for a leading
	// separator), or AnyReverseDNS.
	Prefix string
	// Version allows a last segment v<n> (object.deleted.v2).
	Version bool
	// Irregular holds past participles that do not end in -ed, in addition
	// to the built-in list.
	Irregular map[string]bool
}

// AnyReverseDNS is the Prefix that accepts any reverse-DNS prefix of two
// or more lowercase DNS labels (com.example.): the segments before the
// fewest allowed Segments.
const AnyReverseDNS = "*"

// Case is how the words of a segment are written.
type Case string

// The cases a segment can be written in.
const (
	CaseSnake  Case = "snake"  // status_changed
	CaseLower  Case = "lower"  // statuschanged
	CaseCamel  Case = "camel"  // statusChanged
	CasePascal Case = "pascal" // StatusChanged
	CaseKebab  Case = "kebab"  // status-changed
)

// Cases lists the cases, in the order the docs give them.
var Cases = []Case{CaseSnake, CaseLower, CaseCamel, CasePascal, CaseKebab}

var casePatterns = map[Case]*regexp.Regexp{
	CaseSnake:  regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`),
	CaseLower:  regexp.MustCompile(`^[a-z][a-z0-9]*$`),
	CaseCamel:  regexp.MustCompile(`^[a-z][a-z0-9]*([A-Z][a-z0-9]*)*$`),
	CasePascal: regexp.MustCompile(`^([A-Z][a-z0-9]*)+$`),
	CaseKebab:  regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`),
}

// String is the case as the messages name it.
func (c Case) String() string {
	switch c {
	case CaseSnake:
		return "lowercase snake_case"
	case CaseCamel:
		return "camelCase"
	case CasePascal:
		return "PascalCase"
	case CaseKebab:
		return "lowercase kebab-case"
	}
	return "lowercase"
}

// join writes the lowercase words ws in case c.
func (c Case) join(ws []string) string {
	switch c {
	case CaseLower:
		return strings.Join(ws, "")
	case CaseKebab:
		return strings.Join(ws, "-")
	case CaseCamel, CasePascal:
		var b strings.Builder
		for i, w := range ws {
			if i > 0 || c == CasePascal {
				r := []rune(w)
				w = string(unicode.ToUpper(r[0])) + string(r[1:])
			}
			b.WriteString(w)
		}
		return b.String()
	}
	return strings.Join(ws, "_")
}

// ParseCase parses a case as the flags spell it: snake, lower, camel,
// pascal, kebab, or snake_case, lowercase, camelCase, PascalCase,
// kebab-case.
func ParseCase(s string) (Case, error) {
	for _, c := range Cases {
		if strings.EqualFold(s, string(c)) || s == caseSpellings[c] {
			return c, nil
		}
	}
	return "", fmt.Errorf("case %q is not one of snake, lower, camel, pascal, kebab", s)
}

var caseSpellings = map[Case]string{CaseSnake: "snake_case", CaseLower: "lowercase", CaseCamel: "camelCase", CasePascal: "PascalCase", CaseKebab: "kebab-case"}

// A NameStyle is a named set of NameRules for a common convention.
type NameStyle struct {
	Name    string
	Doc     string    // what the style is, for the docs and -help
	Example string    // a conforming name
	rules   NameRules // without Irregular
}

// NameStyles lists the named styles; the first, "default", is the
// <aggregate>.<verb> convention.
var NameStyles = []*NameStyle{
	{"default", "<aggregate>.<verb>, lowercase snake_case, past tense", "employee.status_changed",
		NameRules{Separator: ".", Segments: []int{2}, Case: CaseSnake, PastTense: true}},
	{"snake", "one lowercase snake_case segment, any tense (caddy)", "cert_obtained",
		NameRules{Separator: ".", Segments: []int{1}, Case: CaseSnake}},
	{"path", "/<aggregate>/<action>, lowercase kebab-case, any tense (containerd)", "/tasks/exit",
		NameRules{Separator: "/", Segments: []int{2}, Case: CaseKebab, Prefix: "/"}},
	{"pascal", "one PascalCase segment, any tense (cometbft)", "NewRoundStep",
		NameRules{Separator: ".", Segments: []int{1}, Case: CasePascal}},
	{"nats", "2 to 4 dot-separated lowercase snake_case tokens, past tense (NATS subjects)", "orders.created",
		NameRules{Separator: ".", Segments: []int{2, 3, 4}, Case: CaseSnake, PastTense: true}},
	{"cloudevents", "reverse-DNS prefix, then <aggregate>.<verb> in past tense, optional version (CloudEvents type)", "com.example.order.created",
		NameRules{Separator: ".", Segments: []int{2}, Case: CaseSnake, PastTense: true, Prefix: AnyReverseDNS, Version: true}},
}

// StyleRules returns the rules of the named style.
func StyleRules(name string) (*NameRules, error) {
	i := slices.IndexFunc(NameStyles, func(s *NameStyle) bool { return s.Name == name })
	if i < 0 {
		var names []string
		for _, s := range NameStyles {
			names = append(names, s.Name)
		}
		return nil, fmt.Errorf("style %q is not one of %s", name, strings.Join(names, ", "))
	}
	r := NameStyles[i].rules
	r.Segments = slices.Clone(r.Segments)
	r.Irregular = map[string]bool{}
	return &r, nil
}

// DefaultNameRules returns the <aggregate>.<verb> convention.
func DefaultNameRules() *NameRules {
	r, _ := StyleRules("default")
	return r
}

// Validate reports settings that contradict each other or cannot be
// parsed: an empty separator, one the case writes inside a segment, a
// literal prefix that is not DNS labels ending in the separator.
func (r *NameRules) Validate() error {
	sep := r.Separator
	if sep == "" || strings.ContainsFunc(sep, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsSpace(c) }) {
		return fmt.Errorf("separator %q is not one or more punctuation characters", sep)
	}
	if (r.Case == CaseSnake && strings.Contains(sep, "_")) || (r.Case == CaseKebab && strings.Contains(sep, "-")) {
		return fmt.Errorf("separator %q is written inside %s segments: choose another separator or case", sep, r.Case)
	}
	if _, ok := casePatterns[r.Case]; !ok {
		return fmt.Errorf("case %q is not one of snake, lower, camel, pascal, kebab", string(r.Case))
	}
	if len(r.Segments) == 0 {
		return fmt.Errorf("no segment count is allowed")
	}
	if r.Prefix == "" || r.Prefix == AnyReverseDNS {
		return nil
	}
	labels, ok := strings.CutSuffix(r.Prefix, sep)
	if !ok {
		return fmt.Errorf("prefix %q does not end in the separator %q", r.Prefix, sep)
	}
	if labels == "" {
		return nil // a leading separator: /tasks/exit
	}
	for _, l := range strings.Split(labels, sep) {
		if !dnsLabel.MatchString(l) {
			return fmt.Errorf("prefix %q: %q is not a lowercase DNS label", r.Prefix, l)
		}
	}
	return nil
}

var (
	dnsLabel      = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)
	versionSuffix = regexp.MustCompile(`^v[0-9]+$`)
)

// irregularPast maps the base form of common irregular verbs to their past
// participle; the participles are the accepted non -ed endings.
var irregularPast = map[string]string{
	"pay": "paid", "send": "sent", "build": "built", "sell": "sold", "buy": "bought", "make": "made",
	"do": "done", "begin": "begun", "write": "written", "give": "given", "take": "taken", "get": "got",
	"set": "set", "reset": "reset", "put": "put", "cut": "cut", "shut": "shut", "run": "run", "rerun": "rerun",
	"hold": "held", "keep": "kept", "leave": "left", "lose": "lost", "find": "found", "bind": "bound",
	"unbind": "unbound", "win": "won", "spend": "spent", "lend": "lent", "split": "split", "quit": "quit",
	"read": "read", "rebuild": "rebuilt", "resend": "resent", "rewrite": "rewritten", "choose": "chosen",
	"freeze": "frozen", "unfreeze": "unfrozen", "forget": "forgotten", "hide": "hidden", "know": "known",
	"draw": "drawn", "withdraw": "withdrawn", "undo": "undone", "redo": "redone", "overdo": "overdone",
	"feed": "fed", "lead": "led", "meet": "met", "mean": "meant", "deal": "dealt", "sleep": "slept",
	"sweep": "swept", "teach": "taught", "tell": "told", "think": "thought", "upset": "upset", "bring": "brought",
	"catch": "caught", "fight": "fought", "seek": "sought", "shoot": "shot", "spin": "spun", "stand": "stood",
	"understand": "understood", "overwrite": "overwritten", "go": "gone", "be": "been",
	"see": "seen", "show": "shown", "grow": "grown", "throw": "thrown", "fall": "fallen", "drive": "driven",
	"ride": "ridden", "rise": "risen", "arise": "arisen", "wake": "woken", "break": "broken", "speak": "spoken",
	"steal": "stolen", "tear": "torn", "wear": "worn", "bear": "borne", "swear": "sworn", "forgive": "forgiven",
	"mislay": "mislaid", "lay": "laid", "say": "said", "hear": "heard", "sit": "sat", "light": "lit",
	"bet": "bet", "hit": "hit", "let": "let", "spread": "spread", "broadcast": "broadcast", "forecast": "forecast",
	"cast": "cast", "dig": "dug", "hang": "hung", "strike": "struck", "stick": "stuck", "sink": "sunk",
	"sing": "sung", "ring": "rung", "swing": "swung", "slide": "slid", "bite": "bitten", "burst": "burst",
	"cost": "cost", "hurt": "hurt", "weave": "woven", "wind": "wound", "grind": "ground", "eat": "eaten",
	"beat": "beaten", "blow": "blown", "fly": "flown", "mistake": "mistaken", "undergo": "undergone",
	"withhold": "withheld", "uphold": "upheld", "override": "overridden", "outbid": "outbid",
}

// doubling lists verbs whose final consonant doubles before -ed and that a
// one-syllable rule does not catch.
var doubling = map[string]bool{
	"submit": true, "commit": true, "admit": true, "permit": true, "omit": true, "emit": true, "transmit": true,
	"refer": true, "transfer": true, "prefer": true, "occur": true, "recur": true, "control": true,
	"patrol": true, "compel": true, "expel": true, "propel": true, "rebel": true, "regret": true, "equip": true,
	"forbid": true, "unplug": true, "unzip": true, "unpin": true, "unwrap": true,
}

// commandVerbs are verbs that commonly name what happens to an aggregate.
// A name in one run of words (RefundOrder, InvoiceVoid) gets a suggestion
// only when one of its end words is one of them: otherwise it cannot be
// told which word is the verb.
var commandVerbs = func() map[string]bool {
	m := map[string]bool{}
	// Words that are as often nouns (order, invoice, book, record) are
	// left out: in OrderCancel and InvoiceVoid they are the aggregate.
	for _, v := range strings.Fields(`accept activate add approve archive assign cancel change
		close complete confirm create deactivate decline delete deliver deny disable dispatch
		enable enroll expire fail fire fulfil fulfill hire invite join leave merge move notify
		open pause pay publish purchase receive refund register reject remove rename renew reopen
		replace reschedule reserve reset restore resume revoke schedule send settle ship start stop
		submit suspend sync terminate unlock update upgrade verify void withdraw`) {
		m[v] = true
	}
	return m
}()

// fillers are trailing words that do not name what happened
// (change_employee_status_done, order_created_event).
var fillers = map[string]bool{"done": true, "event": true, "evt": true, "happened": true, "occurred": true, "msg": true, "message": true}

// particles are the adverbs and prepositions that complete a phrasal verb:
// in user.logged_in the verb is logged, and in is its particle.
var particles = map[string]bool{
	"in": true, "out": true, "up": true, "off": true, "down": true, "over": true, "back": true,
	"away": true, "on": true, "around": true, "through": true,
}

// particleList is particles, sorted: phrasal tries them in a fixed order.
var particleList = slices.Sorted(maps.Keys(particles))

// phrasalBases are verbs that event names join to a particle in one word:
// logout, signup, checkout, writeoff, timeout, rollback, failover. Only
// these are split: many other words end in a particle (train, recover,
// group, feedback) without being a verb and its particle.
var phrasalBases = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range strings.Fields(`back bail break buy carry cash check clean cut drop fail follow
		hand hold kick lay lock log look opt pay pick plug power roll scale sell set shut sign spin
		take tear time top turn wake warm write`) {
		m[v] = true
	}
	return m
}()

// nounSuffixes end words that are nouns far more often than verbs
// (payment, registration, session, ownership, shipping): no suggestion
// glues -ed onto them.
var nounSuffixes = []string{"ment", "tion", "sion", "ness", "ity", "ship", "ing"}

// verbAt returns the index of the verb among the words of a segment: the
// last word, or the word before the trailing particles of a phrasal verb
// (logged in user.logged_in, signed in user.signed_back_in). When every
// word from the first on is a particle, it is the first.
func verbAt(ws []string) int {
	i := len(ws) - 1
	for i > 0 && particles[ws[i]] {
		i--
	}
	return i
}

// endsInPast reports whether the words of a segment end in a past-tense
// verb, alone or followed by its particles: created, logged_in, written_off.
func (r *NameRules) endsInPast(ws []string) bool {
	return r.isPast(ws[verbAt(ws)])
}

// knownVerb reports whether word is a verb of one of the built-in lists.
func knownVerb(word string) bool {
	_, irregular := irregularPast[word]
	return irregular || commandVerbs[word] || doubling[word] || phrasalBases[word]
}

// phrasal splits a phrasal verb written as one word (logout, checkout)
// into its verb and particle.
func phrasal(word string) (verb, particle string, ok bool) {
	if knownVerb(word) {
		return "", "", false // begin, join: a verb of its own
	}
	for _, p := range particleList {
		if v, found := strings.CutSuffix(word, p); found && phrasalBases[v] {
			return v, p, true
		}
	}
	return "", "", false
}

// pastOf returns the past tense of verb for a suggestion, "" when it
// cannot be derived with confidence: verb is a particle, or looks like a
// noun. A phrasal verb in one word is split: logout -> logged_out.
func pastOf(verb string) string {
	if knownVerb(verb) {
		return past(verb)
	}
	if particles[verb] {
		return "" // never glue -ed onto a particle
	}
	if v, p, ok := phrasal(verb); ok {
		return past(v) + "_" + p
	}
	if compoundNoun(verb) {
		return "" // startup, feedback, markdown
	}
	for _, suffix := range nounSuffixes {
		if len(verb) >= len(suffix)+3 && strings.HasSuffix(verb, suffix) {
			return "" // most likely a noun
		}
	}
	return past(verb)
}

// compoundNoun reports whether word is a word of three letters or more
// joined to a particle other than in, on and over (which end many verbs:
// train, mention, recover). Unless phrasal splits it into a known verb and
// its particle (setup, backup), such a word is a noun: startup, feedback,
// callback, countdown.
func compoundNoun(word string) bool {
	for _, p := range particleList {
		if p == "in" || p == "on" || p == "over" {
			continue
		}
		if base, ok := strings.CutSuffix(word, p); ok && len(base) >= 3 {
			return true
		}
	}
	return false
}

// inPast returns the words of a segment with its verb (see verbAt) in the
// past tense, or nil when that cannot be derived with confidence.
func inPast(ws []string) []string {
	i := verbAt(ws)
	if i < len(ws)-1 && !knownVerb(ws[i]) {
		return nil // before a particle, only a known verb: not item_in -> itemed_in
	}
	p := pastOf(ws[i])
	if p == "" {
		return nil
	}
	out := slices.Clone(ws)
	out[i] = p
	return out
}

// isPast reports whether word is a past participle.
func (r *NameRules) isPast(word string) bool {
	if strings.HasSuffix(word, "ed") && len(word) > 3 {
		return true
	}
	if r.Irregular[word] || participles[word] {
		return true
	}
	// Prefixed forms of irregular participles: undergone, rewritten,
	// overtaken, outgrown, mislaid.
	for _, prefix := range verbPrefixes {
		if rest, ok := strings.CutPrefix(word, prefix); ok && len(rest) >= 3 && participles[rest] {
			return true
		}
	}
	return false
}

var verbPrefixes = []string{"under", "over", "out", "re", "mis", "un", "fore", "with", "up", "down", "be", "pre", "co"}

// participles is the set of irregularPast's values.
var participles = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range irregularPast {
		m[p] = true
	}
	return m
}()

// past returns the past participle of verb.
func past(verb string) string {
	if p, ok := irregularPast[verb]; ok {
		return p
	}
	n := len(verb)
	switch {
	case strings.HasSuffix(verb, "e"):
		return verb + "d"
	case n > 2 && verb[n-1] == 'y' && !isVowel(verb[n-2]):
		return verb[:n-1] + "ied"
	case doubling[verb] || (n >= 3 && syllables(verb) == 1 && !isVowel(verb[n-1]) && isVowel(verb[n-2]) &&
		!isVowel(verb[n-3]) && !strings.ContainsRune("wxy", rune(verb[n-1]))):
		return verb + string(verb[n-1]) + "ed"
	}
	return verb + "ed"
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func syllables(w string) int {
	n, prev := 0, false
	for i := 0; i < len(w); i++ {
		v := isVowel(w[i])
		if v && !prev {
			n++
		}
		prev = v
	}
	return n
}

// NameProblem is a broken naming rule.
type NameProblem struct {
	Check   *Check
	Message string // what is wrong and what to do
	Suggest string // the conforming name, when one can be derived
}

// parts splits name into its prefix, its segments and its version (""
// when there is none), or says what keeps it from being split.
func (r *NameRules) parts(name string) (prefix string, segs []string, version, what string) {
	body := name
	if r.Prefix != "" && r.Prefix != AnyReverseDNS {
		rest, ok := strings.CutPrefix(name, r.Prefix)
		if !ok {
			return "", nil, "", fmt.Sprintf("does not start with %q", r.Prefix)
		}
		prefix, body = r.Prefix, rest
	}
	segs = strings.Split(body, r.Separator)
	if slices.Contains(segs, "") {
		return "", nil, "", "has an empty segment"
	}
	if n := len(segs); r.Version && n > 1 && versionSuffix.MatchString(segs[n-1]) {
		version, segs = segs[n-1], segs[:n-1]
	}
	if r.Prefix == AnyReverseDNS {
		// The prefix is what is left of the fewest allowed segments: as
		// much as can be taken for the prefix is, which checks the fewest
		// segments against the case.
		k := -1
		for _, n := range r.Segments {
			if len(segs)-n >= 2 {
				k = n
				break
			}
		}
		if k < 0 {
			return "", nil, "", "does not start with a reverse-DNS prefix"
		}
		labels := segs[:len(segs)-k]
		for _, l := range labels {
			if !dnsLabel.MatchString(l) {
				return "", nil, "", fmt.Sprintf("prefix segment %q is not a lowercase DNS label", l)
			}
		}
		prefix, segs = strings.Join(labels, r.Separator)+r.Separator, segs[len(segs)-k:]
	}
	return prefix, segs, version, ""
}

// Check holds name to the rules, returning nil when it conforms.
func (r *NameRules) Check(name string) *NameProblem {
	c, what := r.broken(name)
	if c == nil {
		return nil
	}
	p := &NameProblem{Check: c, Suggest: r.Suggest(name)}
	p.Message = fmt.Sprintf("event name %q %s: %s", name, what, r.advice(p.Suggest))
	return p
}

// broken returns the rule name breaks and what is wrong with it, or nil.
func (r *NameRules) broken(name string) (*Check, string) {
	_, segs, _, what := r.parts(name)
	switch {
	case name == "":
		what = "is empty"
	case what != "":
	case !slices.Contains(r.Segments, len(segs)):
		what = fmt.Sprintf("has %d %s, want %s", len(segs), plural(len(segs), "segment"), r.shape())
	default:
		for _, s := range segs {
			if !casePatterns[r.Case].MatchString(s) {
				what = fmt.Sprintf("segment %q is not %s", s, r.Case)
				break
			}
		}
	}
	if what != "" {
		return CheckNameFormat, what
	}
	if !r.PastTense {
		return nil, ""
	}
	last := words(segs[len(segs)-1])
	if r.endsInPast(last) {
		return nil, ""
	}
	verb := r.Case.join(last[verbAt(last):])
	return CheckNamePastTense, fmt.Sprintf("does not end in a past-tense verb (%q)", verb)
}

// shape spells the allowed shapes of a name: <aggregate>.<verb>,
// /<aggregate>/<verb>, <reverse-dns>.<aggregate>.<verb>[.v<n>].
func (r *NameRules) shape() string {
	prefix, version := r.Prefix, ""
	if prefix == AnyReverseDNS {
		prefix = "<reverse-dns>" + r.Separator
	}
	if r.Version {
		version = "[" + r.Separator + "v<n>]"
	}
	if n := len(r.Segments); n > 2 && r.Segments[n-1]-r.Segments[0] == n-1 {
		return fmt.Sprintf("%s<%d to %d segments>%s", prefix, r.Segments[0], r.Segments[n-1], version)
	}
	var shapes []string
	for _, n := range r.Segments {
		var s string
		switch n {
		case 1:
			s = "<verb>"
		case 2:
			s = "<aggregate>" + r.Separator + "<verb>"
		case 3:
			s = "<context>" + r.Separator + "<aggregate>" + r.Separator + "<verb>"
		default:
			s = "<" + strconv.Itoa(n) + " segments>"
		}
		shapes = append(shapes, prefix+s+version)
	}
	return strings.Join(shapes, " or ")
}

func (r *NameRules) advice(suggest string) string {
	if suggest != "" {
		return fmt.Sprintf("name it %q", suggest)
	}
	tense := ""
	if r.PastTense {
		tense = " with a past-tense verb"
	}
	return fmt.Sprintf("name it %s in %s%s, e.g. %q", r.shape(), r.Case, tense, r.example())
}

// example returns a name that conforms to the rules, for the advice.
func (r *NameRules) example() string {
	ws := []string{"acme", "org", "unit", "team", "eu", "sales", "shop", "order", "refunded"}
	n := r.Segments[0]
	var segs [][]string
	if n == 1 {
		segs = [][]string{ws[len(ws)-2:]}
	}
	for _, w := range ws[len(ws)-min(n, len(ws)):] {
		if n > 1 {
			segs = append(segs, []string{w})
		}
	}
	prefix := r.Prefix
	if prefix == AnyReverseDNS {
		prefix = "com" + r.Separator + "example" + r.Separator
	}
	return r.render(prefix, segs, "")
}

// render writes segments of lowercase words as a name.
func (r *NameRules) render(prefix string, segs [][]string, version string) string {
	parts := make([]string, len(segs))
	for i, s := range segs {
		parts[i] = r.Case.join(s)
	}
	if version != "" {
		parts = append(parts, version)
	}
	return prefix + strings.Join(parts, r.Separator)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Suggest derives a conforming name from name, or returns "" when none can
// be derived with confidence or name conforms. It never returns a name
// that breaks the rules.
func (r *NameRules) Suggest(name string) string {
	if c, _ := r.broken(name); c == nil {
		return ""
	}
	// Keep the prefix and the version when they are there; a literal
	// prefix that is missing is added.
	prefix, body, version := r.Prefix, name, ""
	switch p, segs, v, what := r.parts(name); {
	case what == "":
		prefix, version = p, v
		body = strings.Join(segs, r.Separator)
	case r.Prefix == AnyReverseDNS:
		return "" // the prefix cannot be told from the rest
	case strings.HasPrefix(name, r.Prefix):
		body = name[len(r.Prefix):]
	}
	var segs [][]string
	for _, s := range strings.FieldsFunc(body, func(c rune) bool {
		return strings.ContainsRune(r.Separator, c) || strings.ContainsRune(".:/", c)
	}) {
		if w := words(s); len(w) > 0 {
			segs = append(segs, w)
		}
	}
	switch n := len(segs); {
	case n == 1 && slices.Contains(r.Segments, 2),
		n == 1 && slices.Contains(r.Segments, 1) && r.PastTense && !r.endsInPast(segs[0]):
		// One run of words: EmployeeCreated, RefundOrder,
		// change_employee_status_done; where one segment is wanted,
		// order_refunded from RefundOrder.
		agg, tail := oneRun(segs[0], r)
		if agg == nil {
			return ""
		}
		segs = [][]string{agg, tail}
		if !slices.Contains(r.Segments, 2) {
			segs = [][]string{append(agg, tail...)}
		}
	case n > 1 && !slices.Contains(r.Segments, n) && slices.Contains(r.Segments, 1):
		// Segments where one is wanted: cert.obtained -> cert_obtained.
		segs = [][]string{slices.Concat(segs...)}
		if r.PastTense && !r.endsInPast(segs[0]) {
			return "" // which word is the verb is not told by segments any more
		}
	case slices.Contains(r.Segments, n) && n > 0:
		// Already segmented: fix the case and the tense of the verb.
		if last := segs[n-1]; r.PastTense && !r.endsInPast(last) {
			if segs[n-1] = inPast(last); segs[n-1] == nil {
				return "" // the verb is a particle or a noun
			}
		}
	default:
		return ""
	}
	for i, s := range segs {
		segs[i] = splitWords(s)
	}
	out := r.render(prefix, segs, version)
	if c, _ := r.broken(out); out == name || c != nil {
		return ""
	}
	return out
}

// oneRun splits one run of words into the aggregate and the rest, the
// verb last and in the past tense, or returns nil when which word is the
// verb cannot be told.
func oneRun(w []string, r *NameRules) (agg, tail []string) {
	for len(w) > 2 && fillers[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	if len(w) < 2 {
		return nil, nil
	}
	tail = w[1:]
	vi := verbAt(tail)
	verb := tail[vi]
	_, _, firstPhrasal := phrasal(w[0])
	_, _, verbPhrasal := phrasal(verb)
	switch {
	case r.isPast(verb):
		// Noun first: <aggregate> <details...> <verb> [<particle>].
		return w[:1], tail
	case commandVerbs[w[0]] && commandVerbs[verb]:
		return nil, nil // CloseOpen: either could be the verb
	case commandVerbs[w[0]] || firstPhrasal:
		// Verb first, as in a command: <verb> <aggregate> <details...>
		// (RefundOrder, LogoutUser).
		p := pastOf(w[0])
		if p == "" {
			return nil, nil
		}
		return w[1:2], append(slices.Clone(w[2:]), p)
	case commandVerbs[verb] || verbPhrasal || phrasalBases[verb] && vi < len(tail)-1:
		// Noun first, verb in the present: InvoiceVoid, UserLogout,
		// UserLogIn.
		if tail = inPast(tail); tail == nil {
			return nil, nil
		}
		return w[:1], tail
	}
	return nil, nil // which word is the verb is anybody's guess
}

// splitWords splits the words that pastOf joined to their particle
// (logged_out).
func splitWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		out = append(out, strings.Split(w, "_")...)
	}
	return out
}

// words splits an identifier-like string into lowercase words at
// underscores, hyphens, spaces and camelCase boundaries.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, c := range rs {
		switch {
		case c == '_' || c == '-' || c == ' ':
			flush()
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return nil // not a name we can reason about
		case unicode.IsUpper(c):
			// A new word starts at an upper-case letter after a lower-case
			// one, or before a lower-case one in a run (HTTPServer).
			if i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
				(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))) {
				flush()
			}
			cur = append(cur, c)
		default:
			cur = append(cur, c)
		}
	}
	flush()
	return out
}
