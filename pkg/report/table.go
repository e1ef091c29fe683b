// Package report renders command output. table.go is the one place that
// uses tablewriter: a small table renderer for the table, markdown and csv
// formats, plus the JSON writer every command shares.
package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/jsonout"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Table is a header row and data rows of plain-text cells. Headers are
// lowercase in every table of every command (one case, a test in
// pkg/cli holds it).
type Table struct {
	Headers []string
	Rows    [][]string
	// Cols says how each column fits a terminal; a column without an
	// entry holds tokens (ids, dates, paths, numbers) and is kept.
	Cols []Col
	// All says how to see every column when some were left out to fit,
	// e.g. "--format csv shows every column".
	All string
}

// Col says how a column of a text table fits the terminal.
type Col struct {
	// Wrap marks prose: its cells break across lines at spaces (and
	// beside CJK characters), never inside a word. Other columns hold
	// ids, dates, paths and numbers and are never broken.
	Wrap bool
	// Drop is the order in which the column is left out when even
	// wrapped prose cannot fit: 1 first, then 2, …; 0 is never left out.
	// When the kept columns still do not fit, every record is printed as
	// a block of "header  value" lines instead.
	Drop int
}

// proseMin is the narrowest a prose column is squeezed to: narrower,
// a sentence becomes a word per line and is better printed as a block.
const proseMin = 14

// TableOptions says where the table goes.
type TableOptions struct {
	// TTY: a person reads it on a terminal: box-drawing borders;
	// otherwise plain ASCII.
	TTY bool
	// Width is the columns to fit, on a terminal or piped (0: no
	// fitting, as for Markdown and CSV).
	Width int
}

// OptionsFor reads the terminal facts from the command's streams: the
// same width rule for every command, piped or not (iostreams).
func OptionsFor(ios *iostreams.IOStreams) TableOptions {
	return TableOptions{TTY: ios.IsStdoutTTY(), Width: ios.TerminalWidth()}
}

// Render writes t as FormatTable, FormatMarkdown or FormatCSV. JSON has no
// generic table shape: commands build their own value and call WriteJSON.
//
// Cells are text from files: every format makes them safe to print first
// (safetext.Text: control characters escaped, line breaks kept), so
// widths are measured on what is shown.
func (t Table) Render(w io.Writer, format string, opts TableOptions) error {
	t = t.sanitized()
	switch format {
	case FormatTable, "":
		return t.writeText(w, opts)
	case FormatMarkdown:
		return t.writeMarkdown(w)
	case FormatCSV:
		return t.writeCSV(w)
	}
	return fmt.Errorf("report: format %q is not a table format", format)
}

func (t Table) sanitized() Table {
	out := Table{Headers: make([]string, len(t.Headers)), Rows: make([][]string, len(t.Rows)), Cols: t.Cols, All: t.All}
	for i, h := range t.Headers {
		out.Headers[i] = safetext.Text(h)
	}
	for i, r := range t.Rows {
		row := make([]string, len(r))
		for j, c := range r {
			row[j] = safetext.Text(c)
		}
		out.Rows[i] = row
	}
	return out
}

func (t Table) width() int {
	n := len(t.Headers)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

func (t Table) col(i int) Col {
	if i < len(t.Cols) {
		return t.Cols[i]
	}
	return Col{}
}

// pad gives every row the same number of cells.
func pad(row []string, n int) []string {
	if len(row) >= n {
		return row
	}
	out := make([]string, n)
	copy(out, row)
	return out
}

func newTable(w io.Writer, r tw.Renderer) *tablewriter.Table {
	return tablewriter.NewTable(w,
		tablewriter.WithRenderer(r),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
}

// Layout is how a text table fits a width: which columns are shown and
// how wide, or Blocks when no table fits.
type Layout struct {
	Keep    []int // indexes of the columns shown, in order
	Widths  []int // the width of each kept column
	Dropped []int // indexes of the columns left out
	Blocks  bool  // print one record per block instead of a table
}

// Fit lays t out in total terminal columns (0: natural widths). Token
// columns keep their natural width; prose columns share the rest, each
// at least proseMin and its longest word, and get more room the more
// text they hold. When that does not fit, columns are dropped by Col.Drop;
// when the kept ones still do not fit, the layout is blocks.
func (t Table) Fit(total int) Layout {
	n := t.width()
	natural, minimum, weight := make([]int, n), make([]int, n), make([]int, n)
	cells := func(i int) []string {
		out := []string{pad(t.Headers, n)[i]}
		for _, r := range t.Rows {
			out = append(out, pad(r, n)[i])
		}
		return out
	}
	for i := 0; i < n; i++ {
		for _, c := range cells(i) {
			natural[i] = max(natural[i], widest(c))
			weight[i] += Width(c)
			if t.col(i).Wrap {
				minimum[i] = max(minimum[i], longestPiece(c))
			}
		}
		if t.col(i).Wrap {
			minimum[i] = max(minimum[i], min(natural[i], proseMin))
		} else {
			minimum[i] = natural[i]
		}
	}
	keep := make([]int, n)
	for i := range keep {
		keep[i] = i
	}
	if total <= 0 {
		return Layout{Keep: keep, Widths: natural}
	}
	var dropped []int
	for {
		avail := total - (3*len(keep) + 1) // "| " + " | " between + " |"
		need := 0
		for _, i := range keep {
			need += minimum[i]
		}
		if need <= avail {
			return Layout{Keep: keep, Widths: share(keep, natural, minimum, weight, avail), Dropped: dropped}
		}
		// Leave out the least important column still shown (the
		// rightmost of equal rank), or give up on a table.
		at := -1
		for k, i := range keep {
			if d := t.col(i).Drop; d > 0 && (at < 0 || d <= t.col(keep[at]).Drop) {
				at = k
			}
		}
		if at < 0 {
			all := make([]int, n)
			for i := range all {
				all[i] = i
			}
			return Layout{Keep: all, Blocks: true}
		}
		dropped = append(dropped, keep[at])
		keep = append(keep[:at:at], keep[at+1:]...)
	}
}

// share gives each kept column its minimum, then hands out what is left
// in proportion to the text each column holds, never beyond its natural
// width.
func share(keep, natural, minimum, weight []int, avail int) []int {
	widths := make([]int, len(keep))
	left := avail
	for k, i := range keep {
		widths[k] = minimum[i]
		left -= widths[k]
	}
	for left > 0 {
		total := 0
		for k, i := range keep {
			if widths[k] < natural[i] {
				total += max(weight[i], 1)
			}
		}
		if total == 0 {
			break
		}
		given := 0
		for k, i := range keep {
			if widths[k] >= natural[i] {
				continue
			}
			add := min(max(left*max(weight[i], 1)/total, 1), natural[i]-widths[k], left-given)
			widths[k] += add
			given += add
		}
		if given == 0 {
			break
		}
		left -= given
	}
	return widths
}

func (t Table) writeText(w io.Writer, opts TableOptions) error {
	n := t.width()
	layout := t.Fit(opts.Width)
	if layout.Blocks {
		return t.writeBlocks(w, opts.Width)
	}
	pick := func(r []string) []string {
		r = pad(r, n)
		out := make([]string, len(layout.Keep))
		for k, i := range layout.Keep {
			out[k] = r[i]
			if t.col(i).Wrap {
				out[k] = strings.Join(Wrap(r[i], layout.Widths[k]), "\n")
			}
		}
		return out
	}
	style := tw.StyleASCII
	if opts.TTY {
		style = tw.StyleLight
	}
	tbl := newTable(w, renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(style)}))
	header := pad(t.Headers, n)
	hcells := make([]string, len(layout.Keep))
	for k, i := range layout.Keep {
		hcells[k] = strings.Join(Wrap(header[i], layout.Widths[k]), "\n")
	}
	tbl.Header(toAny(hcells)...)
	for _, r := range t.Rows {
		if err := tbl.Append(pick(r)); err != nil {
			return err
		}
	}
	if err := tbl.Render(); err != nil {
		return err
	}
	if len(layout.Dropped) == 0 {
		return nil
	}
	var names []string
	for _, i := range layout.Dropped {
		names = append(names, header[i])
	}
	more := t.All
	if more == "" {
		more = "a wider terminal or COLUMNS shows them"
	}
	note := fmt.Sprintf("Left out to fit %d columns: %s (%s).", opts.Width, strings.Join(names, ", "), more)
	_, err := fmt.Fprintln(w, strings.Join(Wrap(note, opts.Width), "\n"))
	return err
}

// writeBlocks prints each record as "header  value" lines, values
// wrapped under themselves, records apart by a blank line: the form for
// a terminal too narrow for the table.
func (t Table) writeBlocks(w io.Writer, width int) error {
	n := t.width()
	headers := pad(t.Headers, n)
	label := 0
	for _, h := range headers {
		label = max(label, Width(h))
	}
	var b strings.Builder
	for k, r := range t.Rows {
		if k > 0 {
			b.WriteString("\n")
		}
		r = pad(r, n)
		for i, cell := range r {
			if strings.TrimSpace(cell) == "" {
				continue
			}
			prefix := headers[i] + strings.Repeat(" ", label-Width(headers[i])+2)
			Hanging(&b, prefix, cell, width)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// EscapeMarkdownCell makes text safe inside a GitHub-flavoured Markdown
// table cell: tablewriter's Markdown renderer does not escape the column
// separator, so `|` becomes `\|` (and a backslash that could combine with
// it is doubled); HTML is escaped (MarkdownText); line breaks become <br>
// because a cell is one line.
func EscapeMarkdownCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = MarkdownText(strings.TrimSpace(lines[i]))
	}
	return strings.Join(lines, "<br>")
}

// markdownHTML escapes what a Markdown renderer would pass through as
// HTML: a roadmap title of `<img src=x onerror=…>` stays text.
var markdownHTML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// MarkdownText makes text from a file safe to put in Markdown as text:
// raw HTML is escaped.
func MarkdownText(s string) string { return markdownHTML.Replace(s) }

// MarkdownCode writes s as a Markdown code span, with a fence of
// backticks longer than any run inside it, so no content can end the
// span early.
func MarkdownCode(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// CSVCell neutralises a cell a spreadsheet would run as a formula (one
// that starts with =, +, -, @, a tab or a carriage return) by putting a
// single quote in front, as OWASP advises for CSV injection. A lone "-"
// (the tables' "nothing here") and plain numbers stay as they are.
func CSVCell(s string) string {
	if s == "" || strings.IndexByte("=+-@\t\r", s[0]) < 0 || s == "-" {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

func (t Table) writeMarkdown(w io.Writer) error {
	n := t.width()
	esc := func(r []string) []string {
		r = pad(r, n)
		out := make([]string, n)
		for i, c := range r {
			out[i] = EscapeMarkdownCell(c)
			if out[i] == "" {
				out[i] = " "
			}
		}
		return out
	}
	tbl := newTable(w, renderer.NewMarkdown())
	tbl.Header(toAny(esc(t.Headers))...)
	for _, r := range t.Rows {
		if err := tbl.Append(esc(r)); err != nil {
			return err
		}
	}
	return tbl.Render()
}

func (t Table) writeCSV(w io.Writer) error {
	n := t.width()
	cw := csv.NewWriter(w)
	if err := cw.Write(csvRow(pad(t.Headers, n))); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(csvRow(pad(r, n))); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = CSVCell(c)
	}
	return out
}

// WriteJSON writes v as every command's --format json does: indented,
// with a trailing newline, "<" and "&" as written (see pkg/jsonout).
func WriteJSON(w io.Writer, v any) error { return jsonout.Write(w, v) }
