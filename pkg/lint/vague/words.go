package vague

import (
	"strings"
)

// The word sets the concreteness tests read are data, like the phrase
// lists: data/words/NAME.txt, one entry per line, '#' to the end of a line
// a comment (ParseList reads them). Each entry is one word as the tokenizer
// sees it: lower-case, no spaces or hyphens (TestWordSetsAreSingleTokens
// keeps it so; an entry of two tokens could never match).

// wordSet is a set of lower-cased words.
type wordSet map[string]struct{}

func (w wordSet) has(s string) bool {
	_, ok := w[s]
	return ok
}

// loadWords reads data/words/name.txt.
func loadWords(name string) wordSet {
	b, err := dataFS.ReadFile("data/words/" + name + ".txt")
	if err != nil {
		panic("vague: " + err.Error()) // embedded: cannot happen
	}
	list := ParseList(string(b))
	w := make(wordSet, len(list))
	for _, e := range list {
		w[strings.ToLower(e)] = struct{}{}
	}
	return w
}

var (
	numberWords   = loadWords("numbers")
	dateNames     = loadWords("dates")
	particles     = loadWords("title-particles")
	nameParticles = loadWords("name-particles")
	stopWords     = loadWords("stop-words")
	genericWords  = loadWords("topics")
	roleWords     = loadWords("role-words")
	roleHeads     = loadWords("role-heads")
	uniqueRoles   = loadWords("unique-roles")
	roleNouns     = loadWords("role-nouns")
	levelWords    = loadWords("level-words")
	levels        = loadWords("levels")
	personSlots   = loadWords("person-slots")
	personNouns   = loadWords("person-nouns")
	orgPreps      = loadWords("org-preps")
	groupNouns    = loadWords("group-nouns")
	imperatives   = loadWords("imperatives")
)
