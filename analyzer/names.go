package analyzer

import (
	"fmt"
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
	// PastTense requires the last word of the last segment to be a verb in
	// the past tense.
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
	last := segs[len(segs)-1]
	verb := last[strings.LastIndexByte(last, '_')+1:]
	if r.isPast(verb) {
		return nil
	}
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
		last := segs[len(segs)-1]
		if verb := last[len(last)-1]; r.PastTense && !r.isPast(verb) {
			last = append(slices.Clone(last[:len(last)-1]), past(verb))
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
		last := w[len(w)-1]
		switch {
		case r.isPast(last):
			// Noun first: <aggregate> <details...> <verb>.
			out = w[0] + "." + strings.Join(w[1:], "_")
		case commandVerbs[w[0]] && commandVerbs[last]:
			return "" // CloseOpen: either could be the verb
		case commandVerbs[w[0]]:
			// Verb first, as in a command: <verb> <aggregate> <details...>.
			rest := append(slices.Clone(w[2:]), past(w[0]))
			out = w[1] + "." + strings.Join(rest, "_")
		case commandVerbs[last]:
			// Noun first, verb in the present: InvoiceVoid.
			rest := append(slices.Clone(w[1:len(w)-1]), past(last))
			out = w[0] + "." + strings.Join(rest, "_")
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
