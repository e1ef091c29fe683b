package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline reads the little Markdown people put in a line of their roadmap:
// code spans become Code runs; bold and italic markers, link and image
// syntax and backslash escapes are dropped, keeping the words. Nothing it
// returns is markup: the template escapes every run, so a roadmap's text
// can never become HTML on the page.
func Inline(s string) []Text {
	var out []Text
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, Text{S: b.String()})
			b.Reset()
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_[]()!<>#|~", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '`':
			n := run(s, i, '`')
			if end := strings.Index(s[i+n:], s[i:i+n]); end >= 0 {
				code := s[i+n : i+n+end]
				if t := strings.TrimSpace(code); t != "" && len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' {
					code = code[1 : len(code)-1]
				}
				flush()
				out = append(out, Text{S: code, Code: true})
				i += n + end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '*' || c == '_' || c == '~':
			n := run(s, i, c)
			if emphasisMarker(s, i, n, c) {
				i += n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if text, next, ok := link(s, i+1); ok {
				b.WriteString(text)
				i = next
				continue
			}
		case c == '[':
			if text, next, ok := link(s, i); ok {
				b.WriteString(text)
				i = next
				continue
			}
		case c == '<':
			if end := strings.IndexByte(s[i:], '>'); end > 1 {
				inner := s[i+1 : i+end]
				if (strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:")) &&
					!strings.ContainsAny(inner, " <") {
					b.WriteString(inner)
					i += end + 1
					continue
				}
			}
		}
		b.WriteByte(c)
		i++
	}
	flush()
	return out
}

// Plain is Inline's text without the code marking.
func Plain(s string) string {
	var b strings.Builder
	for _, t := range Inline(s) {
		b.WriteString(t.S)
	}
	return b.String()
}

func run(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// emphasisMarker reports whether the run of n markers at i opens or
// closes emphasis (it touches a word on one side only), rather than
// standing for itself: "a * b", "snake_case", "2*3".
func emphasisMarker(s string, i, n int, c byte) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	wordBefore := i > 0 && !unicode.IsSpace(before) && !unicode.IsPunct(before)
	wordAfter := i+n < len(s) && !unicode.IsSpace(after) && !unicode.IsPunct(after)
	spaceBefore := i == 0 || unicode.IsSpace(before)
	spaceAfter := i+n >= len(s) || unicode.IsSpace(after)
	if wordBefore && wordAfter && (c == '_' || unicode.IsDigit(before) && unicode.IsDigit(after)) {
		return false // snake_case, 2*3
	}
	if spaceBefore && spaceAfter {
		return false
	}
	if c == '~' && n < 2 {
		return false
	}
	return true
}

// link reads "[text](url)" at i and returns the text and where it ends.
func link(s string, i int) (text string, next int, ok bool) {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if j+1 < len(s) && s[j+1] == '(' {
					if end := strings.IndexByte(s[j+1:], ')'); end > 0 {
						return Plain(s[i+1 : j]), j + 1 + end + 1, true
					}
				}
				return "", 0, false
			}
		}
	}
	return "", 0, false
}
