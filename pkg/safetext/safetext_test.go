package safetext

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Staff Engineer", "Staff Engineer"},
		{"Ana Souza · Jiménez 李", "Ana Souza · Jiménez 李"},
		{"\x1b]0;pwned\x07Title", `\x1b]0;pwned\aTitle`},
		{"\x1b[2Jcleared", `\x1b[2Jcleared`},
		{"ok\rfake", `ok\rfake`},
		{"two\nlines", `two\nlines`},
		{"a\tb", "a b"},
		{"del\x7f", `del\u007f`},
		{"nul\x00", `nul\x00`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"rtl \u202egnp.exe", `rtl \u202egnp.exe`},
		{"isolate \u2066x\u2069", `isolate \u2066x\u2069`},
		{"marks \u200ex\u200fy\u061cz", `marks \u200ex\u200fy\u061cz`},
		{"sep\u2028x", `sep\u2028x`},
		{"bad \xff utf8", `bad \xff utf8`},
		{"", ""},
	} {
		if got := Line(tc.in); got != tc.want {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\nb", "a\nb"},
		{"a\r\nb", "a\nb"},
		{"a\rb", `a\rb`},
		{"one\n\x1b[31mtwo", "one\n\\x1b[31mtwo"},
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plans/ana.md", "plans/ana.md"},
		{"plan[12].md", "plan[12].md"},
		{"my plan.md", "my plan.md"},
		{"a\n::error file=x::pwned.md", `"a\n::error file=x::pwned.md"`},
		{"quote\"and\\\x1b.md", `"quote\"and\\\x1b.md"`},
		{"tab\t.md", `"tab\t.md"`},
	} {
		if got := Name(tc.in); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"roadmap.md", "roadmap.md"},
		{"plans/ana-2026.md", "plans/ana-2026.md"},
		{"$(touch PWNED).md", "'$(touch PWNED).md'"},
		{"it's.md", `'it'\''s.md'`},
		{"-rf.md", "./-rf.md"},
		{"-x y.md", "./'-x y.md'"},
		{"a\nb.md", `$'a\nb.md'`},
		{"it's\x1b.md", `$'it\'s\x1b.md'`},
		{"", "''"},
	} {
		if got := ShellQuote(tc.in); got != tc.want {
			t.Errorf("ShellQuote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The quoted names are the names: a shell given `printf %s QUOTED` prints
// the original bytes.
func TestShellQuoteRoundTrip(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	for _, name := range []string{"$(touch PWNED).md", "it's.md", "a\nb.md", "x\x1b]0;t\a.md", "\\'\"`.md", "sp ace"} {
		out, err := exec.Command(bash, "-c", "printf %s "+ShellQuote(name)).Output()
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if string(out) != name {
			t.Errorf("bash read %q back as %q", name, out)
		}
	}
}

func TestLineDoesNotAllocateForSafeText(t *testing.T) {
	s := strings.Repeat("Staff Software Engineer at Datadog · ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = Line(s) }); n != 0 {
		t.Errorf("Line allocated %v times for text with nothing to escape", n)
	}
}

// FuzzSanitize checks what every caller relies on: the output of Line and
// Name holds no control character, separator, bidirectional control or
// invalid UTF-8, whatever the input; Text keeps the line count of LF
// text; text with nothing to escape passes through unchanged; and Writer,
// however the input is split across writes, lets through only line
// breaks, tabs and its own marker's escape.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "a\rb\nc", "\u202e\u2066\xff\xc2", "\x9b\u0085", "\x00\x00\r\r\n"} {
		f.Add(s, uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint16) {
		var whole, split bytes.Buffer
		w1, w2 := NewWriter(&whole), NewWriter(&split)
		w2.marker = w1.marker
		_, _ = w1.Write([]byte(s))
		_ = w1.Flush()
		at := int(cut) % (len(s) + 1)
		_, _ = w2.Write([]byte(s[:at]))
		_, _ = w2.Write([]byte(s[at:]))
		_ = w2.Flush()
		if whole.String() != split.String() {
			t.Fatalf("Writer(%q) split at %d: %q, whole: %q", s, at, split.String(), whole.String())
		}
		streamed := strings.ReplaceAll(whole.String(), "\r\n", "\n")
		streamed = strings.ReplaceAll(streamed, "\t", " ")
		if i := firstUnsafe(streamed, true); i >= 0 {
			t.Fatalf("Writer(%q) = %q: unsafe at byte %d", s, whole.String(), i)
		}
		for name, out := range map[string]string{"Line": Line(s), "Name": Name(s), "ShellQuote": ShellQuote(s)} {
			if i := firstUnsafe(out, false); i >= 0 {
				t.Fatalf("%s(%q) = %q: unsafe at byte %d", name, s, out, i)
			}
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q: not UTF-8", name, s, out)
			}
		}
		txt := Text(s)
		if i := firstUnsafe(txt, true); i >= 0 {
			t.Fatalf("Text(%q) = %q: unsafe at byte %d", s, txt, i)
		}
		if norm := strings.ReplaceAll(s, "\r\n", "\n"); strings.Count(txt, "\n") != strings.Count(norm, "\n") {
			t.Fatalf("Text(%q) = %q: line count changed", s, txt)
		}
		if Safe(s) && (Line(s) != s || Name(s) != s) {
			t.Fatalf("safe text %q was changed", s)
		}
	})
}

func TestWriter(t *testing.T) {
	var out strings.Builder
	w := NewWriter(&out)
	m := w.Marker()
	for _, chunk := range []string{
		"Title: \x1b]0;pwned\x07", " ok\r\n",
		"owner\rfake\n",
		m + "[1mbold" + m[:5], m[5:] + "[0m\n",
		"split \xe6", "\x9d\x8e rune\n",
		"tab\tstays\n",
		"cr at the end\r", "\n",
		"\x00" + "0000000000000000[31mforged\n",
	} {
		if _, err := w.Write([]byte(chunk)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Write([]byte("dangling\xe6")); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "Title: \\x1b]0;pwned\\a ok\r\n" +
		"owner\\rfake\n" +
		"\x1b[1mbold\x1b[0m\n" +
		"split 李 rune\n" +
		"tab\tstays\n" +
		"cr at the end\r\n" +
		"\\x000000000000000000[31mforged\n" +
		"dangling\\xe6"
	if got := out.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// JSON keeps its meaning through the writer: encoders escape control
// characters themselves, and what the writer escapes (DEL, C1, bidi
// controls) it writes as JSON escapes.
func TestWriterKeepsJSON(t *testing.T) {
	v := map[string]string{"title": "a\x7fb\u0085c\u202ed\x1b[2J\u2028e\"\\"}
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := NewWriter(&out)
	if _, err := w.Write(raw); err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(out.Bytes(), "\x7f\u0085\u202e") {
		t.Errorf("raw controls left: %q", out.Bytes())
	}
	var back map[string]string
	if err := json.Unmarshal(out.Bytes(), &back); err != nil || back["title"] != v["title"] {
		t.Errorf("JSON changed: %q (%v)", out.Bytes(), err)
	}
}
