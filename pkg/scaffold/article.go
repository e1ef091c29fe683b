package scaffold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WithArticle puts "a" or "an" before a job title, as a sentence such as
// "Today I am a High school science teacher" needs: "an" before a vowel
// sound ("an Engineering Manager", "an hourly tutor", "an SRE"), "a"
// otherwise ("a UX Researcher", "a one-person team"). A title that
// already starts with an article or a possessive is left as written.
func WithArticle(role string) string {
	role = strings.TrimSpace(role)
	if role == "" {
		return ""
	}
	first, _, _ := strings.Cut(role, " ")
	lower := strings.ToLower(first)
	switch lower {
	case "a", "an", "the", "my", "our", "one":
		return role
	}
	if vowelSound(first) {
		return "an " + role
	}
	return "a " + role
}

// vowelSound guesses whether a word is said starting with a vowel.
func vowelSound(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsLetter(r) {
		// "an 8-person team", "a 2-year plan": only eight, eleven and
		// eighteen start with a vowel among the numbers a title holds.
		return strings.HasPrefix(word, "8") || strings.HasPrefix(word, "11") || strings.HasPrefix(word, "18")
	}
	if isAcronym(word) {
		// Said letter by letter: F, H, L, M, N, R, S and X start with a
		// vowel sound as letters do ("an SRE", "an ML engineer").
		return strings.ContainsRune("AEFHILMNORSX", unicode.ToUpper(r))
	}
	w := strings.ToLower(word)
	for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	// A "you" or "w" sound: university, user, European, one-off.
	for _, p := range []string{"uni", "use", "usu", "uti", "ure", "eu", "ewe", "one", "once"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	return strings.ContainsRune("aeiou", rune(w[0]))
}

// isAcronym reports whether a word is written in capitals, as UX or SRE.
func isAcronym(word string) bool {
	letters := 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
