// Package plan implements `roadmap plan`: a roadmap's three horizons (the
// next 30 days with each action's status, the next quarter's sketch, the
// years 2-3 hypothesis) and its coming checkpoints, as text, Markdown,
// JSON, an iCalendar file or a Mermaid timeline.
package plan

import (
	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// Options holds what `plan` needs.
type Options struct {
	IO    *iostreams.IOStreams
	Today func() civil.Date
	// File is the roadmap, or "-" for standard input.
	File      string
	StdinName string
	Format    string
}

// NewCmdPlan builds `roadmap plan FILE`. runF replaces planRun in tests.
func NewCmdPlan(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today}
	cmd := &cobra.Command{
		Use:   "plan FILE",
		Short: "Show the plan's horizons, action status and coming checkpoints",
		Long: `Show a roadmap's three horizons as of today: the next 30 days (each action's
kind, due date and status: done, open, due soon within 7 days, or overdue;
and the days left in the 30-day window), the next quarter's sketch, and the
years 2-3 hypothesis; then the checkpoints in date order, each with the days
until it (or how long it is overdue): the next check-in, quarterly review and
rewrite (from the cadence, the start date and the review log), the target
date, and the dates the kind's section sets: a stalled roadmap's
stay-or-switch decision, an exploration's date to pick the target, and the
end of each bridge-work phase of a career change, with its artifact.

The 30-day window starts at the latest review-log entry, else at the start
date. When it has ended, pin the next three actions with
` + "`roadmap review --record`" + `.

Formats: text (default), markdown, json (a stable shape, see
docs/plan-json.md), ics (an iCalendar file: one all-day event per action due
date and per checkpoint, a reminder the day before each review with its
questions; importing it again updates the events instead of duplicating
them, also after an action is reworded), and mermaid (a gantt chart of the
actions, bridge phases and checkpoints; GitHub renders it in a ` + "```mermaid" + ` block).

--today fixes the date everything is counted from. Use - as FILE to read
standard input.`,
		Example: `  roadmap plan roadmap.md
  roadmap plan roadmap.md --format ics > roadmap.ics      # import into a calendar
  roadmap plan roadmap.md --format mermaid                # paste into a Markdown file
  roadmap plan roadmap.md --format json | jq -r '.actions[] | select(.status == "overdue") | .title'
  roadmap plan roadmap.md --today 2027-01-15              # as it will look then`,
		Args:              cmdutil.OneRoadmapFile,
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return planRun(opts)
		},
	}
	cmdutil.StdinFilenameFlag(cmd, &opts.StdinName, "")
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatText, report.FormatMarkdown, report.FormatJSON, report.FormatICS, report.FormatMermaid)
	return cmd
}

func planRun(opts *Options) error {
	doc, err := cmdutil.ReadValidRoadmap(opts.IO, opts.File, opts.StdinName)
	if err != nil {
		return err
	}
	today := opts.Today()
	p := plan.Build(doc, today, plan.Options{})
	out := opts.IO.Out
	switch opts.Format {
	case report.FormatJSON:
		return report.WriteJSON(out, NewView(doc, p))
	case report.FormatICS:
		return Calendar(p).WriteICS(out)
	case report.FormatMermaid:
		return Gantt(p).WriteMermaid(out)
	case report.FormatMarkdown:
		return writeMarkdown(out, doc, p)
	}
	return writeText(opts.IO, doc, p)
}
