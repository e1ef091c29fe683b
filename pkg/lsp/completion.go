package lsp

import (
	"regexp"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Completion offers what format 1 defines where the cursor is: in the
// frontmatter, the keys that belong under the enclosing key and the values
// of kind, cadence, ladder (the ladders in effect) and level (the levels
// of the ladder beside it); in the body, the section headings after "## ",
// review-log entries after "### " in the Review log, and the gap
// dimensions at the start of a Gap item.
//
// The frontmatter is read line by line here, not by the YAML decoder: the
// line being typed is usually not valid YAML yet.

var (
	keyLineRe  = regexp.MustCompile(`^(\s*)([A-Za-z][A-Za-z0-9_-]*)\s*:\s*(?:#.*)?$`)
	keyValueRe = regexp.MustCompile(`^(\s*)([A-Za-z][A-Za-z0-9_-]*)\s*:\s*`)
	gapItemRe  = regexp.MustCompile(`^(\s*[-*+]\s+)(\*{0,2}[A-Za-z]*)$`)
)

var keyDocs = map[string]string{
	"roadmap": "format version: 1", "title": "the plan's title", "owner": "whose plan it is",
	"kind": "promotion | career-change | stalled | explore", "started": "the plan's start date (YYYY-MM-DD)",
	"horizon": "how far it looks: 12m to 36m, or 1y to 3y", "current": "where you are: role, ladder, level",
	"target": "the named target: role, ladder, level, industry, companies, by", "cadence": "checkin, review, rewrite",
	"role": "a job title", "ladder": "a ladder (track) id", "level": "a level id of the ladder",
	"industry": "the industry of the target role", "companies": "2–3 example companies: [A, B, C]",
	"by": "the target date (YYYY-MM-DD)", "checkin": "how often you check in (monthly)",
	"review": "how often you review the assumptions (quarterly)", "rewrite": "how often you rewrite the plan (yearly)",
}

var mappingKeys = map[string]bool{"current": true, "target": true, "cadence": true}

func (s *Server) completion(p CompletionParams) *CompletionList {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := &CompletionList{Items: []CompletionItem{}}
	d := s.current(p.TextDocument.URI)
	if d == nil {
		return list
	}
	t := d.text
	n := p.Position.Line
	if n < 0 || n >= len(t.starts) {
		return list
	}
	off := t.offset(p.Position)
	lineStart := t.starts[n]
	prefix := string(t.b[lineStart:off])
	if n == 0 {
		prefix = strings.TrimPrefix(prefix, string(utf8BOM))
	}
	if s.inFrontmatter(d, n) {
		list.Items = s.frontmatterItems(d, n, off, prefix)
	} else {
		list.Items = s.bodyItems(d, n, off, prefix)
	}
	return list
}

// inFrontmatter reports whether 0-based line n lies between the YAML
// delimiters (or after an opening one that is not closed yet).
func (s *Server) inFrontmatter(d *document, n int) bool {
	if n == 0 || strings.TrimSpace(strings.TrimPrefix(lineOf(d.text, 0), string(utf8BOM))) != "---" {
		return false
	}
	for i := 1; i < n; i++ {
		if l := strings.TrimRight(lineOf(d.text, i), " \t"); l == "---" || l == "..." {
			return false
		}
	}
	return true
}

func lineOf(t *text, n int) string { return string(t.b[t.starts[n]:t.lineEnd(n)]) }

func indentOf(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// parentKey is the key whose block holds line n at the given indentation:
// the nearest line above, less indented, that opens a mapping.
func parentKey(t *text, n, indent int) (key string, line int) {
	if indent == 0 {
		return "", -1
	}
	for i := n - 1; i >= 1; i-- {
		l := lineOf(t, i)
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		if indentOf(l) < indent {
			if m := keyLineRe.FindStringSubmatch(l); m != nil && indentOf(l) == 0 {
				return m[2], i
			}
			return "?", i
		}
	}
	return "?", -1
}

// siblings are the keys set in the block that holds line n (the lines
// after the parent's, at the same indentation, up to a less indented
// one), with their values; line n itself is left out.
func siblings(t *text, n, indent, parentLine int) map[string]string {
	out := map[string]string{}
	for i := max(parentLine+1, 1); i < len(t.starts); i++ {
		l := lineOf(t, i)
		if tl := strings.TrimRight(l, " \t"); tl == "---" || tl == "..." {
			break
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		if indentOf(l) < indent {
			break
		}
		if indentOf(l) != indent || i == n {
			continue
		}
		if m := keyValueRe.FindStringSubmatch(l); m != nil {
			v := strings.TrimSpace(l[len(m[0]):])
			if j := strings.Index(v, " #"); j >= 0 {
				v = strings.TrimSpace(v[:j])
			}
			out[m[2]] = strings.Trim(v, `"'`)
		}
	}
	return out
}

func (s *Server) frontmatterItems(d *document, n, off int, prefix string) []CompletionItem {
	t := d.text
	indent := indentOf(prefix)
	parent, parentLine := parentKey(t, n, indent)
	if parent == "?" {
		return nil
	}
	if indent == 0 {
		parentLine = 0
	}
	rest := prefix[indent:]
	if !strings.Contains(rest, ":") {
		// A key: those defined under the parent and not yet set there.
		known := roadmap.FrontmatterKeys(parent)
		set := siblings(t, n, indent, parentLine)
		r := Range{Start: t.position(off - len(rest)), End: t.position(off)}
		var items []CompletionItem
		for i, k := range known {
			if _, ok := set[k]; ok {
				continue
			}
			text := k + ": "
			if mappingKeys[k] && parent == "" {
				text = k + ":"
			}
			items = append(items, CompletionItem{Label: k, Kind: CompletionProperty, Detail: keyDocs[k],
				SortText: sortKey(i), TextEdit: &TextEdit{Range: r, NewText: text}})
		}
		return items
	}
	m := keyValueRe.FindStringSubmatch(prefix)
	if m == nil {
		return nil
	}
	key := m[2]
	path := key
	if parent != "" {
		path = parent + "." + key
	}
	typed := prefix[len(m[0]):]
	r := Range{Start: t.position(off - len(typed)), End: t.position(off)}
	values := func(kind int, vals []string, detail func(string) string) []CompletionItem {
		var items []CompletionItem
		for i, v := range vals {
			it := CompletionItem{Label: v, Kind: kind, SortText: sortKey(i), TextEdit: &TextEdit{Range: r, NewText: v}}
			if detail != nil {
				it.Detail = detail(v)
			}
			items = append(items, it)
		}
		return items
	}
	switch path {
	case "roadmap":
		return values(CompletionValue, []string{"1"}, func(string) string { return "format version" })
	case "kind":
		return values(CompletionEnum, roadmap.Kinds, nil)
	case "horizon":
		return values(CompletionValue, []string{"1y", "18m", "2y", "3y"}, nil)
	case "started", "target.by":
		return values(CompletionValue, []string{s.opts.Today().String()}, func(string) string { return "today" })
	case "cadence.checkin", "cadence.review", "cadence.rewrite":
		return values(CompletionEnum, cadence.Values(), nil)
	case "current.ladder", "target.ladder":
		set := s.ladderSet(d)
		if set == nil {
			return nil
		}
		var items []CompletionItem
		for i, tr := range set.Tracks() {
			items = append(items, CompletionItem{Label: tr.ID, Kind: CompletionEnum, Detail: tr.Title,
				SortText: sortKey(i), TextEdit: &TextEdit{Range: r, NewText: tr.ID}})
		}
		return items
	case "current.level", "target.level":
		set := s.ladderSet(d)
		track := siblings(t, n, indent, parentLine)["ladder"]
		if set == nil || track == "" {
			return nil
		}
		tr, err := set.Track(track)
		if err != nil {
			return nil
		}
		var items []CompletionItem
		for i, l := range tr.Levels {
			detail := l.Title
			if l.Years != "" {
				detail += " · " + l.Years + " years"
			}
			items = append(items, CompletionItem{Label: l.ID, Kind: CompletionEnum, Detail: detail,
				SortText: sortKey(i), TextEdit: &TextEdit{Range: r, NewText: l.ID}})
		}
		return items
	}
	return nil
}

func sortKey(i int) string { return string(rune('a'+i/26)) + string(rune('a'+i%26)) }

func (s *Server) bodyItems(d *document, n, off int, prefix string) []CompletionItem {
	t := d.text
	doc := d.parsed
	line := n + 1
	switch {
	case strings.HasPrefix(prefix, "## ") || prefix == "##":
		typed := strings.TrimLeft(strings.TrimPrefix(prefix, "##"), " ")
		r := Range{Start: t.position(off - len(typed)), End: t.position(off)}
		if prefix == "##" {
			r.Start = t.position(off)
		}
		var items []CompletionItem
		for i, h := range roadmap.SectionHeadings {
			if h.Kind != "" && h.Kind != doc.Frontmatter.Kind {
				continue
			}
			if sec := doc.Section(h.Key); sec != nil && sec.Pos.Line != line {
				continue // already there
			}
			text := h.Heading
			if prefix == "##" {
				text = " " + text
			}
			items = append(items, CompletionItem{Label: h.Heading, Kind: CompletionKeyword, Detail: "section",
				SortText: sortKey(i), FilterText: h.Heading, TextEdit: &TextEdit{Range: r, NewText: text}})
		}
		return items
	case strings.HasPrefix(prefix, "### "):
		sec := sectionAt(doc, line)
		if sec == nil || sec.Key != roadmap.SectionReviewLog {
			return nil
		}
		typed := strings.TrimPrefix(prefix, "### ")
		r := Range{Start: t.position(off - len(typed)), End: t.position(off)}
		today := s.opts.Today().String()
		var items []CompletionItem
		for i, k := range roadmap.ReviewKinds {
			h := today + " · " + k
			items = append(items, CompletionItem{Label: h, Kind: CompletionSnippet, Detail: "review-log entry",
				SortText: sortKey(i), TextEdit: &TextEdit{Range: r, NewText: h}})
		}
		return items
	}
	if m := gapItemRe.FindStringSubmatch(prefix); m != nil {
		sec := sectionAt(doc, line)
		if sec == nil || sec.Key != roadmap.SectionGap {
			return nil
		}
		r := Range{Start: t.position(off - len(m[2])), End: t.position(off)}
		var items []CompletionItem
		for i, dim := range roadmap.Dimensions {
			label := "**" + strings.ToUpper(dim[:1]) + dim[1:] + ":**"
			if gapHas(doc, dim, line) {
				continue
			}
			items = append(items, CompletionItem{Label: label, Kind: CompletionKeyword, Detail: "gap dimension",
				FilterText: label, SortText: sortKey(i), TextEdit: &TextEdit{Range: r, NewText: label + " "}})
		}
		return items
	}
	return nil
}

// sectionAt is the section holding 1-based line: the last one whose
// heading is at or above it.
func sectionAt(doc *roadmap.Document, line int) *roadmap.Section {
	var found *roadmap.Section
	for _, s := range doc.Sections {
		if s.Pos.Line <= line {
			found = s
		}
	}
	return found
}

// gapHas reports whether the gap already covers dim on another line.
func gapHas(doc *roadmap.Document, dim string, line int) bool {
	for _, g := range doc.Gap {
		if g.Dimension == dim && g.Pos.Line != line {
			return true
		}
	}
	return false
}
