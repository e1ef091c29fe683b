package report

import (
	"strings"
	"unicode"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Width is the number of terminal columns s takes: East Asian wide
// characters count two, combining marks none, ANSI escapes none. It is
// the measure tablewriter pads with, so fitted tables line up.
func Width(s string) int { return twwidth.Width(s) }

// piece is a unit of text a line may not break inside: a word, or one
// CJK character with the punctuation that must stay beside it.
type piece struct {
	text  string
	space bool // a space separates it from the piece before
}

// pieces splits a paragraph where a line may break: at spaces, and
// beside CJK characters (which are written without spaces), but never
// before closing punctuation or after opening punctuation, and never
// inside a run of other characters: an id, a date, a path or a number
// is one piece.
func pieces(para string) []piece {
	var out []piece
	for _, word := range strings.Fields(para) {
		start, space := 0, true
		var prev rune
		for i, r := range word {
			if i > 0 && breakBetween(prev, r) {
				out = append(out, piece{word[start:i], space})
				start, space = i, false
			}
			prev = r
		}
		out = append(out, piece{word[start:], space})
	}
	return out
}

func breakBetween(a, b rune) bool {
	if !cjk(a) && !cjk(b) {
		return false
	}
	return !strings.ContainsRune(noLineStart, b) && !strings.ContainsRune(noLineEnd, a)
}

// cjk is true for the characters CJK text breaks between: ideographs,
// kana and the full-width forms and punctuation. Hangul is written with
// spaces between words and breaks there.
func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// Kinsoku: what may not start a line, and what may not end one.
const (
	noLineStart = "、。，．：；？！）」』】〕〉》〙〗〟ー・…‥々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;!?)]}%"
	noLineEnd   = "（「『【〔〈《〘〖〝([{"
)

// longestPiece is the width of the widest piece of s: the narrowest a
// column can be without breaking a word, an id or a number.
func longestPiece(s string) int {
	n := 0
	for _, para := range strings.Split(s, "\n") {
		for _, p := range pieces(para) {
			n = max(n, Width(p.text))
		}
	}
	return n
}

// widest is the width of the widest line of s.
func widest(s string) int {
	n := 0
	for _, line := range strings.Split(s, "\n") {
		n = max(n, Width(line))
	}
	return n
}

// Wrap breaks s into lines of at most width terminal columns, at spaces
// and beside CJK characters. A word, id, date, path or number is never
// broken: one wider than the line has a line of its own. Existing line
// breaks are kept; width <= 0 only splits at them.
func Wrap(s string, width int) []string {
	if width <= 0 {
		return strings.Split(s, "\n")
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		ps := pieces(para)
		if len(ps) == 0 {
			out = append(out, "")
			continue
		}
		line, w := "", 0
		for _, p := range ps {
			pw := Width(p.text)
			sep := 0
			if p.space {
				sep = 1
			}
			switch {
			case line == "":
				line, w = p.text, pw
			case w+sep+pw <= width:
				if sep == 1 {
					line += " "
				}
				line, w = line+p.text, w+sep+pw
			default:
				out = append(out, line)
				line, w = p.text, pw
			}
		}
		out = append(out, line)
	}
	return out
}

// Hanging writes prefix and text wrapped to width, continuation lines
// indented under the text. When the prefix leaves the text less than
// 20 columns, the prefix gets its own line(s) and the text follows,
// indented two more than the prefix.
func Hanging(b *strings.Builder, prefix, text string, width int) {
	pw := Width(prefix)
	indent := strings.Repeat(" ", pw)
	avail := width - pw
	if width > 0 && avail < 20 {
		lead := len(prefix) - len(strings.TrimLeft(prefix, " "))
		for _, l := range Wrap(strings.TrimSpace(prefix), width-lead) {
			b.WriteString(prefix[:lead] + l + "\n")
		}
		indent = strings.Repeat(" ", lead+2)
		avail = max(width-lead-2, 20)
		for _, l := range Wrap(text, avail) {
			b.WriteString(indent + l + "\n")
		}
		return
	}
	for i, l := range Wrap(text, avail) {
		if i == 0 {
			b.WriteString(prefix + l + "\n")
		} else {
			b.WriteString(indent + l + "\n")
		}
	}
}

// Item is one line of a text report that may wrap: a prefix (a number,
// a checkbox, a label), then prose wrapped under itself, as plan, show and
// review print actions, notes and questions.
type Item struct {
	Prefix string
	// PrefixWidth is the prefix's width in columns; 0 measures it. A
	// coloured prefix passes its width without the escapes.
	PrefixWidth int
	Text        string
	// Style, when set, is applied to each line of the text.
	Style func(string) string
	// Ref, when set, follows the text two spaces after its last line where
	// it fits, else on a line of its own under the text: a line number
	// ("L52") or a parenthesised aside. RefWidth is its width (0 measures).
	Ref      string
	RefWidth int
}

// Lines lays the item out for a terminal width columns wide: the text
// wraps a column short of the width (a line exactly as wide as the
// terminal wraps in some), never inside a word, id, date or number. When
// the prefix leaves the text less than 30 columns, the prefix has a line
// of its own and the text follows indented six, unless the text fits
// beside it whole. width <= 0 wraps nothing.
func (it Item) Lines(width int) []string {
	style := it.Style
	if style == nil {
		style = func(s string) string { return s }
	}
	pw := it.PrefixWidth
	if pw == 0 {
		pw = Width(it.Prefix)
	}
	rw := it.RefWidth
	if rw == 0 {
		rw = Width(it.Ref)
	}
	if width <= 0 {
		l := it.Prefix + style(it.Text)
		if it.Ref != "" {
			l += "  " + it.Ref
		}
		return []string{l}
	}
	var out []string
	avail := width - 1 - pw
	indent := strings.Repeat(" ", pw)
	first := true
	if avail < 30 && Width(it.Text)+rwIfRef(it.Ref, rw) > avail {
		out = append(out, strings.TrimRight(it.Prefix, " "))
		first = false
		indent, avail = "      ", width-7
	}
	avail = max(avail, 20)
	lastWidth := 0
	for _, l := range Wrap(it.Text, avail) {
		lead := indent
		if first {
			lead, first = it.Prefix, false
		}
		out = append(out, lead+style(l))
		lastWidth = Width(l)
	}
	if it.Ref != "" {
		if lastWidth+2+rw <= avail {
			out[len(out)-1] += "  " + it.Ref
		} else {
			out = append(out, indent+it.Ref)
		}
	}
	return out
}

// rwIfRef is the room a reference takes after the text: two spaces and it.
func rwIfRef(ref string, rw int) int {
	if ref == "" {
		return 0
	}
	return 2 + rw
}
