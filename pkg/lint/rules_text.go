package lint

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func checkHedging(c *Context) {
	const hint = "commit or cut it: a plan says what you will do, not what might happen"
	fm := c.Doc.Frontmatter
	for _, m := range c.Vague.Hedges(fm.Target.Role.Role) {
		c.Report(c.valuePos("target.role", fm.Target.Role.Role, m.Start), c.valuePos("target.role", fm.Target.Role.Role, m.End),
			fmt.Sprintf("hedge %q in the target role", fm.Target.Role.Role[m.Start:m.End]), hint)
	}
	report := func(it roadmap.Item, where string) {
		for _, m := range c.Vague.Hedges(prose(it.Text)) {
			c.ReportText(it, m.Start, m.End, fmt.Sprintf("hedge %q in %s", it.Text[m.Start:m.End], where), hint)
		}
	}
	for _, it := range sectionTexts(c.Doc.Section(roadmap.SectionTarget)) {
		report(it, "the target")
	}
	for _, g := range c.Doc.Gap {
		report(g.Item.Full(), "the gap")
	}
	for _, a := range c.Doc.Actions {
		if !a.Done {
			report(a.Item.Full(), fmt.Sprintf("action %d", a.Index))
		}
	}
}
