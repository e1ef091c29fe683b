package gap

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/gap"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// levelName is "senior" within one track and "track/level" across tracks.
func levelName(c *gap.Comparison, l *ladder.Level) string {
	if c.CrossTrack {
		return l.Ref()
	}
	return l.ID
}

func describe(l *ladder.Level) string { return fmt.Sprintf("%s (%s)", l.Title, l.Ref()) }

// pathLine says how the two levels relate: one step, the steps between,
// across tracks, no known path, a step down, the same level.
func pathLine(c *gap.Comparison) string {
	switch {
	case c.From == c.To:
		return "Current and target are the same level: the rows show what it expects."
	case c.Down:
		return fmt.Sprintf("%s comes before %s on %s: a step down, compared directly.", c.To.ID, c.From.ID, c.From.Track.ID)
	case c.Path == nil:
		return fmt.Sprintf("No ladder link leads from %s to %s: the two levels are compared directly.", c.From.Ref(), c.To.Ref())
	}
	names := make([]string, len(c.Path))
	for i, l := range c.Path {
		names[i] = levelName(c, l)
	}
	s := "Path: " + strings.Join(names, " → ")
	switch n := len(c.Steps()); {
	case n == 0 && c.CrossTrack:
		s += " (one move, across tracks)"
	case n == 0:
		s += " (one step)"
	case n == 1:
		s += " (1 level between, listed below)"
	default:
		s += fmt.Sprintf(" (%d levels between, listed below)", n)
	}
	return s
}

// expectCell lists a level's expectations: a bullet per skill or
// milestone, a sentence for the others.
func expectCell(dim string, exp []string) string {
	if len(exp) == 0 {
		return "-"
	}
	if dim == gap.Skills || dim == gap.Milestones {
		return "- " + strings.Join(exp, "\n- ")
	}
	return strings.Join(exp, " ")
}

// roadmapCells are the "roadmap's gap" and "evidence" cells of a row.
func roadmapCells(r gap.Row) (said, evidence string) {
	cov := r.Coverage
	switch {
	case cov.Derived && cov.Status == gap.Covered:
		var dims []string
		for _, it := range cov.Items {
			dims = append(dims, dimName(it))
		}
		return "The evidence projects are the milestones: " + strings.Join(dims, ", "),
			fmt.Sprintf("%d named", len(cov.Items))
	case cov.Derived && cov.Status == gap.NoEvidence:
		return "No gap item names an evidence project", "NONE"
	case cov.Derived:
		return "MISSING: the Gap section has no items", "-"
	case cov.Status == gap.Missing:
		return "MISSING: no gap item for " + r.Dimension, "-"
	case cov.Status == gap.NotApplicable:
		reason := cov.Reason
		if reason == "" {
			reason = "(no reason given)"
		}
		return "NOT APPLICABLE, says the roadmap: " + reason, "-"
	}
	var details, evs []string
	for _, it := range cov.Items {
		if it.NotApplicable {
			continue
		}
		details = append(details, it.Detail)
		if it.Evidence != "" {
			evs = append(evs, it.Evidence)
		}
	}
	if len(evs) == 0 {
		return strings.Join(details, "\n"), "NONE: name the project that will prove it"
	}
	return strings.Join(details, "\n"), strings.Join(evs, "\n")
}

func dimName(it gap.Item) string {
	if it.Dimension != "" {
		return it.Dimension
	}
	return "(no dimension)"
}

// flagText explains why a flagged dimension is not covered and how to fix it.
func flagText(r gap.Row) string {
	cov := r.Coverage
	line := ""
	if len(cov.Items) > 0 {
		line = fmt.Sprintf(" (line %d)", cov.Items[0].Line)
	}
	label := strings.ToUpper(r.Dimension[:1]) + r.Dimension[1:]
	switch {
	case cov.Derived && cov.Status == gap.NoEvidence:
		return "no gap item names an evidence project: add `Evidence:` with the project that will prove each dimension"
	case cov.Derived:
		return "the Gap section has no items: list the gap dimension by dimension, each with `Evidence:`"
	case cov.Status == gap.Missing:
		return fmt.Sprintf("not in the roadmap's Gap section: add `- **%s:** … Evidence: …`, or say why it does not apply", label)
	case cov.Status == gap.NotApplicable:
		s := "not covered by the plan: the roadmap marks it as not applicable" + line
		if cov.Reason != "" {
			s += ": " + cov.Reason
		}
		return s
	case cov.Status == gap.NoEvidence:
		return "no evidence project" + line + ": add `Evidence:` naming the project that will prove it"
	}
	return cov.Status
}

func writeTable(ios *iostreams.IOStreams, c *gap.Comparison, doc *roadmap.Document) error {
	cs := ios.ColorScheme()
	width := ios.TerminalWidth()
	var b strings.Builder
	if doc != nil {
		title := doc.Frontmatter.Title
		if title == "" {
			title = doc.Title
		}
		b.WriteString(cs.Bold(strings.Join(report.Wrap(doc.Path+": "+title, width-1), "\n")) + "\n")
	}
	b.WriteString(strings.Join(report.Wrap(describe(c.From)+" → "+describe(c.To), width-1), "\n") + "\n")
	b.WriteString(strings.Join(report.Wrap(pathLine(c), width-1), "\n") + "\n\n")

	// The levels are named above the table; headers stay short so they
	// do not wrap in narrow columns.
	tbl := report.Table{Headers: []string{"dimension", "current", "target"}}
	if c.Roadmap {
		tbl.Headers = append(tbl.Headers, "roadmap's gap", "evidence")
	}
	assessed, rated := latestAssessment(doc)
	if rated {
		tbl.Headers = append(tbl.Headers, "rating")
	}
	for _, r := range c.Rows {
		row := []string{r.Dimension, expectCell(r.Dimension, r.Current), expectCell(r.Dimension, r.Target)}
		if c.Roadmap {
			said, ev := roadmapCells(r)
			row = append(row, said, ev)
		}
		if rated {
			row = append(row, ratingCell(doc, r.Dimension, "\n", "mgr"))
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	if err := renderFitted(&b, tbl, ios, width); err != nil {
		return err
	}
	if rated {
		b.WriteString(strings.Join(report.Wrap(ratingNote(assessed, c), width-1), "\n") + "\n")
	}

	if steps := c.Steps(); len(steps) > 0 {
		b.WriteString("\nLevels between\n")
		st := report.Table{Headers: []string{"level", "title", "scope", "milestones"}}
		for _, l := range steps {
			st.Rows = append(st.Rows, []string{levelName(c, l), l.Title, l.Scope, expectCell(gap.Milestones, l.Milestones)})
		}
		if err := renderFitted(&b, st, ios, width); err != nil {
			return err
		}
	}

	if c.Roadmap {
		flagged := c.Flagged()
		b.WriteString("\n")
		if len(flagged) == 0 {
			b.WriteString(cs.Green("Every dimension has a gap item with an evidence project.") + "\n")
		} else {
			fmt.Fprintf(&b, "%s\n", cs.Bold(fmt.Sprintf("Flagged: %d of %d dimensions not covered by an evidence project", len(flagged), len(c.Rows))))
			for _, r := range flagged {
				writeHanging(&b, fmt.Sprintf("  %-11s ", r.Dimension), flagText(r), width, cs.Yellow)
			}
		}
		if len(c.Other) > 0 {
			b.WriteString("\nAlso in the Gap section (no ladder dimension)\n")
			for _, it := range c.Other {
				text := fmt.Sprintf("%s (line %d)", it.Detail, it.Line)
				if it.Evidence != "" {
					text += "; evidence: " + it.Evidence
				}
				name := it.Label
				if name == "" {
					name = "(no label)"
				}
				writeHanging(&b, fmt.Sprintf("  %-11s ", name), text, width, nil)
			}
		}
	}
	_, err := io.WriteString(ios.Out, b.String())
	return err
}

// renderFitted wraps the cells so the bordered table fits in width
// columns, on a terminal or not (a gap table is read by people), then
// renders it.
func renderFitted(w io.Writer, t report.Table, ios *iostreams.IOStreams, width int) error {
	widths := report.FitWidths(t.Headers, t.Rows, width)
	wrap := func(row []string) []string {
		out := make([]string, len(row))
		for i, c := range row {
			out[i] = strings.Join(report.Wrap(c, widths[i]), "\n")
		}
		return out
	}
	fitted := report.Table{Headers: wrap(t.Headers)}
	for _, r := range t.Rows {
		fitted.Rows = append(fitted.Rows, wrap(r))
	}
	return fitted.Render(w, report.FormatTable, report.OptionsFor(ios))
}

// writeHanging writes prefix then text wrapped to width, continuation
// lines indented under the text.
func writeHanging(b *strings.Builder, prefix, text string, width int, colour func(string) string) {
	indent := strings.Repeat(" ", len([]rune(prefix)))
	lines := report.Wrap(text, max(width-1-len([]rune(prefix)), 20))
	for i, l := range lines {
		if colour != nil {
			l = colour(l)
		}
		if i == 0 {
			b.WriteString(prefix + l + "\n")
		} else {
			b.WriteString(indent + l + "\n")
		}
	}
}

func writeMarkdown(w io.Writer, c *gap.Comparison, doc *roadmap.Document) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Gap: %s → %s\n\n", mdText(describe(c.From)), mdText(describe(c.To)))
	if doc != nil {
		title := doc.Frontmatter.Title
		if title == "" {
			title = doc.Title
		}
		fmt.Fprintf(&b, "Roadmap: `%s` (%s)\n\n", doc.Path, mdText(title))
	}
	fmt.Fprintf(&b, "%s\n\n", mdText(pathLine(c)))
	tbl := report.Table{Headers: []string{"dimension", "current: `" + levelName(c, c.From) + "`", "target: `" + levelName(c, c.To) + "`"}}
	if c.Roadmap {
		tbl.Headers = append(tbl.Headers, "roadmap's gap", "evidence")
	}
	assessed, rated := latestAssessment(doc)
	if rated {
		tbl.Headers = append(tbl.Headers, "rating")
	}
	for _, r := range c.Rows {
		row := []string{"**" + r.Dimension + "**", expectCell(r.Dimension, r.Current), expectCell(r.Dimension, r.Target)}
		if c.Roadmap {
			said, ev := roadmapCells(r)
			row = append(row, said, ev)
		}
		if rated {
			row = append(row, ratingCell(doc, r.Dimension, ", ", "manager"))
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	if err := tbl.Render(&b, report.FormatMarkdown, report.TableOptions{}); err != nil {
		return err
	}
	if rated {
		fmt.Fprintf(&b, "\n%s\n", mdText(ratingNote(assessed, c)))
	}
	if steps := c.Steps(); len(steps) > 0 {
		b.WriteString("\n### Levels between\n\n")
		st := report.Table{Headers: []string{"level", "title", "scope", "milestones"}}
		for _, l := range steps {
			st.Rows = append(st.Rows, []string{"`" + levelName(c, l) + "`", l.Title, l.Scope, expectCell(gap.Milestones, l.Milestones)})
		}
		if err := st.Render(&b, report.FormatMarkdown, report.TableOptions{}); err != nil {
			return err
		}
	}
	if c.Roadmap {
		b.WriteString("\n")
		if flagged := c.Flagged(); len(flagged) == 0 {
			b.WriteString("Every dimension has a gap item with an evidence project.\n")
		} else {
			fmt.Fprintf(&b, "**Flagged:** %d of %d dimensions not covered by an evidence project\n\n", len(flagged), len(c.Rows))
			for _, r := range flagged {
				fmt.Fprintf(&b, "- **%s**: %s\n", r.Dimension, mdText(flagText(r)))
			}
		}
		if len(c.Other) > 0 {
			b.WriteString("\n**Also in the Gap section** (no ladder dimension)\n\n")
			for _, it := range c.Other {
				name := it.Label
				if name == "" {
					name = "(no label)"
				}
				fmt.Fprintf(&b, "- **%s** (line %d): %s", mdText(name), it.Line, mdText(it.Detail))
				if it.Evidence != "" {
					fmt.Fprintf(&b, "; evidence: %s", mdText(it.Evidence))
				}
				b.WriteString("\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdText keeps text on one line for Markdown prose. The roadmap's own
// Markdown (bold, code) is kept as written.
func mdText(s string) string { return strings.Join(strings.Fields(s), " ") }

// ratingCell is a dimension's latest ratings: "self 3" and "manager 1"
// (manager named as given: the terminal table is narrow) joined by sep,
// "-" when the latest assessment does not rate it.
func ratingCell(doc *roadmap.Document, dim, sep, manager string) string {
	r, ok := latestRating(doc, dim)
	if !ok {
		return "-"
	}
	var parts []string
	if r.Self > 0 {
		parts = append(parts, fmt.Sprintf("self %d", r.Self))
	}
	if r.Manager > 0 {
		parts = append(parts, fmt.Sprintf("%s %d", manager, r.Manager))
	}
	return strings.Join(parts, sep)
}

// ratingNote says where the rating column comes from.
func ratingNote(a roadmap.Assessment, c *gap.Comparison) string {
	return fmt.Sprintf("Ratings: the %s assessment, 1 to 5 against %s (5: working at that level).", a.Date, levelName(c, c.To))
}
