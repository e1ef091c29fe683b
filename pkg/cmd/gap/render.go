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
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// levelName is "senior" within one track and "track/level" across tracks.
func levelName(c *gap.Comparison, l *ladder.Level) string {
	if c.CrossTrack {
		return l.Ref()
	}
	return l.ID
}

func describe(l *ladder.Level) string { return fmt.Sprintf("%s (%s)", l.Title, l.Ref()) }

// describeAs names a level by the roadmap's own title for it when it has
// another ("Clinical Data Analyst (data-scientist/entry, Data Scientist
// I)"): the person's target, not the ladder's name for its level.
func describeAs(l *ladder.Level, role string) string {
	role = strings.TrimSpace(role)
	switch {
	case role == "" || strings.EqualFold(role, l.Title) || roadmap.IsPlaceholder(role):
		return describe(l)
	case strings.Contains(strings.ToLower(role), strings.ToLower(l.Title)):
		// "Product Manager, API Platform" already says the level's title.
		return fmt.Sprintf("%s (%s)", role, l.Ref())
	}
	return fmt.Sprintf("%s (%s, %s)", role, l.Ref(), l.Title)
}

// headingSides are the two levels as the heading names them: the target
// by the roadmap's title for it when it has one (the current side by the
// ladder's: a person's title today is often the less specific one).
func headingSides(c *gap.Comparison, doc *roadmap.Document) (from, to string) {
	tgt := ""
	if doc != nil {
		tgt = doc.Frontmatter.Target.Role.Role
	}
	if c.From != nil {
		from = describe(c.From)
	}
	return from, describeAs(c.To, tgt)
}

// heading is "From (ref) → To (ref)", or "Target: To (ref)" without a
// current level.
func heading(c *gap.Comparison, doc *roadmap.Document) string {
	from, to := headingSides(c, doc)
	if c.From == nil {
		return "Target: " + to
	}
	return from + " → " + to
}

// intro is the lines under the heading: how the levels relate and in
// which direction, or why only the target is shown.
func intro(c *gap.Comparison) []string {
	if c.From == nil {
		return []string{c.Outside.Message()}
	}
	lines := []string{pathLine(c)}
	if s := shiftLine(c); s != "" {
		lines = append(lines, s)
	}
	return lines
}

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

// sameLine is true for two levels of one kind on one track, where the
// ladder order is the direction.
func sameLine(c *gap.Comparison) bool {
	return !c.CrossTrack && c.From.Kind == c.To.Kind
}

// shiftLine calls the direction of the move, by level and by pay, with
// the figures behind it; "" for the same level.
func shiftLine(c *gap.Comparison) string {
	s := c.Shift
	if s == nil || s.Direction == gap.Same {
		return ""
	}
	pay := payText(c)
	if sameLine(c) {
		return fmt.Sprintf("Direction: %s (ladder order on %s); pay: %s.", s.Direction, c.To.Track.ID, pay)
	}
	level := "no comparison (a level gives no typical years)"
	if s.Level != "" {
		level = fmt.Sprintf("%s (typical years %s → %s)", s.Level, c.From.Years, c.To.Years)
	}
	payDir := ""
	if s.Pay != "" {
		payDir = s.Pay + " "
	}
	line := fmt.Sprintf("Direction: %s. By level: %s. By pay: %s(%s).", s.Direction, level, payDir, pay)
	if a, b := c.From.Salary, c.To.Salary; a != nil && b != nil && a.Occupation != b.Occupation && a.Occupation != "" && b.Occupation != "" {
		line += fmt.Sprintf(" The two bands describe different occupations: %s; %s.", a.Occupation, b.Occupation)
	}
	return line
}

// payText is the pay difference of the band floors, or why there is none.
func payText(c *gap.Comparison) string {
	s, a, b := c.Shift, c.From.Salary, c.To.Salary
	switch {
	case a == nil || b == nil:
		return "no salary on one side"
	case !s.PayComparable:
		return "the bands differ in currency or basis"
	case a.Topcoded && b.Topcoded && a.High == nil && b.High == nil:
		return "both at or above the BLS top code, so they cannot be told apart"
	}
	return fmt.Sprintf("band floor %s → %s, %s, %+d%%", ladder.Money(a.Currency, a.Low), ladder.Money(b.Currency, b.Low),
		signedMoney(a.Currency, s.PayDiff), s.PayPercent)
}

func signedMoney(currency string, d int) string {
	if d < 0 {
		return "-" + ladder.Money(currency, -d)
	}
	return "+" + ladder.Money(currency, d)
}

// hopLines are the written moves along the way, each with what it
// requires and costs; or, across tracks or kinds, the line saying no
// written move exists.
func hopLines(c *gap.Comparison) (title string, hops []gap.Hop, none string) {
	if c.From == nil || c.From == c.To {
		return "", nil, ""
	}
	if len(c.Hops) == 0 {
		if c.CrossTrack || c.From.Kind != c.To.Kind {
			return "", nil, fmt.Sprintf("No written move leads from %s to %s: the ladders say nothing of what this change "+
				"requires or costs.", c.From.Ref(), c.To.Ref())
		}
		return "", nil, ""
	}
	title = "Written move"
	if c.Path == nil {
		title = "Nearest written move (into " + c.To.Track.ID + ")"
	} else if len(c.Hops) > 1 {
		title = "Written moves on the way"
	}
	return title, c.Hops, ""
}

func hopName(h gap.Hop) string {
	return fmt.Sprintf("%s (%s): %s → %s", h.Move.Title, ladder.CategoryTitle(h.Move.Category), h.From.Ref(), h.To.Ref())
}

// sides are the levels whose years and salary the table shows.
func sides(c *gap.Comparison) []*ladder.Level {
	if c.From == nil {
		return []*ladder.Level{c.To}
	}
	return []*ladder.Level{c.From, c.To}
}

func yearsCell(l *ladder.Level) string {
	if l.Years == "" {
		return "-"
	}
	return l.Years
}

func salaryCell(l *ladder.Level) string {
	if l.Salary == nil {
		return "no published figure"
	}
	return l.Salary.Text()
}

// salaryNotes are the salary notes of the levels shown, one per level
// ("" notes left out), and the notice of what the figures are.
func salaryNotes(c *gap.Comparison) (notes [][2]string, notice string) {
	var sals []*ladder.Salary
	for _, l := range sides(c) {
		sals = append(sals, l.Salary)
		if l.Salary != nil && l.Salary.Note != "" {
			notes = append(notes, [2]string{levelName(c, l), l.Salary.Note})
		}
	}
	return notes, ladder.NoticeFor(sals...)
}

// tableHeaders are the main table's columns; rated adds the latest
// assessment's ratings.
func tableHeaders(c *gap.Comparison, rated bool, current, target string) []string {
	h := []string{"dimension"}
	if c.From != nil {
		h = append(h, current)
	}
	h = append(h, target)
	if c.Roadmap {
		h = append(h, "roadmap's gap", "evidence")
	}
	if rated {
		h = append(h, "rating")
	}
	return h
}

// tableRows are the five dimensions, then the typical years and the
// salary of each side. dim formats the dimension name; rating, when not
// nil, is the rating cell of a dimension.
func tableRows(c *gap.Comparison, dim func(string) string, rating func(string) string) [][]string {
	var rows [][]string
	for _, r := range c.Rows {
		row := []string{dim(r.Dimension)}
		if c.From != nil {
			row = append(row, expectCell(r.Dimension, r.Current))
		}
		row = append(row, expectCell(r.Dimension, r.Target))
		if c.Roadmap {
			said, ev := roadmapCells(r)
			row = append(row, said, ev)
		}
		if rating != nil {
			row = append(row, rating(r.Dimension))
		}
		rows = append(rows, row)
	}
	for _, extra := range []struct {
		name string
		cell func(*ladder.Level) string
	}{{"years", yearsCell}, {"salary", salaryCell}} {
		row := []string{dim(extra.name)}
		for _, l := range sides(c) {
			row = append(row, extra.cell(l))
		}
		if c.Roadmap {
			row = append(row, "", "")
		}
		if rating != nil {
			row = append(row, "")
		}
		rows = append(rows, row)
	}
	return rows
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
	para := func(text string) { b.WriteString(strings.Join(report.Wrap(text, width-1), "\n") + "\n") }
	if doc != nil {
		title := doc.Frontmatter.Title
		if title == "" {
			title = doc.Title
		}
		b.WriteString(cs.Bold(strings.Join(report.Wrap(safetext.Name(doc.Path)+": "+safetext.Line(title), width-1), "\n")) + "\n")
	}
	para(heading(c, doc))
	for _, l := range intro(c) {
		para(l)
	}
	b.WriteString("\n")

	// The levels are named above the table; headers stay short so they
	// do not wrap in narrow columns.
	assessed, rated := latestAssessment(doc)
	var rating func(string) string
	if rated {
		rating = func(dim string) string { return ratingCell(doc, dim, "\n", "mgr") }
	}
	tbl := report.Table{Headers: tableHeaders(c, rated, "current", "target"),
		Rows: tableRows(c, func(d string) string { return d }, rating)}
	if err := renderFitted(&b, tbl, ios, width); err != nil {
		return err
	}
	if rated {
		para(ratingNote(assessed, c))
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

	if title, hops, none := hopLines(c); none != "" {
		b.WriteString("\n")
		para(none)
	} else if len(hops) > 0 {
		fmt.Fprintf(&b, "\n%s\n", cs.Bold(title))
		for _, h := range hops {
			writeHanging(&b, "  ", hopName(h), width, nil)
			writeHanging(&b, "    requires:   ", h.Move.Requires, width, nil)
			writeHanging(&b, "    trade-offs: ", h.Move.Tradeoffs, width, nil)
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

	notes, notice := salaryNotes(c)
	if len(notes) > 0 {
		b.WriteString("\nSalary notes\n")
		// A long level name would squeeze its note into a narrow column:
		// then every level's name has a line of its own, so the notes
		// read alike.
		long := false
		for _, n := range notes {
			long = long || len(n[0]) > 12
		}
		for _, n := range notes {
			if long {
				b.WriteString("  " + n[0] + ":\n")
				writeHanging(&b, "    ", n[1], width, nil)
				continue
			}
			writeHanging(&b, "  "+n[0]+": ", n[1], width, nil)
		}
	}
	if notice != "" {
		b.WriteString("\n")
		para(notice)
	}
	_, err := io.WriteString(ios.Out, b.String())
	return err
}

// renderFitted renders a gap table fitted to the terminal: the first
// column (a dimension or a level id) is never broken, the others are
// prose that wraps. Nothing is left out: a terminal too narrow for the
// table gets one block per row.
func renderFitted(w io.Writer, t report.Table, ios *iostreams.IOStreams, width int) error {
	t.Cols = make([]report.Col, len(t.Headers))
	for i := 1; i < len(t.Cols); i++ {
		t.Cols[i].Wrap = true
	}
	opts := report.OptionsFor(ios)
	opts.Width = width
	return t.Render(w, report.FormatTable, opts)
}

// writeHanging writes prefix then text wrapped to width, continuation
// lines indented under the text.
func writeHanging(b *strings.Builder, prefix, text string, width int, colour func(string) string) {
	indent := strings.Repeat(" ", report.Width(prefix))
	lines := report.Wrap(text, max(width-1-report.Width(prefix), 20))
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
	// One heading for both: "Gap: From → To", or "Gap: To" (not "Gap:
	// Target: To").
	if from, to := headingSides(c, doc); c.From == nil {
		fmt.Fprintf(&b, "## Gap: %s\n\n", mdText(to))
	} else {
		fmt.Fprintf(&b, "## Gap: %s → %s\n\n", mdText(from), mdText(to))
	}
	if doc != nil {
		title := doc.Frontmatter.Title
		if title == "" {
			title = doc.Title
		}
		fmt.Fprintf(&b, "Roadmap: %s (%s)\n\n", report.MarkdownCode(safetext.Name(doc.Path)), mdText(title))
	}
	for _, l := range intro(c) {
		fmt.Fprintf(&b, "%s\n\n", mdText(l))
	}
	current := ""
	if c.From != nil {
		current = "current: `" + levelName(c, c.From) + "`"
	}
	assessed, rated := latestAssessment(doc)
	var rating func(string) string
	if rated {
		rating = func(dim string) string { return ratingCell(doc, dim, ", ", "manager") }
	}
	tbl := report.Table{Headers: tableHeaders(c, rated, current, "target: `"+levelName(c, c.To)+"`"),
		Rows: tableRows(c, func(d string) string { return "**" + d + "**" }, rating)}
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
	if title, hops, none := hopLines(c); none != "" {
		fmt.Fprintf(&b, "\n%s\n", mdText(none))
	} else if len(hops) > 0 {
		fmt.Fprintf(&b, "\n### %s\n\n", title)
		for _, h := range hops {
			fmt.Fprintf(&b, "- **%s** (%s): `%s` → `%s`\n  - requires: %s\n  - trade-offs: %s\n",
				mdText(h.Move.Title), ladder.CategoryTitle(h.Move.Category), h.From.Ref(), h.To.Ref(),
				mdText(h.Move.Requires), mdText(h.Move.Tradeoffs))
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
	notes, notice := salaryNotes(c)
	if len(notes) > 0 {
		b.WriteString("\n**Salary notes**\n\n")
		for _, n := range notes {
			fmt.Fprintf(&b, "- `%s`: %s\n", n[0], mdText(n[1]))
		}
	}
	if notice != "" {
		fmt.Fprintf(&b, "\n_%s_\n", notice)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdText keeps text on one line for Markdown prose, HTML escaped (a
// title of <img onerror=…> is text). The roadmap's own Markdown (bold,
// code) is kept as written.
func mdText(s string) string { return report.MarkdownText(strings.Join(strings.Fields(s), " ")) }

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
