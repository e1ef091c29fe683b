package roadmap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/ascii"
)

// Label is a label at the start of a text: "**Skills:**", "**Skills**:",
// "__Skills__", "*Skills*:", "Skills:", after any emoji or bullet-like
// symbol. It is the one label reader: gap dimensions, Evidence,
// Artifact, Talk to and the like are all read with it.
type Label struct {
	// Name is the label's words as written, without markup or colon.
	Name string
	// Start and End are the label's span in the text, markup, colon and
	// the spaces after it included; the content starts at End.
	Start, End int
	// Emphasised is true for a bold or italic label; Colon for one that
	// ends with a colon (inside or outside the emphasis).
	Emphasised, Colon bool
}

// maxLabelRunes bounds what can be a label: a few words, not a sentence in bold.
const maxLabelRunes = 40

// ReadLabel reads the label at the start of s. A plain label ("Skills:")
// needs its colon and is at most four words; an emphasised one needs
// neither. ok is false when s starts with no label.
func ReadLabel(s string) (l Label, ok bool) {
	i := skipDecoration(s, 0)
	l.Start = i
	if i+1 < len(s) && (s[i] == '*' || s[i] == '_') {
		return readEmphasisedLabel(s, i)
	}
	// Plain: words, then a colon and a space (or the end). "Note: see
	// 10:30" has a label; "https://x" and "10:30" have none.
	j := i
	words := 0
	inWord := false
	for j < len(s) && s[j] != ':' {
		c := s[j]
		switch {
		case c == ' ' || c == '\t':
			inWord = false
		case c == '-' || c == '\'' || c == '&' || c == '/' || c == '(' || c == ')':
		case c >= utf8.RuneSelf || ascii.IsWordRune(rune(c)):
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(s[j:])
				if r == '–' || r == '—' || r == '’' {
					j += size
					continue
				}
				if !ascii.IsWordRune(r) {
					return l, false
				}
				if !inWord {
					words++
					inWord = true
				}
				j += size
				continue
			}
			if !inWord {
				words++
				inWord = true
			}
		default:
			return l, false
		}
		j++
	}
	if j >= len(s) || words == 0 || words > 4 || j-i > maxLabelRunes*4 {
		return l, false
	}
	if j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\t' && s[j+1] != '\n' {
		return l, false
	}
	l.Name = strings.TrimSpace(s[i:j])
	l.Colon = true
	l.End = skipSpaces(s, j+1)
	return l, true
}

func readEmphasisedLabel(s string, i int) (Label, bool) {
	l := Label{Start: i, Emphasised: true}
	c := s[i]
	n := 1
	if s[i+1] == c {
		n = 2
	}
	open := i + n
	// The closing run: the same characters, not inside a word.
	closing := -1
	for j := open; j+n <= len(s); j++ {
		if s[j] == c && strings.Count(s[j:j+n], string(c)) == n && j > open {
			closing = j
			break
		}
		if s[j] == '\n' {
			break
		}
	}
	if closing < 0 {
		return l, false
	}
	name := s[open:closing]
	if utf8.RuneCountInString(name) > maxLabelRunes || strings.TrimSpace(name) == "" {
		return l, false
	}
	end := closing + n
	if strings.HasSuffix(strings.TrimSpace(name), ":") {
		l.Colon = true
		name = strings.TrimSpace(name)
		name = name[:len(name)-1]
	}
	j := skipSpaces(s, end)
	if j < len(s) && s[j] == ':' {
		l.Colon = true
		j++
	}
	l.Name = strings.TrimSpace(name)
	if l.Name == "" {
		return l, false
	}
	l.End = skipSpaces(s, j)
	// "**Skills** — I design…": a dash after the label separates too.
	for _, d := range []string{"— ", "– ", "- "} {
		if !l.Colon && strings.HasPrefix(s[l.End:], d) {
			l.End = skipSpaces(s, l.End+len(d))
			break
		}
	}
	return l, true
}

// skipDecoration skips spaces, emoji and symbols at s[i:] ("🛠 **Skills:**").
func skipDecoration(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDecoration(r) {
			return i
		}
		i += size
	}
	return i
}

// stripEmphasis removes emphasis markers around a whole text ("**2026-12-01 ·
// check-in**").
func stripEmphasis(s string) string {
	t := strings.TrimSpace(s)
	for _, m := range []string{"**", "__", "*", "_"} {
		if len(t) > 2*len(m) && strings.HasPrefix(t, m) {
			if j := strings.Index(t[len(m):], m); j >= 0 {
				return strings.TrimSpace(t[len(m):len(m)+j]) + t[len(m)+j+len(m):]
			}
		}
	}
	return t
}

// dimensionWords reads a gap label in the method's words and the words
// people clearly mean by them: "Scope of ownership" is scope, "Mentoring"
// is mentorship, "Public visibility" and "Being visible" are visibility,
// "Technical skills" is skills. README lists them.
var dimensionWords = map[string]string{
	"skill": DimensionSkills, "skills": DimensionSkills, "skillset": DimensionSkills, "skill set": DimensionSkills,
	"scope": DimensionScope, "ownership": DimensionScope,
	"mentorship": DimensionMentorship, "mentoring": DimensionMentorship, "mentor": DimensionMentorship,
	"mentee": DimensionMentorship, "mentees": DimensionMentorship,
	"visibility": DimensionVisibility, "visible": DimensionVisibility, "exposure": DimensionVisibility,
}

// dimensionOf reads a gap label as one of the four dimensions; other
// labels stay as written, lower-cased. A label naming two dimensions
// ("Scope and visibility") is read as the first.
func dimensionOf(label string) string {
	l := strings.ToLower(strings.TrimSpace(label))
	if d, ok := dimensionWords[l]; ok {
		return d
	}
	for _, word := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if d, ok := dimensionWords[word]; ok {
			return d
		}
	}
	return l
}

// IsDimension reports whether d is one of the four gap dimensions.
func IsDimension(d string) bool {
	for _, x := range Dimensions {
		if x == d {
			return true
		}
	}
	return false
}
