package lint

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Context is what a rule sees: the document, the day it is checked on,
// the phrase matcher, and a way to report.
type Context struct {
	Doc   *roadmap.Document
	Today civil.Date
	Vague *vague.Matcher
	// History is what version control knows of the file.
	History History
	// Ladders are the ladders in effect (nil when they could not be read).
	Ladders *ladder.Set

	rule     *Rule
	severity Severity
	findings []Finding
	shared   *docShared
}

// docShared is what the rules of one Lint call work out once for the
// document and share.
type docShared struct {
	unfilled   map[int]bool    // by item offset
	linkLabels map[string]bool // link reference definitions, lower-cased
}

// Report records a finding spanning start to end (end may be zero: the
// rest of start's line is used).
func (c *Context) Report(start, end roadmap.Position, msg, hint string) {
	c.reportSeverity(c.severity, start, end, msg, hint)
}

func (c *Context) reportSeverity(sev Severity, start, end roadmap.Position, msg, hint string) {
	if start.IsZero() {
		start = c.anchor()
	}
	if end.IsZero() || end.Line < start.Line || (end.Line == start.Line && end.Column <= start.Column) {
		end = c.lineEnd(start)
	}
	c.findings = append(c.findings, Finding{
		File: c.Doc.Path, Line: start.Line, Column: start.Column,
		EndLine: end.Line, EndColumn: end.Column,
		Rule: c.rule.ID, Name: c.rule.Name, Severity: sev,
		Message: msg, Hint: hint,
	})
}

// Annotate says what the finding just reported is about, for fixes: its
// code, its subject (key path or section key) and the one correct value
// ("" when there is none). See Finding.
func (c *Context) Annotate(code, subject, suggestion string) {
	if n := len(c.findings); n > 0 {
		f := &c.findings[n-1]
		f.Code, f.Subject, f.Suggestion = code, subject, suggestion
	}
}

// ReportLine records a finding covering the line at pos from pos on.
func (c *Context) ReportLine(pos roadmap.Position, msg, hint string) {
	c.Report(pos, roadmap.Position{}, msg, hint)
}

// ReportText records a finding on it.Text[start:end].
func (c *Context) ReportText(it roadmap.Item, start, end int, msg, hint string) {
	c.Report(it.PosOf(start), it.PosOf(end), msg, hint)
}

// ReportItem records a finding on the first line of an item.
func (c *Context) ReportItem(it roadmap.Item, msg, hint string) {
	end := it.End
	if end.Line != it.Pos.Line {
		end = roadmap.Position{}
	}
	c.Report(it.Pos, end, msg, hint)
}

// ReportField records a finding on a frontmatter value ("target.role"),
// or on the closest key present when it is missing.
func (c *Context) ReportField(path string, msg, hint string) {
	c.ReportLine(c.FieldPos(path), msg, hint)
}

// FieldPos is where a frontmatter key path's value sits; for a missing key
// its nearest present parent, else the frontmatter's first line.
func (c *Context) FieldPos(path string) roadmap.Position {
	fields := c.Doc.Frontmatter.Fields
	for p := path; p != ""; p = parent(p) {
		if pos, ok := fields[p]; ok {
			return pos
		}
	}
	return roadmap.Position{Line: max(c.Doc.Frontmatter.StartLine, 1), Column: 1}
}

func parent(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' {
			return path[:i]
		}
	}
	return ""
}

// keyFault reports whether RM001 already reports the frontmatter value at
// path as malformed or a placeholder (Document.FieldProblem): a rule that
// would report it as missing leaves it at that one finding. (A misspelt
// key is still reported as missing too: RM001 only warns about an unknown
// key, and the value it holds is not read.)
func (c *Context) keyFault(path string) bool {
	return c.Doc.FieldProblem(path)
}

// MissingSection reports a section the roadmap lacks: on the heading that
// looks meant to be it ("## Next 30 dys"), with "did you mean" (hint is
// then not given: the section is there, under another name), else at the
// anchor.
func (c *Context) MissingSection(key, msg, hint string) {
	for _, s := range c.Doc.Sections {
		if s.Key == "" && s.Near == key {
			name := roadmap.SectionNames[key]
			c.ReportLine(s.Pos, fmt.Sprintf("%s: %q is not read as one", msg, s.Heading),
				fmt.Sprintf("did you mean `## %s`? rename the heading so it is read as that section", name))
			// A misspelling has one correct edit; a heading that only hints
			// at the section may be meant as another.
			suggestion := ""
			if s.Misspelt {
				suggestion = name
			}
			c.Annotate("heading-near-miss", key, suggestion)
			return
		}
	}
	// "### Next 30 days" under another section: the name is right, the
	// level one too deep.
	for _, s := range c.Doc.Sections {
		for _, h := range s.Subheadings {
			if roadmap.SectionKey(h.Text) == key {
				c.ReportLine(h.Pos, fmt.Sprintf("%s: %q is a sub-heading of %q, not a section", msg, h.Text, s.Heading),
					fmt.Sprintf("make it a `##` heading (`## %s`) so it is read as that section", roadmap.SectionNames[key]))
				c.Annotate("heading-near-miss", key, "")
				return
			}
		}
	}
	c.ReportLine(c.anchor(), msg, hint)
}

// SectionPos
// anchor is where findings about something missing from the body go: the
// H1 title, else the first line after the frontmatter.
func (c *Context) anchor() roadmap.Position {
	d := c.Doc
	if !d.TitlePos.IsZero() {
		return d.TitlePos
	}
	line := d.Frontmatter.EndLine + 1
	if line > d.LineCount() {
		line = max(d.LineCount(), 1)
	}
	return roadmap.Position{Line: line, Column: 1}
}

// lineEnd is the position just past the last character of pos's line (at
// least one character past pos, so a span is never empty).
func (c *Context) lineEnd(pos roadmap.Position) roadmap.Position {
	n := utf8.RuneCountInString(c.Doc.LineText(pos.Line))
	return roadmap.Position{Line: pos.Line, Column: max(n+1, pos.Column+1)}
}

// prose blanks out HTML comments (suppression comments among them) with
// spaces of the same length, so phrase matching never reads them as part
// of the plan and every offset still points into the original text.
func prose(s string) string {
	i := strings.Index(s, "<!--")
	if i < 0 {
		return s
	}
	b := []byte(s)
	for i >= 0 {
		end := strings.Index(s[i:], "-->")
		if end < 0 {
			end = len(s) - i
		} else {
			end += len("-->")
		}
		for j := i; j < i+end; j++ {
			b[j] = ' '
		}
		next := strings.Index(s[i+end:], "<!--")
		if next < 0 {
			break
		}
		i += end + next
	}
	return string(b)
}
