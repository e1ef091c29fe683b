package history

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// heading names the plan: its file, title and owner.
func heading(t *history.Timeline) string {
	s := safetext.Name(t.File)
	if t.Title != "" {
		s += " · " + safetext.Line(t.Title)
	}
	if t.Owner != "" {
		s += " (" + safetext.Line(t.Owner) + ")"
	}
	return s
}

// source says where the story comes from.
func source(t *history.Timeline) string {
	if t.Source == history.SourceLog {
		if t.Later > 0 {
			return fmt.Sprintf("From the review log (no commit by today) · today %s", t.Today)
		}
		return fmt.Sprintf("From the review log (no git history) · today %s", t.Today)
	}
	if t.Commits == 0 {
		return fmt.Sprintf("From git: never committed, the file as it is now · today %s", t.Today)
	}
	s := fmt.Sprintf("From git: %s of the file, %s to %s", report.Plural(t.Commits, "commit", "commits"), t.FirstCommit, t.LastCommit)
	if t.FirstCommit == t.LastCommit {
		s = fmt.Sprintf("From git: %s of the file, on %s", report.Plural(t.Commits, "commit", "commits"), t.FirstCommit)
	}
	if t.Uncommitted {
		s += ", and uncommitted changes"
	}
	if t.Later > 0 {
		s += fmt.Sprintf(" (%d later left out)", t.Later)
	}
	return s + fmt.Sprintf(" · today %s", t.Today)
}

// monthTable is the month by month table. Without git there is no
// commits column; the text table leaves out the target changes and the
// ratings, which have their own sections under it (the table then fits 80
// columns).
func monthTable(t *history.Timeline, full bool) report.Table {
	git := t.Source == history.SourceGit
	tb := report.Table{All: "--format markdown or json shows every column"}
	add := func(header string, drop int) {
		tb.Headers = append(tb.Headers, header)
		tb.Cols = append(tb.Cols, report.Col{Drop: drop})
	}
	add("month", 0)
	if git {
		add("commits", 3)
	}
	add("pinned", 0)
	add("done", 0)
	add("dropped", 0)
	add("reviews", 0)
	add("due", 4)
	add("missed", 0)
	if full {
		add("target", 2)
		add("rated", 1)
	}
	row := func(label string, commits, pinned, done, dropped, reviews, due, missed, target, rated int) []string {
		r := []string{label}
		if git {
			r = append(r, count(commits))
		}
		r = append(r, count(pinned), count(done), count(dropped), count(reviews), count(due), count(missed))
		if full {
			r = append(r, count(target), count(rated))
		}
		return r
	}
	for _, m := range t.Months {
		tb.Rows = append(tb.Rows, row(m.Month, m.Commits, m.Pinned, m.Done, m.Dropped, m.Reviews, m.Due, m.Missed, m.TargetChanges, m.Assessments))
	}
	s := t.Totals
	tb.Rows = append(tb.Rows, row("total", s.Commits, s.Pinned, s.Done, s.Dropped, s.Reviews, s.Due, s.Missed, s.TargetChanges, s.Assessments))
	return tb
}

// count is a table cell: a dash for none, so the months with something
// in them stand out.
func count(n int) string {
	if n == 0 {
		return "-"
	}
	return strconv.Itoa(n)
}

// checkinSummary is the line on reviews due versus kept.
func checkinSummary(t *history.Timeline) string {
	c := t.Checkins
	if c == nil {
		n := t.Totals.Reviews
		return fmt.Sprintf("%s held; check-ins cannot be counted without a start date and a known check-in cadence",
			report.Plural(n, "review", "reviews"))
	}
	parts := []string{fmt.Sprintf("%d kept", c.Kept)}
	if c.Late > 0 {
		parts = append(parts, fmt.Sprintf("%d late", c.Late))
	}
	parts = append(parts, fmt.Sprintf("%d missed", c.Missed))
	if c.Overdue {
		parts = append(parts, "1 overdue")
	}
	return fmt.Sprintf("%s due: %s; %s held; streak %d; next due %s",
		report.Plural(c.Due, "check-in", "check-ins"), strings.Join(parts, ", "),
		report.Plural(c.Reviews, "review", "reviews"), c.Streak, c.Next)
}

// checkinDetail lists the check-ins that were not kept on time.
func checkinDetail(t *history.Timeline) []string {
	if t.Checkins == nil {
		return nil
	}
	var missed, late, overdue []string
	for _, c := range t.Checkins.List {
		switch c.State {
		case "missed":
			missed = append(missed, c.Due.String())
		case "late":
			late = append(late, fmt.Sprintf("%s (held %s)", c.Due, c.Review))
		case "overdue":
			overdue = append(overdue, c.Due.String())
		}
	}
	var out []string
	if len(late) > 0 {
		out = append(out, "late: due "+strings.Join(late, ", "))
	}
	if len(missed) > 0 {
		out = append(out, "missed: due "+strings.Join(missed, ", "))
	}
	if len(overdue) > 0 {
		out = append(out, "overdue: due "+strings.Join(overdue, ", "))
	}
	return out
}

func actionSummary(t *history.Timeline) string {
	s := t.Totals
	return fmt.Sprintf("%d pinned, %d done, %d dropped, %d open", s.Pinned, s.Done, s.Dropped, s.Open)
}

// line is a list line: what it is, then its text (wrapped under itself).
type line struct{ lead, text string }

// actionLines are the dropped actions, then the open ones.
func actionLines(t *history.Timeline) []line {
	var out []line
	for _, state := range []string{history.ActionDropped, history.ActionOpen} {
		for _, a := range t.Actions {
			if a.State != state {
				continue
			}
			kind := ""
			if a.Kind != "" {
				kind = a.Kind + ", "
			}
			if state == history.ActionDropped {
				out = append(out, line{fmt.Sprintf("dropped %s  ", a.Dropped), fmt.Sprintf("%s (%spinned %s)", a.Title, kind, a.Pinned)})
			} else {
				out = append(out, line{fmt.Sprintf("open since %s  ", a.Pinned), fmt.Sprintf("%s (%s)", a.Title, strings.TrimSuffix(kind, ", "))})
			}
		}
	}
	return out
}

func targetLines(t *history.Timeline) []line {
	var out []line
	for _, c := range t.TargetChanges {
		from, to := c.From, c.To
		if from == "" {
			from = "(none)"
		}
		if to == "" {
			to = "(none)"
		}
		commit := "uncommitted"
		if c.Commit != "" {
			commit = c.Commit
		}
		out = append(out, line{fmt.Sprintf("%s  %-6s ", c.Date, c.Field), fmt.Sprintf("%s → %s  (%s)", from, to, commit)})
	}
	return out
}

func targetEmpty(t *history.Timeline) string {
	if t.Source == history.SourceLog {
		return "need git history (the file alone keeps only its current target)"
	}
	return "none"
}

// ratingTable has a row per Assessment entry and a column per dimension
// rated in any of them: the method's four first, then the others as they
// come.
func ratingTable(t *history.Timeline) report.Table {
	var dims, labels []string
	seen := map[string]bool{}
	addDim := func(d, label string) {
		if !seen[d] {
			seen[d] = true
			dims, labels = append(dims, d), append(labels, strings.ToLower(label))
		}
	}
	for _, d := range roadmap.Dimensions {
		for _, a := range t.Ratings {
			if _, ok := a.Rating(d); ok {
				addDim(d, d)
			}
		}
	}
	for _, a := range t.Ratings {
		for _, r := range a.Ratings {
			addDim(r.Dimension, r.Label)
		}
	}
	tb := report.Table{Headers: append([]string{"date"}, labels...), All: "--format markdown or json shows every column"}
	tb.Cols = make([]report.Col, len(tb.Headers))
	tb.Headers = append(tb.Headers, "note")
	tb.Cols = append(tb.Cols, report.Col{Wrap: true, Drop: 1})
	for _, a := range t.Ratings {
		row := []string{a.Date.String()}
		for _, d := range dims {
			r, _ := a.Rating(d)
			row = append(row, rating(r))
		}
		tb.Rows = append(tb.Rows, append(row, a.Note))
	}
	return tb
}

// rating is "self/manager", "3" for self only, "-/2" for the manager
// only, "-" for none.
func rating(r roadmap.Rating) string {
	switch {
	case r.Self > 0 && r.Manager > 0:
		return fmt.Sprintf("%d/%d", r.Self, r.Manager)
	case r.Self > 0:
		return strconv.Itoa(r.Self)
	case r.Manager > 0:
		return fmt.Sprintf("-/%d", r.Manager)
	}
	return "-"
}

func skippedLine(s history.Skipped) string {
	commit := s.Commit
	if commit == "" {
		commit = "uncommitted"
	}
	return fmt.Sprintf("%s %s: %s", s.Date, commit, s.Reason)
}

func writeText(ios *iostreams.IOStreams, t *history.Timeline) error {
	cs := ios.ColorScheme()
	width := ios.TerminalWidth()
	var b strings.Builder
	para := func(prefix, text string) { report.Hanging(&b, prefix, text, width) }
	head := func(title string) { b.WriteString("\n" + cs.Bold(title) + "\n") }

	for _, l := range report.Wrap(heading(t), width) {
		b.WriteString(cs.Bold(l) + "\n")
	}
	para("", source(t))
	for _, s := range t.Skipped {
		para("  ", cs.Yellow("skipped a version that could not be read: "+skippedLine(s)))
	}
	b.WriteString("\n")
	if err := monthTable(t, false).Render(&b, report.FormatTable, report.OptionsFor(ios)); err != nil {
		return err
	}

	head("Reviews")
	para("  ", checkinSummary(t))
	for _, l := range checkinDetail(t) {
		para("  ", l)
	}
	head("Actions")
	para("  ", actionSummary(t))
	for _, l := range actionLines(t) {
		para("  "+l.lead, safetext.Line(l.text))
	}
	head("Target changes")
	lines := targetLines(t)
	if len(lines) == 0 {
		para("  ", targetEmpty(t))
	}
	for _, l := range lines {
		para("  "+l.lead, safetext.Line(l.text))
	}
	head("Ratings")
	if len(t.Ratings) == 0 {
		para("  ", "no Assessment entry yet (see docs/assessment.md)")
	} else {
		para("  ", "self/manager, 1-5 against the target level")
		if err := ratingTable(t).Render(&b, report.FormatTable, report.OptionsFor(ios)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(ios.Out, b.String())
	return err
}

func writeMarkdown(w io.Writer, t *history.Timeline) error {
	var b strings.Builder
	md := report.MarkdownText
	fmt.Fprintf(&b, "# History of %s\n\n%s\n", md(heading(t)), md(source(t)))
	for _, s := range t.Skipped {
		fmt.Fprintf(&b, "\nSkipped a version that could not be read: %s\n", md(skippedLine(s)))
	}
	b.WriteString("\n## By month\n\n")
	if err := monthTable(t, true).Render(&b, report.FormatMarkdown, report.TableOptions{}); err != nil {
		return err
	}
	fmt.Fprintf(&b, "\n## Reviews\n\n- %s\n", md(checkinSummary(t)))
	for _, l := range checkinDetail(t) {
		fmt.Fprintf(&b, "- %s\n", md(l))
	}
	fmt.Fprintf(&b, "\n## Actions\n\n- %s\n", md(actionSummary(t)))
	for _, l := range actionLines(t) {
		fmt.Fprintf(&b, "- %s%s\n", md(l.lead), md(l.text))
	}
	b.WriteString("\n## Target changes\n\n")
	lines := targetLines(t)
	if len(lines) == 0 {
		fmt.Fprintf(&b, "- %s\n", md(targetEmpty(t)))
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "- %s%s\n", md(l.lead), md(l.text))
	}
	b.WriteString("\n## Ratings\n\n")
	if len(t.Ratings) == 0 {
		b.WriteString("No Assessment entry yet.\n")
	} else {
		b.WriteString("Self/manager, 1-5 against the target level.\n\n")
		if err := ratingTable(t).Render(&b, report.FormatMarkdown, report.TableOptions{}); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
