package lint

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

func checkGapCovered(c *Context) {
	s := c.Doc.Section(roadmap.SectionGap)
	if s == nil {
		c.MissingSection(roadmap.SectionGap, "there is no Gap section",
			"add `## Gap` with one item per dimension: `- **Skills:** …`, Scope, Mentorship, Visibility, each with `Evidence:`")
		return
	}
	seen := map[string]bool{}
	near := map[string]roadmap.GapItem{}
	for _, g := range c.Doc.Gap {
		seen[g.Dimension] = true
		if _, ok := near[g.Near]; g.Near != "" && !ok {
			near[g.Near] = g
		}
		if na, reason := g.NotApplicable(); na && len(reason) < 3 {
			c.ReportItem(g.Item, fmt.Sprintf("the gap says %s does not apply but not why", labelOf(g)),
				"give the reason, e.g. `does not apply: the target role has no reports and no mentoring duties`")
		}
	}
	for _, dim := range roadmap.Dimensions {
		if seen[dim] {
			continue
		}
		// "**Mentorsip:**": the item is there, its label misspelt. Say so
		// on its line, once.
		if g, ok := near[dim]; ok {
			spelling := g.NearSpelling
			if spelling == "" {
				spelling = dim
			}
			c.Report(g.LabelPos, roadmap.Position{}, fmt.Sprintf("the gap does not cover %s: %q is not a gap dimension", dim, g.Label),
				fmt.Sprintf("did you mean `**%s:**`?", titleCase(spelling)))
			// The label is the fix's only when it is near this dimension alone.
			sug := ""
			if suggest.Unique(g.Label, roadmap.Dimensions) == dim {
				sug = titleCase(dim)
			} else if g.NearSpelling != dim && suggest.Unique(g.Label, roadmap.GapLabelWords()) == g.NearSpelling {
				sug = titleCase(g.NearSpelling)
			}
			c.Annotate("gap-label-near-miss", dim, sug)
			continue
		}
		c.ReportLine(s.Pos, fmt.Sprintf("the gap does not cover %s", dim),
			fmt.Sprintf("add `- **%s:** what the target expects that you do not yet show`, or `- **%s:** does not apply: <why>`",
				titleCase(dim), titleCase(dim)))
	}
}

func checkGapEvidence(c *Context) {
	for _, g := range c.Doc.Gap {
		if na, _ := g.NotApplicable(); na || g.Evidence != "" || c.unfilled(g.Item) {
			continue
		}
		if g.EvidenceNear != "" {
			c.Report(g.EvidenceNearPos, roadmap.Position{}, fmt.Sprintf("the %s gap names no project that builds evidence: %q is not read as Evidence", labelOf(g), g.EvidenceNear),
				"did you mean `Evidence:`?")
			c.Annotate("evidence-near-miss", g.Dimension, suggest.Unique(g.EvidenceNear, []string{"Evidence", "Proof"}))
			continue
		}
		c.ReportItem(g.Item, fmt.Sprintf("the %s gap names no project that builds evidence", labelOf(g)),
			"add `Evidence:` and the project that will show it, e.g. `Evidence: lead the billing migration across three teams`")
	}
}

func labelOf(g roadmap.GapItem) string {
	if g.Dimension != "" {
		return g.Dimension
	}
	return "unlabelled"
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
