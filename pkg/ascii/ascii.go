// Package ascii holds the byte-level text tests the parsers' hand-written
// scanners share: the one definition of a word character, and ASCII
// case folding. The scanners work on bytes for speed; the word test still
// sees whole characters, so a name in any script is a word.
package ascii

import (
	"unicode"
	"unicode/utf8"
)

// IsWordRune reports whether r is a word character: a letter, digit or
// mark in any script, or the zero-width (non-)joiner that Indic scripts
// write inside words. The underscore is not one: in Markdown it is
// emphasis, and "_due 2026-12-01_" holds the word "due".
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == 0x200C || r == 0x200D)
}

// WordAt reports whether the character starting at byte i of s is a word
// character (false at the end of s).
func WordAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return IsWordRune(rune(c))
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return IsWordRune(r)
}

// WordBefore reports whether the character ending just before byte i of s
// is a word character (false at the start of s).
func WordBefore(s string, i int) bool {
	if i <= 0 || i > len(s) {
		return false
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return IsWordRune(rune(c))
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return IsWordRune(r)
}

// IndexFold is strings.Index ignoring ASCII case; lower must be lower-case.
func IndexFold(s, lower string) int {
	n := len(lower)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for ; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[j] {
				break
			}
		}
		if j == n {
			return i
		}
	}
	return -1
}

// HasPrefixFold is strings.HasPrefix ignoring ASCII case; lower must be
// lower-case.
func HasPrefixFold(s, lower string) bool {
	return len(s) >= len(lower) && IndexFold(s[:len(lower)], lower) == 0
}
