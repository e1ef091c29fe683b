package lsp

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// indepPos is the protocol position of byte offset off in s, counted
// apart from text's index: lines split on "\n", "\r\n" and "\r".
func indepPos(s string, off int) Position {
	line, start := 0, 0
	for _, l := range splitKeep(s) {
		if start+len(strings.TrimRight(l, "\r\n")) >= off || l == "" {
			break
		}
		if start+len(l) > off { // inside the line ending
			off = start + len(strings.TrimRight(l, "\r\n"))
			break
		}
		start += len(l)
		line++
	}
	return Position{Line: line, Character: len(utf16.Encode([]rune(s[start:off])))}
}

func randomText(rng *rand.Rand) string {
	parts := []string{"a", "b", " ", "é", "目", "標", "🚀", "👩‍💻", "\n", "\r\n", "\r", "---", "#"}
	var b strings.Builder
	for i := rng.Intn(40); i > 0; i-- {
		b.WriteString(parts[rng.Intn(len(parts))])
	}
	return b.String()
}

// Every rune boundary maps to the position an editor counts and back.
func TestTextPositionsMatchAnEditorsCount(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for trial := 0; trial < 3000; trial++ {
		s := randomText(rng)
		tx := newText([]byte(s))
		for off := 0; off <= len(s); off++ {
			if off < len(s) && !utf8.RuneStart(s[off]) {
				continue
			}
			want := indepPos(s, off)
			if got := tx.position(off); got != want {
				t.Fatalf("%q: position(%d) = %+v, want %+v", s, off, got, want)
			}
			// A position maps back to the offset unless the offset is
			// inside a line ending (\r of \r\n).
			if back := tx.offset(want); back != off && !(off > 0 && s[off-1] == '\r' && off < len(s) && s[off] == '\n') {
				t.Fatalf("%q: offset(%+v) = %d, want %d", s, want, back, off)
			}
		}
	}
}

// Incremental changes give the text an editor has after the same edits.
func TestTextReplaceMatchesAnEditor(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	for trial := 0; trial < 2000; trial++ {
		s := randomText(rng)
		tx := newText([]byte(s))
		for k := 0; k < 5; k++ {
			a, b := rng.Intn(len(s)+1), rng.Intn(len(s)+1)
			for a > 0 && a < len(s) && !utf8.RuneStart(s[a]) {
				a--
			}
			for b > 0 && b < len(s) && !utf8.RuneStart(s[b]) {
				b--
			}
			if a > b {
				a, b = b, a
			}
			e := TextEdit{Range: Range{Start: indepPos(s, a), End: indepPos(s, b)}, NewText: randomText(rng)}
			want := applyUTF16(s, []TextEdit{e})
			tx.replace(e.Range, e.NewText)
			if string(tx.b) != want {
				t.Fatalf("replace %+v in %q: got %q, want %q", e, s, tx.b, want)
			}
			s = want
			if tx2 := newText(tx.b); len(tx2.starts) != len(tx.starts) {
				t.Fatalf("line index out of date after replace")
			}
		}
	}
}

// A position past the end of a line, or inside a surrogate pair, clamps.
func TestTextClamps(t *testing.T) {
	tx := newText([]byte("a🚀b\r\nxy"))
	for _, c := range []struct {
		p    Position
		want int
	}{
		{Position{0, 2}, 1},  // inside 🚀: its start
		{Position{0, 3}, 5},  // after it
		{Position{0, 99}, 6}, // past the line: its end, before \r\n
		{Position{5, 0}, 10}, // past the last line: the end
		{Position{-1, 0}, 0},
	} {
		if got := tx.offset(c.p); got != c.want {
			t.Errorf("offset(%+v) = %d, want %d", c.p, got, c.want)
		}
	}
	// Finding columns count runes after a BOM; the editor counts the BOM.
	bom := newText([]byte("\xEF\xBB\xBF---\ntitle: 🚀x\n"))
	if got := bom.runePosition(1, 1); got != (Position{0, 1}) {
		t.Errorf("line 1 col 1 after a BOM: %+v", got)
	}
	if got := bom.runePosition(2, 9); got != (Position{1, 9}) {
		t.Errorf("line 2 col 9 after 🚀: %+v, want character 9", got)
	}
	if l, c := bom.runeColumn(Position{1, 9}); l != 2 || c != 9 {
		t.Errorf("runeColumn = %d:%d", l, c)
	}
}
