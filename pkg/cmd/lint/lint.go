// Package lint implements `roadmap lint`: check roadmaps against the rule
// catalogue and print findings for people, CI logs, code scanning and jq.
package lint

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/docs"
	"github.com/roadmapcli/roadmap/pkg/build"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/editlock"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// Options are lint's inputs, filled by NewCmdLint.
type Options struct {
	IO     *iostreams.IOStreams
	Today  func() civil.Date
	Getenv func(string) string
	// History answers the date rules' questions about the past (git).
	History history.Provider

	Paths     []string
	Format    string
	FailOn    string
	Config    string
	StdinName string
	Explain   string
	ListRules bool
	// RoadmapsOnly skips named files that are not roadmaps.
	RoadmapsOnly bool
	// AllowEmpty lets directories with no roadmap pass (exit 0).
	AllowEmpty bool
	// Fix applies the fixes that have exactly one correct edit; with
	// DryRun it prints their diff instead.
	Fix    bool
	DryRun bool
	// Quiet prints the findings only: no summary, no notes.
	Quiet bool
	// LockWait is how long --fix waits while another process edits a file.
	LockWait time.Duration
	// beforeWrite, in tests, runs between reading a file and writing it.
	beforeWrite func(path string)
}

// memoryLimit is lint's soft memory limit (debug.SetMemoryLimit).
const memoryLimit = 40 << 20

// failOnLevels are --fail-on's values: the lowest severity that fails.
var failOnLevels = []string{"error", "warning", "info", "none"}

// ruleRange is "RM001 to RM023": the first rule's ID to the last's.
func ruleRange() string {
	rules := lint.Rules()
	return rules[0].ID + " to " + rules[len(rules)-1].ID
}

// NewCmdLint builds the command. runF replaces lintRun in flag tests.
func NewCmdLint(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today, Getenv: f.Getenv, History: f.HistoryProvider(), LockWait: editlock.DefaultWait}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check roadmaps for vague goals, missing dates and a lapsed cadence",
		Long: `Check roadmaps against the method's rules, ` + ruleRange() + `: a target named
specifically, an honest gap with evidence for each dimension, exactly three
concrete dated actions for the next 30 days, a sketched quarter, years 2–3
kept as a hypothesis, and reviews that keep pace with the cadence.

PATH is a file, a directory (searched recursively for Markdown files whose
frontmatter has a roadmap: key; .git, node_modules and hidden directories are
skipped) or - for standard input. Without a PATH, the current directory.

Configuration comes from --config, else $ROADMAP_CONFIG, else the nearest
.roadmap.yaml above each file: a severity per rule (or off), extra vague
phrases, and include/ignore globs (ignore skips what a directory walk finds;
a file or directory named as PATH is linted whatever the globs say). In a
file, turn rules off with <!-- roadmap-disable RM007 -->,
<!-- roadmap-enable -->, <!-- roadmap-disable-next-line RM005 --> or
<!-- roadmap-disable-line RM005 -->.

Date rules use --today (or $ROADMAP_TODAY) so CI results are reproducible.

--fix applies the fixes that have exactly one correct edit (a near-miss
kind, cadence or key, a date written 2026-1-5, a single company where a
list belongs, the roadmap: 1 key, the (hypothesis) marker), says what it
changed on standard error, lints again and reports what is left. It edits
under the same lock as review --record and writes nothing to a file that
changed meanwhile. --fix --dry-run prints the unified diff instead,
changes nothing, and exits as lint would on the fixed text.

Exit status: 0 when nothing at or above --fail-on was found, 1 when something
was, 2 when a file, the configuration or the command line is wrong.`,
		Example: `  roadmap lint roadmap.md
  roadmap lint .                                   # every roadmap in the repository
  roadmap lint --format sarif roadmaps/ > roadmap.sarif
  roadmap lint --format github --fail-on warning roadmaps/
  roadmap lint --format json examples/ | jq '.findings[] | select(.rule == "RM005")'
  git show HEAD:roadmap.md | roadmap lint - --stdin-filename roadmap.md
  roadmap lint --fix roadmap.md                    # apply the mechanical fixes
  roadmap lint --fix --dry-run .                   # show them as a diff
  roadmap lint --explain RM005
  roadmap lint --list-rules`,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Explain != "" && (len(args) > 0 || opts.ListRules) {
				return cmdutil.FlagErrorf("--explain prints one rule's documentation; give it no PATH and no --list-rules")
			}
			if opts.DryRun && !opts.Fix {
				return cmdutil.FlagErrorf("--dry-run shows what --fix would change; give --fix too")
			}
			if opts.Fix && (opts.Explain != "" || opts.ListRules) {
				return cmdutil.FlagErrorf("--fix edits roadmaps; it does not go with --explain or --list-rules")
			}
			for _, p := range args {
				if opts.Fix && p == "-" {
					return cmdutil.FlagErrorf("--fix edits files in place and cannot fix standard input (name the file instead)")
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return lintRun(opts)
		},
	}
	fl := cmd.Flags()
	cmdutil.FormatFlag(cmd, &opts.Format, report.LintFormats...)
	cmdutil.StringEnumFlag(cmd, &opts.FailOn, "fail-on", "", "error", failOnLevels, "lowest severity that makes the exit status 1")
	fl.StringVar(&opts.Config, "config", "", "configuration file to use for every roadmap (default: $ROADMAP_CONFIG, else the nearest .roadmap.yaml)")
	cmdutil.StdinFilenameFlag(cmd, &opts.StdinName, "configuration")
	fl.StringVar(&opts.Explain, "explain", "", "print the documentation of a rule (ID or name) and exit (--format json: with its severity, kinds and link)")
	fl.BoolVar(&opts.ListRules, "list-rules", false, "list every rule with its default severity and exit")
	fl.BoolVarP(&opts.Quiet, "quiet", "q", false, "print the findings only: no summary and no note about missing git history")
	fl.BoolVar(&opts.Fix, "fix", false, "apply the fixes that have exactly one correct edit, then report what is left")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "with --fix: print the unified diff of the fixes and change nothing")
	fl.DurationVar(&opts.LockWait, "lock-wait", editlock.DefaultWait, "with --fix: how long to wait while another process edits a file")
	fl.BoolVar(&opts.RoadmapsOnly, "roadmaps-only", false, "skip named files whose frontmatter has no roadmap: key (for pre-commit hooks that pass every Markdown file)")
	fl.BoolVar(&opts.AllowEmpty, "allow-empty", false, "exit 0 when the directories given hold no roadmap (by default that is an error: a CI job that lints nothing must not pass)")
	_ = cmd.RegisterFlagCompletionFunc("explain", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, r := range lint.Rules() {
			out = append(out, r.ID+"\t"+r.Name)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func lintRun(opts *Options) error {
	if opts.Explain != "" {
		return explain(opts)
	}
	if opts.ListRules {
		return listRules(opts)
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	// Linting allocates about 75 KB per file and keeps little: with the
	// collector's default target, 2,000 files spent a third of their time
	// in GC. Doubling the target took them from 0.29 s to 0.20 s wall for
	// 1–2 MB more peak memory (scripts/bench-lint.sh). A user's GOGC wins.
	if opts.Getenv == nil || opts.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	// The doubled target let a 20,000-file run's heap grow to three times
	// what it keeps (about 8 MB live, 50 MB of heap, 88 MB resident). A
	// soft limit makes big runs collect sooner and leaves small ones as
	// they are: memory stays flat in the number of files. A user's
	// GOMEMLIMIT wins.
	if opts.Getenv == nil || opts.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	stdins := 0
	for _, p := range paths {
		if p == "-" {
			stdins++
		}
	}
	if stdins > 1 {
		return cmdutil.FlagErrorf("- (standard input) can be given only once")
	}
	configPath := opts.Config
	if configPath == "" && opts.Getenv != nil {
		configPath = opts.Getenv("ROADMAP_CONFIG")
	}
	today := opts.Today()
	fallbacks := &history.Fallbacks{}
	runOpts := lint.RunOptions{
		Paths:        paths,
		Stdin:        opts.IO.In,
		StdinName:    opts.StdinName,
		Today:        today,
		Configs:      &lint.ConfigResolver{Explicit: configPath},
		RoadmapsOnly: opts.RoadmapsOnly,
		History:      history.FactsFunc(opts.provider(), today, fallbacks),
	}
	if opts.Fix {
		return fixRun(opts, runOpts, fallbacks)
	}
	return finish(opts, lint.Run(runOpts), fallbacks)
}

// finish prints a run's findings and turns them into the exit status.
func finish(opts *Options, res *lint.Result, fallbacks *history.Fallbacks) error {
	note(opts, fallbacks)
	if err := write(opts, res); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		return &cmdutil.InputError{Err: errors.Join(res.Errors...)}
	}
	if err := res.Empty(opts.Paths, "nothing was linted"); err != nil && !opts.AllowEmpty {
		return &cmdutil.InputError{Err: err}
	}
	if min, ok := failOn(opts.FailOn); ok && lint.AtLeast(res.Findings, min) > 0 {
		return cmdutil.ErrSilent
	}
	return nil
}

// note says once per run, not once per file, that some files had no git
// history; --quiet says nothing.
func note(opts *Options, fallbacks *history.Fallbacks) {
	if opts.Quiet {
		return
	}
	if msg := fallbacks.MessageWith(lint.FallbackNote); msg != "" {
		fmt.Fprintln(opts.IO.ErrOut, "roadmap: note: "+msg)
	}
}

func failOn(level string) (lint.Severity, bool) {
	if level == "none" {
		return lint.Off, false
	}
	sev, err := lint.ParseSeverity(level)
	return sev, err == nil
}

func write(opts *Options, res *lint.Result) error {
	out := opts.IO.Out
	switch opts.Format {
	case report.FormatJSON:
		return report.WriteFindingsJSON(out, res.Files, res.Findings)
	case report.FormatSARIF:
		root, _ := os.Getwd() // relative paths are relative to it; without it the base stays unnamed
		return report.WriteFindingsSARIF(out, res.Findings, report.SARIFOptions{
			Version: build.Current().Version, Rules: lint.Rules(), Errors: res.Errors, Root: root,
			RuleHelp: func(id string) string { page, _ := docs.RulePage(id); return page },
		})
	case report.FormatGitHub:
		return report.WriteFindingsGitHub(out, res.Findings)
	}
	cs := opts.IO.ColorScheme()
	if err := report.WriteFindingsText(out, res.Findings, cs); err != nil {
		return err
	}
	// The summary is for a person: under the findings on a terminal;
	// piped, on standard error and only when there is something to
	// count, so the findings stay the only thing on standard output.
	switch {
	case opts.Quiet:
	case opts.IO.IsStdoutTTY():
		_, err := fmt.Fprintln(out, report.FindingsSummary(res.Files, res.Findings, cs))
		return err
	case len(res.Findings) > 0:
		_, err := fmt.Fprintln(opts.IO.ErrOut, report.FindingsSummary(res.Files, res.Findings, opts.IO.ErrColorScheme()))
		return err
	}
	return nil
}

// nearRule is the rule id or name a user most likely meant: a near
// miss, else a name one of whose words begins as the answer's does
// ("hedge": hedging, "placeholders": placeholder).
func nearRule(q string, names []string) string {
	if sug := suggest.Nearest(q, names); sug != "" {
		return sug
	}
	q = strings.ToLower(strings.TrimSpace(q))
	if len(q) < 4 {
		return ""
	}
	for _, n := range names {
		for _, w := range strings.Split(n, "-") {
			if k := min(len(q), len(w)) - 1; k >= 4 && strings.HasPrefix(w, q[:k]) {
				return n
			}
		}
	}
	return ""
}

func explain(opts *Options) error {
	r := lint.Lookup(opts.Explain)
	if r == nil {
		var names []string
		for _, r := range lint.Rules() {
			names = append(names, r.ID, r.Name)
		}
		msg := fmt.Sprintf("no rule %q", opts.Explain)
		if sug := nearRule(opts.Explain, names); sug != "" {
			msg += fmt.Sprintf(": did you mean %s?", sug)
		}
		return cmdutil.FlagErrorf("%s (`roadmap lint --list-rules` lists them)", msg)
	}
	if opts.Format != report.FormatText && opts.Format != report.FormatJSON {
		return cmdutil.FlagErrorf("--explain prints text or json, not %s", opts.Format)
	}
	page, ok := docs.RulePage(r.ID)
	if !ok {
		return fmt.Errorf("no documentation for %s: this build is broken", r.ID)
	}
	if opts.Format == report.FormatJSON {
		return report.WriteJSON(opts.IO.Out, explained{viewOf(r), page})
	}
	_, err := fmt.Fprint(opts.IO.Out, page)
	return err
}

// ruleView is one rule in `--list-rules --format json`.
type ruleView struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Severity string   `json:"severity"`
	Kinds    []string `json:"kinds"`
	Summary  string   `json:"summary"`
	URL      string   `json:"url"`
}

// explained is `--explain RULE --format json`: the rule as --list-rules
// shows it, and its page (Markdown).
type explained struct {
	ruleView
	Page string `json:"page"`
}

func viewOf(r *lint.Rule) ruleView {
	kinds := r.Kinds
	if kinds == nil {
		kinds = []string{}
	}
	return ruleView{r.ID, r.Name, r.Severity.String(), kinds, r.Summary, r.DocURL()}
}

func listRules(opts *Options) error {
	rules := lint.Rules()
	if opts.Format == report.FormatJSON {
		views := make([]ruleView, 0, len(rules))
		for _, r := range rules {
			views = append(views, viewOf(r))
		}
		return report.WriteJSON(opts.IO.Out, views)
	}
	if opts.Format != report.FormatText {
		return cmdutil.FlagErrorf("--list-rules prints text or json, not %s", opts.Format)
	}
	t := report.Table{Headers: []string{"rule", "name", "severity", "checks"}, Cols: []report.Col{{}, {}, {}, {Wrap: true}}}
	for _, r := range rules {
		summary := r.Summary
		if len(r.Kinds) > 0 {
			summary = "(" + strings.Join(r.Kinds, ", ") + ") " + summary
		}
		t.Rows = append(t.Rows, []string{r.ID, r.Name, r.Severity.String(), summary})
	}
	return t.Render(opts.IO.Out, report.FormatTable, report.OptionsFor(opts.IO))
}

// provider is the history the date rules read: git unless a test set one.
func (o *Options) provider() history.Provider {
	if o.History == nil {
		return history.Default
	}
	return o.History
}
