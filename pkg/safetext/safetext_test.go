package safetext

import (
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
		{"del\x7f", `del\x7f`},
		{"nul\x00", `nul\x00`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"rtl \u202egnp.exe", `rtl \u202egnp.exe`},
		{"isolate \u2066x\u2069", `isolate \u2066x\u2069`},
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
// text; and text with nothing to escape passes through unchanged.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "a\rb\nc", "\u202e\u2066\xff\xc2", "\x9b\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
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
