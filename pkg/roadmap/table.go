package roadmap

import "strings"

// A table (GitHub's pipe tables) is, to goldmark without the table
// extension, one paragraph whose lines are the rows. The few sections that
// people write as tables (a gap per dimension, bridge milestones,
// candidates) read it here: no extension parses every paragraph of every
// file for the rare one that is a table.

// table is a pipe table read from a paragraph: its header cells and its
// body rows, each cell an Item cut from the paragraph (positions kept).
type table struct {
	header []string // lower-cased, trimmed
	rows   [][]Item
	rowPos []Position // where each body row starts
}

// readTable reads a paragraph as a pipe table: a header row, a delimiter
// row (| --- | :-: |), then body rows. ok is false for any other paragraph.
func readTable(p Item) (table, bool) {
	var t table
	if p.Marker != "" || p.IsHeading() || p.loc == nil || len(p.loc.spans) < 3 || !strings.Contains(p.Text, "|") {
		return t, false
	}
	lines := make([]Item, 0, len(p.loc.spans))
	for _, sp := range p.loc.spans {
		lines = append(lines, p.Slice(sp.textStart, sp.textStart+sp.length))
	}
	if !isDelimiterRow(lines[1].Text) {
		return t, false
	}
	for _, c := range cells(lines[0]) {
		t.header = append(t.header, strings.ToLower(strings.TrimSpace(stripEmphasis(c.Text))))
	}
	if len(t.header) < 2 {
		return t, false
	}
	for _, l := range lines[2:] {
		if !strings.Contains(l.Text, "|") {
			return t, false
		}
		t.rows = append(t.rows, cells(l))
		t.rowPos = append(t.rowPos, l.Pos)
	}
	return t, true
}

// cells splits one row at its unescaped pipes; a leading and a trailing
// pipe are optional.
func cells(row Item) []Item {
	s := row.Text
	var out []Item
	start := 0
	if strings.HasPrefix(strings.TrimLeft(s, " "), "|") {
		start = strings.IndexByte(s, '|') + 1
	}
	for i := start; i <= len(s); i++ {
		if i < len(s) && (s[i] != '|' || (i > 0 && s[i-1] == '\\')) {
			continue
		}
		if i == len(s) && strings.TrimSpace(s[start:]) == "" {
			break // the trailing pipe's empty remainder
		}
		c := row.Slice(start, i)
		t := strings.TrimSpace(c.Text)
		j := strings.Index(c.Text, t)
		out = append(out, c.Slice(j, j+len(t)))
		start = i + 1
	}
	return out
}

func isDelimiterRow(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "-") || !strings.Contains(s, "|") && !strings.HasPrefix(s, "-") {
		return false
	}
	for _, c := range s {
		switch c {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// column is the index of the first header that holds one of words, or -1.
func (t table) column(words ...string) int {
	for i, h := range t.header {
		for _, w := range words {
			if h == w || strings.HasPrefix(h, w+" ") || strings.HasSuffix(h, " "+w) || strings.Contains(h, " "+w+" ") {
				return i
			}
		}
	}
	return -1
}

// cell is row[i], or an empty Item when the row is short.
func cell(row []Item, i int) Item {
	if i < 0 || i >= len(row) {
		return Item{}
	}
	return row[i]
}

// rowItem is a whole row as one Item whose Text is its cells joined by
// " | ", each cell on its own span (so positions stay true); label is the
// column to lead with.
func rowItem(row []Item, lead int) Item {
	order := make([]Item, 0, len(row))
	if lead >= 0 && lead < len(row) {
		order = append(order, row[lead])
	}
	for i, c := range row {
		if i != lead {
			order = append(order, c)
		}
	}
	out := Item{}
	var b strings.Builder
	var spans []span
	for _, c := range order {
		if c.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" | ")
		}
		if c.loc != nil {
			for _, s := range c.loc.spans {
				spans = append(spans, span{textStart: b.Len() + s.textStart, srcStart: s.srcStart, length: s.length})
			}
			out.loc = &itemSource{src: c.loc.src}
		}
		if out.Pos.IsZero() || c.Pos.Line < out.Pos.Line || c.Pos.Line == out.Pos.Line && c.Pos.Column < out.Pos.Column {
			out.Pos = c.Pos
		}
		if c.End.Line > out.End.Line || c.End.Line == out.End.Line && c.End.Column > out.End.Column {
			out.End = c.End
		}
		b.WriteString(c.Text)
	}
	out.Text = b.String()
	if out.loc != nil {
		out.loc.spans = spans
	}
	return out
}

// gapTable reads a Gap written as a table, one row per dimension:
//
//	| Dimension | Today | Target | Evidence |
//	|---|---|---|---|
//	| Scope | one service | three teams | lead the migration |
//
// The dimension is the column headed Dimension (or Area), else the first;
// the Evidence (or Proof, Project) column names the evidence. ok is false
// for a table that names no dimension.
func gapTable(p Item) ([]GapItem, bool) {
	t, ok := readTable(p)
	if !ok {
		return nil, false
	}
	dim := t.column("dimension", "dimensions", "area", "gap")
	if dim < 0 {
		dim = 0
	}
	ev := t.column("evidence", "proof", "project", "projects")
	var out []GapItem
	known := false
	for k, row := range t.rows {
		label := cell(row, dim)
		name := strings.TrimRight(strings.TrimSpace(stripEmphasis(label.Text)), ":")
		g := GapItem{Item: rowItem(row, dim), Label: name, LabelPos: label.Pos}
		g.Pos = t.rowPos[k]
		g.Dimension = dimensionOf(name)
		if IsDimension(g.Dimension) {
			known = true
		} else {
			g.Near, g.NearSpelling = nearDimension(name)
		}
		var detail []string
		for i, c := range row {
			switch {
			case i == dim:
			case i == ev:
				if e := strings.TrimSpace(c.Text); e != "" && !saysNone(e) {
					g.Evidence, g.EvidencePos = e, c.Pos
				}
			case strings.TrimSpace(c.Text) != "":
				detail = append(detail, strings.TrimSpace(c.Text))
			}
		}
		g.Detail = strings.Join(detail, "; ")
		out = append(out, g)
	}
	return out, known
}
