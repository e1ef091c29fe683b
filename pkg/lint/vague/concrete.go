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
	WhyLink        = "a link"
	WhyCode        = "a code span"
	WhyQuoted      = "a quoted title"
	WhyItalic      = "an italic title"
	WhyDate        = "a date"
	WhyNumber      = "a number"
	WhyIdentifier  = "an identifier"
	WhyQuantity    = "a quantity"
	WhyName        = "a multi-word name"
	WhyPerson      = "a person's name"
	WhyRole        = "a named role"
	WhyHandle      = "a handle or email address"
	WhyRoleTitle   = "a role title"
	WhyDeliverable = "a deliverable"
	WhyResource    = "a named course or book"
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
			if toks[k].f&fProtected != 0 {
				continue
			}
			if s.is(k, cNumber) {
				return true, WhyQuantity
			}
		}
	}
	if s.hasNameRun(from, end) {
		return true, WhyName
	}
	if mode != UnlessNamed {
		if why := s.deliverable(from, end); why != "" {
			return true, why
		}
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
		if t.f&fCap != 0 && s.is(k, cDate) && !s.monthAsName(k) && (t.f&fSentStart == 0 || s.word(k) != "may") {
			return true
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
				if s.is(j, cTitleParticle) {
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

// genericWord: a topic, a title or level, a month, or a function word:
// capitalised, it still names nothing ("System Design", "Staff Engineer").
func (s *scratch) genericWord(k int) bool {
	if s.is(k, cDate) && s.monthAsName(k) {
		return false
	}
	return s.is(k, cTopic|cRoleWord|cDate|cStop)
}

// monthAsName: a month's name that is someone's first name here: before a
// capitalised word ("Jan Nowak", "June Park"), or after "ask", "with" and
// the like ("ask Jan").
func (s *scratch) monthAsName(k int) bool {
	toks := s.toks
	if toks[k].f&fCap == 0 {
		return false
	}
	if n := k + 1; n < len(toks) && toks[n].f&fSoft != 0 && toks[n].f&fCap != 0 && toks[n].f&(fAllCaps|fDigit) == 0 &&
		!s.is(n, cTopic|cRoleWord|cDate|cStop) {
		return true
	}
	if k > 0 && toks[k].f&fSoft != 0 && s.is(k-1, cPersonSlot) && !s.is(k-1, cMonthBlocker) {
		return true
	}
	return false
}

// hasRoleTitle finds a role noun after a level or function word ("staff
// engineer", "senior product designer", "engineering manager"), a head role
// with its area ("Director of Engineering", "Head of Design"), or a level
// named after "to" or "as" ("promoted to staff").
func (s *scratch) hasRoleTitle(from, end int) bool {
	for k := from; k < end; k++ {
		if !s.is(k, cRoleNoun) {
			continue
		}
		if k > from && s.toks[k].f&fSoft != 0 && s.is(k-1, cLevelWord) {
			return true
		}
		if k+2 < end && s.word(k+1) == "of" && s.capital(k+2) {
			return true
		}
	}
	// a level on its own after "to" or "as": "get promoted to staff"
	for k := from + 1; k < end; k++ {
		if s.is(k, cLevel) && s.toks[k].f&fSoft != 0 {
			if w := s.word(k - 1); w == "to" || w == "as" {
				return true
			}
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

// deliverable finds what will exist once the action is done: a deliverable
// ("a design doc", not "presentation skills") or a named course or book.
func (s *scratch) deliverable(from, end int) string {
	toks := s.toks
	for k := from; k < end; k++ {
		if toks[k].f&fProtected != 0 {
			continue
		}
		if s.is(k, cDeliverable) && s.deliverableAt(k, from, end) {
			return WhyDeliverable
		}
		if s.is(k, cResource) && s.namedResource(from, k) {
			return WhyResource
		}
	}
	return ""
}
