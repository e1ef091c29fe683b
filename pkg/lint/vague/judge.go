package vague

import (
	"strings"
)

// The phrase lists know the clear cases. The judgement here reads what an
// action's clause names, so that a vague action is caught in words no list
// holds ("Sharpen my Go skills", "Dive deeper into databases", "Put more
// time into SQL"), and a concrete one is left alone whatever its verb.
//
// A clause is judged vague by its shape when it opens with a verb of
// learning, improving, effort or engagement (data/words/generic-verbs.txt),
// or with any verb whose object shows the same intent by its form: a
// capacity ("my presentation skills", "SQL knowledge"), a comparative and a
// preposition ("dig deeper into"), spent effort ("more time into"), a
// reflexive ("immerse myself in"), or a state ("get comfortable with"); or
// when the clause is a bare topic with no verb at all ("Leadership skills").
// It is vague only if nothing in the rest of the clause is concrete: no
// title, link, code span, date, number, identifier, name, person, team,
// deliverable, named course or book, no specific thing ("the billing
// service", "Stripe's API"), and no later verb of making ("… and summarise
// them for the team"). Where in doubt, the clause is left alone: a concrete
// action flagged as vague is the worst mistake this package can make.

// judgeActions appends a judged Match for every clause of the text that is
// vague by its shape, skipping clauses in which a listed action phrase
// already matched (one fault, one finding). It returns out, in text order.
func (s *scratch) judgeActions(out []Match) []Match {
	toks := s.toks
	added := false
	n := len(out) // the phrase matches, in text order
	mi := 0
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && toks[b].f&fBreak == 0 {
			b++
		}
		// a listed action phrase in this clause: one fault, one finding
		lo, hi := toks[a].start, toks[b-1].end
		listed := false
		for ; mi < n && out[mi].Start < hi; mi++ {
			if out[mi].List == ListActions && out[mi].Start >= lo {
				listed = true
			}
		}
		if !listed {
			if v, ok := s.vagueClause(a, b); ok {
				out = append(out, s.judged(v, b, ListActions))
				added = true
			}
		}
		a = b
	}
	if added {
		sortMatches(out)
	}
	return out
}

// judged makes the Match for tokens [v, b): from the verb to the clause's
// last word.
func (s *scratch) judged(v, b int, list List) Match {
	start, end := s.toks[v].start, s.toks[b-1].end
	return Match{Start: start, End: end, Phrase: strings.ToLower(s.text[start:end]), List: list, Mode: UnlessConcrete, Judged: true}
}

func sortMatches(out []Match) {
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
}

// vagueClause judges tokens [a, b), one clause. It returns the token where
// the vague stretch starts (the verb, or the clause's first word) and
// whether the clause is vague.
func (s *scratch) vagueClause(a, b int) (int, bool) {
	toks := s.toks
	v := a
	for v < b && toks[v].f&fProtected == 0 && s.is(v, cFiller) {
		// "I want to learn Rust" states an intent; "I give feedback only
		// when asked" describes today, and is not judged
		if s.word(v) == "i" && (v+1 >= b || !s.is(v+1, cFiller)) {
			return 0, false
		}
		v++
	}
	if v >= b || toks[v].f&(fProtected|fDigit) != 0 {
		return 0, false
	}
	// an adverb before the verb: "Better understand our customers",
	// "Really learn Go", "Beter worden in SQL"
	if v+1 < b && (s.is(v, cComparative) || strings.HasSuffix(s.word(v), "ly")) && s.is(v+1, cGenericVerb|cGenericIntl) {
		v++
	}
	switch {
	case s.is(v, cGenericVerb):
		if s.concreteObject(v+1, b, v, s.topicPrep(v+1, b)) {
			return 0, false
		}
		return a, true
	case s.bareTopic(v, b):
		return a, true
	case s.vagueIntent(v+1, b):
		if s.concreteObject(v+1, b, v, s.topicPrep(v+1, b)) {
			return 0, false
		}
		return a, true
	case s.is(v, cGenericIntl):
		return a, s.intlVague(v, v+1, b) // "Mejorar mis habilidades de liderazgo"
	case b-1 > v && s.is(b-1, cGenericIntl):
		return a, s.intlVague(b-1, v, b-1) // the verb last, in German: "SQL-Kenntnisse vertiefen"
	}
	return 0, false
}

// bareSubject: the object [from, end) of verb v is one word, after a
// reflexive, "more" or the topic's preposition, with no digit, and v is a
// verb of learning (or a verb after a comparative: "Besser werden in
// Airflow"): what is learnt is a topic, known to the lexicon or not
// ("Airflow lernen", "Mich in Airflow einarbeiten", "Estudiar Airflow").
func (s *scratch) bareSubject(v, from, end int) bool {
	if !s.is(v, cLearnIntl) && !(v > 0 && s.is(v-1, cComparative)) {
		return false
	}
	k := from
	for k < end && s.toks[k].f&fProtected == 0 && s.is(k, cIntlOpener|cComparative) {
		k++
	}
	if k != end-1 {
		return false
	}
	t := &s.toks[k]
	return t.f&(fProtected|fDigit) == 0 && t.f&fAlpha != 0 && !s.is(k, cDeliverable|cResource|cStop)
}

// intlVague judges the object [from, end) of verb v, of learning or effort,
// in Spanish, Portuguese, French, Italian or German. The lexicons know
// these languages less well than English, so it takes more to call one
// vague: a capacity or a known topic must be named, and nothing concrete
// (a handle, a person, a deliverable, a named course or book).
func (s *scratch) intlVague(v, from, end int) bool {
	topic := s.bareSubject(v, from, end)
	for k := from; k < end && !topic; k++ {
		topic = s.toks[k].f&fProtected == 0 && s.is(k, cSkill|cTopic)
	}
	if !topic {
		return false
	}
	// German capitalises every noun: a run of capitals names nothing
	// there, so it is not read as a name, and a person is only one after
	// "mit", "con", "avec" … or a handle
	if ok, why := s.concrete(from, UnlessConcrete, false); ok && why != WhyName {
		return false
	}
	if s.deliverable(from, end) != "" || s.hasHandle(from, end) {
		return false
	}
	for k := from + 1; k < end; k++ {
		if s.is(k-1, cPersonSlot) && s.toks[k].f&(fCap|fUncased) != 0 && s.toks[k].f&fSoft != 0 {
			return false
		}
	}
	return true
}

// topicPrep finds the preposition that introduces the topic right after a
// verb ("experiment with", "get comfortable with", "dig deeper into") and
// returns its index, or -1. After it, a capitalised word is the topic, not
// the means ("with Duolingo" in "Learn Spanish with Duolingo").
func (s *scratch) topicPrep(j, b int) int {
	for k := j; k < b && k < j+4; k++ {
		if s.is(k, cTopicPrep) {
			return k
		}
		if !s.is(k, cParticle|cComparative|cState) && s.word(k) != "myself" {
			return -1
		}
	}
	return -1
}

// vagueIntent: the words after a verb show a vague intent by their form
// whatever the verb: a capacity, a comparative and a preposition, spent
// effort, a reflexive, or a state.
func (s *scratch) vagueIntent(j, b int) bool {
	toks := s.toks
	if j >= b || toks[j].f&fSoft == 0 {
		return false
	}
	for j < b && s.is(j, cParticle) {
		j++
	}
	if j >= b {
		return false
	}
	w := s.word(j)
	next := func(k int, c class) bool { return k < b && s.is(k, c) }
	switch {
	case w == "into":
		return true // "get into machine learning", "break into product"
	case w == "myself" || w == "ourselves":
		return next(j+1, cTopicPrep)
	case s.is(j, cComparative):
		// "dig deeper into", "go further with", "make better my English"
		if next(j+1, cTopicPrep) || j+1 < b && (s.word(j+1) == "my" || s.word(j+1) == "our") {
			return true
		}
		if next(j+1, cState|cEffort) {
			return s.vagueIntent(j+1, b)
		}
	case s.is(j, cState):
		return next(j+1, cTopicPrep)
	}
	// spent effort: "(more|extra|some|a lot of) time into"
	k := j
	for k < b && k < j+4 && s.is(k, cEffortQuantifier) {
		k++
	}
	if k < b && s.is(k, cEffort) && next(k+1, cTopicPrep) {
		return true
	}
	// a capacity: the noun phrase right after the verb ends in a skill word
	// ("polish my presentation skills", "build up SQL knowledge")
	if h := s.npHead(j, b); h >= 0 && s.is(h, cSkill) {
		return true
	}
	return false
}

// maxNP bounds a noun phrase: past five words it is a clause, not a name
// for a thing, and the bound keeps the judgement linear.
const maxNP = 5

// npHead returns the last word of the noun phrase that starts at token j
// (after an optional determiner or possessive pronoun), or -1. The phrase
// runs over soft-joined words up to a function word.
func (s *scratch) npHead(j, b int) int {
	toks := s.toks
	if j >= b {
		return -1
	}
	if s.is(j, cPossessive|cDefinite|cIndefinite|cComparative|cState) {
		j++ // "my", "the", "a", "more", "solid" …
	}
	h := -1
	for k := j; k < b && k < j+maxNP; k++ {
		if k > j && toks[k].f&fSoft == 0 {
			break
		}
		if s.is(k, cStop|cTopicPrep) {
			break
		}
		h = k
	}
	return h
}

// bareTopic: the clause has no verb and is only a topic: every word is a
// topic, capacity or time word, an abstract noun, a comparative or a
// function word, and one at least is a topic or capacity ("Leadership
// skills", "Public speaking", "More SQL practice" has "SQL" and is left
// alone: a capitalised word may be a project's name).
func (s *scratch) bareTopic(a, b int) bool {
	topic := false
	for k := a; k < b; k++ {
		t := &s.toks[k]
		if t.f&(fProtected|fDigit|fUncased) != 0 {
			return false
		}
		switch {
		case s.is(k, cTopic|cSkill|cAbstract):
			topic = true
		case s.is(k, cStop|cTopicPrep|cTime|cComparative|cGenericVerb):
		default:
			return false
		}
	}
	return topic
}

// genericHead: a word that does not make a noun phrase a specific thing:
// a topic, capacity, time or function word, or an abstract noun.
func (s *scratch) genericHead(k int) bool {
	return s.is(k, cTopic|cSkill|cTime|cStop|cComparative|cState|cEffort|cAbstract|cRoleWord|cGenericVerb|cTargetCue)
}

// concreteObject: tokens [from, b) after a generic verb hold something
// concrete. verb is the verb's token; topicAt is the index of the
// preposition that introduces its topic, or -1.
func (s *scratch) concreteObject(from, b, verb, topicAt int) bool {
	if from >= b {
		return false // "Learn", "Practice daily." has "daily", judged below
	}
	toks := s.toks
	if ok, _ := s.concrete(from, UnlessConcrete, false); ok {
		return true
	}
	if s.namesPerson(from, b, s.is(verb, cPersonSlot)) != "" { // "grow Marta into …"
		return true
	}
	native := s.native()
	for k := from; k < b; k++ {
		t := &toks[k]
		if t.f&fProtected != 0 {
			continue
		}
		switch {
		case s.is(k, cDeliverable):
			if s.deliverableAt(k, from, b) {
				return true
			}
		case s.is(k, cResource):
			if s.namedResource(from, k) {
				return true
			}
		case s.is(k, cMaking) && k > from && !s.is(k, cTopic|cDeliverable|cSkill):
			// a later verb of making: "… and summarise them for the team",
			// "… by migrating the staging VPC"; not "to mentoring", nor a
			// word that is a topic as well ("more hours to design")
			switch s.word(k - 1) {
			case "and", "then", "by":
				return true
			case "to":
				if !strings.HasSuffix(s.word(k), "ing") {
					return true
				}
			}
		}
		if s.is(k, cDefinite|cPossessive) && s.specificNP(k+1, b) {
			return true
		}
		if t.f&fPossessive != 0 && (s.nameLike(k, native) || t.f&(fAllCaps|fUpperIn) != 0) {
			return true // "Stripe's API", "Dana's approach"
		}
		// a capitalised word after a preposition of means, or as the
		// direct object of a verb whose object is a work: "with Duolingo",
		// "Read Inspired", "Attend KubeCon"
		if s.nameOrAcronym(k, native) && !s.adjectival(k) {
			if k > from && k-1 != topicAt && s.is(k-1, cMeansPrep) {
				return true
			}
			if k == from && s.is(verb, cNamedObject) {
				return true
			}
		}
	}
	return false
}

// nameOrAcronym: a capitalised word that is not a generic one, an acronym,
// or a word of a script without case in a cased text.
func (s *scratch) nameOrAcronym(k int, native bool) bool {
	t := &s.toks[k]
	if t.f&(fProtected|fDigit) != 0 {
		return false
	}
	if t.f&fUncased != 0 {
		return !native
	}
	return t.f&(fCap|fAllCaps) != 0 && !s.genericWord(k) && s.word(k) != "i"
}

// specificNP: the noun phrase from token k (after a determiner) holds a
// word that is not generic, and does not end in a capacity: "the billing
// service", "our onboarding flow", not "the basics", "my free time" or "my
// Go skills".
func (s *scratch) specificNP(k, b int) bool {
	h := s.npHead(k, b)
	if h < 0 || s.is(h, cSkill) {
		return false
	}
	// after "my", an activity is a capacity too: "my Excel modelling",
	// "my data storytelling" (but "the onboarding" is a thing)
	if k > 0 && h > k && strings.HasSuffix(s.word(h), "ing") && s.is(k-1, cPossessive) {
		return false
	}
	for j := k; j <= h; j++ {
		if !s.genericHead(j) {
			return true
		}
	}
	return false
}

// namedResource: the course, book or conference at token r is named: a
// possessive before it in its noun phrase, or a capitalised word there that
// is not generic, unless the phrase opens with "a", "an", "some" or "any"
// ("the CKAD course", "CKAD course", "Stripe's docs", but not "the docs" or
// "a SQL course").
func (s *scratch) namedResource(from, r int) bool {
	toks := s.toks
	native := s.native()
	named := false
	for k := r - 1; k >= from && k >= r-4; k-- {
		if toks[k+1].f&fSoft == 0 {
			break
		}
		w := s.word(k)
		if s.is(k, cIndefinite) || w == "more" {
			return false
		}
		if toks[k].f&fPossessive != 0 {
			return true
		}
		if s.nameOrAcronym(k, native) {
			named = true
		}
		if s.is(k, cTopicPrep) || s.is(k, cStop) && w != "my" {
			break
		}
	}
	return named
}

// NamesRole reports whether a target text names a role: a role title
// ("Staff Engineer", "senior product designer", "Head of Design", "UX
// researcher", "teacher"), a level of a ladder ("staff", "principal"), or a
// level's id ("L6", "IC5"). "The level above mine", "a step up somewhere
// bigger" and "a more senior seat" name none.
func NamesRole(text string) bool {
	if text == "" {
		return false
	}
	s := getScratch(text)
	defer putScratch(s)
	return s.namesRole(0, len(s.toks))
}

func (s *scratch) namesRole(a, b int) bool {
	toks := s.toks
	for ca := a; ca < b; {
		cb := ca + 1
		for cb < b && toks[cb].f&fBreak == 0 {
			cb++
		}
		// a clause that says what the writer is or was names no target
		if !s.describesToday(ca, cb) && s.clauseNamesRole(ca, cb) {
			return true
		}
		ca = cb
	}
	return false
}

func (s *scratch) clauseNamesRole(a, b int) bool {
	toks := s.toks
	for k := a; k < b; k++ {
		t := &toks[k]
		if t.f&(fCode|fURL) != 0 {
			continue
		}
		w := s.base(k)
		switch {
		case s.is(k, cRoleNoun):
			// "above my manager" points at a person, not at the target
			if k > a && s.is(k-1, cPossessive) {
				continue
			}
			return true
		case s.is(k, cLevel) && w != "senior" && w != "junior" && w != "mid":
			return true
		case t.f&fDigit != 0 && t.f&fAlpha != 0 && t.end-t.start <= 4 && !isPeriod(s.word(k)) && !isDigit(s.text[t.start]):
			return true // L6, IC5, E7
		}
	}
	return s.hasRoleTitle(a, b)
}

// describesToday: clause [k, b) says what the writer is or was ("I've
// been a PM on the savings team", "currently a senior engineer"), so a role
// it names is not the target.
func (s *scratch) describesToday(k, b int) bool {
	// the marker opens the clause: "Staff Engineer, up from my current
	// role" wants a role; "Currently a senior designer" says what is
	for j := k; j < b && j < k+3; j++ {
		if s.is(j, cPresent) {
			return true
		}
	}
	return false
}

// judgeTargets appends a judged Match for every clause of a target text
// that stands in for a role instead of naming one ("the level above mine",
// "a step up somewhere bigger"), when the text names no role at all and no
// listed target phrase matched in the clause. A stand-in is a position noun
// (data/words/position-nouns.txt) or a place or thing pronoun ("somewhere",
// "something") with a cue beside it: a comparative or a word such as
// "above", "up", "next", "well known". In a short clause, or at the head
// of its clause, one needs no cue ("A role in data", "Something on the
// business side", "A job I'd be proud of …").
func (s *scratch) judgeTargets(out []Match) []Match {
	toks := s.toks
	if s.namesRole(0, len(toks)) {
		return out
	}
	added := false
	n := len(out)
	mi := 0
	for a := 0; a < len(toks); {
		b := a + 1
		for b < len(toks) && toks[b].f&fBreak == 0 {
			b++
		}
		lo, hi := toks[a].start, toks[b-1].end
		listed := false
		for ; mi < n && out[mi].Start < hi; mi++ {
			if out[mi].List == ListTargets && out[mi].End > lo {
				listed = true
			}
		}
		if !listed {
			if lo, hi, ok := s.standIn(a, b); ok {
				out = append(out, s.judged(lo, hi, ListTargets))
				out[len(out)-1].Start = toks[lo].start
				added = true
			}
		}
		a = b
	}
	if added {
		sortMatches(out)
	}
	return out
}

// standIn finds the stand-ins for a role in clause [a, b) and returns the
// tokens [lo, hi) from the first one's noun phrase to the last one's cue.
func (s *scratch) standIn(a, b int) (lo, hi int, ok bool) {
	toks := s.toks
	short := b-a <= 8
	lo, hi = -1, -1
	for k := a; k < b; k++ {
		if toks[k].f&fProtected != 0 {
			continue
		}
		pos, pron := s.is(k, cPosition), s.is(k, cPlace)
		if !pos && !pron {
			continue
		}
		cueLo, cueHi := -1, -1
		for j := max(a, k-3); j < min(b, k+4); j++ {
			if j == k || toks[j].f&fProtected != 0 {
				continue
			}
			if j > k && s.is(j, cTopicPrep) {
				break // "a job at a famous company": "famous" is the company's
			}
			if s.is(j, cTargetCue|cComparative) {
				if cueLo < 0 {
					cueLo = j
				}
				cueHi = j
			}
		}
		// without a cue: a position noun in a short clause ("A role in
		// data") or at the head of its clause ("A job I'd be proud of at a
		// company people have heard of"), a pronoun in a short one
		// ("Something on the business side")
		if cueLo < 0 && !short && !(pos && k-a <= 2) {
			continue
		}
		// the noun phrase: back over its determiner and modifiers
		start := k
		for start > a && k-start < 3 && toks[start].f&fSoft != 0 {
			if pw := s.word(start - 1); pw == "as" || s.is(start-1, cTopicPrep|cFiller|cGenericVerb) {
				break
			}
			start--
		}
		if cueLo >= 0 && cueLo < start {
			start = cueLo
		}
		end := k + 1
		if cueHi >= k {
			end = cueHi + 1
		}
		// a cue's own tail: "above mine", "well known"
		for end < b && toks[end].f&fSoft != 0 && s.is(end, cTargetCue|cComparative) {
			end++
		}
		if lo < 0 {
			lo = start
		}
		hi = max(hi, end)
		k = end - 1
	}
	return lo, hi, lo >= 0
}

// npHeadAt: token k ends its noun phrase, or the word after it is a
// deliverable too: "a design doc", "the blog post", but not "curriculum
// design", "test coverage" or "presentation skills", where the word is a
// modifier of a topic.
func (s *scratch) npHeadAt(k, b int) bool {
	n := k + 1
	if n >= b || s.toks[n].f&fSoft == 0 || s.toks[n].f&fAlpha == 0 {
		return true
	}
	if s.is(n, cStop|cTopicPrep|cTime|cMaking|cGenericVerb) && !s.is(n, cDeliverable|cSkill|cTopic) {
		return true
	}
	return s.is(n, cDeliverable|cResource)
}

// deliverableAt: token k, a deliverable word, names one: it heads its noun
// phrase and is not the topic of a capacity ("skill of presentation").
func (s *scratch) deliverableAt(k, from, b int) bool {
	return s.npHeadAt(k, b) && !(k-2 >= from && s.is(k-1, cTopicPrep) && s.is(k-2, cSkill))
}

// verbPosition: token i, where a listed action phrase would start, stands
// where the verb of an action stands: at the start of a clause or after
// punctuation, after "to", "and", "then", a filler, a hedge, an adverb, an
// object pronoun ("help me improve") or another verb. After a noun or a
// subject pronoun it is a noun ("my conference talk with the guild") or the
// verb of a description ("what their analysts work on", "what I work on").
func (s *scratch) verbPosition(i int) bool {
	if i == 0 {
		return true
	}
	t, p := &s.toks[i], &s.toks[i-1]
	if t.f&(fSoft|fBreak|fSentStart) != fSoft || p.f&fAlpha == 0 {
		return true
	}
	switch {
	case s.is(i-1, cVerbOpener|cHedge):
		return true
	case s.is(i-1, cSubject):
		return false
	}
	return strings.HasSuffix(s.word(i-1), "ly") || s.is(i-1, cFiller|cGenericVerb)
}
