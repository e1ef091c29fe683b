package lint

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func checkHedging(c *Context) {
	const hint = "commit or cut it: a plan says what you will do, not what might happen"
	fm := c.Doc.Frontmatter
	// A placeholder with a note after it ("TBD, probably Senior SRE") is
	// one fault, RM021's: the note's hedge is part of what is unfilled.
	if !unfilledValue(fm.Target.Role.Role) {
		for _, m := range c.Vague.Hedges(fm.Target.Role.Role) {
			c.Report(c.valuePos("target.role", fm.Target.Role.Role, m.Start), c.valuePos("target.role", fm.Target.Role.Role, m.End),
				fmt.Sprintf("hedge %q in the target role", fm.Target.Role.Role[m.Start:m.End]), hint)
		}
	}
	report := func(it roadmap.Item, where string, unfilled [][2]int) {
		var seen map[string]bool
		for _, m := range c.Vague.Hedges(prose(it.Text)) {
			if overlaps(unfilled, m.Start, m.End) {
				continue
			}
			// One finding per hedge in an item: the same word again is the
			// same fault (and a line of thousands must not cost a scan each).
			key := strings.ToLower(it.Text[m.Start:m.End])
			if seen[key] {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[key] = true
			c.ReportText(it, m.Start, m.End, fmt.Sprintf("hedge %q in %s", it.Text[m.Start:m.End], where), hint)
		}
	}
	for _, it := range sectionTexts(c.Doc.Section(roadmap.SectionTarget)) {
		report(it, "the target", nil)
	}
	for _, g := range c.Doc.Gap {
		full := g.Item.Full()
		report(full, "the gap", unfilledGapParts(g, full.Text))
	}
	for _, a := range c.Doc.Actions {
		if !a.Done {
			report(a.Item.Full(), fmt.Sprintf("action %d", a.Index), nil)
		}
	}
}

// unfilledNote reports whether a gap item's detail or Evidence is a
// placeholder, a note after it included ("TBD — probably the migration"):
// RM021 reports it whole.
func unfilledNote(s string) bool {
	return s != "" && roadmap.StartsWithPlaceholder(prose(s))
}

// unfilledGapParts are the byte ranges of text (the gap item's full text)
// that hold its unfilled detail or Evidence.
func unfilledGapParts(g roadmap.GapItem, text string) [][2]int {
	var out [][2]int
	for _, part := range []string{g.Detail, g.Evidence} {
		if !unfilledNote(part) {
			continue
		}
		if i := strings.Index(text, part); i >= 0 {
			out = append(out, [2]int{i, i + len(part)})
		}
	}
	return out
}

func overlaps(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if start < sp[1] && sp[0] < end {
			return true
		}
	}
	return false
}
