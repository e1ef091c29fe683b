package plan

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// days says how far a date is: "today", "tomorrow", "in 5 days",
// "yesterday", "3 days ago".
func days(n int) string {
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 1:
		return fmt.Sprintf("in %d days", n)
	}
	return fmt.Sprintf("%d days ago", -n)
}

// overdueBy says how long a date has passed: "overdue by 1 day".
func overdueBy(n int) string {
	if n == 1 {
		return "overdue by 1 day"
	}
	return fmt.Sprintf("overdue by %d days", n)
}

// when is an action's or checkpoint's distance from today, as a person
// reads it.
func when(daysLeft int, overdue bool) string {
	if overdue {
		return overdueBy(-daysLeft)
	}
	return days(daysLeft)
}

// windowLine describes the 30-day window.
func windowLine(w *plan.Window) string {
	head := fmt.Sprintf("%s to %s", w.Start, w.End)
	switch {
	case w.Expired:
		return fmt.Sprintf("%s · ended %s", head, days(w.DaysLeft))
	case w.NotStarted:
		return fmt.Sprintf("%s · starts %s", head, days(-w.Start.DaysUntil(w.End)+w.DaysLeft))
	case w.DaysLeft == 0:
		return head + " · last day"
	case w.DaysLeft == 1:
		return head + " · 1 day left"
	}
	return fmt.Sprintf("%s · %d days left", head, w.DaysLeft)
}

// windowReview says on which day the window's actions are reviewed: the
// next review, which a month's cadence puts a day or two either side of
// the 30 days' end. "" when the window is over or not begun, or a review
// is already due (the plan says so at its end).
func windowReview(p *plan.Plan) string {
	w := p.Window
	if w == nil || w.Expired || w.NotStarted {
		return ""
	}
	if _, due := p.Due(); due {
		return ""
	}
	c, ok := p.NextReview()
	if !ok {
		return ""
	}
	var when string
	switch d := w.End.DaysUntil(c.Due); {
	case d == 0:
		when = "the window's last day"
	case d == 1:
		when = "the day after the window ends"
	case d > 1:
		when = fmt.Sprintf("%d days after the window ends", d)
	case d == -1:
		when = "the day before the window ends"
	default:
		when = fmt.Sprintf("%d days before the window ends", -d)
	}
	return fmt.Sprintf("Review them at the %s on %s, %s: it pins the next three.", plan.CheckpointName(c.Checkpoint), c.Due, when)
}

// reviewHint is the command that records a review of the file.
func reviewHint(doc *roadmap.Document) string {
	return "roadmap review --record " + safetext.ShellQuote(doc.Path)
}

// expiredText is the advice when the window has ended.
func expiredText(doc *roadmap.Document) string {
	return "The 30-day window has ended: pin the next three actions with `" + reviewHint(doc) + "`."
}

func actionWhen(a plan.Action) string {
	switch {
	case a.Due.IsZero():
		return "no due date"
	case a.Done:
		return ""
	}
	return when(a.DaysLeft, a.Status == plan.Overdue)
}

func checkpointLabel(p *plan.Plan, c plan.Checkpoint) string {
	name := c.Name()
	if c.Kind == cadence.Target && p.Target != "" {
		name += " (" + p.Target + ")"
	}
	return name
}

// late reports whether a checkpoint's date has passed with something
// left to do: a review, the decision, the pick. A bridge phase's end has
// just passed; whether its artifact is out the roadmap does not say.
func late(c plan.Checkpoint) bool { return c.IsOverdue() && !c.IsPhase() }

// checkpointWhen is a checkpoint's distance from today.
func checkpointWhen(c plan.Checkpoint) string {
	if c.IsPhase() && c.IsOverdue() {
		return "ended " + days(c.DaysLeft)
	}
	return when(c.DaysLeft, c.IsOverdue())
}

// checkpointBasis says what a review is counted from, or which section
// sets a date and what it is about.
func checkpointBasis(c plan.Checkpoint) string {
	switch {
	case c.Kind == cadence.Target:
		return "the roadmap's target.by"
	case c.Kind == plan.CheckpointDecision:
		return fmt.Sprintf("stay or switch, the Decision section (line %d)", c.Line)
	case c.Kind == plan.CheckpointPick:
		if c.Detail != "" {
			return fmt.Sprintf("%s, the Candidates section (line %d)", c.Detail, c.Line)
		}
		return fmt.Sprintf("the Candidates section (line %d)", c.Line)
	case c.IsPhase():
		phase := fmt.Sprintf("line %d", c.Line)
		if !c.Start.IsZero() {
			phase = fmt.Sprintf("from %s, line %d", c.Start, c.Line)
		}
		if c.Kind == plan.CheckpointSearch {
			return phase + "; the job search after the bridge work"
		}
		if c.Detail == "" {
			return phase + "; no artifact named"
		}
		return phase + "; artifact: " + c.Detail
	case c.FromStart:
		return fmt.Sprintf("counted from the start, %s (no %s in the review log)", c.Last, c.Kind)
	}
	return fmt.Sprintf("since the review of %s", c.Last)
}

func writeText(ios *iostreams.IOStreams, doc *roadmap.Document, p *plan.Plan) error {
	cs := ios.ColorScheme()
	width := ios.TerminalWidth()
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	// wrapped writes prefix and text, the text wrapped to the terminal
	// under itself; when the prefix leaves too little room, the text goes
	// on the following lines, indented. colour styles each text line.
	wrapped := func(prefix, text string, colour func(string) string) {
		it := report.Item{Prefix: prefix, PrefixWidth: report.Width(cs.Strip(prefix)), Text: text, Style: colour}
		for _, l := range it.Lines(width) {
			line(l)
		}
	}
	title := safetext.Line(p.Title)
	if p.Owner != "" {
		title += " · " + safetext.Line(p.Owner)
	}
	wrapped(cs.Bold(safetext.Name(doc.Path))+": ", title, nil)
	target := safetext.Line(p.Target)
	if target == "" {
		target = "(no target role)"
	}
	if by := doc.Frontmatter.Target.By; !by.IsZero() {
		target += " by " + by.String()
	}
	wrapped("Target: ", fmt.Sprintf("%s · today %s", target, p.Today), nil)

	// The 30 days.
	line("")
	head := "Next 30 days"
	if p.Window != nil {
		head += " · " + windowLine(p.Window)
	}
	line(cs.Bold(head))
	if len(p.Actions) == 0 {
		line("  (no actions: add three task items, e.g. `- [ ] Scope the RFC (project) — due YYYY-MM-DD`)")
	}
	for _, a := range p.Actions {
		box := "[ ]"
		if a.Done {
			box = "[x]"
		}
		kind := a.Kind
		if a.KindInferred {
			kind += "?"
		}
		due := a.Due.String()
		if due == "" {
			due = "no date"
		}
		status := fmt.Sprintf("%-8s", a.Status)
		switch a.Status {
		case plan.Done:
			status = cs.Green(status)
		case plan.DueSoon:
			status = cs.Yellow(status)
		case plan.Overdue:
			status = cs.Red(status)
		}
		text := a.Title
		if w := actionWhen(a); w != "" && !a.Due.IsZero() {
			text += " (" + w + ")"
		}
		wrapped(fmt.Sprintf("  %d. %s %s %-8s %-10s ", a.Index, box, status, kind, due), text, nil)
	}
	if p.Window != nil && p.Window.Expired {
		wrapped("  ", expiredText(doc), cs.Yellow)
	} else if len(p.Actions) > 0 && len(p.Open()) == 0 {
		wrapped("  ", "All done: pin the next three with `"+reviewHint(doc)+"`.", nil)
	} else if s := windowReview(p); s != "" {
		wrapped("  ", s, cs.Dim)
	}

	for _, h := range []struct {
		hz    plan.Horizon
		name  string
		label string
	}{
		{p.Quarter, "Next quarter", "a sketch"},
		{p.LongTerm, "Years 2-3", "a hypothesis"},
	} {
		line("")
		if !h.hz.Present {
			line(cs.Bold(h.name) + " · " + cs.Yellow("no such section in the roadmap"))
			continue
		}
		line(cs.Bold(horizonHeading(h.hz.Heading, h.label)))
		if len(h.hz.Items) == 0 {
			line("  (empty)")
		}
		for _, it := range h.hz.Items {
			wrapped("  - ", it.Text, nil)
		}
	}

	line("")
	line(cs.Bold("Checkpoints"))
	if len(p.Checkpoints) == 0 {
		line("  (none: the roadmap has no start date and no target.by)")
	}
	nameWidth := 17
	for _, c := range p.Checkpoints {
		nameWidth = max(nameWidth, report.Width(c.Name()))
	}
	for _, c := range p.Checkpoints {
		w := fmt.Sprintf("%-19s", checkpointWhen(c))
		if late(c) {
			w = cs.Red(w)
		}
		basis := checkpointBasis(c)
		if c.Kind == cadence.Target && p.Target != "" {
			basis = p.Target + ", the roadmap's target.by"
		}
		// Padded by display width (fmt pads by runes), and two spaces
		// before the date, as between the other columns: the longest name
		// ran into its date ("bridge work, months 1–3 2027-03-01").
		name := c.Name() + strings.Repeat(" ", nameWidth-report.Width(c.Name()))
		wrapped(fmt.Sprintf("  %s  %s  %s ", name, c.Due, w), basis, cs.Dim)
	}
	if c, ok := p.Due(); ok {
		line("")
		msg := fmt.Sprintf("The %s is due today: record it with `%s`.", plan.CheckpointName(c.Checkpoint), reviewHint(doc))
		if c.IsOverdue() {
			msg = fmt.Sprintf("The %s is %s: record it with `%s`.", plan.CheckpointName(c.Checkpoint), overdueBy(-c.DaysLeft), reviewHint(doc))
		}
		wrapped("", msg, cs.Red)
	} else if c, ok := p.Next(); ok {
		line("")
		what := checkpointLabel(p, c)
		switch c.Kind {
		case plan.CheckpointBridge:
			what = "the end of " + what + ","
		case plan.CheckpointSearch:
			what = "the end of the " + what + ","
		}
		wrapped("", fmt.Sprintf("Next: %s on %s, %s.", what, c.Due, days(c.DaysLeft)), nil)
	}
	_, err := io.WriteString(ios.Out, b.String())
	return err
}

func writeMarkdown(w io.Writer, doc *roadmap.Document, p *plan.Plan) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Plan: %s\n\n", report.MarkdownText(oneLine(p.Title)))
	var meta []string
	if p.Owner != "" {
		meta = append(meta, report.MarkdownText(oneLine(p.Owner)))
	}
	if p.Target != "" {
		t := "target: " + report.MarkdownText(oneLine(p.Target))
		if by := doc.Frontmatter.Target.By; !by.IsZero() {
			t += " by " + by.String()
		}
		meta = append(meta, t)
	}
	meta = append(meta, "as of "+p.Today.String(), report.MarkdownCode(safetext.Name(doc.Path)))
	b.WriteString(strings.Join(meta, " · ") + "\n\n")

	b.WriteString("### Next 30 days")
	if p.Window != nil {
		b.WriteString(" (" + windowLine(p.Window) + ")")
	}
	b.WriteString("\n\n")
	if len(p.Actions) > 0 {
		tbl := report.Table{Headers: []string{"#", "status", "kind", "due", "when", "action"}}
		for _, a := range p.Actions {
			due := a.Due.String()
			if due == "" {
				due = "-"
			}
			tbl.Rows = append(tbl.Rows, []string{fmt.Sprint(a.Index), a.Status, a.Kind, due, actionWhen(a), a.Title})
		}
		if err := tbl.Render(&b, report.FormatMarkdown, report.TableOptions{}); err != nil {
			return err
		}
	} else {
		b.WriteString("No actions yet.\n")
	}
	if p.Window != nil && p.Window.Expired {
		b.WriteString("\n> The 30-day window has ended: pin the next three actions with " + report.MarkdownCode(reviewHint(doc)) + ".\n")
	} else if s := windowReview(p); s != "" {
		b.WriteString("\n" + s + "\n")
	}
	for _, h := range []struct {
		hz    plan.Horizon
		name  string
		label string
	}{
		{p.Quarter, "Next quarter", "a sketch"},
		{p.LongTerm, "Years 2-3", "a hypothesis"},
	} {
		if !h.hz.Present {
			fmt.Fprintf(&b, "\n### %s\n\nNot in the roadmap.\n", h.name)
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", report.MarkdownText(oneLine(horizonHeading(h.hz.Heading, h.label))))
		for _, it := range h.hz.Items {
			b.WriteString("- " + report.MarkdownText(oneLine(it.Text)) + "\n")
		}
	}
	b.WriteString("\n### Checkpoints\n\n")
	if len(p.Checkpoints) == 0 {
		b.WriteString("None: the roadmap has no start date and no target date.\n")
	} else {
		tbl := report.Table{Headers: []string{"checkpoint", "date", "when", "from"}}
		for _, c := range p.Checkpoints {
			tbl.Rows = append(tbl.Rows, []string{checkpointLabel(p, c), c.Due.String(), checkpointWhen(c), checkpointBasis(c)})
		}
		if err := tbl.Render(&b, report.FormatMarkdown, report.TableOptions{}); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// horizonHeading is the section's heading, with what the horizon is
// ("a sketch", "a hypothesis") when the heading does not say it already.
func horizonHeading(heading, label string) string {
	word := strings.TrimPrefix(label, "a ")
	if strings.Contains(strings.ToLower(heading), word) {
		return heading
	}
	return heading + " (" + label + ")"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
