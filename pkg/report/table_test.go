package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

var sample = Table{
	Headers: []string{"level", "title", "scope"},
	Rows: [][]string{
		{"entry", "Engineer I", "Tasks inside one component"},
		{"mid", "a | b", `pipe at end |`},
		{"odd", `back\slash \| mixed`, "||"},
		{"multi", "line one\nline two", ""},
		{"short"},
	},
}

var (
	rowRe  = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRe = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
)

// renderGFM renders Markdown with GitHub's table extension and returns the
// cells of every table row, as text.
func renderGFM(t *testing.T, md string) [][]string {
	t.Helper()
	gm := goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	var out bytes.Buffer
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, r := range rowRe.FindAllStringSubmatch(out.String(), -1) {
		var cells []string
		for _, c := range cellRe.FindAllStringSubmatch(r[1], -1) {
			cells = append(cells, html.UnescapeString(strings.ReplaceAll(c[1], "<br>", "\n")))
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestMarkdownParsesAsGFMTable(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.Render(&buf, FormatMarkdown, TableOptions{}); err != nil {
		t.Fatal(err)
	}
	rows := renderGFM(t, buf.String())
	if len(rows) != len(sample.Rows)+1 {
		t.Fatalf("want %d rows, got %d:\n%s", len(sample.Rows)+1, len(rows), buf.String())
	}
	want := append([][]string{sample.Headers}, sample.Rows...)
	for i, r := range rows {
		if len(r) != len(sample.Headers) {
			t.Errorf("row %d has %d cells, want %d: %q\n%s", i, len(r), len(sample.Headers), r, buf.String())
			continue
		}
		for j, cell := range r {
			exp := ""
			if j < len(want[i]) {
				exp = want[i][j]
			}
			if strings.TrimSpace(cell) != strings.TrimSpace(exp) {
				t.Errorf("row %d cell %d = %q, want %q", i, j, cell, exp)
			}
		}
	}
}

func TestEscapeMarkdownCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain":       "plain",
		"a|b":         `a\|b`,
		`a\b`:         `a\\b`,
		"one\ntwo":    "one<br>two",
		"  padded  ":  "padded",
		"x\r\ny":      "x<br>y",
		`tail\`:       `tail\\`,
		`\|`:          `\\\|`,
		"$1 - $2 | 3": `$1 - $2 \| 3`,
	} {
		if got := EscapeMarkdownCell(in); got != want {
			t.Errorf("EscapeMarkdownCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextPipedIsPlainASCII(t *testing.T) {
	long := strings.Repeat("word ", 60)
	tbl := Table{Headers: []string{"a", "b"}, Rows: [][]string{{"x", long}}}
	var buf bytes.Buffer
	if err := tbl.Render(&buf, FormatTable, TableOptions{TTY: false, Width: 40}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, r := range out {
		if r > 127 {
			t.Fatalf("non-ASCII %q in piped output:\n%s", r, out)
		}
	}
	if !strings.Contains(out, strings.TrimSpace(long)) {
		t.Errorf("piped output must not wrap cells:\n%s", out)
	}
	if !strings.HasPrefix(out, "+--") {
		t.Errorf("want ASCII borders:\n%s", out)
	}
}

func TestTextOnTerminalWrapsToWidth(t *testing.T) {
	tbl := Table{
		Headers: []string{"level", "scope", "salary"},
		Rows: [][]string{
			{"entry", strings.Repeat("owns small tasks ", 20), "$79,850 - $103,050"},
			{"mid", "averyveryveryveryveryveryveryveryveryveryveryverylongword", "x"},
		},
	}
	for _, width := range []int{60, 80, 120} {
		var buf bytes.Buffer
		if err := tbl.Render(&buf, FormatTable, TableOptions{TTY: true, Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
			if n := utf8.RuneCountInString(line); n > width {
				t.Errorf("width %d: line of %d columns:\n%s", width, n, buf.String())
				break
			}
		}
		if !strings.Contains(buf.String(), "$79,850 - $103,050") {
			t.Errorf("width %d: short cell was wrapped:\n%s", width, buf.String())
		}
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"a b c", 3, []string{"a b", "c"}},
		{"abcdefgh", 3, []string{"abc", "def", "gh"}},
		{"x\ny", 10, []string{"x", "y"}},
		{"", 5, []string{""}},
		{"one two", 0, []string{"one two"}},
	}
	for _, c := range cases {
		if got := Wrap(c.in, c.width); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestFitWidths(t *testing.T) {
	h := []string{"a", "b"}
	rows := [][]string{{"xx", strings.Repeat("y", 100)}}
	w := FitWidths(h, rows, 50)
	if w[0] != 2 || w[0]+w[1]+7 > 50 {
		t.Errorf("widths = %v", w)
	}
	if w := FitWidths(h, [][]string{{"x", "y"}}, 50); w[0] != 1 || w[1] != 1 {
		t.Errorf("natural widths should be kept: %v", w)
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := sample.Render(&buf, FormatCSV, TableOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(sample.Rows)+1 || recs[2][1] != "a | b" || recs[4][1] != "line one\nline two" || len(recs[5]) != 3 {
		t.Errorf("csv round trip: %q", recs)
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, map[string]string{"a": "<b> & c"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"<b> & c"`) || !strings.HasSuffix(buf.String(), "}\n") {
		t.Errorf("json = %s", buf.String())
	}
	var v map[string]string
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := sample.Render(&bytes.Buffer{}, "yaml", TableOptions{}); err == nil {
		t.Error("want an error for an unknown format")
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://evil","x")`: `'=HYPERLINK("http://evil","x")`,
		"+1+2":                          "'+1+2", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"-": "-", "-5": "-5", "+44": "+44", "Staff": "Staff", "": "",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	if got := MarkdownText(`<img src=x onerror=alert(1)> & co`); got != `&lt;img src=x onerror=alert(1)&gt; &amp; co` {
		t.Errorf("MarkdownText: %q", got)
	}
	if got := EscapeMarkdownCell("<script>|x\ny"); got != `&lt;script&gt;\|x<br>y` {
		t.Errorf("EscapeMarkdownCell: %q", got)
	}
	for in, want := range map[string]string{"plan.md": "`plan.md`", "a`b.md": "`` a`b.md ``", "x``y": "``` x``y ```"} {
		if got := MarkdownCode(in); got != want {
			t.Errorf("MarkdownCode(%q) = %q, want %q", in, got, want)
		}
	}
}
