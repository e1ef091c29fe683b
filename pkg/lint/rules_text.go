package lint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/scaffold"
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
		report(g.Item, "the gap")
	}
	for _, a := range c.Doc.Actions {
		if !a.Done {
			report(a.Item, fmt.Sprintf("action %d", a.Index))
		}
	}
}

var placeholderMarker = []byte(scaffold.PlaceholderPrefix)

func checkPlaceholder(c *Context) {
	if !bytes.Contains(c.Doc.Raw, placeholderMarker) {
		return
	}
	for n := 1; n <= c.Doc.LineCount(); n++ {
		line := c.Doc.LineText(n)
		from := 0
		for {
			i := strings.Index(line[from:], scaffold.PlaceholderPrefix)
			if i < 0 {
				break
			}
			start := from + i
			end := len(line)
			if j := strings.IndexByte(line[start:], ']'); j >= 0 {
				end = start + j + 1
			}
			col := utf8.RuneCountInString(line[:start]) + 1
			c.Report(roadmap.Position{Line: n, Column: col},
				roadmap.Position{Line: n, Column: col + utf8.RuneCountInString(line[start:end])},
				fmt.Sprintf("placeholder left unfilled: %s", line[start:end]),
				"replace it with your own words; `roadmap init` left it for you to fill")
			from = end
		}
	}
}
