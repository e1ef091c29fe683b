package vague

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// flags describe one token: its shape, what separates it from the token
// before it, and the Markdown span it sits in.
type flags uint32

const (
	fCap        flags = 1 << iota // first rune is upper-case
	fUpperIn                      // an upper-case rune after the first (iOS, SQL)
	fAllCaps                      // two or more letters, none lower-case (SQL, EM)
	fDigit                        // contains a digit
	fAlpha                        // contains a letter
	fJoin                         // joined to the previous token by one hyphen
	fSoft                         // only spaces, emphasis marks or a joining hyphen before it
	fBreak                        // a clause ends before it (. ! ? ;)
	fSentStart                    // first token of the text, of a sentence, or after a colon
	fPossessive                   // ends in 's
	fQuote                        // inside "double quotes" or “curly quotes”
	fItalic                       // inside *italics* or _italics_
	fTitle                        // inside a quoted or italic span that reads as a title
	fCode                         // inside a `code span`
	fLink                         // inside a link's text
	fURL                          // inside a URL
)

// fProtected marks tokens that are someone else's words or names: never the
// start or part of a vague phrase.
const fProtected = fQuote | fTitle | fCode | fLink | fURL

type token struct {
	start, end int // bytes of the token in the text
	lo, hi     int // its lower-cased form in scratch.lower
	span       int // index into scratch.spans, or -1
	f          flags
}

type spanKind uint8

const (
	spanCode   spanKind = iota + 1
	spanLink            // the text of [text](url) or [text][ref]
	spanURL             // the (url) of a link, an <autolink>, or a bare http(s):// or www. address
	spanQuote           // "…", “…” or ‘…’
	spanItalic          // *…* or _…_
)

type span struct {
	start, end int
	kind       spanKind
	title      bool // a quote or italic span holding a capitalised word or a digit
}

// scratch is the per-call working memory, pooled so that matching a text
// allocates nothing unless it finds something.
type scratch struct {
	text  string
	toks  []token
	lower []byte
	spans []span
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{toks: make([]token, 0, 64), lower: make([]byte, 0, 512), spans: make([]span, 0, 8)}
}}

func getScratch(text string) *scratch {
	s := scratchPool.Get().(*scratch)
	s.scan(text)
	return s
}

func putScratch(s *scratch) {
	s.text = ""
	if cap(s.toks) > 1<<14 || cap(s.lower) > 1<<16 {
		return // a huge text: let its buffers go
	}
	scratchPool.Put(s)
}

// word returns token k lower-cased.
func (s *scratch) word(k int) string {
	t := &s.toks[k]
	return string(s.lower[t.lo:t.hi])
}

// base is word(k) without a possessive 's.
func (s *scratch) base(k int) string {
	w := s.word(k)
	if s.toks[k].f&fPossessive != 0 {
		return w[:len(w)-2]
	}
	return w
}

func (s *scratch) scan(text string) {
	s.text = text
	s.findSpans()
	s.tokenize()
	if len(s.spans) > 0 {
		s.markTitles()
	}
}

// findSpans records the Markdown spans of the text in one left-to-right
// pass: code spans first, then links and URLs, quotes and italics. Spans do
// not nest; what is inside one is not looked at again.
func (s *scratch) findSpans() {
	s.spans = s.spans[:0]
	text := s.text
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch c {
		case '`':
			k := runLen(text, i, '`')
			if j := findRun(text, i+k, '`', k); j >= 0 {
				s.add(i, j+k, spanCode)
				i = j + k
				continue
			}
			i += k
			continue
		case '[':
			if textEnd, end, ok := link(text, i); ok {
				if textEnd > i+1 {
					s.add(i+1, textEnd, spanLink)
				}
				if end > textEnd+1 {
					s.add(textEnd+1, end, spanURL)
				}
				i = end
				continue
			}
		case '<':
			if end := autolink(text, i); end > 0 {
				s.add(i, end, spanURL)
				i = end
				continue
			}
		case 'h', 'H', 'w', 'W':
			if i == 0 || !isWordByte(text[i-1]) {
				if end := bareURL(text, i); end > 0 {
					s.add(i, end, spanURL)
					i = end
					continue
				}
			}
		case '"':
			if opensQuote(text, i) {
				if j := closeStraightQuote(text, i+1); j > 0 {
					s.add(i, j+1, spanQuote)
					i = j + 1
					continue
				}
			}
		case 0xE2: // “ and ‘ are E2 80 9C and E2 80 98
			if strings.HasPrefix(text[i:], "“") {
				if j := strings.Index(text[i+3:], "”"); j >= 0 {
					end := i + 3 + j + 3
					s.add(i, end, spanQuote)
					i = end
					continue
				}
			} else if strings.HasPrefix(text[i:], "‘") && opensQuote(text, i) {
				if j := closeCurlySingle(text, i+3); j > 0 {
					s.add(i, j, spanQuote)
					i = j
					continue
				}
			}
		case '*', '_':
			k := runLen(text, i, c)
			if (k == 1 || k == 3) && opensEmphasis(text, i, k, c) {
				if j := closeEmphasis(text, i+k, k, c); j >= 0 {
					s.add(i, j+k, spanItalic)
					i = j + k
					continue
				}
			}
			i += k
			continue
		}
		i++
	}
}

func (s *scratch) add(start, end int, k spanKind) {
	s.spans = append(s.spans, span{start: start, end: end, kind: k})
}

func runLen(text string, i int, c byte) int {
	k := 0
	for i+k < len(text) && text[i+k] == c {
		k++
	}
	return k
}

// findRun finds the next run of exactly k bytes c at or after i.
func findRun(text string, i int, c byte, k int) int {
	for i < len(text) {
		j := strings.IndexByte(text[i:], c)
		if j < 0 {
			return -1
		}
		j += i
		r := runLen(text, j, c)
		if r == k {
			return j
		}
		i = j + r
	}
	return -1
}

// link recognises [text](url) and [text][ref] at text[i] == '['. It returns
// the index of the closing ']' and the end of the whole link.
func link(text string, i int) (textEnd, end int, ok bool) {
	depth := 0
	j := i
	for ; j < len(text); j++ {
		switch text[j] {
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j+1 >= len(text) {
		return 0, 0, false
	}
	open, closing := text[j+1], byte(')')
	switch open {
	case '(':
	case '[':
		closing = ']'
	default:
		return 0, 0, false
	}
	depth = 0
	for k := j + 1; k < len(text); k++ {
		switch text[k] {
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return j, k + 1, true
			}
		case ' ', '\n':
			if open == '(' && depth == 1 && !titleAhead(text, k) {
				return 0, 0, false
			}
		}
	}
	return 0, 0, false
}

// titleAhead allows the space before a link title: [x](url "Title").
func titleAhead(text string, k int) bool {
	rest := strings.TrimLeft(text[k:], " ")
	return rest != "" && (rest[0] == '"' || rest[0] == '\'' || rest[0] == ')')
}

func autolink(text string, i int) int {
	rest := text[i+1:]
	if !hasPrefixFold(rest, "http://") && !hasPrefixFold(rest, "https://") && !hasPrefixFold(rest, "mailto:") {
		return 0
	}
	for k := i + 1; k < len(text); k++ {
		switch text[k] {
		case '>':
			return k + 1
		case ' ', '\t', '\n', '<':
			return 0
		}
	}
	return 0
}

func bareURL(text string, i int) int {
	rest := text[i:]
	if !hasPrefixFold(rest, "http://") && !hasPrefixFold(rest, "https://") && !hasPrefixFold(rest, "www.") {
		return 0
	}
	end := i
	for end < len(text) {
		c := text[end]
		if c == ' ' || c == '\t' || c == '\n' || c == '<' || c == '>' || c == '"' || c == '`' {
			break
		}
		end++
	}
	for end > i {
		c := text[end-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '\'' || c == '*' || c == '_' {
			end--
			continue
		}
		break
	}
	if end-i <= 8 { // "https://" alone, or "www." alone
		return 0
	}
	return end // cut at an ASCII byte: always a rune boundary
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// opensQuote: a quote opens at the start or after something that is not a
// letter or digit ("say "hi"" but not 15" screens).
func opensQuote(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

// closeStraightQuote finds the '"' that closes a quote opened before i: the
// next one not followed by a letter or digit.
func closeStraightQuote(text string, i int) int {
	for i < len(text) {
		j := strings.IndexByte(text[i:], '"')
		if j < 0 {
			return -1
		}
		j += i
		if j+1 >= len(text) {
			return j
		}
		if r, _ := utf8.DecodeRuneInString(text[j+1:]); !isWordRune(r) {
			return j
		}
		i = j + 1
	}
	return -1
}

// closeCurlySingle finds the ’ that closes ‘…’ and returns the end of it;
// an ’ between letters is an apostrophe, not a closing quote.
func closeCurlySingle(text string, i int) int {
	for i < len(text) {
		j := strings.Index(text[i:], "’")
		if j < 0 {
			return -1
		}
		j += i
		end := j + len("’")
		if end >= len(text) {
			return end
		}
		r, _ := utf8.DecodeRuneInString(text[end:])
		if !isWordRune(r) {
			return end
		}
		i = end
	}
	return -1
}

// opensEmphasis follows CommonMark loosely: the run must be followed by a
// non-space, and an underscore must not sit inside a word (snake_case).
func opensEmphasis(text string, i, k int, c byte) bool {
	if i+k >= len(text) || isSpace(text[i+k]) {
		return false
	}
	if c == '_' && i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isWordRune(r) {
			return false
		}
	}
	return true
}

func closeEmphasis(text string, i, k int, c byte) int {
	for i < len(text) {
		j := findRun(text, i, c, k)
		if j < 0 {
			return -1
		}
		ok := !isSpace(text[j-1])
		if ok && c == '_' && j+k < len(text) {
			r, _ := utf8.DecodeRuneInString(text[j+k:])
			ok = !isWordRune(r)
		}
		if ok {
			return j
		}
		i = j + k
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// isWordRune: letters, digits and combining marks make words.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// tokenize splits the text into words once, lower-casing each into one
// shared buffer and noting what separates it from the word before.
func (s *scratch) tokenize() {
	text := s.text
	n := len(text)
	s.toks = s.toks[:0]
	s.lower = s.lower[:0]
	si := 0
	// gap state: what lies between the previous token and the next one
	ws, hyphens, other, brk := false, 0, false, false
	sent := true
	for i := 0; i < n; {
		for si < len(s.spans) && s.spans[si].end <= i {
			si++
		}
		inSpan := si < len(s.spans) && s.spans[si].start <= i
		c := text[i]
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				ws = true
			case c == '-':
				hyphens++
			case c == '*' || c == '_' || c == '~':
				// emphasis marks are transparent
			case c == '.' || c == '!' || c == '?':
				other = true
				if !inSpan && (i+1 == n || closesSentence(text[i+1])) {
					brk, sent = true, true
				}
			case c == ';':
				other = true
				if !inSpan {
					brk = true
				}
			case c == ':':
				other = true
				if !inSpan && (i+1 == n || isSpace(text[i+1])) {
					sent = true
				}
			default:
				other = true
			}
			i += w
			continue
		}
		// a token: it ends at a non-word rune or at a span boundary
		limit := n
		spanIdx := -1
		if inSpan {
			limit = s.spans[si].end
			spanIdx = si
		} else if si < len(s.spans) {
			limit = s.spans[si].start
		}
		t := token{start: i, lo: len(s.lower), span: spanIdx}
		first := true
		letters, lowers := 0, 0
		prevDigit, prevWord := false, false
		for i < limit {
			c := text[i]
			r, w := rune(c), 1
			if c >= utf8.RuneSelf {
				r, w = utf8.DecodeRuneInString(text[i:])
			}
			if isWordRune(r) {
				isDigit := r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r)
				switch {
				case isDigit:
					t.f |= fDigit
				case r < utf8.RuneSelf:
					letters++
					t.f |= fAlpha
					if c >= 'A' && c <= 'Z' {
						if first {
							t.f |= fCap
						} else {
							t.f |= fUpperIn
						}
						c += 'a' - 'A'
					} else {
						lowers++
					}
				default:
					if unicode.IsLetter(r) {
						letters++
						t.f |= fAlpha
						if unicode.IsUpper(r) || unicode.IsTitle(r) {
							if first {
								t.f |= fCap
							} else {
								t.f |= fUpperIn
							}
						} else if unicode.IsLower(r) {
							lowers++
						}
					}
				}
				if r < utf8.RuneSelf {
					s.lower = append(s.lower, c)
				} else {
					s.lower = utf8.AppendRune(s.lower, unicode.ToLower(r))
				}
				first = false
				prevDigit, prevWord = isDigit, true
				i += w
				continue
			}
			// an apostrophe between letters stays in the word (don't, Ana's);
			// a point or comma between digits stays in the number (1.5, 1,000)
			if prevWord && (r == '\'' || r == '’') && i+w < limit {
				nr, _ := utf8.DecodeRuneInString(text[i+w:])
				if isWordRune(nr) {
					s.lower = append(s.lower, '\'')
					prevDigit, prevWord = false, false
					i += w
					continue
				}
			}
			if prevDigit && (c == '.' || c == ',') && i+1 < limit && text[i+1] >= '0' && text[i+1] <= '9' {
				s.lower = append(s.lower, c)
				prevDigit, prevWord = false, false
				i++
				continue
			}
			break
		}
		t.end, t.hi = i, len(s.lower)
		if letters >= 2 && lowers == 0 {
			t.f |= fAllCaps
		}
		if t.hi-t.lo > 2 && s.lower[t.hi-2] == '\'' && s.lower[t.hi-1] == 's' {
			t.f |= fPossessive
		}
		if !other && (hyphens == 0 || hyphens == 1 && !ws) {
			t.f |= fSoft
			if hyphens == 1 && len(s.toks) > 0 {
				t.f |= fJoin
			}
		}
		if brk && len(s.toks) > 0 {
			t.f |= fBreak
		}
		if sent {
			t.f |= fSentStart
		}
		if spanIdx >= 0 {
			switch s.spans[spanIdx].kind {
			case spanCode:
				t.f |= fCode
			case spanLink:
				t.f |= fLink
			case spanURL:
				t.f |= fURL
			case spanQuote:
				t.f |= fQuote
			case spanItalic:
				t.f |= fItalic
			}
		}
		// a token that starts where the previous one ended, across a span
		// boundary, is not soft-joined: "`go`lang" stays two words.
		if len(s.toks) > 0 && s.toks[len(s.toks)-1].end == t.start && s.toks[len(s.toks)-1].span != t.span {
			t.f &^= fSoft | fJoin
		}
		s.toks = append(s.toks, t)
		ws, hyphens, other, brk, sent = false, 0, false, false, false
	}
}

// closesSentence: after '.', '!' or '?', a space, the end, or a closing
// quote or bracket ends the sentence; "v1.2" and "e.g" do not.
func closesSentence(c byte) bool {
	return isSpace(c) || c == '"' || c == ')' || c == ']' || c == '*' || c == '_' || c == 0xE2
}

// markTitles decides which quote and italic spans read as titles, and marks
// their tokens.
func (s *scratch) markTitles() {
	for k := range s.toks {
		t := &s.toks[k]
		if t.span >= 0 && t.f&(fCap|fUpperIn|fDigit) != 0 {
			sp := &s.spans[t.span]
			if sp.kind == spanQuote || sp.kind == spanItalic {
				sp.title = true
			}
		}
	}
	for k := range s.toks {
		t := &s.toks[k]
		if t.span >= 0 && s.spans[t.span].title {
			t.f |= fTitle
		}
	}
}
