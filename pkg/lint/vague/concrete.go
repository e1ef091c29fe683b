package vague

import (
	"sort"
	"strings"
)

// maxFragment bounds how far after a phrase the concreteness test looks: an
// object is a few words, and the bound keeps matching linear in the text.
const maxFragment = 40

// What made an object concrete: the why of Concrete and Named.
const (
	WhyLink       = "a link"
	WhyCode       = "a code span"
	WhyQuoted     = "a quoted title"
	WhyItalic     = "an italic title"
	WhyDate       = "a date"
	WhyNumber     = "a number"
	WhyIdentifier = "an identifier"
	WhyQuantity   = "a quantity"
	WhyName       = "a multi-word name"
	WhyPerson     = "a person's name"
	WhyRole       = "a named role"
	WhyHandle     = "a handle or email address"
	WhyRoleTitle  = "a role title"
)

// Concrete runs the concreteness test on the words that follow a phrase, up
// to the end of their clause. It reports whether they hold a specific handle,
// and names it: a link, a code span, a quoted or italic title, a date, a
// number, an identifier (v3, L6), a quantity word, or a name of two or more
// capitalised words that are not all generic. A single topic word is not
// enough.
func Concrete(fragment string) (ok bool, why string) {
	return concreteText(fragment, UnlessConcrete)
}

// Named is Concrete for targets: only a name counts (a title, a link, a code
// span, an identifier, a multi-word name or a role title such as "staff
// engineer"); a date or a number alone does not name a role.
func Named(fragment string) (ok bool, why string) {
	return concreteText(fragment, UnlessNamed)
}

func concreteText(fragment string, mode Mode) (bool, string) {
	if fragment == "" {
		return false, ""
	}
	s := getScratch(fragment)
	defer putScratch(s)
	return s.concrete(0, mode, false)
}

// concrete tests the tokens from token index from to the end of the clause.
// With person set, a person named there (even by a first name alone, or as
// "my manager") makes it concrete too.
func (s *scratch) concrete(from int, mode Mode, person bool) (bool, string) {
	toks := s.toks
	end := from
	for end < len(toks) && end < from+maxFragment && toks[end].f&fBreak == 0 {
		end++
	}
	if end == from {
		return false, "" // nothing follows in this clause
	}
	// byte range of the fragment, for spans that hold no word
	fs := 0
	if from > 0 {
		fs = toks[from-1].end
	}
	fe := len(s.text)
	if end < len(toks) {
		fe = toks[end].start
	}
	for i := s.spanFrom(fs); i < len(s.spans) && s.spans[i].start < fe; i++ {
		sp := &s.spans[i]
		switch sp.kind {
		case spanLink, spanURL:
			return true, WhyLink
		case spanCode:
			return true, WhyCode
		case spanQuote:
			if sp.title {
				return true, WhyQuoted
			}
		case spanItalic:
			if sp.title {
				return true, WhyItalic
			}
		}
	}
	if mode != UnlessNamed {
		if s.hasDate(from, end) {
			return true, WhyDate
		}
		for k := from; k < end; k++ {
			if t := &toks[k]; t.f&fDigit != 0 && isNumberToken(s.word(k)) {
				return true, WhyNumber
			}
		}
	}
	for k := from; k < end; k++ {
		if t := &toks[k]; t.f&fDigit != 0 && t.f&fAlpha != 0 && !isNumberToken(s.word(k)) && !isPeriod(s.word(k)) {
			return true, WhyIdentifier
		}
	}
	if mode != UnlessNamed {
		for k := from; k < end; k++ {
			if _, ok := numberWords[s.word(k)]; ok && toks[k].f&fProtected == 0 {
				return true, WhyQuantity
			}
		}
	}
	if s.hasNameRun(from, end) {
		return true, WhyName
	}
	if person {
		if why := s.namesPerson(from, end, true); why != "" {
			return true, why
		}
	}
	if mode == UnlessNamed && s.hasRoleTitle(from, end) {
		return true, WhyRoleTitle
	}
	return false, ""
}

// isNumberToken: a token that starts with a digit is a number or a quantity
// with its unit (15, 10%, 3x, 800ms, 2026).
func isNumberToken(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// isPeriod: Q1–Q4, H1–H2 (quarters and halves) are dates.
func isPeriod(w string) bool {
	return len(w) == 2 && (w[0] == 'q' && w[1] >= '1' && w[1] <= '4' || w[0] == 'h' && (w[1] == '1' || w[1] == '2'))
}

// hasDate finds an ISO date (2026-12-01, 2026-12), a quarter or half (Q1,
// H2), or a capitalised month or weekday name.
func (s *scratch) hasDate(from, end int) bool {
	toks := s.toks
	for k := from; k < end; k++ {
		t := &toks[k]
		if t.f&fProtected != 0 {
			continue
		}
		w := s.word(k)
		if t.f&fDigit != 0 {
			if isPeriod(w) {
				return true
			}
			if len(w) == 4 && allDigits(w) && k+1 < end && toks[k+1].f&fJoin != 0 && allDigits(s.word(k+1)) {
				return true
			}
			continue
		}
		if t.f&fCap != 0 {
			if _, ok := dateNames[w]; ok {
				return true
			}
		}
	}
	return false
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// capital: a capitalised word or an acronym, not the pronoun I.
func (s *scratch) capital(k int) bool {
	t := &s.toks[k]
	if t.f&(fCap|fUpperIn) == 0 || t.f&fAlpha == 0 {
		return false
	}
	w := s.word(k)
	return w != "i" && !strings.HasPrefix(w, "i'")
}

// hasNameRun finds two or more capitalised words in a row (joined by
// spaces, hyphens, or a particle such as "of" or "de") of which at least one
// is not generic: "Confluent Kafka Fundamentals", "Dana Lee", "Designing
// Data-Intensive Applications", but not "System Design" or "Staff Engineer".
func (s *scratch) hasNameRun(from, end int) bool {
	toks := s.toks
	for k := from; k < end; k++ {
		if !s.capital(k) || toks[k].f&fProtected != 0 {
			continue
		}
		caps, specific := 0, false
		j := k
		for j < end {
			if s.capital(j) && toks[j].f&fProtected == 0 && (j == k || toks[j].f&fSoft != 0) {
				caps++
				if !s.genericWord(j) {
					specific = true
				}
				j++
				continue
			}
			// a particle inside a name: "Director of Product", "Rosa de Souza"
			if j > k && j+1 < end && toks[j].f&fSoft != 0 && toks[j+1].f&fSoft != 0 && s.capital(j+1) {
				if _, ok := particles[s.word(j)]; ok {
					j++
					continue
				}
			}
			break
		}
		if caps >= 2 && specific {
			return true
		}
		k = j
	}
	return false
}

func (s *scratch) genericWord(k int) bool {
	w := s.base(k)
	if _, ok := genericWords[w]; ok {
		return true
	}
	if _, ok := roleWords[w]; ok {
		return true
	}
	if _, ok := dateNames[w]; ok {
		return true
	}
	_, ok := stopWords[w]
	return ok
}

// hasRoleTitle finds a role noun after a level or function word ("staff
// engineer", "senior product designer", "engineering manager"), a head role
// with its area ("Director of Engineering", "Head of Design"), or a level
// named after "to" or "as" ("promoted to staff").
func (s *scratch) hasRoleTitle(from, end int) bool {
	for k := from; k < end; k++ {
		w := s.base(k)
		if _, ok := roleNouns[w]; !ok {
			continue
		}
		if k > from && s.toks[k].f&fSoft != 0 {
			if _, ok := levelWords[s.word(k-1)]; ok {
				return true
			}
		}
		if k+2 < end && s.word(k+1) == "of" && s.capital(k+2) {
			return true
		}
	}
	// a level on its own after "to" or "as": "get promoted to staff"
	for k := from + 1; k < end; k++ {
		if _, ok := levels[s.word(k)]; ok && s.toks[k].f&fSoft != 0 {
			if w := s.word(k - 1); w == "to" || w == "as" {
				return true
			}
		}
	}
	return false
}

// NamesPerson reports whether a person action names whom to ask: a person
// ("Dana Lee", "ask Priya", "Leah's feedback"), a specific role ("my
// manager", "the staff engineer on Ledger", "the Director of Product at
// Acme", "the CTO"), or a handle or email address. "Someone senior",
// "people in the industry" and "a staff engineer" name nobody.
func NamesPerson(text string) bool {
	if text == "" {
		return false
	}
	s := getScratch(text)
	defer putScratch(s)
	return s.namesPerson(0, len(s.toks), false) != ""
}

// namesPerson looks for a person in tokens [from, end). With slot set the
// first token stands where a person is expected, as after "talk to".
func (s *scratch) namesPerson(from, end int, slot bool) string {
	if s.hasHandle(from, end) {
		return WhyHandle
	}
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
				if _, ok := uniqueRoles[s.base(j)]; ok || s.specifier(j+1, end) || s.namedTeam(k+1, j) {
					return WhyRole
				}
			}
		}
		if !s.nameLike(k) {
			continue
		}
		// a run of name-like words: "Dana Lee", "Liam O'Connor", "Rosa de Souza"
		j, names := k, 0
		for j < end {
			if s.nameLike(j) && (j == k || toks[j].f&fSoft != 0) {
				names++
				j++
				continue
			}
			if j > k && j+1 < end && toks[j].f&fSoft != 0 && s.nameLike(j+1) {
				if _, ok := nameParticles[s.word(j)]; ok {
					j++
					continue
				}
			}
			break
		}
		groupAfter := j < end && toks[j].f&fSoft != 0 && s.isGroupNoun(j)
		afterSlot := k == from && slot || k > from && t.f&fSoft != 0 && isPersonSlot(s.word(k-1))
		switch {
		case groupAfter:
		case names >= 2:
			if k == from || !isOrgPrep(s.word(k-1)) {
				return WhyPerson
			}
		case afterSlot:
			return WhyPerson
		case k == 0 && from == 0 && s.standsAlone(j, end):
			return WhyPerson // "Priya", "Priya (EM, Payments)": a name on its own
		case t.f&fPossessive != 0 && j < end:
			if _, ok := personNouns[s.word(j)]; ok {
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

// namedTeam: a name before the role head makes it one person: "the
// Payments tech lead", "the Ledger staff engineer".
func (s *scratch) namedTeam(from, role int) bool {
	for k := from; k < role; k++ {
		if s.nameLike(k) {
			return true
		}
	}
	return false
}

// standsAlone: nothing follows the name but the end of the text, or an
// aside in brackets or after a dash ("Priya (EM, Payments)").
func (s *scratch) standsAlone(j, end int) bool {
	if j >= end {
		return true
	}
	gap := strings.TrimLeft(s.text[s.toks[j-1].end:s.toks[j].start], " \t\n")
	return gap != "" && (gap[0] == '(' || strings.HasPrefix(gap, "—") || strings.HasPrefix(gap, "–") || strings.HasPrefix(gap, "- "))
}

// nameLike: a capitalised word that could be part of a person's name: not
// an acronym, a number, a month, a generic or role word, or the imperative
// verb that starts a sentence ("Ask Dana Lee").
func (s *scratch) nameLike(k int) bool {
	t := &s.toks[k]
	if t.f&fCap == 0 || t.f&(fAllCaps|fDigit) != 0 || t.f&(fCode|fURL|fQuote|fTitle) != 0 {
		return false
	}
	w := s.base(k)
	if w == "i" || strings.HasPrefix(w, "i'") {
		return false
	}
	if s.genericWord(k) {
		return false
	}
	if t.f&fSentStart != 0 {
		if _, ok := imperatives[w]; ok {
			return false
		}
	}
	return true
}

// roleAhead looks for a role head ("manager", "lead", "CTO") within the
// next three words of a noun phrase, and returns its index or -1.
func (s *scratch) roleAhead(k, end int) int {
	toks := s.toks
	for j := k; j < end && j < k+3; j++ {
		if j > k && toks[j].f&fSoft == 0 {
			return -1
		}
		w := s.base(j)
		if _, ok := roleHeads[w]; ok {
			return j
		}
		if _, ok := stopWords[w]; ok {
			return -1
		}
	}
	return -1
}

// specifier: "of/at/on/for/in/from" and then a capitalised word or "my":
// what makes "the staff engineer on Ledger" one person.
func (s *scratch) specifier(k, end int) bool {
	if k >= end {
		return false
	}
	switch s.word(k) {
	case "of", "at", "on", "for", "in", "from":
	default:
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
	return s.toks[k].f&(fCap|fAllCaps) != 0 || w == "my" || w == "our"
}

func (s *scratch) isGroupNoun(k int) bool {
	_, ok := groupNouns[s.word(k)]
	return ok
}

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
			continue
		}
		after := i+1 < len(text) && isWordByte(text[i+1])
		before := i > 0 && isWordByte(text[i-1])
		if after && (!before || strings.IndexByte(text[i+1:min(len(text), i+255)], '.') > 0) {
			return true
		}
	}
	return false
}

func (s *scratch) inSpan(i int, k spanKind) bool {
	j := s.spanFrom(i + 1) // the last span starting at or before i is j-1
	return j > 0 && s.spans[j-1].kind == k && i < s.spans[j-1].end
}

// spanFrom is the index of the first span starting at or after byte i.
func (s *scratch) spanFrom(i int) int {
	return sort.Search(len(s.spans), func(k int) bool { return s.spans[k].start >= i })
}

func isPersonSlot(w string) bool {
	_, ok := personSlots[w]
	return ok
}

func isOrgPrep(w string) bool {
	_, ok := orgPreps[w]
	return ok
}
