package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

func checkDocumentValid(c *Context) {
	for _, p := range c.Doc.Problems {
		if p.Code == roadmap.CodePlaceholder {
			continue // RM021's
		}
		sev := c.severity
		if p.Severity == roadmap.SeverityWarning {
			sev = min(sev, Warning)
		}
		c.reportSeverity(sev, p.Pos, roadmap.Position{}, p.Message, p.Hint)
		c.Annotate(p.Code, p.Path, p.Suggestion)
	}
	c.reportDateFaults()
}

func checkTargetNamed(c *Context) {
	fm := c.Doc.Frontmatter
	if _, ok := fm.Fields["target"]; !ok || c.Doc.FieldProblem("target") {
		return // RM001 reports the missing key, or a target that is no set of fields
	}
	t := fm.Target
	if strings.TrimSpace(t.Role.Role) == "" && !c.keyFault("target.role") {
		c.ReportField("target.role", "the target names no role",
			"add `role:` under target with the title you are aiming for, e.g. `role: Staff Product Manager`")
	}
	if strings.TrimSpace(t.Level) == "" && !c.keyFault("target.level") {
		c.ReportField("target.level", "the target names no level",
			"add `level:` under target, e.g. `level: staff`; `roadmap ladder show TRACK` lists a ladder's levels")
	}
	if strings.TrimSpace(t.Industry) == "" && !c.keyFault("target.industry") {
		c.ReportField("target.industry", "the target names no industry",
			"add `industry:` under target, e.g. `industry: B2B SaaS`")
	}
	switch n := len(t.Companies); {
	case c.keyFault("target.companies"):
		// RM001 reports the list's shape or its placeholder; counting
		// what it could read would report the same fault twice.
	case n < 2:
		c.ReportField("target.companies", fmt.Sprintf("the target names %s; name 2–3 example companies", plural(n, "company", "companies")),
			"add `companies: [First, Second, Third]` under target: companies that hire for this role")
	case n > 3:
		c.ReportField("target.companies", fmt.Sprintf("the target names %d companies; 2–3 examples keep it specific", n),
			"keep the 2–3 companies that best show the kind of role you mean")
	}
}

func checkTargetVague(c *Context) {
	const hint = "name the role itself: title, level, industry and example companies, e.g. \"Staff PM at a mid-stage SaaS company such as …\""
	fm := c.Doc.Frontmatter
	// A stand-in for a role ("a step up somewhere bigger") is vague only
	// when the target names no role anywhere: beside a named role it is
	// prose about it.
	texts := sectionTexts(c.Doc.Section(roadmap.SectionTarget))
	named := vague.NamesRole(fm.Target.Role.Role)
	for _, it := range texts {
		named = named || vague.NamesRole(prose(it.Text))
	}
	for _, f := range []struct{ path, value string }{{"title", fm.Title}, {"target.role", fm.Target.Role.Role}} {
		if unfilledValue(f.value) {
			continue
		}
		for _, m := range c.Vague.Target(f.value) {
			// The prose excuses a stand-in in the title, not in
			// target.role, the field that is meant to be the role.
			if m.Judged && named && (f.path != "target.role" || vague.NamesRole(f.value)) {
				continue
			}
			c.Report(c.valuePos(f.path, f.value, m.Start), c.valuePos(f.path, f.value, m.End),
				fmt.Sprintf("vague target in %s: %q", f.path, f.value[m.Start:m.End]), hint)
		}
	}
	for _, it := range texts {
		if onlyPlaceholder(it) {
			continue
		}
		for _, m := range c.Vague.Target(prose(it.Text)) {
			if inSlot(it.Text, m.Start, m.End) {
				continue // the slot is RM021's
			}
			if m.Judged && named {
				continue
			}
			c.ReportText(it, m.Start, m.End, fmt.Sprintf("vague target: %q", it.Text[m.Start:m.End]), hint)
		}
	}
}

// valuePos is the position of byte i of a frontmatter string value.
func (c *Context) valuePos(path, value string, i int) roadmap.Position {
	pos, ok := c.Doc.Frontmatter.Fields[path]
	if !ok {
		return c.FieldPos(path)
	}
	line := c.Doc.LineText(pos.Line)
	// Skip an opening quote: the value's characters start after it.
	if col := pos.Column - 1; col >= 0 {
		if r := []rune(line); col < len(r) && (r[col] == '"' || r[col] == '\'') {
			pos.Column++
		}
	}
	pos.Column += utf8.RuneCountInString(value[:min(i, len(value))])
	pos.Offset = 0
	return pos
}

// sectionTexts returns a section's paragraphs and list items, each item
// whole (its sub-bullets joined in).
func sectionTexts(s *roadmap.Section) []roadmap.Item {
	if s == nil {
		return nil
	}
	out := make([]roadmap.Item, 0, len(s.Paragraphs)+len(s.Items))
	out = append(out, s.Paragraphs...)
	for _, it := range s.Items {
		out = append(out, it.Full())
	}
	return out
}

func checkHorizon(c *Context) {
	fm := c.Doc.Frontmatter
	switch {
	case fm.Horizon == "" && !c.keyFault("horizon"):
		c.ReportField("horizon", "the plan sets no horizon",
			"add `horizon: 2y` to the frontmatter: a roadmap reaches 12 to 36 months, written 12m to 36m or 1y to 3y")
	case fm.HorizonMonths > 0 && fm.HorizonMonths < 12:
		c.ReportField("horizon", fmt.Sprintf("horizon %s is shorter than a year", fm.Horizon),
			"a roadmap looks 1–3 years ahead; shorter plans are the 30-day and quarter sections")
	case fm.HorizonMonths > 36:
		c.ReportField("horizon", fmt.Sprintf("horizon %s is longer than three years", fm.Horizon),
			"beyond three years a plan is guesswork; set 3y at most and revise it each year")
	}
	s := c.Doc.Section(roadmap.SectionLongTerm)
	if s == nil {
		if fm.HorizonMonths > 12 {
			c.MissingSection(roadmap.SectionLongTerm, fmt.Sprintf("the horizon is %s but there is no Years 2–3 section", fm.Horizon),
				"add `## Years 2–3 (hypothesis)` with the direction you expect, written as assumptions to test")
		}
		return
	}
	if !strings.Contains(strings.ToLower(s.Heading), "hypothes") && !mentionsHypothesis(s) {
		c.ReportLine(s.Pos, "years 2–3 are not marked as a hypothesis",
			"rename the heading `## Years 2–3 (hypothesis)`, or say which assumptions the later years rest on")
		c.Annotate("not-hypothesis", roadmap.SectionLongTerm, "(hypothesis)")
	}
}

func mentionsHypothesis(s *roadmap.Section) bool {
	for _, it := range sectionTexts(s) {
		l := strings.ToLower(it.Text)
		if strings.Contains(l, "hypothes") || strings.Contains(l, "assumption") {
			return true
		}
	}
	return false
}

func checkCadence(c *Context) {
	fm := c.Doc.Frontmatter
	type entry struct {
		key, name, value string
		days             int
	}
	var known []entry
	for _, e := range []entry{
		{key: "checkin", name: "check-in", value: fm.Cadence.Checkin},
		{key: "review", name: "review", value: fm.Cadence.Review},
		{key: "rewrite", name: "rewrite", value: fm.Cadence.Rewrite},
	} {
		path := "cadence." + e.key
		if unfilledValue(e.value) {
			continue // RM021's
		}
		if _, set := fm.Fields[path]; !set {
			e.value = map[string]string{"checkin": roadmap.DefaultCheckin, "review": roadmap.DefaultReview, "rewrite": roadmap.DefaultRewrite}[e.key]
		}
		p, ok := cadence.Parse(e.value)
		if !ok {
			hint := "use one of " + strings.Join(cadence.Values(), ", ")
			if sug := suggest.Nearest(strings.ToLower(e.value), cadence.Values()); sug != "" {
				hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
			}
			c.ReportField(path, fmt.Sprintf("%s: %q is not a cadence", path, e.value), hint)
			c.Annotate("unknown-cadence", path, suggest.Unique(strings.ToLower(e.value), cadence.Values()))
			continue
		}
		e.days = p.Months*30 + p.Days
		known = append(known, e)
	}
	for i := 1; i < len(known); i++ {
		a, b := known[i-1], known[i]
		if b.days < a.days {
			c.ReportField("cadence."+b.key, fmt.Sprintf("the %s (%s) comes more often than the %s (%s)", b.name, b.value, a.name, a.value),
				"check in most often, review less often, rewrite least often: the defaults are monthly, quarterly, yearly")
			c.Annotate("cadence-order", "cadence."+b.key, "")
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
