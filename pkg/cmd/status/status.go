// Package status implements `roadmap status`: one row per roadmap in a
// directory tree (a team's repository), most urgent first.
package status

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/export"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/status"
)

// Options are status's inputs, filled by NewCmdStatus.
type Options struct {
	IO     *iostreams.IOStreams
	Today  func() civil.Date
	Getenv func(string) string
	// History says when each plan was reviewed in git.
	History history.Provider

	Paths       []string
	Format      string
	Config      string
	FailOverdue bool
	// AllowEmpty lets directories with no roadmap pass (exit 0).
	AllowEmpty bool
	// Quiet leaves out the note about missing git history.
	Quiet bool
}

// NewCmdStatus builds the command. runF replaces statusRun in flag tests.
func NewCmdStatus(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today, Getenv: f.Getenv, History: f.HistoryProvider()}
	cmd := &cobra.Command{
		Use:   "status [DIR...]",
		Short: "One row per roadmap: owner, target, next checkpoint, overdue, lint errors",
		Long: `Summarise every roadmap under DIR (default: the current directory), such as
a team's repository of plans: the owner, the kind of plan, the target role,
the checkpoint that needs attention next (the heaviest overdue review, else
the earliest coming check-in, review, rewrite or target date), how many days
it is overdue, and how many lint errors and warnings the file has.

Rows are sorted by urgency: most overdue first, then most lint errors, then
the soonest checkpoint. Review dates come from each file's review log and,
in a git repository, from commits made by 'roadmap review --record --commit'.
Files are found as 'roadmap lint' finds them (the same .roadmap.yaml applies).

--format html writes the team dashboard, one self-contained page: a row
per person with the next checkpoint, whether it is overdue, the lint state
and a small radar of the latest assessment, and the dimensions most of the
team is rated weakest in (where a manager's mentoring reaches most people).

With --fail-overdue the exit status is 1 when any review is overdue: run it
in a weekly CI job to keep a team's plans alive. Directories that hold no
roadmap are an error (exit 2), as for 'roadmap lint': a weekly job pointed
at the wrong directory must not pass; --allow-empty when none is expected.`,
		Example: `  roadmap status
  roadmap status team/ --format markdown > STATUS.md
  roadmap status team/ --format html > team.html
  roadmap status --fail-overdue
  roadmap status --format json | jq -r '.roadmaps[] | select(.overdueDays > 0) | .owner'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return statusRun(opts)
		},
	}
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatTable, report.FormatMarkdown, report.FormatCSV, report.FormatJSON, report.FormatHTML)
	cmd.Flags().BoolVar(&opts.FailOverdue, "fail-overdue", false, "exit 1 when any review is overdue")
	cmd.Flags().BoolVar(&opts.AllowEmpty, "allow-empty", false, "exit 0 when the directories given hold no roadmap (by default that is an error: a job that summarises nothing must not pass)")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "no note about missing git history")
	cmd.Flags().StringVar(&opts.Config, "config", "", "configuration file for every roadmap (default: $ROADMAP_CONFIG, else the nearest .roadmap.yaml)")
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

// JSON is the stable shape of `roadmap status --format json`
// (docs/status-json.md).
type JSON struct {
	Today    civil.Date   `json:"today"`
	Roadmaps []status.Row `json:"roadmaps"`
	Overdue  int          `json:"overdue"`
}

func statusRun(opts *Options) error {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if p == "-" {
			return cmdutil.FlagErrorf("status reads directories and files, not standard input")
		}
		// One message for a path that is not there: not "no roadmaps
		// found" and then a hint to create it as a roadmap.
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return &cmdutil.InputError{Err: fmt.Errorf("%s: no such directory (status summarises the roadmaps in a directory; check the path)", safetext.Name(p))}
		}
	}
	configPath := opts.Config
	if configPath == "" && opts.Getenv != nil {
		configPath = opts.Getenv("ROADMAP_CONFIG")
	}
	today := opts.Today()
	fallbacks := &history.Fallbacks{}
	provider := opts.History
	if provider == nil {
		provider = history.Default
	}
	var mu sync.Mutex
	var rows []status.Row
	res := lint.Run(lint.RunOptions{
		Paths:   paths,
		Today:   today,
		Configs: &lint.ConfigResolver{Explicit: configPath},
		History: history.FactsFunc(provider, today, fallbacks),
		Visit: func(doc *roadmap.Document, hist lint.History, findings []lint.Finding) {
			row := status.NewRow(doc, hist, findings, today)
			mu.Lock()
			rows = append(rows, row)
			mu.Unlock()
		},
	})
	if msg := fallbacks.MessageWith("review dates come from the review log only"); msg != "" && !opts.Quiet {
		fmt.Fprintln(opts.IO.ErrOut, "roadmap: note: "+msg)
	}
	status.Sort(rows)
	overdue := 0
	for _, r := range rows {
		if r.Overdue > 0 {
			overdue++
		}
	}
	if err := write(opts, today, rows, overdue); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		return &cmdutil.InputError{Err: errors.Join(res.Errors...)}
	}
	if err := res.Empty(opts.Paths, "there is nothing to summarise"); err != nil && !opts.AllowEmpty {
		return &cmdutil.InputError{Err: err}
	}
	if opts.FailOverdue && overdue > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

func write(opts *Options, today civil.Date, rows []status.Row, overdue int) error {
	out := opts.IO.Out
	if opts.Format == report.FormatHTML {
		return export.WriteDashboard(out, export.NewDashboard(rows, where(defaultPaths(opts.Paths)), today))
	}
	if opts.Format == report.FormatCSV {
		return dataTable(rows).Render(out, opts.Format, report.OptionsFor(opts.IO))
	}
	if opts.Format == report.FormatJSON {
		if rows == nil {
			rows = []status.Row{}
		}
		return report.WriteJSON(out, JSON{Today: today, Roadmaps: rows, Overdue: overdue})
	}
	// Who, when, how late and how clean stay on any terminal; the kind,
	// the checkpoint's name, the file and the target give way, in that order.
	t := report.Table{Headers: []string{"owner", "kind", "target", "next", "due", "overdue", "lint", "file"},
		Cols: []report.Col{{Wrap: true}, {Drop: 1}, {Wrap: true, Drop: 4}, {Wrap: true, Drop: 2}, {}, {}, {Wrap: true}, {Drop: 3}},
		All:  "--format csv shows every column"}
	for _, r := range rows {
		owner := r.Owner
		if owner == "" {
			// The file is the only name an ownerless roadmap has, and the
			// file column is one of those a narrow terminal drops.
			owner = "no owner: " + safetext.Name(r.File)
		}
		next, due, late := "-", "-", "-"
		if r.Next != nil {
			next, due = r.Next.Label(), r.Next.Due.String()
			if r.Overdue > 0 {
				late = report.Plural(r.Overdue, "day", "days")
			}
		}
		t.Rows = append(t.Rows, []string{owner, r.Kind, target(r.Target), next, due, late, lintCell(r), safetext.Name(r.File)})
	}
	if len(rows) == 0 && opts.Format == report.FormatTable {
		// No table of nothing: the run's error (or --allow-empty) says it.
		return nil
	}
	if err := t.Render(out, opts.Format, report.OptionsFor(opts.IO)); err != nil {
		return err
	}
	if opts.Format == report.FormatTable && opts.IO.IsStdoutTTY() {
		_, err := fmt.Fprintf(out, "%s, %d overdue · today %s\n", report.Plural(len(rows), "roadmap", "roadmaps"), overdue, today)
		return err
	}
	return nil
}

// dataTable is the CSV: one column per field, numbers as numbers and
// nothing left out, for a spreadsheet or a script (the JSON's fields).
func dataTable(rows []status.Row) report.Table {
	t := report.Table{Headers: []string{"owner", "title", "kind", "target_role", "target_level", "target_by",
		"next_kind", "next", "due", "overdue_days", "errors", "warnings", "file"}}
	for _, r := range rows {
		var nextKind, next, due string
		if r.Next != nil {
			nextKind, next, due = r.Next.Kind, r.Next.Label(), r.Next.Due.String()
		}
		t.Rows = append(t.Rows, []string{r.Owner, r.Title, r.Kind, r.Target.Role, r.Target.Level, r.Target.By.String(),
			nextKind, next, due, strconv.Itoa(r.Overdue), strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings), safetext.Name(r.File)})
	}
	return t
}

// where names what the dashboard summarises: the paths as given, a
// directory given as "." (or "..") by its own name.
func where(paths []string) string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if c := filepath.Clean(p); c == "." || c == ".." || strings.HasSuffix(c, string(filepath.Separator)+"..") {
			if abs, err := filepath.Abs(c); err == nil && filepath.Base(abs) != string(filepath.Separator) {
				p = filepath.Base(abs)
			}
		}
		out = append(out, safetext.Name(p))
	}
	return strings.Join(out, ", ")
}

func defaultPaths(p []string) []string {
	if len(p) == 0 {
		return []string{"."}
	}
	return p
}

func target(t status.Target) string {
	s := t.Role
	if t.Level != "" && !strings.Contains(strings.ToLower(s), strings.ToLower(t.Level)) {
		s += " (" + t.Level + ")"
	}
	return s
}

func lintCell(r status.Row) string {
	switch {
	case r.Errors == 0 && r.Warnings == 0:
		return "clean"
	case r.Warnings == 0:
		return report.Plural(r.Errors, "error", "errors")
	case r.Errors == 0:
		return report.Plural(r.Warnings, "warning", "warnings")
	}
	return report.Plural(r.Errors, "error", "errors") + ", " + strconv.Itoa(r.Warnings) + " warn."
}
