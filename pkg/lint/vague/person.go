package vague

import (
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/ascii"
)

// NamesPerson reports whether a person action names whom to ask: a person
// in any script ("Dana Lee", "ask Priya", "Leah's feedback", "林美玲",
// "Иван Петров", "प्रिया जी", "田中さん"), a specific role ("my manager",
// "the staff engineer on Ledger", "the Director of Product at Acme", "the
// CTO"), or a handle or email address. "Someone senior", "people in the
// industry" and "a staff engineer" name nobody.
//
// Capitals are one clue among several, never the only one: a script
// without case (Han, Hangul, Arabic, Devanagari, Hebrew, Thai …) has none,
// and title case gives every word one. In a text written mostly in Latin
// or another cased script, a word of a script without case is a name (a
// roadmap in English does not spell its topics in Hangul); in a text
// written mostly in such a script, names are found by their honorifics
// ("さん", "님", "老师", "जी", "السيد", "คุณ") and by the cased names among
// them.
func NamesPerson(text string) bool {
	if text == "" {
		return false
	}
	s := getScratch(text)
	defer putScratch(s)
	return s.namesPerson(0, len(s.toks), false) != ""
}

// native: most of the text's letters are of scripts without case, so an
// uncased word is any word, not a name.
func (s *scratch) native() bool { return s.uncased*2 > s.letters }

// namesPerson looks for a person in tokens [from, end). With slot set the
// first token stands where a person is expected, as after "talk to".
func (s *scratch) namesPerson(from, end int, slot bool) string {
	if s.hasHandle(from, end) {
		return WhyHandle
	}
	native := s.native()
	toks := s.toks
	for k := from; k < end; k++ {
		t := &toks[k]
		if t.f&(fCode|fURL|fQuote|fTitle) != 0 {
			continue
		}
		switch w := s.word(k); w {
		case "my", "our":
			if j := s.roleAhead(k+1, end); j >= 0 {
				return WhyRole
			}
		case "the":
			if j := s.roleAhead(k+1, end); j >= 0 {
				if s.is(j, cUniqueRole) || s.specifier(j+1, end) || s.namedTeam(k+1, j) {
					return WhyRole
				}
			}
		}
		if s.honorific(k, from, end) {
			return WhyPerson
		}
		if t.f&fUncased != 0 && native {
			if why := s.nameSuffix(k); why != "" {
				return why
			}
			// a name with the role it holds in an aside: "约张伟（账本团队主任
			// 工程师）", "ask 김민준 (디자이너, 토스)"
			if s.roleAside(k) {
				return WhyPerson
			}
		}
		if !s.nameLike(k, native) {
			continue
		}
		// a run of name-like words: "Dana Lee", "Liam O'Connor", "Rosa de Souza"
		j, names := k, 0
		for j < end {
			if s.nameLike(j, native) && (j == k || toks[j].f&fSoft != 0) {
				names += s.nameWeight(j, native)
				j++
				continue
			}
			if j > k && j+1 < end && toks[j].f&fSoft != 0 && s.nameLike(j+1, native) {
				if s.is(j, cNameParticle) {
					j++
					continue
				}
			}
			break
		}
		// "someone from Intercom's CS team", "two people from Intercom":
		// the organisation of someone unnamed; "Bayesian methods": an
		// adjective made from a name
		if s.unnamedBefore(k, from) || j == k+1 && s.adjectival(k) {
			k = j - 1
			continue
		}
		groupAfter := j < end && toks[j].f&fSoft != 0 && s.isGroupNoun(j) || s.eventIn(k, j)
		afterSlot := k == from && slot || k > from && t.f&fSoft != 0 && s.is(k-1, cPersonSlot)
		// the run may continue a proper noun that began with an acronym:
		// "at the AWS Summit Lagos" is a place to be, not a person
		lead := k
		for lead > from && toks[lead].f&fSoft != 0 && toks[lead-1].f&(fCap|fAllCaps) != 0 &&
			toks[lead-1].f&fSentStart == 0 && !s.is(lead-1, cStop) && !s.nameLike(lead-1, native) {
			lead--
		}
		switch {
		case groupAfter:
		case s.roleAside(j - 1):
			return WhyPerson // "Pedir a Marta Castillo (Head of Analytics)": a name with its role
		case names >= 2:
			if lead == from || !s.is(lead-1, cOrgPrep) {
				return WhyPerson
			}
			// an article after "with": "com a Ana Souza", "with the Dana"
			if k-2 >= from && s.is(k-2, cPersonSlot) && s.is(k-1, cStop) && !s.is(k-2, cOrgPrep) {
				return WhyPerson
			}
			// the personal "a" of Spanish, Italian and Portuguese after a
			// verb of asking: "Pedir a Lucía Fernández 30 minutos", "Pedir
			// 30 minutos a Lucía Fernández", where the English article
			// names a kind of person ("Ask a Google Cloud engineer")
			if s.word(lead-1) == "a" && s.slotBefore(from, lead-1) && s.runEnds(j, end) {
				return WhyPerson
			}
		case afterSlot:
			return WhyPerson
		case k == 0 && from == 0 && s.standsAlone(j, end):
			return WhyPerson // "Priya", "Priya (EM, Payments)": a name on its own
		case t.f&fPossessive != 0 && j < end:
			if s.is(j, cPersonNoun) {
				return WhyPerson
			}
			if s.roleAhead(j, end) >= 0 {
				return WhyRole
			}
		}
		k = j - 1
	}
	return ""
}

// slotBefore: a token in [from, end) stands where a person is expected
// after it ("pedir", "ask").
func (s *scratch) slotBefore(from, end int) bool {
	for k := from; k < end; k++ {
		if s.is(k, cPersonSlot) {
			return true
		}
	}
	return false
}

// runEnds: a name run ending before token j ends there, not as the
// modifier of a noun: nothing follows, or punctuation, a number or a
// function word ("a Lucía Fernández 30 minutos", "a Marco Rossi per").
func (s *scratch) runEnds(j, end int) bool {
	if j >= end {
		return true
	}
	t := &s.toks[j]
	return t.f&fSoft == 0 || t.f&fDigit != 0 || s.is(j, cStop)
}

// nameWeight is how much of a name token k is. A Han, Hangul or Kana
// name is written without a space between family and given name, and a
// word of a script without case inside a text in a cased one is a name
// whole; so is a capitalised Cyrillic or Greek word inside a sentence, as
// those languages do not capitalise their nouns. Any other capitalised
// word is half a name: "Kafka" alone may be a topic, "Dana Lee" is a
// person.
func (s *scratch) nameWeight(k int, native bool) int {
	f := s.toks[k].f
	if f&fUncased != 0 && !native || f&fNonLatin != 0 && f&fSentStart == 0 {
		return 2
	}
	return 1
}

// honorific: token k is a title written beside a name ("Dr. Lee", "Mx
// Okafor", "श्री राम", "السيد أحمد", "מר כהן", "प्रिया जी"), or a title of a
// script without case joined to the name it precedes ("คุณสมชาย").
func (s *scratch) honorific(k, from, end int) bool {
	if s.is(k, cTitleBefore) {
		return s.letterWord(k+1, from, end)
	}
	if s.is(k, cTitleAfter) {
		return s.letterWord(k-1, from, end)
	}
	w := s.word(k)
	if s.toks[k].f&fUncased == 0 {
		return false
	}
	for _, p := range joinedHonorifics {
		for i := 0; i < len(w); {
			j := strings.Index(w[i:], p)
			if j < 0 {
				break
			}
			j += i
			i = j + len(p)
			// a name of two letters or more follows, and the title is not
			// the tail of another word ("ขอบคุณ", thank you)
			if utf8.RuneCountInString(w[i:]) >= 2 && !notNames.hasSuffixOf(w[:j]) {
				return true
			}
		}
	}
	return false
}

// letterWord: token k lies in [from, end) and is a word with letters that is
// not a function word (the neighbour a title needs to be a name's).
func (s *scratch) letterWord(k, from, end int) bool {
	if k < from || k >= end {
		return false
	}
	t := &s.toks[k]
	return t.f&fAlpha != 0 && t.f&(fCode|fURL) == 0 && !s.is(k, cStop|cTitleBefore|cTitleAfter)
}

// nameSuffix finds an honorific written onto a name in a text of a script
// without case: Japanese "田中さんに" or "田中先生", Korean "김민준님께",
// Chinese "林美玲老师". The stem before it must not be a word that takes the
// honorific without being a name ("皆さん" everyone, "お客様" customers,
// "一位老师" a teacher). A role with its honorific ("팀장님", my team lead)
// names the one person who holds it, as "my manager" does.
func (s *scratch) nameSuffix(k int) string {
	w := s.text[s.toks[k].start:s.toks[k].end]
	for _, suf := range nameSuffixes {
		for i := 0; i < len(w); {
			j := strings.Index(w[i:], suf)
			if j < 0 {
				break
			}
			j += i
			i = j + len(suf)
			if j == 0 {
				continue // the honorific alone ("先生に聞く": ask the teacher)
			}
			stem := w[:j]
			if r, _ := utf8.DecodeLastRuneInString(stem); !ascii.IsWordRune(r) {
				continue
			}
			if s.notName(stem) {
				continue
			}
			if roleStems.hasSuffixOf(stem) {
				return WhyRole
			}
			return WhyPerson
		}
	}
	return ""
}

// notName: the stem ends with a word that takes an honorific but is no
// one's name.
func (s *scratch) notName(stem string) bool {
	return notNames.hasSuffixOf(stem)
}

// standsAlone: nothing follows the name but the end of the text, or an
// aside in brackets or after a dash ("Priya (EM, Payments)").
func (s *scratch) standsAlone(j, end int) bool {
	if j >= end {
		return true
	}
	gap := strings.TrimLeft(s.text[s.toks[j-1].end:s.toks[j].start], " \t\n")
	return gap != "" && (gap[0] == '(' || strings.HasPrefix(gap, "（") || strings.HasPrefix(gap, "—") || strings.HasPrefix(gap, "–") || strings.HasPrefix(gap, "- "))
}

// nameLike: a word that could be part of a person's name. A capitalised
// word counts unless it is an acronym, a number, a month, a generic or role
// word, or the imperative verb that starts a sentence ("Ask Dana Lee"). A
// word of a script without case counts in a text written mostly in a cased
// script.
func (s *scratch) nameLike(k int, native bool) bool {
	t := &s.toks[k]
	if t.f&(fCode|fURL|fQuote|fTitle|fDigit) != 0 {
		return false
	}
	if t.f&fUncased != 0 {
		return !native
	}
	if t.f&fCap == 0 || t.f&fAllCaps != 0 {
		return false
	}
	w := s.base(k)
	if w == "i" || strings.HasPrefix(w, "i'") {
		return false
	}
	if s.genericWord(k) {
		return false
	}
	if t.f&fSentStart != 0 && s.is(k, cImperative) {
		return false
	}
	return true
}

// namedTeam: a name before the role head makes it one person: "the
// Payments tech lead", "the Ledger staff engineer".
func (s *scratch) namedTeam(from, role int) bool {
	native := s.native()
	for k := from; k < role; k++ {
		if s.nameLike(k, native) {
			return true
		}
	}
	return false
}

// roleAhead looks for a role head ("manager", "lead", "CTO") within the
// next three words of a noun phrase, and returns its index or -1.
func (s *scratch) roleAhead(k, end int) int {
	toks := s.toks
	for j := k; j < end && j < k+3; j++ {
		if j > k && toks[j].f&fSoft == 0 {
			return -1
		}
		if s.is(j, cRoleHead) {
			return j
		}
		if s.is(j, cStop) && !s.is(j, cRoleModifier) {
			return -1
		}
	}
	return -1
}

// specifier: "of/at/on/for/in/from" and then a name or "my": what makes
// "the staff engineer on Ledger" one person.
func (s *scratch) specifier(k, end int) bool {
	if k >= end {
		return false
	}
	if !s.is(k, cRoleSpecifier) {
		return false
	}
	k++
	if k < end && s.word(k) == "the" {
		k++
	}
	if k >= end {
		return false
	}
	w := s.word(k)
	return s.toks[k].f&(fCap|fAllCaps|fUncased|fNonLatin) != 0 || w == "my" || w == "our"
}

func (s *scratch) isGroupNoun(k int) bool { return s.is(k, cGroupNoun) }

// hasHandle finds an @handle or an email address in the fragment's bytes,
// outside code spans.
func (s *scratch) hasHandle(from, end int) bool {
	if from >= end {
		return false
	}
	lo, hi := s.toks[from].start, s.toks[end-1].end
	text := s.text
	if lo > 0 {
		lo-- // the '@' of a handle is just before its first token
	}
	for i := lo; i < hi; i++ {
		j := strings.IndexByte(text[i:hi], '@')
		if j < 0 {
			return false
		}
		i += j
		if s.inSpan(i, spanCode) {
			if s.handleSpan(i) {
				return true // "`@liam.k` on the PM Slack": a handle set as code
			}
			continue
		}
		after := ascii.WordAt(text, i+1)
		before := ascii.WordBefore(text, i)
		if after && (!before || strings.IndexByte(text[i+1:min(len(text), i+255)], '.') > 0) {
			return true
		}
	}
	return false
}

// roleAside: token k is followed by an aside in brackets that names a role
// ("（账本团队主任工程师）", "(Staff Engineer, Ledger)"): what stands before it
// is the person who holds it.
func (s *scratch) roleAside(k int) bool {
	rest := strings.TrimLeft(s.text[s.toks[k].end:], " ")
	var closer string
	switch {
	case strings.HasPrefix(rest, "("):
		rest, closer = rest[1:], ")"
	case strings.HasPrefix(rest, "（"):
		rest, closer = rest[len("（"):], "）"
	default:
		return false
	}
	end := strings.Index(rest, closer)
	if end < 0 || end > 200 {
		return false
	}
	aside := rest[:end]
	for _, r := range roleStems {
		if strings.Contains(aside, r) {
			return true
		}
	}
	// a role in Latin letters inside the aside
	start := s.toks[k].end + (len(s.text[s.toks[k].end:]) - len(rest))
	for j := k + 1; j < len(s.toks) && s.toks[j].start < start+end; j++ {
		if s.is(j, cRoleHead|cRoleNoun) {
			return true
		}
	}
	return false
}

// handleSpan: the code span holding byte i is a chat handle and nothing
// else ("`@liam.k`"), as people set handles; code that merely holds an '@'
// ("`@Transactional` usage", "`git log --author=@me`") is not.
func (s *scratch) handleSpan(i int) bool {
	j := s.spanFrom(i+1) - 1
	sp := &s.spans[j]
	inner := strings.Trim(s.text[sp.start:sp.end], "`")
	if len(inner) < 2 || inner[0] != '@' || inner[1] < 'a' || inner[1] > 'z' {
		return false
	}
	for k := 1; k < len(inner); k++ {
		c := inner[k]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// eventIn: a word of the run [k, j) names an event ("Summit", "Meetup").
func (s *scratch) eventIn(k, j int) bool {
	for i := k; i < j; i++ {
		if s.is(i, cEvent) {
			return true
		}
	}
	return false
}

// unnamedBefore: a word for people named by kind or number ("someone",
// "two people", "a few folks") stands shortly before token k, across a
// preposition: what follows is where they are from, not who they are.
func (s *scratch) unnamedBefore(k, from int) bool {
	prep := false
	for j, n := k-1, 0; j >= from && n < 4; j, n = j-1, n+1 {
		if s.toks[j+1].f&fSoft == 0 {
			return false // "People: Sofia Marchetti" lists people by name
		}
		if s.is(j, cVaguePerson) {
			return prep
		}
		if s.is(j, cRoleSpecifier) {
			prep = true
		} else if !s.is(j, cStop|cNumber) {
			return false
		}
	}
	return false
}

// adjectival: the capitalised word at k is an adjective made from a name,
// as a lower-case noun right after it shows ("Bayesian methods", "Agile
// practices", "Markov chains"); a person's name is followed by a
// preposition, a time or the end ("with Priya tomorrow").
func (s *scratch) adjectival(k int) bool {
	n := k + 1
	if n >= len(s.toks) || s.toks[n].f&fSoft == 0 || s.toks[n].f&(fCap|fUncased|fDigit|fProtected) != 0 || s.toks[n].f&fAlpha == 0 {
		return false
	}
	if s.is(n, cStop|cTopicPrep|cTime|cFiller|cParticle|cPersonNoun|cGroupNoun) || strings.HasSuffix(s.word(n), "ly") {
		return false
	}
	w := s.word(n)
	return s.is(n, cTopic|cSkill|cDeliverable|cResource) || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}
