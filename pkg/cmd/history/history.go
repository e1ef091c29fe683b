// Package history implements `roadmap history FILE`: how a plan moved over
// time, month by month, from every commit of the file in git, or from its
// review log without git.
package history

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// Options are history's inputs, filled by NewCmdHistory.
type Options struct {
	IO    *iostreams.IOStreams
	Today func() civil.Date
	// History gives the file's committed versions (git).
	History history.Provider

	// File is the roadmap, or "-" for standard input (then the review log
	// alone is read).
	File      string
	StdinName string
	Format    string
	// Quiet leaves out the note about missing git history.
	Quiet bool
}

// NewCmdHistory builds the command. runF replaces historyRun in flag tests.
func NewCmdHistory(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today, History: f.HistoryProvider()}
	cmd := &cobra.Command{
		Use:   "history FILE",
		Short: "Show how the plan moved: actions, reviews, target changes and ratings by month",
		Long: `Show how a roadmap moved over time, month by month up to today: the actions
pinned in the Next 30 days, the ones done, and the ones dropped (pinned,
then replaced or removed without ever being ticked); the check-ins that fell
due and the reviews that kept them, with the streak and the misses; the
changes to the target (role, level, ladder, date); and the self and manager
ratings of each Assessment entry.

In a git repository every commit of the file is read, in one pass (each
version parsed as every command parses a roadmap), along the current
branch's first-parent line: a merged branch counts as its merge. The file as
it is now counts as a last version, dated today, when it differs from its
last commit. Outside git, the review log tells the story: the notes that
'roadmap review --record' leaves about the actions it replaced or kept
(Done, Dropped, Kept), and the actions the file holds now; target
changes need git, and a note says what was read.

Every review counts as a check-in, as for the streak 'roadmap export'
shows. --today sets the day everything is counted to; commits after it are
left out.

Formats: text (default), markdown, json (a stable shape, see
docs/history-json.md). Use - as FILE to read standard input.`,
		Example: `  roadmap history roadmap.md
  roadmap history roadmap.md --format markdown > HISTORY.md
  roadmap history roadmap.md --format json | jq '.months[] | select(.dropped > 0) | .month'
  roadmap history roadmap.md --format json | jq '.checkins | {streak, missed}'
  roadmap history roadmap.md --today 2026-12-31    # the year as it stood then`,
		Args:              cmdutil.OneRoadmapFile,
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return historyRun(opts)
		},
	}
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatText, report.FormatMarkdown, report.FormatJSON)
	cmdutil.StdinFilenameFlag(cmd, &opts.StdinName, "")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no note about missing git history")
	return cmd
}

func historyRun(opts *Options) error {
	doc, err := cmdutil.ReadValidRoadmap(opts.IO, opts.File, opts.StdinName)
	if err != nil {
		return err
	}
	provider := opts.History
	switch {
	case opts.File == "-":
		provider = nil
	case provider == nil:
		provider = history.Default
	}
	t := history.Build(provider, doc, opts.Today())
	if t.Fallback != "" && !opts.Quiet {
		fmt.Fprintln(opts.IO.ErrOut, "roadmap: note: "+t.Fallback)
	}
	switch opts.Format {
	case report.FormatJSON:
		return report.WriteJSON(opts.IO.Out, t)
	case report.FormatMarkdown:
		return writeMarkdown(opts.IO.Out, t)
	}
	return writeText(opts.IO, t)
}
