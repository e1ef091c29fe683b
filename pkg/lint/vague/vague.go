// Package vague finds vague language in a career roadmap: targets that name
// no role (RM003), actions with no concrete object (RM005), person actions
// that name nobody (RM008), and hedges (RM020).
//
// Two things decide, in this order. The phrase lists are the clear cases:
// three embedded lists (data/targets.txt, data/actions.txt,
// data/hedges.txt), which a config file can extend, compiled once into one
// table keyed by each phrase's first word. Where no listed phrase matched a
// clause, the clause is judged by what it names (judge.go): an action whose
// verb promises work on oneself ("Sharpen my Go skills", "Invest in
// observability") and names nothing concrete is vague whatever its words;
// a target that stands in for a role ("the level above mine") and names no
// role is vague. Those matches carry Judged. The words the judgement reads
// (verbs of learning and of making, topics, capacities, deliverables, role
// titles, honorifics …) are data too: data/words/*.txt, one lexicon of word
// classes (words.go). The judgement reads English best; in Spanish,
// Portuguese, French, Italian and German it knows the verbs of learning and
// effort, capacities and determiners, and calls an action vague only when
// it names a capacity or a known topic and nothing concrete. A text is split into words once; a word costs one map
// look-up at most, most words none. No regular expression is involved.
//
// # Phrase syntax
//
// One phrase per line; '#' starts a comment. A phrase is words separated by
// spaces or hyphens; words match whole words, case-insensitively, and a
// hyphen matches a space ("next-level" is "next level"). "improve" does not
// match "improvement", nor "try to" match "trying to": there is no stemming,
// a list spells out each form it means. Markers:
//
//	phrase      vague unless a concrete object follows, by the list's rule
//	            (targets: a name; actions: a name, a number, a date or a
//	            deliverable; hedges: always vague)
//	!phrase     always vague, whatever follows
//	~phrase     vague unless any concrete object follows, a number or a date
//	            included
//	phrase @    the object may be a person: "talk to Priya" or "reach out to
//	            my manager" is concrete
//	phrase …    a trailing "…" or "..." only documents that something follows
//
// A listed action phrase that is not always vague counts only where an
// action's verb stands: not inside a noun phrase ("my conference talk with
// the guild") nor after a subject ("what their analysts work on").
//
// # Concreteness
//
// What follows a phrase, up to the end of its clause (. ! ? ;), is concrete
// when it holds a specific handle: a number or a quantity word ("two"), a
// date (2026-12-01, Q1, March), a quoted or italic title, a link, a code
// span, an identifier (v3, p99, L6), a name of two or more capitalised
// words ("Confluent Kafka Fundamentals", "Dana Lee") that is not only generic
// words ("System Design", "Staff Engineer"), a deliverable ("a design doc")
// or a named course or book ("the CKAD course"). One capitalised word
// ("Kafka", "SQL") is a topic, not a handle. For targets only names count (a
// title, link, code span, identifier, multi-word name, or a role title such
// as "senior product designer"): a date says when, not what.
//
// Text inside quotes, code spans, links and URLs, and inside italics that
// read as a title, is never matched: it is a name or someone else's words.
//
// # Names
//
// NamesPerson does not judge a name by its capitals alone (person.go): a
// word of a script without case is a name in a text written in a cased one,
// honorifics mark names in texts written in scripts without case, and title
// case makes no word a name.
package vague

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/*.txt data/words/*.txt
var dataFS embed.FS

// Lists are the phrase lists, one phrase per entry, markers included.
type Lists struct {
	Targets, Actions, Hedges []string
}

var builtin = sync.OnceValue(func() Lists {
	return Lists{
		Targets: readList("data/targets.txt"),
		Actions: readList("data/actions.txt"),
		Hedges:  readList("data/hedges.txt"),
	}
})

func readList(name string) []string {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	return ParseList(string(b))
}

// ParseList reads a phrase list in the data-file syntax: one phrase per
// line, '#' to the end of the line is a comment, blank lines are skipped.
func ParseList(data string) []string {
	var out []string
	for line := range strings.SplitSeq(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// Builtin returns the embedded lists. The slices are the caller's own.
func Builtin() Lists {
	b := builtin()
	return Lists{
		Targets: append([]string(nil), b.Targets...),
		Actions: append([]string(nil), b.Actions...),
		Hedges:  append([]string(nil), b.Hedges...),
	}
}

// With returns l followed by extra, list by list, in new slices. A phrase
// in extra that repeats one in l with other markers replaces it at Compile.
func (l Lists) With(extra Lists) Lists {
	cat := func(a, b []string) []string {
		out := make([]string, 0, len(a)+len(b))
		return append(append(out, a...), b...)
	}
	return Lists{
		Targets: cat(l.Targets, extra.Targets),
		Actions: cat(l.Actions, extra.Actions),
		Hedges:  cat(l.Hedges, extra.Hedges),
	}
}

// List names one of the three lists; Lists combine as bits.
type List uint8

const (
	ListTargets List = 1 << iota
	ListActions
	ListHedges

	AllLists = ListTargets | ListActions | ListHedges
)

func (l List) String() string {
	switch l {
	case ListTargets:
		return "targets"
	case ListActions:
		return "actions"
	case ListHedges:
		return "hedges"
	}
	var parts []string
	for _, x := range []List{ListTargets, ListActions, ListHedges} {
		if l&x != 0 {
			parts = append(parts, x.String())
		}
	}
	return strings.Join(parts, "+")
}

func (l List) index() int {
	switch l {
	case ListActions:
		return 1
	case ListHedges:
		return 2
	}
	return 0
}

// Mode is when a phrase is vague.
type Mode uint8

const (
	// Always: the phrase is vague whatever follows it.
	Always Mode = iota + 1
	// UnlessNamed: vague unless a name follows (title, link, code span,
	// identifier, multi-word name, role title). The targets' default.
	UnlessNamed
	// UnlessConcrete: vague unless any concrete object follows, numbers and
	// dates included. The actions' default.
	UnlessConcrete
)

// Match is one vague phrase found in a text.
type Match struct {
	// Start and End are byte offsets into the text as given.
	Start, End int
	// Phrase is the phrase as listed, without its markers.
	Phrase string
	// List is the list the phrase comes from.
	List List
	// Mode says why it matched: Always, or no concrete object followed.
	Mode Mode
	// Judged is set when no listed phrase matched: the clause was judged
	// vague by its shape (a verb of learning or effort, or a stand-in for a
	// role, with nothing concrete named). Phrase is then the clause's words,
	// lower-cased.
	Judged bool
}

// PhraseError is a phrase Compile cannot use.
type PhraseError struct {
	List List
	// Index is the phrase's 0-based position in its list as given to
	// Compile. For Builtin().With(extra), subtract the built-in list's
	// length to find it in extra (built-in phrases always compile).
	Index  int
	Phrase string
	Reason string
}

func (e *PhraseError) Error() string {
	return fmt.Sprintf("vague %s phrase %q: %s", e.List, e.Phrase, e.Reason)
}

// maxWords bounds a phrase's length; longer ones are sentences, not phrases.
const maxWords = 8

type phrase struct {
	text   string
	words  []string
	list   List
	mode   Mode
	person bool
}

// Matcher finds listed phrases in texts. It is immutable and safe for
// concurrent use.
type Matcher struct {
	phrases []phrase
	// first maps a phrase's first word to its phrases, longest first.
	first map[string][]int32
	// filter has a bit set for every first word's filterHash: most words
	// of a text are ruled out without a map look-up.
	filter [filterBits / 64]uint64
}

const filterBits = 1024

// filterHash mixes a word's length and its first and last bytes.
func filterHash(w string) uint {
	return (uint(len(w))*131 + uint(w[0])*31 + uint(w[len(w)-1])) % filterBits
}

// Compile checks and compiles the lists. The error is a *PhraseError naming
// the first bad phrase.
func Compile(l Lists) (*Matcher, error) {
	m := &Matcher{first: make(map[string][]int32)}
	seen := make(map[string]int) // list + words -> index in m.phrases
	for _, group := range []struct {
		list List
		def  Mode
		src  []string
	}{
		{ListTargets, UnlessNamed, l.Targets},
		{ListActions, UnlessConcrete, l.Actions},
		{ListHedges, Always, l.Hedges},
	} {
		for i, raw := range group.src {
			p, reason := parsePhrase(raw, group.def)
			if reason != "" {
				return nil, &PhraseError{List: group.list, Index: i, Phrase: raw, Reason: reason}
			}
			p.list = group.list
			key := group.list.String() + "\x00" + strings.Join(p.words, " ")
			if j, ok := seen[key]; ok {
				m.phrases[j] = p // a later entry (config) overrides an earlier one
				continue
			}
			seen[key] = len(m.phrases)
			m.phrases = append(m.phrases, p)
		}
	}
	for i, p := range m.phrases {
		m.first[p.words[0]] = append(m.first[p.words[0]], int32(i))
		h := filterHash(p.words[0])
		m.filter[h>>6] |= 1 << (h & 63)
	}
	for _, idx := range m.first {
		// longest first, then in list order: leftmost-longest matching
		for a := 1; a < len(idx); a++ {
			for b := a; b > 0 && len(m.phrases[idx[b]].words) > len(m.phrases[idx[b-1]].words); b-- {
				idx[b], idx[b-1] = idx[b-1], idx[b]
			}
		}
	}
	return m, nil
}

// parsePhrase reads one entry: markers, then words. It returns a reason
// when the entry cannot be used.
func parsePhrase(raw string, def Mode) (phrase, string) {
	p := phrase{mode: def}
	if !utf8.ValidString(raw) {
		return p, "not valid UTF-8"
	}
	s := strings.TrimSpace(raw)
	if strings.ContainsAny(s, "\n\r") {
		return p, "a phrase is one line"
	}
	switch {
	case strings.HasPrefix(s, "!"):
		p.mode, s = Always, s[1:]
	case strings.HasPrefix(s, "~"):
		p.mode, s = UnlessConcrete, s[1:]
	}
	s = strings.TrimSpace(s)
	for _, suffix := range []string{"…", "...", "@"} {
		if strings.HasSuffix(s, suffix) {
			if suffix == "@" {
				p.person = true
			}
			s = strings.TrimSpace(strings.TrimSuffix(s, suffix))
		}
	}
	if s == "" {
		return p, "empty (a phrase needs at least one word)"
	}
	sc := &scratch{}
	sc.scan(s)
	if len(sc.toks) == 0 {
		return p, "no words, only punctuation (a phrase is words separated by spaces or hyphens)"
	}
	// every character must be part of a word, a space or a joining hyphen:
	// anything else would be silently ignored when matching
	prev := 0
	for k, t := range sc.toks {
		gap := s[prev:t.start]
		if k > 0 && gap != " " && gap != "-" && strings.TrimLeft(gap, " ") != "" {
			return p, fmt.Sprintf("%q cannot be matched (use only words, spaces, hyphens and apostrophes)", strings.TrimSpace(gap))
		}
		if k == 0 && gap != "" {
			return p, fmt.Sprintf("%q cannot be matched (use only words, spaces, hyphens and apostrophes)", gap)
		}
		prev = t.end
	}
	if prev != len(s) {
		return p, fmt.Sprintf("%q cannot be matched (use only words, spaces, hyphens and apostrophes)", s[prev:])
	}
	if len(sc.toks) > maxWords {
		return p, fmt.Sprintf("%d words; a phrase has at most %d", len(sc.toks), maxWords)
	}
	p.words = make([]string, len(sc.toks))
	for k := range sc.toks {
		p.words[k] = sc.word(k)
	}
	p.text = s
	return p, ""
}

var defaultMatcher = sync.OnceValue(func() *Matcher {
	m, err := Compile(Builtin())
	if err != nil {
		panic("vague: built-in lists: " + err.Error())
	}
	return m
})

// Default returns the built-in lists, compiled once.
func Default() *Matcher { return defaultMatcher() }

// Target finds vague phrasing in a target (RM003): a stand-in for a role,
// such as "something more strategic" or "get promoted" with no role named.
func (m *Matcher) Target(text string) []Match { return m.Find(text, ListTargets) }

// Action finds vague verbs with no concrete object after them (RM005):
// "learn more about Kafka", "improve communication", "talk to someone senior".
func (m *Matcher) Action(text string) []Match { return m.Find(text, ListActions) }

// Hedges finds hedges and weasel words (RM020): "maybe", "hopefully",
// "various".
func (m *Matcher) Hedges(text string) []Match { return m.Find(text, ListHedges) }

// Find matches the phrases of the given lists against text in one pass and
// returns the matches in text order (nil when there are none). Within one
// list, matches do not overlap: at each word the longest phrase wins.
func (m *Matcher) Find(text string, lists List) []Match {
	if text == "" || m == nil {
		return nil
	}
	s := getScratch(text)
	defer putScratch(s)
	var out []Match
	var next [3]int // per list: the first token a new match may start at
	toks := s.toks
	for i := range toks {
		t := &toks[i]
		if t.f&(fProtected|fJoin) != 0 {
			continue
		}
		w := s.word(i)
		if h := filterHash(w); m.filter[h>>6]&(1<<(h&63)) == 0 {
			continue // no phrase starts with this word
		}
		cands, ok := m.first[w]
		if !ok {
			continue
		}
		for _, pi := range cands {
			p := &m.phrases[pi]
			if p.list&lists == 0 || i < next[p.list.index()] {
				continue
			}
			n := len(p.words)
			if !s.matchAt(i, p.words) {
				continue
			}
			if p.list == ListActions && p.mode != Always && !s.verbPosition(i) {
				continue // a noun or a description: "my conference talk with", "what I work on"
			}
			if p.mode != Always {
				if ok, _ := s.concrete(i+n, p.mode, p.person); ok {
					continue
				}
			}
			out = append(out, Match{Start: t.start, End: toks[i+n-1].end, Phrase: p.text, List: p.list, Mode: p.mode})
			next[p.list.index()] = i + n
		}
	}
	if lists&ListActions != 0 && len(toks) > 0 {
		out = s.judgeActions(out)
	}
	if lists&ListTargets != 0 && len(toks) > 0 {
		out = s.judgeTargets(out)
	}
	return out
}

// matchAt reports whether words match the tokens from i on: soft-joined,
// unprotected, and not ending inside a hyphenated compound.
func (s *scratch) matchAt(i int, words []string) bool {
	n := len(words)
	if i+n > len(s.toks) {
		return false
	}
	for j := 1; j < n; j++ {
		t := &s.toks[i+j]
		if t.f&fSoft == 0 || t.f&(fProtected|fBreak) != 0 || s.word(i+j) != words[j] {
			return false
		}
	}
	return i+n == len(s.toks) || s.toks[i+n].f&fJoin == 0
}
