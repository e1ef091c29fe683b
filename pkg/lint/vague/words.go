package vague

import (
	"strings"
)

// The words the concreteness tests read are data, like the phrase lists:
// data/words/NAME.txt, one entry per line, '#' to the end of a line a
// comment (ParseList reads them). Each entry is one word as the tokenizer
// sees it: lower-case, no spaces or hyphens (TestWordSetsAreSingleTokens
// keeps it so; an entry of two tokens could never match).
//
// Most sets are classes of one lexicon: a word maps to the bits of every
// class it is in, so a token costs one map look-up however many classes a
// test asks about, and that look-up is made once per token and kept
// (scratch.is). The few sets read by substring (honorifics written onto a
// name, abstract-noun endings) stay sets.

// class is a set of word classes, one bit each.
type class uint64

const (
	cStop             class = 1 << iota // stop-words: function words, never a name
	cTopic                              // topics: fields of work and topics ("leadership", "Kubernetes")
	cSkill                              // skills: a capacity ("skills", "knowledge")
	cTime                               // time-words ("week", "spare")
	cComparative                        // comparatives ("deeper", "bigger")
	cState                              // state-adjectives ("comfortable", "fluent")
	cEffort                             // effort-nouns ("time", "energy")
	cRoleWord                           // role-words: titles and levels, not names
	cGenericVerb                        // generic-verbs and their forms
	cFiller                             // fillers before a verb ("I want to")
	cMeansPrep                          // means-preps ("with", "using")
	cDeliverable                        // deliverables ("doc", "talk", "PR")
	cResource                           // resources ("course", "book")
	cMaking                             // making-verbs and their forms
	cNamedObject                        // named-object-verbs and their forms
	cPosition                           // position-nouns ("level", "step")
	cTargetCue                          // target-cues ("above", "next")
	cRoleNoun                           // role-nouns ("engineer", "teacher")
	cLevel                              // levels ("staff", "principal")
	cLevelWord                          // level-words ("senior", "product")
	cRoleHead                           // role-heads ("manager", "CTO")
	cUniqueRole                         // unique-roles ("CTO", "founder")
	cPersonSlot                         // person-slots ("ask", "with")
	cPersonNoun                         // person-nouns ("feedback")
	cOrgPrep                            // org-preps ("at", "about")
	cGroupNoun                          // group-nouns ("team", "engineers")
	cImperative                         // imperatives ("ask", "book")
	cNameParticle                       // name-particles ("de", "van")
	cTitleParticle                      // title-particles ("of", "the", "de")
	cTitleBefore                        // titles-before ("dr", "श्री")
	cTitleAfter                         // titles-after ("जी", "님")
	cDate                               // dates: month and weekday names
	cNumber                             // numbers written out ("two", "dozen")
	cTopicPrep                          // prepositions that join a verb to its topic ("into", "on")
	cParticle                           // particles and adverbs after a verb ("up", "out", "deeply")
	cPlace                              // place and thing pronouns ("somewhere", "something")
	cAbstract                           // a word with an abstract noun's ending ("observability")
	cEvent                              // event-nouns ("summit", "meetup")
	cRoleModifier                       // role-modifiers ("new", "acting")
	cPossessive                         // possessives ("my", "mis", "meine")
	cDefinite                           // definites ("the", "el", "der")
	cIndefinite                         // indefinites ("a", "some", "un")
	cGenericIntl                        // generic-verbs-intl ("mejorar", "vertiefen")
	cEffortQuantifier                   // effort-quantifiers ("more", "a lot of")
	cPresent                            // present-markers ("been", "currently")
	cVerbOpener                         // verb-openers ("to", "and then")
	cSubject                            // subjects ("I", "their")
	cRoleSpecifier                      // role-specifiers ("at", "on")
	cMonthBlocker                       // month-name-blockers ("from", "by")
	cHedge                              // the one-word hedges of data/hedges.txt ("maybe")
	cVaguePerson                        // vague-persons ("someone", "people")
	cLearnIntl                          // learning-verbs-intl ("lernen", "estudiar")
	cIntlOpener                         // intl-object-openers ("mich", "über")

	cKnown class = 1 << 63 // the token's classes have been looked up
)

// lexiconFiles names the data file of each class; verbs marks the classes
// whose entries are verbs in their base form, to be looked up in any form.
var lexiconFiles = []struct {
	name  string
	c     class
	verbs bool
}{
	{"stop-words", cStop, false},
	{"topics", cTopic, false},
	{"skills", cSkill, false},
	{"time-words", cTime, false},
	{"comparatives", cComparative, false},
	{"state-adjectives", cState, false},
	{"effort-nouns", cEffort, false},
	{"role-words", cRoleWord, false},
	{"generic-verbs", cGenericVerb, true},
	{"fillers", cFiller, false},
	{"means-preps", cMeansPrep, false},
	{"deliverables", cDeliverable, false},
	{"resources", cResource, false},
	{"making-verbs", cMaking, true},
	{"named-object-verbs", cNamedObject, true},
	{"position-nouns", cPosition, false},
	{"target-cues", cTargetCue, false},
	{"role-nouns", cRoleNoun, false},
	{"levels", cLevel, false},
	{"level-words", cLevelWord, false},
	{"role-heads", cRoleHead, false},
	{"unique-roles", cUniqueRole, false},
	{"person-slots", cPersonSlot, false},
	{"person-nouns", cPersonNoun, false},
	{"org-preps", cOrgPrep, false},
	{"group-nouns", cGroupNoun, false},
	{"imperatives", cImperative, false},
	{"name-particles", cNameParticle, false},
	{"title-particles", cTitleParticle, false},
	{"titles-before", cTitleBefore, false},
	{"titles-after", cTitleAfter, false},
	{"dates", cDate, false},
	{"numbers", cNumber, false},
	{"topic-preps", cTopicPrep, false},
	{"verb-particles", cParticle, false},
	{"place-pronouns", cPlace, false},
	{"event-nouns", cEvent, false},
	{"role-modifiers", cRoleModifier, false},
	{"possessives", cPossessive, false},
	{"definites", cDefinite, false},
	{"indefinites", cIndefinite, false},
	{"generic-verbs-intl", cGenericIntl, false},
	{"effort-quantifiers", cEffortQuantifier, false},
	{"present-markers", cPresent, false},
	{"verb-openers", cVerbOpener, false},
	{"subjects", cSubject, false},
	{"role-specifiers", cRoleSpecifier, false},
	{"month-name-blockers", cMonthBlocker, false},
	{"vague-persons", cVaguePerson, false},
	{"learning-verbs-intl", cLearnIntl, false},
	{"intl-object-openers", cIntlOpener, false},
}

// lexFilter has a bit set for every lexicon word's lexHash: most words of
// a text are ruled out without a map look-up.
var lexFilter [lexBits / 64]uint64

const lexBits = 1 << 14

func lexHash(w string) uint {
	n := len(w)
	h := uint(n)*0x9E37 + uint(w[0])*0x3D + uint(w[n-1])*0x1F3
	if n > 1 {
		h += uint(w[1])*0x7A1 + uint(w[n-2])*0x2C9
	}
	return h % lexBits
}

var lexicon = func() map[string]class {
	lex := make(map[string]class, 4096)
	defer func() {
		for w := range lex {
			h := lexHash(w)
			lexFilter[h>>6] |= 1 << (h & 63)
		}
	}()
	for _, f := range lexiconFiles {
		for _, w := range loadWords(f.name) {
			if f.verbs {
				for _, form := range verbForms(w) {
					lex[form] |= f.c
				}
				continue
			}
			lex[w] |= f.c
		}
	}
	// the hedges list is the one reader of hedges: its one-word phrases
	// are a class too ("maybe work on" puts the verb after a hedge)
	for _, p := range builtin().Hedges {
		if w := strings.ToLower(strings.TrimLeft(p, "!~")); w != "" && !strings.ContainsAny(w, " -'’") {
			lex[w] |= cHedge
		}
	}
	return lex
}()

// The lists read by substring, not looked up by word: slices, walked in
// order.
var (
	joinedHonorifics = loadWords("joined-titles")
	nameSuffixes     = loadWords("name-suffixes")
	notNames         = loadWords("not-names")
	roleStems        = loadWords("role-stems")
	abstractSuffixes = loadWords("abstract-suffixes")
	skillSuffixes    = loadWords("skill-suffixes")
)

// wordList is a list of lower-cased words.
type wordList []string

// loadWords reads data/words/name.txt.
func loadWords(name string) wordList {
	b, err := dataFS.ReadFile("data/words/" + name + ".txt")
	if err != nil {
		panic("vague: " + err.Error()) // embedded: cannot happen
	}
	list := ParseList(string(b))
	for i, e := range list {
		list[i] = strings.ToLower(e)
	}
	return list
}

// hasSuffixOf: some word of the list ends s ("お客" ends "来週お客").
func (w wordList) hasSuffixOf(s string) bool {
	for _, e := range w {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// classOf is the classes of a lower-cased word.
func classOf(w string) class {
	if w == "" {
		return 0
	}
	var c class
	if h := lexHash(w); lexFilter[h>>6]&(1<<(h&63)) != 0 {
		c = lexicon[w]
	}
	if len(w) >= 7 && strings.IndexByte("yspm", w[len(w)-1]) >= 0 {
		for _, suf := range abstractSuffixes {
			if strings.HasSuffix(w, suf) {
				c |= cAbstract
				break
			}
		}
	}
	// a German compound or a Romance plural that ends in a capacity:
	// "Führungskompetenzen", "habilidades"
	if last := w[len(w)-1]; len(w) >= 6 && c&cSkill == 0 && (last >= 0x80 || strings.IndexByte("ntzesd", last) >= 0) {
		for _, suf := range skillSuffixes {
			if strings.HasSuffix(w, suf) {
				c |= cSkill
				break
			}
		}
	}
	return c
}

// is reports whether token k (without a possessive 's) is in any of the
// classes c. The look-up is made once per token.
func (s *scratch) is(k int, c class) bool {
	if len(s.cls) != len(s.toks) {
		s.cls = append(s.cls[:0], make([]class, len(s.toks))...)
	}
	tc := &s.cls[k]
	if *tc&cKnown == 0 {
		*tc = classOf(s.base(k)) | cKnown
	}
	return *tc&c != 0
}

// verbForms derives the -s, -ing and -ed forms of an English verb, with a
// doubled final consonant as well where one may be written (dig → digging,
// focus → focussing). Over-generating is harmless: the forms are only looked
// up.
func verbForms(v string) []string {
	forms := []string{v}
	n := len(v)
	if n < 2 {
		return forms
	}
	last, prev := v[n-1], v[n-2]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		forms = append(forms, v+"es")
	case last == 'y' && !vowel(prev):
		forms = append(forms, v[:n-1]+"ies")
	default:
		forms = append(forms, v+"s")
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		forms = append(forms, v[:n-2]+"ying", v+"d")
	case last == 'e' && prev != 'e' && prev != 'y' && prev != 'o':
		forms = append(forms, v[:n-1]+"ing", v+"d")
	case last == 'e':
		forms = append(forms, v+"ing", v+"d")
	case last == 'y' && !vowel(prev):
		forms = append(forms, v+"ing", v[:n-1]+"ied")
	default:
		forms = append(forms, v+"ing", v+"ed")
		if !vowel(last) && vowel(prev) && strings.IndexByte("wxy", last) < 0 && (n < 3 || !vowel(v[n-3])) {
			forms = append(forms, v+string(last)+"ing", v+string(last)+"ed")
		}
	}
	return forms
}
