// Package safetext makes text from files (roadmaps, ladders, file names,
// git commit subjects) safe to print for people: on a terminal an escape
// sequence from a file could retitle the window, clear the screen, hide a
// line or fake a hyperlink; a carriage return could overwrite what was
// printed; a newline in a file name could start a line of its own (in a
// CI log, a workflow command such as "::error"). Every human-readable
// output (text, tables, error messages and notes) passes its data through
// Line or Name; machine formats (JSON, SARIF) escape on their own.
//
// What is escaped: C0 control characters (tab becomes a space), DEL, C1
// control characters (0x80–0x9F, which some terminals read as escape
// sequences), the line and paragraph separators U+2028 and U+2029, the
// bidirectional embedding, override and isolate characters (U+202A–U+202E,
// U+2066–U+2069, which reorder what a reader sees) and marks (U+200E,
// U+200F, U+061C: with those, Unicode's Bidi_Control set) and bytes that are not
// UTF-8. They are written the way Go writes them in a string literal
// (\x1b, \r, \n, \u007f, \u202e, \xff), so a person sees that they are
// there. Writer does the same to a whole stream.
package safetext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Line returns s for one line of output, with every character listed in
// the package comment escaped. Text without any comes back unchanged and
// without an allocation.
func Line(s string) string {
	i := firstUnsafe(s, false)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	escape(&b, s[i:], "", true)
	return b.String()
}

// Text is Line for text of several lines: line breaks (LF, CRLF) stay
// line breaks; every other character Line escapes is escaped.
func Text(s string) string {
	if firstUnsafe(s, true) < 0 {
		return s
	}
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = Line(l)
	}
	return strings.Join(lines, "\n")
}

// Name returns a file name (or any other identifier) for a message:
// unchanged when it holds nothing Line would escape, else as a Go string
// literal in double quotes ("a\nb.md"), so that it reads as one name.
func Name(s string) string {
	if firstUnsafe(s, false) < 0 {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	escape(&b, s, `"\`, false)
	b.WriteByte('"')
	return b.String()
}

// Safe reports whether Line returns s unchanged.
func Safe(s string) bool { return firstUnsafe(s, false) < 0 }

// ShellQuote quotes s for a POSIX shell when it needs it, so that a
// command a message suggests can be pasted as it is and runs on the file
// named, whatever its name: `roadmap init '$(touch PWNED).md'`. A name
// that starts with "-" gets "./" so it is not read as a flag. A name with
// characters Line escapes is written in ANSI-C quotes ($'a\nb.md', which
// bash, zsh and ksh read), since no terminal could show it faithfully.
func ShellQuote(s string) string {
	prefix := ""
	if strings.HasPrefix(s, "-") {
		prefix = "./"
	}
	if !Safe(s) {
		return prefix + ansiC(s)
	}
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '/' || r == ':' || r == '+' || r == '@' || r == '%' || r == ',' ||
			(r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'))
	}) < 0 {
		return prefix + s
	}
	return prefix + "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ansiC writes s as $'...' with backslash escapes.
func ansiC(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	escape(&b, s, `'\`, false)
	b.WriteByte('\'')
	return b.String()
}

// escape writes s to b with every unsafe character escaped, a backslash
// before each byte of quote, and tabs as spaces when tabSpace is set.
func escape(b *strings.Builder, s, quote string, tabSpace bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\t' && tabSpace:
				b.WriteByte(' ')
			case c < 0x20:
				b.WriteString(escapeByte(c))
			case c == 0x7f:
				b.WriteString(`\u007f`)
			case strings.IndexByte(quote, c) >= 0:
				b.WriteByte('\\')
				b.WriteByte(c)
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + hex2(c))
		case unsafeRune(r):
			b.WriteString(`\u` + hex4(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// firstUnsafe returns the index of the first byte that starts something
// Line changes (a tab included), or -1; with newlines set, a line feed
// is not counted.
func firstUnsafe(s string, newlines bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && !(newlines && c == '\n')) || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune reports the non-ASCII characters that are escaped.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls
		return true
	case r == 0x2028 || r == 0x2029: // line and paragraph separators
		return true
	case r >= 0x202a && r <= 0x202e: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	case r == 0x200e || r == 0x200f || r == 0x061c: // LRM, RLM, ALM: the rest of Unicode's Bidi_Control
		return true
	}
	return false
}

func escapeByte(c byte) string {
	switch c {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\v':
		return `\v`
	}
	return `\x` + hex2(c)
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}

func hex4(r rune) string {
	s := strconv.FormatInt(int64(r), 16)
	return strings.Repeat("0", max(0, 4-len(s))) + s
}
