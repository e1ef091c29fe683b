package roadmap

import (
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/ascii"
)

// Placeholders: what people leave for "fill this in later". A value, an
// item, a label's content or an Evidence that is only placeholders is
// unfilled (IsPlaceholder); a bracketed or angled slot ("[TODO: …]",
// "[fill in]", "[your name]", "<company>") is unfilled wherever it is
// (FindPlaceholders). A note that says what to do ("TODO: book the slot
// with Ines") is text, not a placeholder.

// placeholderWords are the words that stand for a missing value.
var placeholderWords = map[string]bool{"todo": true, "tbd": true, "tbc": true, "tba": true, "fixme": true, "xxx": true}

// slotNouns are what a bracketed slot names: "[name]", "[your company]".
var slotNouns = map[string]bool{
	"name": true, "person": true, "company": true, "companies": true, "role": true, "title": true, "date": true,
	"level": true, "industry": true, "team": true, "project": true, "course": true, "book": true, "manager": true,
	"x": true, "n": true, "y": true, "someone": true, "something": true, "here": true, "link": true, "url": true,
	"number": true, "amount": true, "month": true, "year": true, "deadline": true, "topic": true, "skill": true,
}

// slotStarts begin a bracketed slot's words: "[fill in]", "[insert date]".
var slotStarts = []string{"fill", "placeholder", "insert", "your ", "add ", "enter ", "describe", "write ", "replace", "tbd", "todo", "tbc", "fixme", "xxx"}

// htmlTags are element names that <name> stands for in Markdown: HTML, not
// a slot.
var htmlTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "blockquote": true, "br": true, "center": true, "cite": true, "code": true,
	"dd": true, "del": true, "details": true, "div": true, "dl": true, "dt": true, "em": true, "font": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "hr": true, "i": true, "img": true,
	"ins": true, "kbd": true, "li": true, "mark": true, "ol": true, "p": true, "pre": true, "q": true, "s": true,
	"samp": true, "small": true, "span": true, "strike": true, "strong": true, "sub": true, "summary": true,
	"sup": true, "table": true, "tbody": true, "td": true, "th": true, "thead": true, "tr": true, "u": true,
	"ul": true, "var": true, "wbr": true, "section": true, "article": true, "aside": true, "figure": true,
	"figcaption": true, "picture": true, "video": true, "audio": true, "source": true, "iframe": true,
	"input": true, "label": true, "button": true, "nav": true, "header": true, "footer": true, "main": true,
	"time": true, "meter": true, "progress": true, "caption": true, "col": true, "colgroup": true, "tfoot": true,
}

// IsPlaceholder reports whether s is nothing but placeholders: "TBD",
// "TODO", "???", "…", "XXX", "<company>", "[fill in]", "TBD / TBC",
// "**TBD**", "[TODO: the project]".
func IsPlaceholder(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		if k := placeholderTokenAt(s, i); k > 0 {
			i += k
			n++
			continue
		}
		j := skipSeparators(s, i)
		if j < len(s) && s[j] == '.' {
			j++
		}
		if j == i {
			return false
		}
		i = j
	}
	return n > 0
}

// StartsWithPlaceholder reports whether s is a placeholder followed only
// by a note about it: "TBD", "TBD — probably the migration", "TODO: write
// this". For values, gap details and Evidence, where such a note is still
// no value; elsewhere "TODO: book the slot with Ines" is a task.
func StartsWithPlaceholder(s string) bool {
	i := skipSeparators(s, 0)
	k := placeholderTokenAt(s, i)
	if k == 0 {
		return false
	}
	j := i + k
	if j >= len(s) || IsPlaceholder(s[j:]) {
		return true
	}
	switch r, _ := utf8.DecodeRuneInString(s[j:]); r {
	case ':', '—', '–', '(', ',', ';', '/':
		return true
	case ' ':
		t := strings.TrimLeft(s[j:], " ")
		return strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "(")
	}
	return false
}

// FindPlaceholders returns the spans of the slots in s that are
// placeholders wherever they stand: "[TODO: …]", "[TBD]" alone in a
// bracket with a colon or words after it, "[fill in]", "[your name]",
// "<company>". Code spans and HTML comments are skipped.
func FindPlaceholders(s string) [][2]int {
	if strings.IndexByte(s, '[') < 0 && strings.IndexByte(s, '<') < 0 && !strings.Contains(s, "___") {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(s); i++ {
		k := strings.IndexAny(s[i:], "`<[_")
		if k < 0 {
			break
		}
		i += k
		switch s[i] {
		case '_':
			if strings.Trim(s, " _\t\r") == "" {
				return out // "___" alone on its line is a thematic break
			}
			if n := blankAt(s, i); n > 0 {
				out = append(out, [2]int{i, i + n})
				i += n - 1
			}
		case '`':
			if end := strings.IndexByte(s[i+1:], '`'); end >= 0 {
				i += end + 1
			}
		case '<':
			if strings.HasPrefix(s[i:], "<!--") {
				if end := strings.Index(s[i:], "-->"); end >= 0 {
					i += end + 2
					continue
				}
				return out
			}
			if n := angleSlotAt(s, i); n > 0 {
				out = append(out, [2]int{i, i + n})
				i += n - 1
			}
		case '[':
			if n := bracketSlotAt(s, i, true); n > 0 {
				out = append(out, [2]int{i, i + n})
				i += n - 1
			}
		}
	}
	return out
}

func skipSeparators(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '/', ',', ';', ':', '-', '(', ')', '"', '\'', '*', '_', '~', '`', '!', '|':
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == '—' || r == '–' || r == '“' || r == '”' || r == '‘' || r == '’' {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// blankAt returns the length of a fill-in blank at s[i:], three or more
// underscores standing as a word ("Ask ___ for 20 minutes"), or 0.
func blankAt(s string, i int) int {
	if i > 0 && (s[i-1] == '_' || ascii.WordBefore(s, i)) {
		return 0
	}
	n := runLen(s, i, "_")
	if n < 3 || ascii.WordAt(s, i+n) {
		return 0
	}
	return n
}

// placeholderTokenAt returns the length of one placeholder at s[i:] ("TBD",
// "XXXX", "???", "…", "...", "<company>", "[fill in]"), or 0.
func placeholderTokenAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch c := s[i]; {
	case c == '_':
		return blankAt(s, i)
	case c == '?':
		return runLen(s, i, "?")
	case c == '.':
		if n := runLen(s, i, "."); n >= 2 {
			return n
		}
		return 0
	case c == '<':
		return angleSlotAt(s, i)
	case c == '[':
		return bracketSlotAt(s, i, false)
	case strings.HasPrefix(s[i:], "…"):
		return runLen(s, i, "…")
	case c == 'x' || c == 'X':
		if n := runFold(s, i, 'x'); n >= 3 && !ascii.WordAt(s, i+n) {
			return n
		}
	case c|0x20 == 'y' || c|0x20 == 'm' || c|0x20 == 'd' || '0' <= c && c <= '9':
		if n := dateFormatAt(s, i); n > 0 {
			return n
		}
	}
	if ascii.WordBefore(s, i) {
		return 0
	}
	j := i
	for j < len(s) && ascii.IsWordRune(rune(s[j])) && s[j] < utf8.RuneSelf {
		j++
	}
	if j-i < 3 || j-i > 5 || ascii.WordAt(s, j) || !isPlaceholderWord(s[i:j]) {
		return 0
	}
	return j - i
}

// dateFormatAt returns the length of a date's format written where the
// date belongs ("YYYY-MM-DD", "DD/MM/YYYY", "yyyy-mm", "MM/DD",
// "2027-MM-DD"), or 0: two or three groups, one separator between them,
// each group Y, M or D repeated (each letter once; a year of 2 or 4, a
// month or day of 1 or 2) or digits filled in (a year of 4, else 1 or 2);
// at least three letters, and a year or both month and day among them;
// standing as a word.
func dateFormatAt(s string, i int) int {
	if ascii.WordBefore(s, i) {
		return 0
	}
	var sep byte
	var used [3]bool // y, m, d
	groups, letters, year, j := 0, 0, false, i
	for j < len(s) {
		c := s[j] | 0x20
		n := 0
		switch {
		case '0' <= s[j] && s[j] <= '9':
			for j+n < len(s) && '0' <= s[j+n] && s[j+n] <= '9' {
				n++
			}
			if n == 4 {
				year = true
			} else if n > 2 {
				return 0
			}
		case c == 'y' || c == 'm' || c == 'd':
			k := strings.IndexByte("ymd", c)
			if used[k] {
				return 0
			}
			used[k] = true
			n = runFold(s, j, c)
			if k == 0 && n != 2 && n != 4 || k > 0 && n > 2 {
				return 0
			}
			letters += n
			year = year || k == 0
		default:
			return 0
		}
		groups++
		j += n
		if j+1 < len(s) && (s[j] == '-' || s[j] == '/' || s[j] == '.') && (sep == 0 || sep == s[j]) && groups < 3 {
			if d := s[j+1]; d|0x20 == 'y' || d|0x20 == 'm' || d|0x20 == 'd' || '0' <= d && d <= '9' {
				sep = s[j]
				j++
				continue
			}
		}
		break
	}
	if groups < 2 || letters < 3 || !year && !(used[1] && used[2]) || ascii.WordAt(s, j) {
		return 0
	}
	return j - i
}

// IsDateFormat reports whether s is only a date's format ("YYYY-MM-DD",
// "DD/MM/YYYY"): a placeholder where a date belongs.
func IsDateFormat(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && dateFormatAt(s, 0) == len(s)
}

// isPlaceholderWord is placeholderWords[lower(w)] without the copy: it is
// asked of the first word of every item.
func isPlaceholderWord(w string) bool {
	var b [5]byte
	if len(w) > len(b) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return placeholderWords[string(b[:len(w)])]
}

func runLen(s string, i int, unit string) int {
	j := i
	for strings.HasPrefix(s[j:], unit) {
		j += len(unit)
	}
	return j - i
}

func runFold(s string, i int, lower byte) int {
	j := i
	for j < len(s) && s[j]|0x20 == lower {
		j++
	}
	return j - i
}

// bracketSlotAt returns the length of a placeholder in square brackets at
// s[i:], or 0. Links ("[text](url)", "[text][ref]"), task boxes and
// footnotes are not slots. In running text (strong) a bare "[TODO]" is not
// one either: "the [TODO] tags" mentions them.
func bracketSlotAt(s string, i int, strong bool) int {
	end := indexNear(s, i+1, ']', 300)
	if end < 0 {
		return 0
	}
	j := i + 1 + end
	inner := s[i+1 : j]
	if strings.ContainsAny(inner, "[\n") {
		return 0
	}
	if j+1 < len(s) && (s[j+1] == '(' || s[j+1] == '[' || s[j+1] == ':') {
		return 0
	}
	c := strings.ToLower(strings.TrimSpace(inner))
	if c == "" || c == "x" || strings.HasPrefix(c, "^") {
		return 0
	}
	if IsPlaceholder(c) {
		if strong && placeholderWords[strings.Trim(c, " .!")] {
			return 0
		}
		return j + 1 - i
	}
	for _, w := range slotStarts {
		if strings.HasPrefix(c, w) {
			if placeholderWords[strings.TrimRight(w, " ")] && len(c) > len(w) && ascii.WordAt(c, len(w)) {
				continue // "[todos]"
			}
			return j + 1 - i
		}
	}
	words := strings.Fields(strings.NewReplacer("-", " ", "/", " ").Replace(c))
	if len(words) > 0 && len(words) <= 3 {
		all := true
		for k, w := range words {
			if !(slotNouns[w] || k < len(words)-1 && (w == "your" || w == "the" || w == "a" || w == "company" || w == "person's" || w == "target" || w == "first" || w == "last" || w == "full" || w == "due")) {
				all = false
				break
			}
		}
		if all {
			return j + 1 - i
		}
	}
	return 0
}

// indexNear is the offset of c in s[from:], looking no further than
// within bytes, or -1. The slot readers look for a closing bracket only
// that far: searching the rest of the text from every opening one was
// quadratic (900,000 '[' in a file took lint minutes).
func indexNear(s string, from int, c byte, within int) int {
	return strings.IndexByte(s[from:min(len(s), from+within+1)], c)
}

// angleSlotAt returns the length of "<company>" or "<your name>" at s[i:],
// or 0 for HTML, an autolink, an e-mail address or a comparison.
func angleSlotAt(s string, i int) int {
	end := indexNear(s, i+1, '>', 80)
	if end <= 0 {
		return 0
	}
	j := i + 1 + end
	inner := s[i+1 : j]
	if inner[0] == ' ' || inner[len(inner)-1] == ' ' || strings.ContainsAny(inner, ":@/=\"<\n.") {
		return 0
	}
	letters := false
	for _, r := range inner {
		switch {
		case ascii.IsWordRune(r):
			letters = letters || r > '9' || r < '0'
		case r == ' ' || r == '-' || r == '_' || r == '\'' || r == '’' || r == '?' || r == '…':
		default:
			return 0
		}
	}
	first, _, _ := strings.Cut(inner, " ")
	if !letters || htmlTags[strings.ToLower(first)] {
		return 0
	}
	return j + 1 - i
}

// FindLabelledPlaceholders returns the spans of placeholders that are a
// label's whole value inside a text: "Artifact: TBD", "Talk to: ???.",
// "**Owner:** TODO". A note after the label ("TODO: book the slot") is
// not one, nor is a placeholder followed by more words.
func FindLabelledPlaceholders(s string) [][2]int {
	if strings.IndexByte(s, ':') < 0 {
		return nil
	}
	var out [][2]int
	for i := 1; i < len(s); i++ {
		c := strings.IndexByte(s[i:], ':')
		if c < 0 {
			break
		}
		i += c
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '*' || s[j] == '_') {
			j++
		}
		n := placeholderTokenAt(s, j)
		if n == 0 || !labelBefore(s, i) {
			continue
		}
		if dateFormatAt(s, j) == n && ascii.IndexFold(s[max(0, i-20):i], "format") >= 0 {
			continue // "Date format: YYYY-MM-DD" says how dates are written
		}
		k := j + n
		for k < len(s) && (s[k] == ' ' || s[k] == '*' || s[k] == '_') {
			k++
		}
		if k == len(s) || strings.IndexByte(".;,\n)", s[k]) >= 0 {
			out = append(out, [2]int{j, j + n})
		}
		i = k
	}
	return out
}

// labelBefore reports whether the colon at s[i] ends a label of one to
// four words that starts the text, a sentence, a line or a bold span.
func labelBefore(s string, i int) bool {
	j := i
	for j > 0 && (s[j-1] == '*' || s[j-1] == '_') {
		j--
	}
	words := 0
	inWord := false
	for j > 0 {
		c := s[j-1]
		switch {
		case c == ' ':
			inWord = false
		case c == '.' || c == ';' || c == '\n' || c == '(' || c == '*' || c == '_' || c == '|':
			return words > 0 && words <= 4
		case c >= utf8.RuneSelf || ascii.IsWordRune(rune(c)) || c == '-':
			if !inWord {
				words++
				inWord = true
			}
		default:
			return false
		}
		j--
	}
	return words > 0 && words <= 4
}
