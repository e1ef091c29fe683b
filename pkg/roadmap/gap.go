package roadmap

import (
	"sort"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/ascii"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// gapItems reads the Gap section. A gap item is, in any of these forms:
//
//   - **Scope:** one service today. Evidence: lead the migration.
//   - **Scope**                        (the label alone, details below)
//   - today: one service
//   - Evidence: lead the migration
//     Scope: one service today.          (a paragraph, or a list item)
//     ### Scope                          (a sub-heading, details under it)
//     **Scope**                          (a label alone on its line, a list under it)
//
// Evidence may be in the item's own text or in any of its sub-bullets, or
// in a sibling item right after it ("- **Evidence:** …").
func gapItems(s *Section) []GapItem {
	var out []GapItem
	// group is an item opened by a sub-heading or a label alone on its
	// line; the blocks after it are its content.
	var group *Item
	var groupLabel string
	var groupAt Position
	flush := func() {
		if group == nil {
			return
		}
		g := readGapItemFrom(*group, groupLabel, groupAt, len(group.Text))
		group = nil
		if IsDimension(g.Dimension) || g.Near != "" || g.Evidence != "" {
			out = append(out, g)
		}
	}
	open := func(it Item, name string, at Position) {
		flush()
		it.Children = nil
		group, groupLabel, groupAt = &it, name, at
	}
	attach := func(b Item) bool {
		if group != nil {
			group.Children = append(group.Children, b)
			return true
		}
		return false
	}
	for _, b := range s.blocksInOrder() {
		if b.IsHeading() {
			open(b, headingLabel(b.Text), b.Pos)
			continue
		}
		if b.Marker == "" && !b.IsHeading() {
			if rows, ok := gapTable(b); ok {
				if group != nil && len(group.Children) == 0 {
					group = nil // "### By dimension" over the table
				}
				flush()
				out = append(out, rows...)
				continue
			}
		}
		l, labelled := ReadLabel(b.Text)
		alone := labelled && strings.TrimSpace(b.Text[l.End:]) == "" && len(b.Children) == 0
		switch {
		case labelled && isEvidenceLabel(l.Name):
			// A sibling "- **Evidence:** …" belongs to the item before it.
			if attach(b) {
				continue
			}
			if n := len(out); n > 0 && out[n-1].Evidence == "" {
				out[n-1] = withEvidence(out[n-1], b)
				continue
			}
		case labelled && startsGapItem(l.Name):
			if alone && b.Marker == "" {
				open(b, l.Name, b.PosOf(l.Start))
				continue
			}
			if group != nil && len(group.Children) == 0 {
				group = nil // "### Visibility" over "- **Visibility**": a header, not an item
			}
			flush()
			out = append(out, readGapItemFrom(b, l.Name, b.PosOf(l.Start), l.End))
			continue
		case labelled && l.Emphasised && !notDimensions[strings.ToLower(l.Name)]:
			// Another dimension in bold ("**Domain knowledge:**"): the
			// format allows others.
			if attach(b) {
				continue
			}
			if alone && b.Marker == "" {
				open(b, l.Name, b.PosOf(l.Start))
				continue
			}
			if kids := labelledChildren(b); b.Marker != "" && len(kids) > 0 {
				// "- **Technical:**" over "- **Skills:** …", "- **Scope:** …"
				for _, c := range kids {
					l, _ := ReadLabel(c.Text)
					out = append(out, readGapItemFrom(c, l.Name, c.PosOf(l.Start), l.End))
				}
				continue
			}
			if b.Marker != "" {
				out = append(out, readGapItemFrom(b, l.Name, b.PosOf(l.Start), l.End))
				continue
			}
		}
		if attach(b) || b.Marker == "" {
			continue // detail under a heading, or prose around the items
		}
		// "- Promotion gaps:" with the labelled items nested under it.
		if kids := labelledChildren(b); len(kids) > 0 {
			for _, c := range kids {
				l, _ := ReadLabel(c.Text)
				out = append(out, readGapItemFrom(c, l.Name, c.PosOf(l.Start), l.End))
			}
			continue
		}
		if labelled && notDimensions[strings.ToLower(l.Name)] {
			continue // "- **Note:** …" says something about the gap
		}
		out = append(out, readGapItemFrom(b, "", Position{}, 0))
	}
	flush()
	return out
}

// startsGapItem reports whether a label opens a new gap item even under a
// sub-heading: a dimension, or a near miss of one.
func startsGapItem(name string) bool {
	d, _ := nearDimension(name)
	return IsDimension(dimensionOf(name)) || d != ""
}

// notDimensions are labels that say something about the gap rather than
// name a dimension of it.
var notDimensions = map[string]bool{
	"note": true, "notes": true, "nb": true, "context": true, "summary": true, "why": true, "background": true,
	"overall": true, "source": true, "sources": true, "see also": true, "tl;dr": true, "tldr": true,
}

func labelledChildren(it Item) []Item {
	var out []Item
	for _, c := range it.Children {
		if l, ok := ReadLabel(c.Text); ok && startsGapItem(l.Name) {
			out = append(out, c)
		}
	}
	return out
}

// headingLabel is a sub-heading's text as a label: "1. Skills 🛠" is "Skills".
func headingLabel(h string) string {
	t := stripEmphasis(strings.TrimSpace(h))
	t = strings.TrimSpace(t[skipDecoration(t, 0):])
	if n := dropNumbering(strings.ToLower(t)); n != strings.ToLower(t) && len(n) <= len(t) {
		t = t[len(t)-len(n):]
	}
	return strings.TrimSpace(strings.TrimRight(dropSymbols(t), " :"))
}

// readGapItemFrom reads one gap item whose own text's content starts at
// from (after its label).
func readGapItemFrom(it Item, label string, labelPos Position, from int) GapItem {
	g := GapItem{Item: it, Label: label, LabelPos: labelPos}
	if label != "" {
		g.Dimension = dimensionOf(label)
		if !IsDimension(g.Dimension) {
			g.Near, g.NearSpelling = nearDimension(label)
		}
	}
	content := it.Text[min(from, len(it.Text)):]
	detailEnd := len(content)
	if loc := findEvidence(content); loc != nil {
		g.Evidence = strings.TrimSpace(content[loc[1]:])
		g.EvidencePos = it.PosOf(from + loc[0])
		detailEnd = loc[0]
		if g.Evidence == "" && len(it.Children) > 0 {
			// "Evidence:" ending the line, the projects listed under it.
			g.Evidence = joinTexts(it.Children, "; ")
		}
	}
	g.Detail = strings.TrimSpace(content[:detailEnd])
	var rest []Item
	for _, c := range it.Children {
		if g.Evidence == "" {
			if e, ok := evidenceIn(c); ok {
				g.Evidence, g.EvidencePos = e.Evidence, e.EvidencePos
				continue
			}
		}
		rest = append(rest, c)
	}
	if g.Detail == "" {
		g.Detail = joinTexts(rest, "; ")
	}
	if saysNone(g.Evidence) {
		// "Evidence: none yet" names no project.
		g.Evidence, g.EvidencePos = "", Position{}
	}
	if g.Evidence == "" {
		g.EvidenceNear, g.EvidenceNearPos = nearEvidence(it, from)
	}
	return g
}

// saysNone reports whether an Evidence (or an Artifact) names none: it
// says there is none ("none yet", "nothing so far", "not yet", "no project
// yet", "—", "n/a"), that it is not known ("not sure yet", "to be decided
// with my manager", "(pending)", "we will see") or only a stand-in for one
// ("a project", "something that shows it", "the project (to be named)").
func saysNone(e string) bool {
	if e == "" || len(e) > 60 {
		return false
	}
	t := strings.Trim(strings.TrimSpace(stripEmphasis(e)), ".!;,()*_ ")
	for _, w := range noneWholes {
		if strings.EqualFold(t, w) {
			return true
		}
	}
	for _, p := range noneStarts {
		if ascii.HasPrefixFold(t, p) || strings.HasSuffix(p, " ") && strings.EqualFold(t, p[:len(p)-1]) {
			return true
		}
	}
	if ascii.IndexFold(t, "to be ") >= 0 {
		for _, p := range []string{"to be decided", "to be determined", "to be confirmed", "to be defined", "to be named",
			"to be agreed", "to be chosen", "to be found"} {
			if ascii.IndexFold(t, p) >= 0 {
				return true // "the project (to be named)"
			}
		}
	}
	return false
}

// noneWholes are whole answers that name nothing.
var noneWholes = []string{"—", "–", "-", "none", "nothing", "not yet", "no", "nil", "zero", "n/a", "na", "pending", "unknown",
	"undecided", "unclear", "later", "optional", "something", "a project", "some project", "the project",
	"we will see", "we'll see", "will see", "to follow", "will follow"}

// noneStarts begin an answer that names nothing: "none yet", "not sure
// yet", "something that shows it".
var noneStarts = []string{"none ", "nothing ", "not yet ", "no project", "no evidence", "none,", "nothing,",
	"not sure", "unsure", "no idea", "not decided", "we will see", "we'll see",
	"something that ", "some project "}

// withEvidence gives g the Evidence of a sibling item after it.
func withEvidence(g GapItem, b Item) GapItem {
	if e, ok := evidenceIn(b); ok && !saysNone(e.Evidence) {
		g.Evidence, g.EvidencePos = e.Evidence, e.EvidencePos
		g.EvidenceNear, g.EvidenceNearPos = "", Position{}
	}
	return g
}

// evidenceIn finds an Evidence label in an item or, failing that, in its
// sub-bullets, and what it names.
func evidenceIn(it Item) (GapItem, bool) {
	var g GapItem
	if loc := findEvidence(it.Text); loc != nil {
		g.Evidence = strings.TrimSpace(it.Text[loc[1]:])
		g.EvidencePos = it.PosOf(loc[0])
		if g.Evidence == "" {
			g.Evidence = joinTexts(it.Children, "; ")
		}
		return g, g.Evidence != "" || len(it.Children) == 0
	}
	for _, c := range it.Children {
		if e, ok := evidenceIn(c); ok {
			return e, true
		}
	}
	return g, false
}

// joinTexts joins the whole text of items (sub-bullets included).
func joinTexts(items []Item, sep string) string {
	var parts []string
	for _, it := range items {
		if t := strings.TrimSpace(strings.ReplaceAll(it.Full().Text, "\n", sep)); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, sep)
}

// evidenceWords are the labels that introduce a gap's evidence: the
// method's word, and the one people clearly mean by it.
var evidenceWords = []string{"evidence", "proof"}

func isEvidenceLabel(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, w := range evidenceWords {
		if n == w {
			return true
		}
	}
	return false
}

// findEvidence finds the "Evidence:" (or "Proof:") label in a gap item's
// text (any case, with a colon or in bold, the colon inside or outside the
// bold) and returns the span of the label with the spaces after it, or
// nil. The word alone in a sentence is not the label. Written by hand:
// lint calls it for every gap item of every file, and a regular
// expression was a tenth of the run.
func findEvidence(s string) []int {
	var best []int
	for _, w := range evidenceWords {
		if loc := findLabelWord(s, w); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	return best
}

func findLabelWord(s, word string) []int {
	for from := 0; from+len(word) <= len(s); {
		i := ascii.IndexFold(s[from:], word)
		if i < 0 {
			return nil
		}
		start, end := from+i, from+i+len(word)
		from = end
		boldBefore := start >= 2 && (s[start-2:start] == "**" || s[start-2:start] == "__")
		boldAfter := end+2 <= len(s) && (s[end:end+2] == "**" || s[end:end+2] == "__")
		if (!boldBefore && (ascii.WordBefore(s, start) || (start > 0 && s[start-1] == '-'))) ||
			(!boldAfter && ascii.WordAt(s, end)) {
			continue
		}
		bold, colon := false, false
		if boldBefore {
			start -= 2
			bold = true
		}
		end = skipSpaces(s, end)
		if end < len(s) && s[end] == ':' {
			end = skipSpaces(s, end+1)
			colon = true
		}
		if end+2 <= len(s) && (s[end:end+2] == "**" || s[end:end+2] == "__") {
			end = skipSpaces(s, end+2)
		}
		if end < len(s) && s[end] == ':' {
			end = skipSpaces(s, end+1)
			colon = true
		}
		// "I have no evidence yet" is prose, not the label.
		if !colon && !bold {
			continue
		}
		return []int{start, end}
	}
	return nil
}

// nearDimension is the dimension a label that names none nearly spells
// ("Mentorsip", "Visiblity", "Skils"), or a word people mean by one
// ("Mentorig" is near "mentoring"), and the word it nearly spells; "", ""
// when it is near none.
func nearDimension(label string) (dim, spelling string) {
	l := strings.ToLower(strings.TrimSpace(label))
	if l == "" || IsDimension(dimensionOf(l)) {
		return "", ""
	}
	near := func(w string) (string, string) {
		if d := suggest.Nearest(w, Dimensions); d != "" {
			return d, d
		}
		if len(w) >= 5 {
			if s := suggest.Nearest(w, gapLabelWords); s != "" {
				return dimensionWords[s], s
			}
		}
		return "", ""
	}
	if d, s := near(l); d != "" {
		return d, s
	}
	for _, w := range strings.Fields(l) {
		if len(w) > 4 {
			if d, s := near(w); d != "" {
				return d, s
			}
		}
	}
	return "", ""
}

// gapLabelWords are the words for a dimension a near miss is compared
// with besides the dimensions' own names: one word each, long enough that
// an edit away is a typo and not another word ("mentoring", "ownership").
var gapLabelWords = func() []string {
	var out []string
	for w := range dimensionWords {
		if len(w) >= 7 && !strings.Contains(w, " ") && !IsDimension(w) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}()

// nearEvidence finds a label that nearly spells Evidence ("Evidense:",
// "**Evidance**") in an item or its sub-bullets: where RM010 points its
// "did you mean".
func nearEvidence(it Item, from int) (string, Position) {
	check := func(x Item, at int) (string, Position, bool) {
		if l, ok := ReadLabel(x.Text[min(at, len(x.Text)):]); ok && l.Colon || ok && l.Emphasised {
			if !isEvidenceLabel(l.Name) && suggest.Nearest(strings.ToLower(l.Name), evidenceWords) != "" {
				return l.Name, x.PosOf(at + l.Start), true
			}
		}
		return "", Position{}, false
	}
	if !it.IsHeading() {
		// The label may follow the detail: "… one service. Evidense: …".
		text := it.Text
		for i := from; i < len(text); i++ {
			if i == from || (text[i-1] == ' ' && (i < 2 || text[i-2] == '.' || text[i-2] == ';')) {
				if name, pos, ok := check(it, i); ok {
					return name, pos
				}
			}
		}
	}
	for _, c := range it.Descendants() {
		if name, pos, ok := check(c, 0); ok {
			return name, pos
		}
	}
	return "", Position{}
}

// GapLabelWords are the one-word gap labels a near miss may be meant as:
// the dimensions and the words people mean by them. The slice is new.
func GapLabelWords() []string {
	return append(append([]string(nil), Dimensions...), gapLabelWords...)
}
