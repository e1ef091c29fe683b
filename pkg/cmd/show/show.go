// Package show implements `roadmap show`: what the tool understood of a
// roadmap file, for people (text) and for scripts (json).
package show

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Options are show's inputs, filled by NewCmdShow.
type Options struct {
	IO     *iostreams.IOStreams
	File   string
	Format string
	// StdinName names standard input in messages when File is "-".
	StdinName string
}

// NewCmdShow builds the command. runF replaces showRun in flag tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "show FILE",
		Short: "Print what the tool understood of a roadmap",
		Long: `Print a roadmap as the tool reads it: the frontmatter fields, the sections
it recognised, the 30-day actions with their kind, due date and status, the
gap items with their evidence, and the review log.

Use it to check that a roadmap says what you meant, and --format json to
script with jq. The JSON shape is stable; see docs/show-json.md.`,
		Example: `  roadmap show roadmap.md
  roadmap show examples/promotion.md --format json | jq '.actions[] | select(.done | not) | .due'
  cat roadmap.md | roadmap show -`,
		Args:              cmdutil.OneRoadmapFile,
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatText, report.FormatJSON)
	cmdutil.StdinFilenameFlag(cmd, &opts.StdinName, "")
	return cmd
}

func showRun(opts *Options) error {
	doc, err := cmdutil.ReadValidRoadmap(opts.IO, opts.File, opts.StdinName)
	if err != nil {
		return err
	}
	if opts.Format == report.FormatJSON {
		return report.WriteJSON(opts.IO.Out, NewView(doc))
	}
	return writeText(opts.IO.Out, opts.IO.ColorScheme(), doc, opts.IO.TerminalWidth())
}

// writeText prints what was understood, each line fitted to width as plan
// fits its own: prose wraps under itself, a line reference (L52) follows
// the last line.
func writeText(w io.Writer, cs *iostreams.ColorScheme, d *roadmap.Document, width int) error {
	fm := d.Frontmatter
	p := &printer{w: w, cs: cs, width: width}
	p.line("%s", cs.Bold(safetext.Name(d.Path)))
	title := fm.Title
	if title == "" {
		title = d.Title
	}
	p.field("Title", title)
	p.field("Owner", fm.Owner)
	p.field("Kind", fm.Kind)
	p.field("Started", fm.Started.String())
	if fm.Horizon != "" {
		p.field("Horizon", fmt.Sprintf("%s (%d months)", fm.Horizon, fm.HorizonMonths))
	}
	p.field("Current", describeRole(fm.Current))
	target := describeRole(fm.Target.Role)
	if fm.Target.Industry != "" {
		target += ", " + fm.Target.Industry
	}
	if !fm.Target.By.IsZero() {
		target += ", by " + fm.Target.By.String()
	}
	p.field("Target", target)
	if len(fm.Target.Companies) > 0 {
		p.field("Companies", strings.Join(fm.Target.Companies, ", "))
	}
	c := fm.Cadence.Effective()
	p.field("Cadence", fmt.Sprintf("check-in %s · review %s · rewrite %s", c.Checkin, c.Review, c.Rewrite))
	if start := d.WindowStart(); !start.IsZero() {
		p.field("Window", fmt.Sprintf("%s to %s (30 days)", start, d.WindowEnd()))
	}

	p.heading(cs, "Sections")
	if len(d.Sections) == 0 {
		p.line("  (none: sections are ## headings)")
	}
	for _, s := range d.Sections {
		key := s.Key
		if key == "" {
			key = "(not a roadmap section)"
		}
		p.line("  %-5s %s %s", fmt.Sprintf("L%d", s.Pos.Line), padRight(s.Heading, 26), cs.Dim(key))
	}

	p.heading(cs, "Next 30 days · "+count(len(d.Actions), "action"))
	for _, a := range d.Actions {
		box := "[ ]"
		if a.Done {
			box = cs.Green("[x]")
		}
		kind := a.Kind
		if a.KindInferred {
			kind += "?"
		}
		due := a.Due.String()
		if due == "" {
			due = "no date"
		}
		p.item(fmt.Sprintf("  %d. %s %-8s %-10s ", a.Index, box, kind, due), a.Title, a.Pos.Line)
	}
	if hasInferred(d.Actions) {
		p.line("  %s", cs.Dim("kind? = inferred from the wording; mark it with (project), (course) or (person)"))
	}

	p.heading(cs, "Gap · "+count(len(d.Gap), "item"))
	for _, g := range d.Gap {
		dim := g.Dimension
		if dim == "" {
			dim = "(no dimension)"
		}
		p.item(fmt.Sprintf("  %-12s ", dim), g.Detail, g.Pos.Line)
		switch na, why := g.NotApplicable(); {
		case g.Evidence != "":
			p.item(fmt.Sprintf("  %-12s evidence: ", ""), g.Evidence, 0)
		case na && why != "":
			// the detail above says so, with its reason
		case na:
			p.line("  %-12s %s", "", cs.Yellow("does not apply, no reason given"))
		default:
			p.line("  %-12s %s", "", cs.Yellow("no evidence named"))
		}
	}

	for _, key := range []string{roadmap.SectionQuarter, roadmap.SectionLongTerm} {
		s := d.Section(key)
		if s == nil {
			continue
		}
		p.heading(cs, s.Heading+" · "+count(len(s.Items), "item"))
		for _, it := range s.Items {
			p.item("  - ", it.Text, it.Pos.Line)
		}
	}
	writeKindSections(p, cs, d)

	p.heading(cs, "Assessment · "+count(len(d.Assessments), "entry"))
	for _, a := range d.Assessments {
		head := a.Date.String()
		if head == "" {
			head = "(no date)"
		}
		if a.Note != "" {
			head += " · " + a.Note
		}
		p.line("  %s  %s", head, cs.Dim(fmt.Sprintf("L%d", a.Heading.Pos.Line)))
		for _, r := range a.Ratings {
			p.item(fmt.Sprintf("    %-16s  self %s  manager %s  ", r.Dimension, ratingText(r.Self), ratingText(r.Manager)), r.Reason, 0)
		}
	}

	p.heading(cs, "Review log · "+count(len(d.Reviews), "entry"))
	for _, r := range d.Reviews {
		kind := r.Kind
		if kind == "" {
			kind = "(unknown kind)"
		}
		p.line("  %-10s %-10s %s", r.Date, kind, cs.Dim(fmt.Sprintf("L%d", r.Heading.Pos.Line)))
	}
	return p.err
}

// writeKindSections writes the Bridge work, Decision and Candidates
// sections as lint reads them (RM017–RM019): milestones with their months
// and artifact, the decision's date, each candidate's people.
func writeKindSections(p *printer, cs *iostreams.ColorScheme, d *roadmap.Document) {
	if b, s := d.Bridge, d.Section(roadmap.SectionBridgeWork); b != nil && s != nil {
		head := s.Heading + " · " + count(len(b.Milestones), "milestone")
		if b.Months > 0 {
			head += fmt.Sprintf(" · %d months", b.Months)
		}
		p.heading(cs, head)
		for i, m := range b.Milestones {
			p.line("  %d. %s  %s", i+1, milestoneWhen(m), cs.Dim(fmt.Sprintf("L%d", m.Pos.Line)))
			p.item("     ", m.Text, 0)
			if m.Artifact != "" {
				p.item("     artifact: ", m.Artifact, 0)
			} else {
				p.line("     %s", cs.Yellow("no artifact named"))
			}
		}
		if m := b.Search; m != nil {
			p.line("  job search: %s  %s", milestoneWhen(*m), cs.Dim(fmt.Sprintf("L%d", m.Pos.Line)))
			p.item("     ", m.Text, 0)
		}
	}
	if dc, s := d.Decision, d.Section(roadmap.SectionDecision); dc != nil && s != nil {
		var weighs []string
		if dc.Stay {
			weighs = append(weighs, "staying")
		}
		if dc.Switch {
			weighs = append(weighs, "switching")
		}
		head := s.Heading
		if len(weighs) > 0 {
			head += " · weighs " + strings.Join(weighs, " and ")
		}
		p.heading(cs, head)
		if dc.Date.IsZero() {
			p.line("  %s", cs.Yellow("no date to decide by"))
		} else {
			p.line("  decide by %s  %s", dc.Date, cs.Dim(fmt.Sprintf("L%d", dc.DatePos.Line)))
		}
		for _, it := range s.Items {
			p.item("  - ", it.Text, it.Pos.Line)
		}
	}
	if e, s := d.Exploration, d.Section(roadmap.SectionCandidates); e != nil && s != nil {
		p.heading(cs, s.Heading+" · "+count(len(e.Candidates), "candidate"))
		if e.PickBy.IsZero() {
			p.line("  %s", cs.Yellow("no date to pick the target by"))
		} else {
			p.line("  pick by %s  %s", e.PickBy, cs.Dim(fmt.Sprintf("L%d", e.PickByPos.Line)))
		}
		for _, c := range e.Candidates {
			p.item("  - ", c.Text, c.Pos.Line)
			var people []string
			for _, it := range c.Contacts {
				people = append(people, it.Text)
			}
			if len(people) > 0 {
				p.item("      talk to: ", strings.Join(people, "; "), 0)
			} else {
				p.line("      %s", cs.Yellow("no one to talk to named"))
			}
		}
	}
}

// milestoneWhen is a phase's months and days as the reader dates them.
func milestoneWhen(m roadmap.Milestone) string {
	when := ""
	switch {
	case m.FromMonth > 0 && m.ToMonth > m.FromMonth:
		when = fmt.Sprintf("months %d–%d", m.FromMonth, m.ToMonth)
	case m.FromMonth > 0:
		when = fmt.Sprintf("month %d", m.FromMonth)
	}
	if !m.End.IsZero() {
		when = strings.TrimSpace(fmt.Sprintf("%s %s to %s", when, m.Start, m.End))
	}
	if when == "" {
		when = "(no months or dates)"
	}
	return when
}

// padRight pads s to width terminal columns (a CJK heading takes two a
// character, which fmt's %-26s does not know).
func padRight(s string, width int) string {
	if n := report.Width(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

type printer struct {
	w     io.Writer
	cs    *iostreams.ColorScheme
	width int
	err   error
}

// item writes prefix and text wrapped under itself, then the dim line
// reference Lline when line > 0.
func (p *printer) item(prefix, text string, line int) {
	it := report.Item{Prefix: prefix, PrefixWidth: report.Width(p.cs.Strip(prefix)), Text: text}
	if line > 0 {
		ref := fmt.Sprintf("L%d", line)
		it.Ref, it.RefWidth = p.cs.Dim(ref), len(ref)
	}
	for _, l := range it.Lines(p.width) {
		p.line("%s", l)
	}
}

func (p *printer) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, strings.TrimRight(fmt.Sprintf(format, args...), " ")+"\n")
}

// field writes one frontmatter field: its value is made one line (a YAML
// value may hold line breaks) with nothing a terminal would act on.
func (p *printer) field(name, value string) {
	if value == "" {
		value = "-"
	}
	p.item(fmt.Sprintf("  %-10s ", name+":"), safetext.Line(value), 0)
}

func (p *printer) heading(cs *iostreams.ColorScheme, title string) {
	p.line("")
	p.line("%s", cs.Bold(title))
}

func describeRole(r roadmap.Role) string {
	s := r.Role
	var ref []string
	if r.Ladder != "" {
		ref = append(ref, r.Ladder)
	}
	if r.Level != "" {
		ref = append(ref, r.Level)
	}
	if len(ref) > 0 {
		s = strings.TrimSpace(s + " (" + strings.Join(ref, "/") + ")")
	}
	return s
}

// ratingText is a rating for the text view: "-" when not given.
func ratingText(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

func hasInferred(as []roadmap.Action) bool {
	for _, a := range as {
		if a.KindInferred {
			return true
		}
	}
	return false
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
