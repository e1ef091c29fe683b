package lsp

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// documentSymbols is the outline: the frontmatter, then each section with
// what the tool read in it (actions, gap items, review entries).
func (s *Server) documentSymbols(p DocumentSymbolParams) []DocumentSymbol {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []DocumentSymbol{}
	d := s.current(p.TextDocument.URI)
	if d == nil {
		return out
	}
	doc, t := d.parsed, d.text
	lineRange := func(from, to int) Range {
		from, to = max(from, 1), max(to, from)
		return Range{Start: t.runePosition(from, 1), End: t.position(t.lineEnd(min(to, len(t.starts)) - 1))}
	}
	itemRange := func(it roadmap.Item) Range {
		end := it.End
		if end.IsZero() {
			end = it.Pos
		}
		return Range{Start: t.runePosition(it.Pos.Line, it.Pos.Column), End: t.runePosition(end.Line, max(end.Column, 1))}
	}
	fm := doc.Frontmatter
	if fm.Syntax != "" && fm.EndLine > fm.StartLine {
		sym := DocumentSymbol{Name: "Frontmatter", Detail: doc.Frontmatter.Kind, Kind: SymbolNamespace,
			Range: lineRange(fm.StartLine, fm.EndLine), SelectionRange: lineRange(fm.StartLine, fm.StartLine)}
		out = append(out, sym)
	}
	for _, sec := range doc.Sections {
		name := strings.TrimSpace(sec.Heading)
		if name == "" {
			name = "(untitled section)"
		}
		sym := DocumentSymbol{Name: name, Detail: sec.Key, Kind: SymbolNamespace,
			Range: lineRange(sec.Pos.Line, sec.EndLine), SelectionRange: lineRange(sec.Pos.Line, sec.Pos.Line)}
		switch sec.Key {
		case roadmap.SectionNext30Days:
			for _, a := range doc.Actions {
				detail := a.Kind
				if !a.Due.IsZero() {
					detail += " · due " + a.Due.String()
				}
				if a.Done {
					detail += " · done"
				}
				r := itemRange(a.Item)
				sym.Children = append(sym.Children, DocumentSymbol{Name: fmt.Sprintf("%d. %s", a.Index, short(a.Title)),
					Detail: detail, Kind: SymbolEvent, Range: r, SelectionRange: r})
			}
		case roadmap.SectionGap:
			for _, g := range doc.Gap {
				detail := "no evidence named"
				if g.Evidence != "" {
					detail = "evidence: " + short(g.Evidence)
				}
				r := itemRange(g.Item)
				label := g.Label
				if label == "" {
					label = g.Dimension
				}
				sym.Children = append(sym.Children, DocumentSymbol{Name: label, Detail: detail, Kind: SymbolField, Range: r, SelectionRange: r})
			}
		case roadmap.SectionReviewLog:
			for _, e := range doc.Reviews {
				r := itemRange(e.Heading)
				sym.Children = append(sym.Children, DocumentSymbol{Name: strings.TrimSpace(e.Heading.Text), Detail: e.Kind,
					Kind: SymbolEvent, Range: r, SelectionRange: r})
			}
		}
		out = append(out, sym)
	}
	return out
}

// short cuts a title to a length an outline shows.
func short(s string) string {
	const n = 60
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
