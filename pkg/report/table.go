// Package report renders command output. table.go is the one place that
// uses tablewriter: a small table renderer for the table, markdown and csv
// formats, plus the JSON writer every command shares.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Output formats for tabular data.
const (
	FormatTable    = "table"
	FormatMarkdown = "markdown"
	FormatCSV      = "csv"
	FormatJSON     = "json"
)

// TableFormats are the formats every tabular command accepts.
var TableFormats = []string{FormatTable, FormatMarkdown, FormatCSV, FormatJSON}

// Table is a header row and data rows of plain-text cells.
type Table struct {
	Headers []string
	Rows    [][]string
}

// TableOptions says where the table goes.
type TableOptions struct {
	// TTY: a person reads it on a terminal. Long cells are wrapped to
	// Width and the borders use box-drawing characters; otherwise the
	// output is plain ASCII and never wrapped.
	TTY   bool
	Width int
}

// OptionsFor reads the terminal facts from the command's streams.
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
	out := Table{Headers: make([]string, len(t.Headers)), Rows: make([][]string, len(t.Rows))}
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

func (t Table) writeText(w io.Writer, opts TableOptions) error {
	n := t.width()
	headers := pad(t.Headers, n)
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = pad(r, n)
	}
	style := tw.StyleASCII
	if opts.TTY {
		style = tw.StyleLight
		if opts.Width > 0 {
			widths := FitWidths(headers, rows, opts.Width)
			headers = wrapRow(headers, widths)
			for i, r := range rows {
				rows[i] = wrapRow(r, widths)
			}
		}
	}
	tbl := newTable(w, renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(style)}))
	tbl.Header(toAny(headers)...)
	for _, r := range rows {
		if err := tbl.Append(r); err != nil {
			return err
		}
	}
	return tbl.Render()
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func wrapRow(row []string, widths []int) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i] = strings.Join(Wrap(c, widths[i]), "\n")
	}
	return out
}

// FitWidths chooses column widths so that a bordered table of these cells
// fits in total terminal columns: narrow columns keep their natural width,
// the rest share what is left. No column is squeezed below 8 (or its
// natural width when that is smaller), so a very narrow terminal still
// overflows rather than producing an unreadable table.
func FitWidths(headers []string, rows [][]string, total int) []int {
	n := len(headers)
	natural := make([]int, n)
	measure := func(r []string) {
		for i := 0; i < n && i < len(r); i++ {
			for _, line := range strings.Split(r[i], "\n") {
				natural[i] = max(natural[i], utf8.RuneCountInString(line))
			}
		}
	}
	measure(headers)
	for _, r := range rows {
		measure(r)
	}
	avail := total - (3*n + 1) // "| " + " | " between + " |"
	sum := 0
	for _, w := range natural {
		sum += w
	}
	if sum <= avail || n == 0 {
		return natural
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return natural[order[a]] < natural[order[b]] })
	widths := make([]int, n)
	remaining := avail
	for k, col := range order {
		share := remaining / (n - k)
		w := natural[col]
		if w > share {
			w = max(share, min(natural[col], 8))
		}
		widths[col] = w
		remaining -= w
	}
	return widths
}

// Wrap breaks s into lines of at most width runes, at spaces where it can
// and inside words only when a word is longer than the line. Existing line
// breaks are kept.
func Wrap(s string, width int) []string {
	if width <= 0 {
		return strings.Split(s, "\n")
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line := ""
		for _, word := range words {
			for utf8.RuneCountInString(word) > width {
				if line != "" {
					out = append(out, line)
					line = ""
				}
				r := []rune(word)
				out = append(out, string(r[:width]))
				word = string(r[width:])
			}
			switch {
			case word == "":
			case line == "":
				line = word
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= width:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		if line != "" {
			out = append(out, line)
		}
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

// WriteJSON writes v as indented JSON with a trailing newline, without
// HTML escaping (so "<" and "&" stay readable).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
