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
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
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
func (t Table) Render(w io.Writer, format string, opts TableOptions) error {
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
// it is doubled); line breaks become <br> because a cell is one line.
func EscapeMarkdownCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, "<br>")
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
	if err := cw.Write(pad(t.Headers, n)); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(pad(r, n)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes v as indented JSON with a trailing newline, without
// HTML escaping (so "<" and "&" stay readable).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
