package vague

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/roadmapcli/roadmap/pkg/ascii"
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
	fInText                       // the token is lower-case ASCII: its own lower-cased form
	fUncased                      // holds letters of a script without case (Han, Hangul, Kana, Arabic, Hebrew, Devanagari, Thai …)
	fNonLatin                     // holds cased letters of a script other than Latin (Cyrillic, Greek, Armenian …)
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
	// letters and uncased count the text's letters, and those of them in
	// a script without case: where most are uncased, capitals say nothing
	// about names (see namesPerson).
	letters, uncased int
	// cls holds each token's word classes once looked up (scratch.is);
	// sized for this text on the first look-up only, so a text that is
	// only matched against the phrase lists pays nothing for it.
	cls []class
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
	if cap(s.toks) > 1<<14 || cap(s.lower) > 1<<16 || cap(s.cls) > 1<<14 {
		return // a huge text: let its buffers go
	}
	scratchPool.Put(s)
}

// word returns token k lower-cased. The string shares memory with the
// scratch: it must not outlive the call that scanned the text (no Match
// holds one; Match.Phrase is the compiled phrase's own string).
func (s *scratch) word(k int) string {
	t := &s.toks[k]
	if t.f&fInText != 0 {
		return s.text[t.start:t.end]
	}
	return unsafe.String(&s.lower[t.lo], t.hi-t.lo)
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
	s.letters, s.uncased = 0, 0
	s.cls = s.cls[:0]
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
	// A closer that cannot be found from i cannot be found from any later
	// place either: remember failures, so unclosed quotes, emphasis or
	// backticks cost one scan, not one per opener. Links get a work budget.
	var (
		noStraight, noCurly, noSingle bool
		noEmph                        [2][4]bool // [*,_][run length]
		noTicks                       uint64     // bit k: no run of k backticks ahead
		linkBudget                    = 4*n + 1024
	)
	special := &spanStart
	if strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.Contains(text, "WWW.") {
		special = &spanStartURL
	}
	for i := 0; i < n; {
		for i < n && !special[text[i]] {
			i++
		}
		if i == n {
			break
		}
		c := text[i]
		switch c {
		case '`':
			k := runLen(text, i, '`')
			if k < 64 && noTicks&(1<<k) == 0 {
				if j := findRun(text, i+k, '`', k); j >= 0 {
					s.add(i, j+k, spanCode)
					i = j + k
					continue
				}
				noTicks |= 1 << k
			}
			i += k
			continue
		case '[':
			if linkBudget > 0 {
				textEnd, end, work := link(text, i, linkBudget)
				linkBudget -= work
				if end > 0 {
					if textEnd > i+1 {
						s.add(i+1, textEnd, spanLink)
					}
					if end > textEnd+1 {
						s.add(textEnd+1, end, spanURL)
					}
					i = end
					continue
				}
			}
		case '<':
			if end := autolink(text, i); end > 0 {
				s.add(i, end, spanURL)
				i = end
				continue
			}
		case 'h', 'H', 'w', 'W':
			if !ascii.WordBefore(text, i) {
				if end := bareURL(text, i); end > 0 {
					s.add(i, end, spanURL)
					i = end
					continue
				}
			}
		case '"':
			if !noStraight && opensQuote(text, i) {
				if j := closeStraightQuote(text, i+1); j > 0 {
					s.add(i, j+1, spanQuote)
					i = j + 1
					continue
				}
				noStraight = true
			}
		case 0xE2: // “ and ‘ are E2 80 9C and E2 80 98
			if strings.HasPrefix(text[i:], "“") {
				if !noCurly {
					if j := strings.Index(text[i+3:], "”"); j >= 0 {
						end := i + 3 + j + 3
						s.add(i, end, spanQuote)
						i = end
						continue
					}
					noCurly = true
				}
			} else if !noSingle && strings.HasPrefix(text[i:], "‘") && opensQuote(text, i) {
				if j := closeCurlySingle(text, i+3); j > 0 {
					s.add(i, j, spanQuote)
					i = j
					continue
				}
				noSingle = true
			}
		case '*', '_':
			k := runLen(text, i, c)
			ci := 0
			if c == '_' {
				ci = 1
			}
			if (k == 1 || k == 3) && !noEmph[ci][k] && opensEmphasis(text, i, k, c) {
				if j := closeEmphasis(text, i+k, k, c); j >= 0 {
					s.add(i, j+k, spanItalic)
					i = j + k
					continue
				}
				noEmph[ci][k] = true
			}
			i += k
			continue
		}
		i++
	}
}

// spanStart marks the bytes that can open a span; spanStartURL adds the
// first letters of "http" and "www" for texts that hold an address.
var spanStart, spanStartURL = func() (a, b [256]bool) {
	for _, c := range []byte("`[<\"*_\xE2") {
		a[c], b[c] = true, true
	}
	for _, c := range []byte("hHwW") {
		b[c] = true
	}
	return a, b
}()

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
// the index of the closing ']' and the end of the whole link (0 when there
// is no link), and how many bytes it looked at, at most budget.
func link(text string, i, budget int) (textEnd, end, work int) {
	limit := min(len(text), i+budget)
	depth := 0
	j := i
	for ; j < limit; j++ {
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
	if j+1 >= limit {
		return 0, 0, limit - i
	}
	open, closing := text[j+1], byte(')')
	switch open {
	case '(':
	case '[':
		closing = ']'
	default:
		return 0, 0, j + 1 - i
	}
	depth = 0
	for k := j + 1; k < limit; k++ {
		switch text[k] {
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return j, k + 1, k + 1 - i
			}
		case ' ', '\n':
			if open == '(' && depth == 1 && !titleAhead(text, k) {
				return 0, 0, k + 1 - i
			}
		}
	}
	return 0, 0, limit - i
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
	return !ascii.IsWordRune(r)
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
		if r, _ := utf8.DecodeRuneInString(text[j+1:]); !ascii.IsWordRune(r) {
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
		if !ascii.IsWordRune(r) {
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
		if ascii.IsWordRune(r) {
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
			ok = !ascii.IsWordRune(r)
		}
		if ok {
			return j
		}
		i = j + k
	}
	return -1
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ASCII byte classes for the tokenizer's fast path.
const (
	cOther uint8 = iota
	cLower
	cUpper
	cDigit
	cSpace
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range " \t\n\r" {
		t[c] = cSpace
	}
	return t
}()

// tokenize splits the text into words once, noting for each what separates
// it from the word before. A word that is lower-case ASCII already is its own
// lower-cased form; any other is lower-cased into one shared buffer.
func (s *scratch) tokenize() {
	text := s.text
	n := len(text)
	s.toks = s.toks[:0]
	s.lower = s.lower[:0]
	spans := s.spans
	si := 0
	// gap state: what lies between the previous token and the next one
	ws, hyphens, other, brk, sent := false, 0, false, false, true
	for i := 0; i < n; {
		c := text[i]
		if c < utf8.RuneSelf {
			cl := asciiClass[c]
			if cl == cSpace {
				ws = true
				i++
				continue
			}
			if cl == cOther {
				switch c {
				case '-':
					hyphens++
				case '*', '_', '~':
					// emphasis marks are transparent
				case '.', '!', '?':
					other = true
					if c == '.' && s.abbreviation(i) {
						break // "Dr. Lee", "J. Smith", "e.g. the CKAD course"
					}
					if i+1 == n || closesSentence(text[i+1]) {
						if si = spanAt(spans, si, i); si >= len(spans) || spans[si].start > i {
							brk, sent = true, true
						}
					}
				case ';':
					other = true
					if si = spanAt(spans, si, i); si >= len(spans) || spans[si].start > i {
						brk = true
					}
				case ':':
					other = true
					if i+1 == n || isSpace(text[i+1]) {
						if si = spanAt(spans, si, i); si >= len(spans) || spans[si].start > i {
							sent = true
						}
					}
				default:
					other = true
				}
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(text[i:]); !ascii.IsWordRune(r) {
			other = true
			i += w
			continue
		}

		// a token: it ends at a non-word rune or at a span boundary
		si = spanAt(spans, si, i)
		t := token{start: i, span: -1}
		limit := n
		if si < len(spans) {
			if spans[si].start <= i {
				limit, t.span = spans[si].end, si
			} else {
				limit = spans[si].start
			}
		}
		// fast path: a run of ASCII letters and digits
		j, letters, lowers := i, 0, 0
		for ; j < limit; j++ {
			b := text[j]
			if b >= utf8.RuneSelf {
				break
			}
			cl := asciiClass[b]
			if cl == cLower {
				letters++
				lowers++
			} else if cl == cUpper {
				letters++
				if j == i {
					t.f |= fCap
				} else {
					t.f |= fUpperIn
				}
			} else if cl == cDigit {
				t.f |= fDigit
			} else {
				break
			}
		}
		if letters > 0 {
			t.f |= fAlpha
		}
		slow := j < limit && (text[j] >= utf8.RuneSelf || text[j] == '\'' ||
			(text[j] == '.' || text[j] == ',') && j > i && isDigit(text[j-1]) && j+1 < limit && isDigit(text[j+1]))
		if !slow && lowers == letters {
			t.f |= fInText
			i = j
		} else {
			t.lo = len(s.lower)
			for k := i; k < j; k++ {
				b := text[k]
				if asciiClass[b] == cUpper {
					b += 'a' - 'A'
				}
				s.lower = append(s.lower, b)
			}
			i = j
			if slow {
				i, letters, lowers = s.slowToken(&t, i, limit, letters, lowers)
			}
			t.hi = len(s.lower)
		}
		t.end = i
		s.letters += letters
		if letters >= 2 && lowers == 0 && t.f&fUncased == 0 {
			t.f |= fAllCaps
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
		if t.span >= 0 {
			switch spans[t.span].kind {
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
		if last := len(s.toks) - 1; last >= 0 && s.toks[last].end == t.start && s.toks[last].span != t.span {
			t.f &^= fSoft | fJoin
		}
		if slow && t.hi-t.lo > 2 && s.lower[t.hi-2] == '\'' && s.lower[t.hi-1] == 's' {
			t.f |= fPossessive // only the slow path keeps an apostrophe
		}
		s.toks = append(s.toks, t)
		ws, hyphens, other, brk, sent = false, 0, false, false, false
	}
}

// slowToken continues a token past its ASCII start: other scripts, an
// apostrophe between letters (don't, Ana’s), a point or comma between digits
// (1.5, 1,000). The lower-cased form so far is already in s.lower.
func (s *scratch) slowToken(t *token, i, limit, letters, lowers int) (int, int, int) {
	text := s.text
	first := i == t.start
	prevWord := !first
	prevDigit := !first && isDigit(text[i-1])
	for i < limit {
		c := text[i]
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if ascii.IsWordRune(r) {
			digit := false
			switch {
			case r < utf8.RuneSelf && asciiClass[c] == cDigit || r >= utf8.RuneSelf && unicode.IsDigit(r):
				t.f |= fDigit
				digit = true
			case unicode.IsLetter(r):
				letters++
				t.f |= fAlpha
				cased := true
				switch {
				case unicode.IsUpper(r) || unicode.IsTitle(r):
					if first {
						t.f |= fCap
					} else {
						t.f |= fUpperIn
					}
				case unicode.IsLower(r) && !unicode.Is(unicode.Georgian, r):
					lowers++
				default:
					// no case, or a case nobody writes: Georgian has
					// capitals (Mtavruli) but names are not capitalised
					t.f |= fUncased
					s.uncased++
					cased = false
				}
				if cased && r >= utf8.RuneSelf && !unicode.Is(unicode.Latin, r) {
					t.f |= fNonLatin
				}
			}
			if r < utf8.RuneSelf {
				if asciiClass[c] == cUpper {
					c += 'a' - 'A'
				}
				s.lower = append(s.lower, c)
			} else {
				s.lower = utf8.AppendRune(s.lower, unicode.ToLower(r))
			}
			first = false
			prevDigit, prevWord = digit, true
			i += w
			continue
		}
		if prevWord && (r == '\'' || r == '’') && i+w < limit {
			if nr, _ := utf8.DecodeRuneInString(text[i+w:]); ascii.IsWordRune(nr) {
				s.lower = append(s.lower, '\'')
				prevDigit, prevWord = false, false
				i += w
				continue
			}
		}
		if prevDigit && (c == '.' || c == ',') && i+1 < limit && isDigit(text[i+1]) {
			s.lower = append(s.lower, c)
			prevDigit, prevWord = false, false
			i++
			continue
		}
		break
	}
	return i, letters, lowers
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// spanAt advances si past the spans that end at or before i.
func spanAt(spans []span, si, i int) int {
	for si < len(spans) && spans[si].end <= i {
		si++
	}
	return si
}

// abbreviation: the token just read, followed by '.', is a title before a
// name ("Dr.", "Prof.") or a single letter (an initial, or "e.g."), and the
// point does not end a sentence.
func (s *scratch) abbreviation(i int) bool {
	k := len(s.toks) - 1
	if k < 0 {
		return false
	}
	t := &s.toks[k]
	if t.end != i {
		return false // something stands between the word and the point
	}
	if t.f&fAlpha == 0 || t.f&fDigit != 0 {
		return false
	}
	w := s.word(k)
	if n := utf8.RuneCountInString(w); n == 1 {
		return true
	} else if n > 8 {
		return false
	}
	return s.is(k, cTitleBefore)
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
