package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

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
	tbl := Table{Headers: []string{"a", "b"}, Rows: [][]string{{"x", long}}, Cols: []Col{{}, {Wrap: true}}}
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
	if !strings.HasPrefix(out, "+--") {
		t.Errorf("want ASCII borders:\n%s", out)
	}
	assertFits(t, out, 40)
}

// assertFits fails when a line of out is wider than width columns.
func assertFits(t *testing.T, out string, width int) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if n := Width(line); n > width {
			t.Errorf("a line of %d columns in %d:\n%s", n, width, out)
			return
		}
	}
}

// cjkTable is a roadmap's gap in Chinese and Japanese, with the ids,
// dates, paths and numbers that must come out whole.
var cjkTable = Table{
	Headers: []string{"dimension", "current", "target", "file"},
	Rows: [][]string{
		{"skills", "在一个服务内设计数据模型，并向团队解释取舍。", "跨三个团队主导 billing-migration 的设计评审，截止 2027-03-31。", "plans/李娜.md"},
		{"scope", "チームのコードベースの一つのコンポーネント内の小さなタスクとバグ修正。", "複数のチームにまたがるイニシアチブを所有し、15-1252 の基準で評価される。", "plans/佐藤.md"},
	},
	Cols: []Col{{}, {Wrap: true}, {Wrap: true}, {}},
}

func TestTextFitsDisplayWidth(t *testing.T) {
	tokens := []string{"billing-migration", "2027-03-31", "15-1252", "plans/李娜.md", "plans/佐藤.md", "skills", "scope"}
	for _, width := range []int{60, 80, 100, 120} {
		for _, tty := range []bool{true, false} {
			var buf bytes.Buffer
			if err := cjkTable.Render(&buf, FormatTable, TableOptions{TTY: tty, Width: width}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			assertFits(t, out, width)
			for _, tok := range tokens {
				if !strings.Contains(out, tok) {
					t.Errorf("width %d: %q was broken or lost:\n%s", width, tok, out)
				}
			}
		}
	}
}

func TestTextOnTerminalWrapsToWidth(t *testing.T) {
	tbl := Table{
		Headers: []string{"level", "scope", "salary"},
		Rows: [][]string{
			{"entry", strings.Repeat("owns small tasks ", 20), "$79,850 - $103,050"},
			{"mid", "a word of averyveryveryverylongword", "x"},
		},
		Cols: []Col{{}, {Wrap: true}, {Wrap: true}},
	}
	for _, width := range []int{60, 80, 120} {
		var buf bytes.Buffer
		if err := tbl.Render(&buf, FormatTable, TableOptions{TTY: true, Width: width}); err != nil {
			t.Fatal(err)
		}
		assertFits(t, buf.String(), width)
		for _, tok := range []string{"$79,850", "$103,050", "averyveryveryverylongword"} {
			if !strings.Contains(buf.String(), tok) {
				t.Errorf("width %d: %q was broken:\n%s", width, tok, buf.String())
			}
		}
	}
}

// TestDropThenBlocks: too narrow a terminal loses the least important
// columns first and says so under the table; when even the kept columns
// cannot fit, every record is a block and nothing is lost.
func TestDropThenBlocks(t *testing.T) {
	row := []string{"software-engineer/staff", strings.Repeat("leads initiatives across teams ", 4),
		strings.Repeat("a design doc adopted by two teams ", 4), "2027-06-30"}
	tbl := Table{Headers: []string{"level", "scope", "milestones", "due"}, Rows: [][]string{row, row},
		Cols: []Col{{}, {Wrap: true}, {Wrap: true, Drop: 1}, {}}, All: "--format csv shows every column"}
	render := func(width int) string {
		var buf bytes.Buffer
		if err := tbl.Render(&buf, FormatTable, TableOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		assertFits(t, buf.String(), width)
		return buf.String()
	}
	if out := render(120); strings.Contains(out, "Left out") || !strings.Contains(out, "| milestones") {
		t.Errorf("120 columns fit every column:\n%s", out)
	}
	out := render(70)
	if strings.Contains(out, "milestones |") || !strings.Contains(strings.ReplaceAll(out, "\n", " "), "Left out to fit 70 columns: milestones (--format csv shows every column).") {
		t.Errorf("70 columns: milestones left out, and said so:\n%s", out)
	}
	out = render(50)
	if strings.Contains(out, "+--") || !strings.Contains(out, "level       software-engineer/staff\n") ||
		!strings.Contains(out, "milestones  a design doc") || strings.Count(out, "due         2027-06-30") != 2 {
		t.Errorf("50 columns: one block per record, every field:\n%s", out)
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"a b c", 3, []string{"a b", "c"}},
		{"abcdefgh ij", 3, []string{"abcdefgh", "ij"}}, // a word is never broken
		{"see software-engineer/senior now", 10, []string{"see", "software-engineer/senior", "now"}},
		{"x\ny", 10, []string{"x", "y"}},
		{"", 5, []string{""}},
		{"one two", 0, []string{"one two"}},
		{"数据模型设计", 4, []string{"数据", "模型", "设计"}},         // CJK breaks between characters, two columns each
		{"设计评审。下一步", 6, []string{"设计评", "审。下", "一步"}},     // 。 never starts a line
		{"主导「迁移」项目", 6, []string{"主导", "「迁", "移」项", "目"}}, // 「 never ends a line, 」 never starts one
		{"用Kafka构建", 6, []string{"用", "Kafka", "构建"}},     // a Latin word inside CJK stays whole
		{"2026年11月", 6, []string{"2026年", "11月"}},
	}
	for _, c := range cases {
		if got := Wrap(c.in, c.width); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "李娜": 4, "チーム": 6, "e\u0301": 1, "\x1b[31mred\x1b[0m": 3} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
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
