// Package export implements `roadmap export`: a roadmap as one
// self-contained HTML page for a 1:1, or its assessment radar as an SVG.
package export

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/atomicfile"
	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	laddercmd "github.com/roadmapcli/roadmap/pkg/cmd/ladder"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/export"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Options are export's inputs, filled by NewCmdExport.
type Options struct {
	IO    *iostreams.IOStreams
	Today func() civil.Date
	// History is the file's past, for the sparkline (git).
	History history.Provider

	File       string
	StdinName  string
	Format     string
	Output     string
	LaddersDir string
}

// NewCmdExport builds the command. runF replaces exportRun in flag tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today, History: f.HistoryProvider()}
	cmd := &cobra.Command{
		Use:   "export FILE",
		Short: "Write a roadmap as a one-page HTML for a 1:1, or its assessment radar as SVG",
		Long: `Write FILE as one self-contained HTML page to bring to a 1:1 or attach to a
promotion packet: the target, a radar chart of the latest assessment (self,
manager and the target level), the gap dimension by dimension beside what the
ladder's two levels expect, the three 30-day actions with their status, the
next quarter and years 2-3, a timeline of the checkpoints up to the target
date, the review streak and a sparkline of changes per month (from git when
the file is in a repository, else from its review log).

The page needs nothing else: its CSS and charts are inline, it runs no
script and loads nothing from the network. It prints on one or two pages
(A4 or Letter), follows the reader's dark mode, reads on a phone, and gives
every chart a text alternative. Everything from the file is escaped.

--format svg writes the assessment radar alone, to embed in a README.
The page goes to standard output unless -o names a file.`,
		Example: `  roadmap export roadmap.md -o roadmap.html
  roadmap export examples/promotion.md --today 2026-11-21 > promotion.html
  roadmap export roadmap.md --format svg -o radar.svg`,
		Args:              cmdutil.OneRoadmapFile,
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatHTML, report.FormatSVG)
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	cmdutil.StdinFilenameFlag(cmd, &opts.StdinName, ".roadmap.yaml and ladders")
	laddercmd.AddLaddersFlag(cmd, &opts.LaddersDir)
	_ = cmd.MarkFlagFilename("output", "html", "svg")
	return cmd
}

func exportRun(opts *Options) error {
	if sameFile(opts.File, opts.Output) {
		return &cmdutil.InputError{Err: fmt.Errorf("%s: -o names the roadmap itself: the page would replace it (write the page to another file, e.g. -o %s)",
			safetext.Name(opts.Output), cmdutil.ShellQuote(strings.TrimSuffix(opts.File, filepath.Ext(opts.File))+".html"))}
	}
	doc, err := cmdutil.ReadValidRoadmap(opts.IO, opts.File, opts.StdinName)
	if err != nil {
		return err
	}
	today := opts.Today()
	in := export.Input{Doc: doc, Today: today}

	var buf bytes.Buffer
	if opts.Format == report.FormatSVG {
		a, ok := doc.LatestAssessment()
		if !ok {
			return &cmdutil.InputError{Err: fmt.Errorf("%s has no Assessment entry to draw (add one: `roadmap review %s --record --rate skills=3,scope=2`, or see docs/assessment.md)",
				safetext.Name(doc.Path), cmdutil.ShellQuote(opts.File))}
		}
		r := export.NewRadar(export.RadarInput{Assessment: &a, TargetLevel: doc.Frontmatter.Target.Level, Size: export.RadarFull})
		if err := export.WriteRadarSVG(&buf, r); err != nil {
			return err
		}
		return write(opts, buf.Bytes())
	}

	if err := comparison(opts, doc, &in); err != nil {
		return err
	}
	in.History, in.Cadence, in.ReviewCommits = readHistory(opts, doc, today)
	if err := export.WritePage(&buf, export.Build(in)); err != nil {
		return err
	}
	return write(opts, buf.Bytes())
}

// comparison puts the ladders' view of the two levels into the page; when
// the ladders do not know them, the page shows the roadmap's gap alone and
// says why.
func comparison(opts *Options, doc *roadmap.Document, in *export.Input) error {
	set, err := laddercmd.Load(opts.LaddersDir, cmdutil.InputDir(opts.File, opts.StdinName))
	if err != nil {
		return err
	}
	in.Comparison, in.LadderNote = export.Compare(set, doc)
	if in.LadderNote != "" {
		fmt.Fprintf(opts.IO.ErrOut, "roadmap: note: %s\n", in.LadderNote)
	}
	return nil
}

// readHistory reads the file's commits for the sparkline, and the review
// dates git knows for the checkpoints and the streak; without git, the
// review log alone, and a note says so.
func readHistory(opts *Options, doc *roadmap.Document, today civil.Date) (export.History, cadence.Options, []civil.Date) {
	if opts.File == "-" {
		return export.LogHistory(doc, nil), cadence.Options{}, nil
	}
	var fb history.Fallbacks
	provider := opts.History
	if provider == nil {
		provider = history.Default
	}
	commits, err := provider.Log(opts.File)
	if err != nil {
		if fb.Add(err) {
			fmt.Fprintln(opts.IO.ErrOut, "roadmap: note: "+fb.MessageWith("the history sparkline counts the review log only"))
		} else {
			fmt.Fprintf(opts.IO.ErrOut, "roadmap: note: git failed (%v): the history sparkline counts the review log only\n", err)
		}
		return export.LogHistory(doc, nil), cadence.Options{}, nil
	}
	if commits == nil {
		commits = []history.Commit{}
	}
	return export.LogHistory(doc, commits), cadence.Options{LastReview: review.DatesFromCommits(commits, today)}, review.ReviewDays(commits, today)
}

// sameFile reports whether the output path is the input file, by any
// name (a symbolic or hard link to it included).
func sameFile(input, output string) bool {
	if input == "-" || output == "" || output == "-" {
		return false
	}
	in, err := os.Stat(input)
	if err != nil {
		return false
	}
	out, err := os.Stat(output)
	return err == nil && os.SameFile(in, out)
}

func write(opts *Options, data []byte) error {
	if opts.Output == "" || opts.Output == "-" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	if err := atomicfile.WriteFile(opts.Output, data, 0o644); err != nil {
		// The path is named once, quoted; the system's error would repeat
		// it (or its temporary sibling) raw.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &cmdutil.InputError{Err: fmt.Errorf("%s: cannot write the export: %w", safetext.Name(opts.Output), err)}
	}
	return nil
}
