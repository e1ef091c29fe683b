package review

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"append a line", "a\nb\nc\n", "a\nb\nc\nd\n", "--- old\n+++ new\n@@ -1,3 +1,4 @@\n a\n b\n c\n+d\n"},
		{"change in the middle, context 3", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nX\n6\n7\n8\n9\n",
			"--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "X\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nY\n",
			"--- old\n+++ new\n@@ -1,4 +1,4 @@\n-1\n+X\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+Y\n"},
		{"changes six lines apart share a hunk", "1\n2\n3\n4\n5\n6\n7\n8\n", "X\n2\n3\n4\n5\n6\n7\nY\n",
			"--- old\n+++ new\n@@ -1,8 +1,8 @@\n-1\n+X\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n"},
		{"insert at the top", "a\n", "z\na\n", "--- old\n+++ new\n@@ -1 +1,2 @@\n+z\n a\n"},
		{"from empty", "", "a\nb\n", "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n"},
		{"to empty", "a\n", "", "--- old\n+++ new\n@@ -1 +0,0 @@\n-a\n"},
		{"no newline at end, line added", "a\nb", "a\nb\nc\n",
			"--- old\n+++ new\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"},
		{"no newline at end on both", "a\nb", "a\nc",
			"--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"CRLF lines keep their CR", "a\r\nb\r\n", "a\r\nB\r\n", "--- old\n+++ new\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := UnifiedDiff("old", "new", []byte(tt.a), []byte(tt.b), 3)
			if got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
			if got != "" {
				if applied := applyDiff(t, tt.a, got); applied != tt.b {
					t.Errorf("applying the diff gives %q, want %q", applied, tt.b)
				}
			}
		})
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyDiff applies a unified diff to a, checking every context and
// deleted line and every hunk's counts on the way.
func applyDiff(t *testing.T, a, diff string) string {
	t.Helper()
	old := splitLines([]byte(a))
	lines := strings.SplitAfter(diff, "\n")
	if !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		t.Fatalf("no headers: %q", diff)
	}
	var out []string
	at := 0 // next old line to copy
	k := 2
	for k < len(lines) && lines[k] != "" {
		m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(lines[k], "\n"))
		if m == nil {
			t.Fatalf("bad hunk header %q", lines[k])
		}
		num := func(s string, def int) int {
			if s == "" {
				return def
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		oldStart, oldLen, newLen := num(m[1], 0), num(m[2], 1), num(m[4], 1)
		first := oldStart - 1
		if oldLen == 0 {
			first = oldStart
		}
		if first < at {
			t.Fatalf("hunks overlap or go backwards at %q", lines[k])
		}
		out = append(out, old[at:first]...)
		at = first
		k++
		gotOld, gotNew := 0, 0
		for k < len(lines) && lines[k] != "" && !strings.HasPrefix(lines[k], "@@") {
			line := lines[k]
			body := line[1:]
			if k+1 < len(lines) && lines[k+1] == "\\ No newline at end of file\n" {
				body = strings.TrimSuffix(body, "\n")
				k++
			}
			switch line[0] {
			case ' ', '-':
				if at >= len(old) || old[at] != body {
					t.Fatalf("line %d: diff says %q, file has %q", at+1, body, old[min(at, len(old)-1)])
				}
				if line[0] == ' ' {
					out = append(out, body)
					gotNew++
				}
				at++
				gotOld++
			case '+':
				out = append(out, body)
				gotNew++
			default:
				t.Fatalf("bad diff line %q", line)
			}
			k++
		}
		if gotOld != oldLen || gotNew != newLen {
			t.Fatalf("hunk counts -%d +%d, lines -%d +%d", oldLen, newLen, gotOld, gotNew)
		}
	}
	out = append(out, old[at:]...)
	return strings.Join(out, "")
}

// Random edits of random files: the diff always applies and gives b, and
// is never longer than deleting and inserting everything.
func TestUnifiedDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a\n", "b\n", "c\n", "d\n", "e\r\n", "f", "\n"}
	gen := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(words[r.IntN(len(words)-1)])
		}
		if r.IntN(4) == 0 {
			b.WriteString("tail")
		}
		return b.String()
	}
	for i := range 2000 {
		a := gen(r.IntN(30))
		b := []byte(a)
		// A few splices, as edits make.
		for range r.IntN(4) + 1 {
			at := 0
			if len(b) > 0 {
				at = r.IntN(len(b) + 1)
			}
			end := min(len(b), at+r.IntN(6))
			b = append(append(append([]byte{}, b[:at]...), gen(r.IntN(3))...), b[end:]...)
		}
		d := UnifiedDiff("a", "b", []byte(a), b, r.IntN(4))
		if (d == "") != (a == string(b)) {
			t.Fatalf("case %d: empty diff %v for a != b %v", i, d == "", a != string(b))
		}
		if d == "" {
			continue
		}
		if got := applyDiff(t, a, d); got != string(b) {
			t.Fatalf("case %d: applying gives %q, want %q\ndiff:\n%s", i, got, b, d)
		}
	}
}

// Past the exact search's limit the diff is coarser, never wrong.
func TestUnifiedDiffLarge(t *testing.T) {
	var a, b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&a, "line %d\n", i)
		fmt.Fprintf(&b, "line %d\n", (i*7919)%5000)
	}
	d := UnifiedDiff("a", "b", []byte(a.String()), []byte(b.String()), 3)
	if got := applyDiff(t, a.String(), d); got != b.String() {
		t.Fatal("large diff does not apply")
	}
}

// patch(1) agrees, where it is installed.
func TestUnifiedDiffAppliesWithPatch(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch is not installed")
	}
	dir := t.TempDir()
	a := "one\r\ntwo\r\nthree\r\nfour\r\nfive\r\nsix\r\nseven\r\neight"
	b := "one\r\n2\r\nthree\r\nfour\r\nfive\r\nsix\r\nseven\r\neight\r\nnine\r\n"
	file := filepath.Join(dir, "r.md")
	if err := os.WriteFile(file, []byte(a), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(patch, "--quiet", "--binary", file)
	cmd.Stdin = strings.NewReader(UnifiedDiff("a/r.md", "b/r.md", []byte(a), []byte(b), 3))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(file); string(got) != b {
		t.Errorf("patched file %q, want %q", got, b)
	}
}
