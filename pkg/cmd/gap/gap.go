// Package gap implements `roadmap gap`: the gap from the current to the
// target level, dimension by dimension, from the ladders, side by side
// with what a roadmap's Gap section says and which dimensions it leaves
// without an evidence project.
package gap

import (
	"strings"

	"github.com/spf13/cobra"

	laddercmd "github.com/roadmapcli/roadmap/pkg/cmd/ladder"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/gap"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Options holds what `gap` needs.
type Options struct {
	IO *iostreams.IOStreams
	// File is the roadmap ("-" for standard input); empty to compare two
	// ladder levels given by From and To.
	File      string
	StdinName string
	// LaddersDir is --ladders. StartDir is where the search for a
	// repository's ladders starts: empty means the roadmap's directory
	// (the current directory without one).
	LaddersDir string
	StartDir   string
	// Ladder is the track of bare level names in From and To.
	Ladder   string
	From, To string
	Format   string
}

// NewCmdGap builds `roadmap gap [FILE]`. runF replaces gapRun in tests.
func NewCmdGap(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "gap [FILE]",
		Short: "Show the gap to the target level, dimension by dimension",
		Long: `Show what separates the current level from the target level, dimension by
dimension: skills, scope, mentorship, visibility, and the milestones that
prove a level. Each row puts what the current level expects beside what the
target level expects, from the role ladders.

With a roadmap FILE, the levels come from its frontmatter (current.ladder and
current.level, target.ladder and target.level), and each row also shows what
the roadmap's Gap section says and the evidence project it names. Dimensions
the plan does not cover are flagged: a dimension with no gap item, one whose
item names no evidence project, and one the roadmap marks as not applicable.

Without a file, compare any two levels: --from and --to take a level of the
--ladder track, or TRACK/LEVEL for any track (also across tracks, e.g. from
software-engineer/senior to engineering-manager/manager). When the levels are
more than one step apart, the levels between them are listed too. --to alone
shows what one level expects, dimension by dimension, with its milestones.

Across tracks (or from IC to management) gap shows the written move's
requirements and trade-offs, the typical years and the pay of both sides,
and calls the direction honestly: up, lateral or down, by level and by pay.
A roadmap whose current role is on no ladder (a teacher, a nurse) gets the
target side, and a line on how to add its own ladder (ladders/ID.yaml).

Ladders are the built-in ones plus a repository's ladders/ (beside the
.roadmap.yaml nearest the roadmap, or --ladders DIR). Use - as FILE to read
standard input.`,
		Example: `  roadmap gap roadmap.md
  roadmap gap examples/promotion.md --format markdown >> notes.md
  roadmap gap --ladder software-engineer --from senior --to principal
  roadmap gap --from software-engineer/senior --to engineering-manager/manager
  roadmap gap --to security-engineer/senior
  roadmap gap roadmap.md --format json | jq -r '.flagged[]'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cmdutil.FlagErrorf("gap takes at most one FILE (or - for standard input), got %d", len(args))
			}
			return nil
		},
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			switch {
			case opts.File != "" && (opts.Ladder != "" || opts.From != "" || opts.To != ""):
				return cmdutil.FlagErrorf("--ladder, --from and --to compare two ladder levels without a roadmap; " +
					"with FILE the levels come from its frontmatter (current: and target:)")
			case opts.File == "" && opts.From == "" && opts.To == "":
				return cmdutil.FlagErrorf("give a roadmap FILE, two levels with --from and --to " +
					"(e.g. roadmap gap --ladder software-engineer --from senior --to staff), or --to alone")
			case opts.File == "" && opts.To == "":
				return cmdutil.FlagErrorf("--to is missing: comparing two levels needs both --from and --to")
			}
			if runF != nil {
				return runF(opts)
			}
			return gapRun(opts)
		},
	}
	laddercmd.AddLaddersFlag(cmd, &opts.LaddersDir)
	cmd.Flags().StringVar(&opts.Ladder, "ladder", "", "track of bare level names in --from and --to (e.g. software-engineer)")
	cmd.Flags().StringVar(&opts.From, "from", "", "current level: LEVEL of --ladder, or TRACK/LEVEL (optional with --to)")
	cmd.Flags().StringVar(&opts.To, "to", "", "target level: LEVEL of --ladder, or TRACK/LEVEL")
	cmdutil.StdinFilenameFlag(cmd, &opts.StdinName, ".roadmap.yaml and ladders")
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatTable, report.FormatMarkdown, report.FormatJSON)
	_ = cmd.RegisterFlagCompletionFunc("ladder", completeTrack)
	_ = cmd.RegisterFlagCompletionFunc("from", completeLevel)
	_ = cmd.RegisterFlagCompletionFunc("to", completeLevel)
	return cmd
}

func gapRun(opts *Options) error {
	start := opts.StartDir
	if start == "" {
		start = cmdutil.InputDir(opts.File, opts.StdinName)
	}
	set, err := laddercmd.Load(opts.LaddersDir, start)
	if err != nil {
		return err
	}
	var (
		doc      *roadmap.Document
		from, to *ladder.Level
		outside  *gap.Outside
	)
	if opts.File != "" {
		doc, err = cmdutil.ReadValidRoadmap(opts.IO, opts.File, opts.StdinName)
		if err != nil {
			return err
		}
		from, to, outside, err = gap.Levels(set, doc)
		if err != nil {
			return &cmdutil.InputError{Err: err}
		}
	} else {
		from, to, err = flagLevels(set, opts)
		if err != nil {
			return err
		}
	}
	c := gap.Compare(set, from, to, doc)
	if outside != nil {
		c.Outside = outside
	}
	switch opts.Format {
	case report.FormatJSON:
		return report.WriteJSON(opts.IO.Out, NewView(c, doc))
	case report.FormatMarkdown:
		return writeMarkdown(opts.IO.Out, c, doc)
	}
	return writeTable(opts.IO, c, doc)
}

// flagLevels resolves --from and --to: TRACK/LEVEL, or a level of --ladder
// (or, without --ladder, of the other flag's track). from is nil without
// --from.
func flagLevels(set *ladder.Set, opts *Options) (*ladder.Level, *ladder.Level, error) {
	if opts.Ladder != "" {
		if _, err := set.Track(opts.Ladder); err != nil {
			return nil, nil, laddercmd.UsageError(err)
		}
	}
	trackOf := func(v string) string {
		if t, _, ok := strings.Cut(v, "/"); ok {
			return t
		}
		return ""
	}
	resolve := func(flag, v, other string) (*ladder.Level, error) {
		v = strings.TrimSpace(v)
		if strings.Contains(v, "/") {
			l, err := set.Level(v)
			if err != nil {
				return nil, cmdutil.FlagErrorf("--%s: %v", flag, err)
			}
			return l, nil
		}
		track := opts.Ladder
		if track == "" {
			track = trackOf(other)
		}
		if track == "" {
			return nil, cmdutil.FlagErrorf("--%s %q names no track: add --ladder TRACK, or write --%s TRACK/LEVEL "+
				"(e.g. software-engineer/%s; `roadmap ladder list` shows the tracks)", flag, v, flag, v)
		}
		t, err := set.Track(track)
		if err != nil {
			return nil, cmdutil.FlagErrorf("--%s: %v", flag, err)
		}
		l, err := t.Level(v)
		if err != nil {
			return nil, cmdutil.FlagErrorf("--%s: %v", flag, err)
		}
		return l, nil
	}
	var from *ladder.Level
	if opts.From != "" {
		l, err := resolve("from", opts.From, opts.To)
		if err != nil {
			return nil, nil, err
		}
		from = l
	}
	to, err := resolve("to", opts.To, opts.From)
	if err != nil {
		return nil, nil, err
	}
	return from, to, nil
}

// completionSet loads ladders for shell completion, honouring --ladders.
func completionSet(cmd *cobra.Command) *ladder.Set {
	dir, _ := cmd.Flags().GetString("ladders")
	s, err := ladder.Load(ladder.Options{Dir: dir, StartDir: "."})
	if err != nil {
		if s, err = ladder.BuiltIn(); err != nil {
			return nil
		}
	}
	return s
}

func completeTrack(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	s := completionSet(cmd)
	if s == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return s.Complete(toComplete, false), cobra.ShellCompDirectiveNoFileComp
}

// completeLevel offers the levels of --ladder when it is set, and every
// TRACK/LEVEL reference.
func completeLevel(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	s := completionSet(cmd)
	if s == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	if id, _ := cmd.Flags().GetString("ladder"); id != "" && !strings.Contains(toComplete, "/") {
		if t, err := s.Track(id); err == nil {
			for _, l := range t.Levels {
				if strings.HasPrefix(l.ID, strings.ToLower(toComplete)) {
					out = append(out, l.ID+"\t"+safetext.Line(l.Title))
				}
			}
		}
	}
	return append(out, s.Complete(toComplete, true)...), cobra.ShellCompDirectiveNoFileComp
}
