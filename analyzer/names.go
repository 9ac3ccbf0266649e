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

// NameRules is the naming convention event names are held to.
type NameRules struct {
	// Segments lists the allowed numbers of dot-separated segments
	// (default: 2, <aggregate>.<verb>).
	Segments []int
	// PastTense requires the last segment to end in a verb in the past
	// tense, alone or followed by its particles (user.logged_in).
	PastTense bool
	// Irregular holds past participles that do not end in -ed, in addition
	// to the built-in list.
	Irregular map[string]bool
}

// DefaultNameRules returns the <aggregate>.<verb> convention.
func DefaultNameRules() *NameRules {
	return &NameRules{Segments: []int{2}, PastTense: true, Irregular: map[string]bool{}}
}

var segmentPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

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

// Check holds name to the rules, returning nil when it conforms.
func (r *NameRules) Check(name string) *NameProblem {
	segs := strings.Split(name, ".")
	what := ""
	switch {
	case name == "":
		what = "is empty"
	case slices.Contains(segs, ""):
		what = "has an empty segment"
	case !slices.Contains(r.Segments, len(segs)):
		what = fmt.Sprintf("has %d %s, want %s", len(segs), plural(len(segs), "segment"), r.shape())
	default:
		for _, s := range segs {
			if !segmentPattern.MatchString(s) {
				what = fmt.Sprintf("segment %q is not lowercase snake_case", s)
				break
			}
		}
	}
	if what != "" {
		p := &NameProblem{Check: CheckNameFormat, Suggest: r.Suggest(name)}
		p.Message = fmt.Sprintf("event name %q %s: %s", name, what, r.advice(p.Suggest))
		return p
	}
	if !r.PastTense {
		return nil
	}
	last := strings.Split(segs[len(segs)-1], "_")
	if r.endsInPast(last) {
		return nil
	}
	verb := strings.Join(last[verbAt(last):], "_")
	p := &NameProblem{Check: CheckNamePastTense, Suggest: r.Suggest(name)}
	p.Message = fmt.Sprintf("event name %q does not end in a past-tense verb (%q): %s", name, verb, r.advice(p.Suggest))
	return p
}

func (r *NameRules) shape() string {
	var shapes []string
	for _, n := range r.Segments {
		switch n {
		case 1:
			shapes = append(shapes, "<verb>")
		case 2:
			shapes = append(shapes, "<aggregate>.<verb>")
		case 3:
			shapes = append(shapes, "<context>.<aggregate>.<verb>")
		default:
			shapes = append(shapes, strconv.Itoa(n)+" segments")
		}
	}
	return strings.Join(shapes, " or ")
}

func (r *NameRules) advice(suggest string) string {
	if suggest != "" {
		return fmt.Sprintf("name it %q", suggest)
	}
	return "name it " + r.shape() + " in lowercase snake_case with a past-tense verb, e.g. \"order.refunded\""
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// Suggest derives a conforming name from name, or returns "" when none can
// be derived with confidence. It never returns a name that breaks the rules.
func (r *NameRules) Suggest(name string) string {
	var segs [][]string
	for _, s := range strings.Split(name, ".") {
		if w := words(s); len(w) > 0 {
			segs = append(segs, w)
		}
	}
	var out string
	switch {
	case len(segs) >= 2 && slices.Contains(r.Segments, len(segs)):
		// Already segmented: fix the case and the tense of the verb.
		parts := make([]string, len(segs))
		for i, s := range segs {
			parts[i] = strings.Join(s, "_")
		}
		if last := segs[len(segs)-1]; r.PastTense && !r.endsInPast(last) {
			last = inPast(last)
			if last == nil {
				return "" // the verb is a particle or a noun
			}
			parts[len(parts)-1] = strings.Join(last, "_")
		}
		out = strings.Join(parts, ".")
	case len(segs) == 1 && slices.Contains(r.Segments, 2):
		// One run of words: EmployeeCreated, RefundOrder,
		// change_employee_status_done.
		w := segs[0]
		for len(w) > 2 && fillers[w[len(w)-1]] {
			w = w[:len(w)-1]
		}
		if len(w) < 2 {
			return ""
		}
		tail := w[1:]
		vi := verbAt(tail)
		verb := tail[vi]
		_, _, firstPhrasal := phrasal(w[0])
		_, _, verbPhrasal := phrasal(verb)
		switch {
		case r.isPast(verb):
			// Noun first: <aggregate> <details...> <verb> [<particle>].
			out = w[0] + "." + strings.Join(tail, "_")
		case commandVerbs[w[0]] && commandVerbs[verb]:
			return "" // CloseOpen: either could be the verb
		case commandVerbs[w[0]] || firstPhrasal:
			// Verb first, as in a command: <verb> <aggregate> <details...>
			// (RefundOrder, LogoutUser).
			rest := append(slices.Clone(w[2:]), pastOf(w[0]))
			out = w[1] + "." + strings.Join(rest, "_")
		case commandVerbs[verb] || verbPhrasal || phrasalBases[verb] && vi < len(tail)-1:
			// Noun first, verb in the present: InvoiceVoid, UserLogout,
			// UserLogIn.
			out = w[0] + "." + strings.Join(inPast(tail), "_")
		default:
			return "" // which word is the verb is anybody's guess
		}
	default:
		return ""
	}
	if out == name || r.Check(out) != nil {
		return ""
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
