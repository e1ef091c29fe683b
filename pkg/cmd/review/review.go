// Package review implements `roadmap review`: which review a roadmap is
// due for, its questions, the overdue actions and what changed since the
// last review; and, with --record, the edit that logs the review in the
// file, ticks done actions and pins the next three.
package review

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/editlock"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// DefaultFile is the roadmap read when no FILE is given.
const DefaultFile = "roadmap.md"

// Options are review's inputs, filled by NewCmdReview.
type Options struct {
	IO    *iostreams.IOStreams
	Today func() civil.Date
	// History is what the file's past is read from (git); nil reads it
	// with Git.
	History history.Provider
	// Git commits a record (--commit); tests give it a pinned environment.
	Git *gitx.Client
	// Getenv reads ROADMAP_CONFIG, the lint configuration a record is
	// checked against.
	Getenv func(string) string

	File   string
	Format string

	Record  bool
	Kind    string
	Notes   []string
	Done    []int
	Actions []string
	// KeepActions carries the open actions into the new window with new
	// due dates.
	KeepActions bool
	// Ratings are --rate, --manager-rate and --rate-reason, merged.
	Ratings []review.Rate
	DryRun  bool
	Commit  bool
	// Interactive is set when --record is given with no content flag on a
	// terminal: the review is asked for.
	Interactive bool
	// LockWait is how long --record waits for another process editing the
	// same file.
	LockWait time.Duration

	// beforeWrite, when set, runs just before the file is replaced (tests
	// use it to change the file under the command's feet).
	beforeWrite func()
}

// NewCmdReview builds the command. runF replaces reviewRun in flag tests.
func NewCmdReview(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today, Getenv: f.Getenv, History: f.HistoryProvider(), Git: gitx.Default, LockWait: editlock.DefaultWait}
	var done []string
	var rates rateFlags
	cmd := &cobra.Command{
		Use:   "review [FILE]",
		Short: "Say which review is due, and record it in the roadmap",
		Long: `Without --record, say which review FILE (default roadmap.md) is due for:
a monthly check-in (is the plan on course?), a quarterly review (are its
assumptions still true?), a yearly rewrite, or none, and by how many days it is late;
the questions that review asks; the open and overdue actions; and what
changed in the file since the last review, from git when the file is in a
repository (commits and lines added and removed), else from the review log
and the file's modification time.

With --record, append a dated entry to the Review log section (created at
the end of the file if missing):

  ### YYYY-MM-DD · KIND
  - each --note
  - Done: ... / Dropped: ... (one line per action ticked or replaced)

--rate skills=3,scope=2 (and --manager-rate, --rate-reason DIM=TEXT) also
appends a dated entry to the Assessment section (created before the Review
log if missing): one line per dimension rated, from 1 to 5 against the
target level, "- Scope: self 2, manager 1 — reason" (docs/assessment.md).

--done ticks actions by the numbers 'roadmap show' prints (1,3 or a range,
1-3). The entry starts a new 30-day window, so the record must leave
actions that fit it (lint's action-dated and window-expired rules):
--action, given exactly three times, pins the next three actions in place
of the current ones; unfinished ones are dropped from the list and noted
in the entry ("Dropped: ...") so nothing is lost, an action without a due date gets the last day of the new window,
and one due outside it is refused. --keep-actions keeps the open actions
instead, each due outside the new window moved as many days into it as it
was into the old one (the entry notes the move). A record that would leave
an action outside the window, or none to do, is refused with this choice,
and nothing is written. The kind defaults to the review that is due, else
a check-in; the date is today (--today, ROADMAP_TODAY).

On a terminal, --record with none of --kind, --note, --done, --action or
--keep-actions asks for them: the kind, notes, the actions done, and each
new action's text, kind and due date; then it shows the change as a diff,
asks before writing, and, in a git repository, offers to commit.

Edits change only the bytes they must: the rest of the file, its line
endings (CRLF stays CRLF) and byte-order mark stay as they were. The file is
replaced atomically, and not at all if it changed while the review was being
recorded. Concurrent runs on one file take turns through a lock file
(.FILE.lock beside it; see docs/review-json.md for stale locks).
--dry-run prints the change as a unified diff and writes nothing. --commit
commits the file alone with the message "review: KIND YYYY-MM-DD".`,
		Example: `  # Which review is due, and what changed since the last one
  roadmap review examples/team/marcus-feld.md
  roadmap review roadmap.md --format json | jq '.kind, .due.overdueDays'

  # Record this month's check-in: two actions done, a note, three new actions
  roadmap review roadmap.md --record --done 1,3 \
    --note "On track: the proposal was accepted" \
    --action "Draft the stage 2 cutover plan (project) — due 2026-12-30" \
    --action "Start the Kafka Fundamentals course (course)" \
    --action "Ask Hana Kim about her design review (person) — due 2026-12-22"

  # Rate the gap dimensions at a quarterly review, with your manager
  roadmap review roadmap.md --record --kind quarterly \
    --rate skills=3,scope=3,mentorship=2,visibility=2 \
    --manager-rate skills=3,scope=1,mentorship=2,visibility=2 \
    --rate-reason "scope=Ledger v3 has no committed engineers yet"

  # See the edit first, then record and commit it
  roadmap review roadmap.md --record --kind quarterly --note "Target unchanged" --dry-run
  roadmap review roadmap.md --record --kind quarterly --note "Target unchanged" --commit`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cmdutil.FlagErrorf("review takes at most one FILE, got %d", len(args))
			}
			return nil
		},
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			opts.File = DefaultFile
			if len(args) == 1 {
				opts.File = args[0]
			}
			if err := opts.check(cmd, done); err != nil {
				return err
			}
			if opts.Ratings, err = rates.ratings(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return reviewRun(opts)
		},
	}
	fl := cmd.Flags()
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatText, report.FormatJSON)
	fl.BoolVar(&opts.Record, "record", false, "record a review in FILE: a Review log entry, ticks and pinned actions")
	cmdutil.StringEnumFlag(cmd, &opts.Kind, "kind", "", "", roadmap.ReviewKinds, "with --record: the kind of review (default: the one due, else check-in)")
	fl.StringArrayVar(&opts.Notes, "note", nil, "with --record: a note for the entry, one list item (repeatable)")
	fl.StringArrayVar(&done, "done", nil, "with --record: numbers of the actions finished, e.g. 1,3 (as roadmap show numbers them)")
	fl.StringArrayVar(&opts.Actions, "action", nil, "with --record: one of the next three actions to pin (give it exactly 3 times)")
	fl.BoolVar(&opts.KeepActions, "keep-actions", false, "with --record: keep the open actions, moving due dates outside the new 30-day window into it")
	fl.StringArrayVar(&rates.self, "rate", nil, "with --record: your ratings, 1-5 against the target level, e.g. skills=3,scope=2 (an Assessment entry)")
	fl.StringArrayVar(&rates.manager, "manager-rate", nil, "with --record: your manager's ratings, e.g. skills=3,scope=1")
	fl.StringArrayVar(&rates.reasons, "rate-reason", nil, "with --record: why a dimension has its rating, e.g. \"scope=one team so far\" (repeatable)")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "with --record: print the change as a unified diff and write nothing")
	fl.BoolVar(&opts.Commit, "commit", false, "with --record: commit FILE alone with the message \"review: KIND YYYY-MM-DD\"")
	fl.DurationVar(&opts.LockWait, "lock-wait", editlock.DefaultWait, "with --record: how long to wait while another process edits FILE")
	_ = fl.MarkHidden("lock-wait")
	return cmd
}

// recordFlags are the flags that only mean something with --record, and
// the ones among them that say what the review was.
var (
	recordFlags  = []string{"kind", "note", "done", "action", "keep-actions", "rate", "manager-rate", "rate-reason", "dry-run", "commit", "lock-wait"}
	contentFlags = []string{"kind", "note", "done", "action", "keep-actions", "rate", "manager-rate", "rate-reason"}
)

// check validates the flags that can be wrong on their own (usage errors,
// exit 2) and decides whether to ask at the terminal.
func (o *Options) check(cmd *cobra.Command, done []string) error {
	if !o.Record {
		for _, name := range recordFlags {
			if cmd.Flags().Changed(name) {
				return cmdutil.FlagErrorf("--%s needs --record (it says what to write in the review log)", name)
			}
		}
		return nil
	}
	if o.File == "-" {
		return cmdutil.FlagErrorf("--record edits a file: name it instead of - (standard input)")
	}
	nums, err := ParseDone(done)
	if err != nil {
		return err
	}
	o.Done = nums
	if n := len(o.Actions); n != 0 && n != review.ActionCount {
		return cmdutil.FlagErrorf("%s", review.ActionCountMessage(n))
	}
	if o.KeepActions && len(o.Actions) > 0 {
		return cmdutil.FlagErrorf("%s", review.KeepAndPinMessage)
	}
	content := false
	for _, name := range contentFlags {
		content = content || cmd.Flags().Changed(name)
	}
	o.Interactive = !content && o.IO.CanPrompt()
	return nil
}

// ParseDone reads --done values: action numbers and ranges ("2-3")
// separated by commas, in one flag or several.
func ParseDone(values []string) ([]int, error) {
	var out []int
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			from, to, isRange := strings.Cut(part, "-")
			first, err := strconv.Atoi(strings.TrimSpace(from))
			last := first
			if err == nil && isRange {
				last, err = strconv.Atoi(strings.TrimSpace(to))
			}
			if err != nil || first < 0 {
				return nil, cmdutil.FlagErrorf("invalid --done %q: give action numbers as `roadmap show` prints them, e.g. --done 1,3 or --done 1-3", v)
			}
			if last < first {
				return nil, cmdutil.FlagErrorf("invalid --done %q: the range %s runs backwards (write %d-%d)", v, part, last, first)
			}
			for n := first; n <= last && n <= first+maxDoneRange; n++ {
				out = append(out, n)
			}
		}
	}
	return out, nil
}

// maxDoneRange bounds a range's expansion: a plan has three actions, and
// "1-999999999" must not allocate a billion numbers before the range check.
const maxDoneRange = 99

func reviewRun(opts *Options) error {
	if opts.Record {
		return recordRun(opts)
	}
	doc, err := load(opts, true)
	if err != nil {
		return err
	}
	today := opts.Today()
	h := readHistory(opts, doc)
	rep := review.Assess(doc, today, review.Options{GitReviews: h.reviews})
	rep.Changes = h.changes(doc, rep.Since(doc))
	if opts.Format == report.FormatJSON {
		return report.WriteJSON(opts.IO.Out, rep)
	}
	return writeReport(opts.IO.Out, opts.IO.ColorScheme(), doc, rep, opts.IO.TerminalWidth())
}

// load reads and parses the roadmap; a file with errors is refused (exit
// 2) and, when warn is set, warnings go to the error stream.
func load(opts *Options, warn bool) (*roadmap.Document, error) {
	doc, err := cmdutil.ReadRoadmap(opts.IO, opts.File, cmdutil.StdinDefaultName)
	if err != nil {
		return nil, err
	}
	if err := doc.Err(); err != nil {
		return nil, &cmdutil.InputError{Err: err}
	}
	for _, p := range doc.Problems {
		if warn {
			fmt.Fprintln(opts.IO.ErrOut, p.Format(doc.Path))
		}
	}
	return doc, nil
}

// fileHistory is what git (or, without it, the file system) says about
// the roadmap.
type fileHistory struct {
	path string
	// source answers for the file; nil when it has no history there.
	source   history.Provider
	commits  []history.Commit // every commit that touched the file, newest first
	reviews  map[string]civil.Date
	fallback string
	err      error // git was there but failed
}

// provider is where the file's past is read from.
func (o *Options) provider() history.Provider {
	switch {
	case o.History != nil:
		return o.History
	case o.Git != nil:
		return history.Git{Client: o.Git}
	}
	return history.Default
}

func readHistory(opts *Options, doc *roadmap.Document) *fileHistory {
	h := &fileHistory{path: opts.File}
	if opts.File == "-" {
		h.fallback = "no git history (the roadmap was read from standard input): review dates come from the review log"
		return h
	}
	var fb history.Fallbacks
	p := opts.provider()
	commits, err := p.Log(opts.File)
	if err != nil {
		if !fb.Add(err) {
			h.err = err
		}
		h.fallback = fb.Message()
		return h
	}
	h.source, h.commits = p, commits
	h.reviews = review.DatesFromCommits(h.commits, opts.Today())
	return h
}

// changes is what changed in the file since the day given.
func (h *fileHistory) changes(doc *roadmap.Document, since civil.Date) *review.Changes {
	c := &review.Changes{Source: "git", Since: since, Commits: []history.Commit{}, Fallback: h.fallback}
	sinceTime := time.Time{}
	if !since.IsZero() {
		sinceTime = time.Date(since.Year(), since.Time().Month(), since.Time().Day(), 0, 0, 0, 0, time.Local)
	}
	if h.source == nil {
		c.Source = "file"
		if info, err := os.Stat(h.path); err == nil {
			c.LastChange = info.ModTime()
		}
		if h.err != nil {
			c.Fallback = "git failed (" + h.err.Error() + "): the last change is the file's modification time"
		}
		return c
	}
	// The commit that recorded the last review is that review, not a
	// change since it: count from just after it.
	recorded := -1
	for i, cm := range h.commits {
		if kind, d, ok := review.ParseCommitMessage(cm.Subject); ok && kind != "" && d == since && !since.IsZero() {
			recorded = i
			break
		}
	}
	for i, cm := range h.commits {
		if recorded >= 0 && i >= recorded {
			break
		}
		if !cm.Time.Before(sinceTime) {
			c.Commits = append(c.Commits, cm)
		}
	}
	if recorded >= 0 {
		sinceTime = h.commits[recorded].Time.Add(time.Second)
	}
	if len(h.commits) > 0 {
		c.LastChange = h.commits[0].Time
	} else {
		c.Uncommitted = true
		if info, err := os.Stat(h.path); err == nil {
			c.LastChange = info.ModTime()
		}
	}
	if !since.IsZero() {
		if st, err := h.source.DiffStat(h.path, sinceTime); err == nil {
			c.Stat = &st
		}
	}
	return c
}

// label names a checkpoint kind in a sentence.
func label(kind string) string {
	switch kind {
	case roadmap.ReviewCheckin:
		return "check-in"
	case roadmap.ReviewQuarterly:
		return "quarterly review"
	case roadmap.ReviewRewrite:
		return "yearly rewrite"
	case roadmap.ReviewReplan:
		return "re-plan"
	case "target":
		return "target date"
	}
	return kind
}

// late says how a date stands against today: "due today", "5 days
// overdue", "in 3 days".
func late(days int) string {
	switch {
	case days == 0:
		return "due today"
	case days == 1:
		return "1 day overdue"
	case days > 1:
		return fmt.Sprintf("%d days overdue", days)
	case days == -1:
		return "in 1 day"
	}
	return fmt.Sprintf("in %d days", -days)
}

// writeReport prints the review, each line fitted to width as plan fits
// its own: prose wraps under itself; a command to paste is never broken.
func writeReport(w io.Writer, cs *iostreams.ColorScheme, doc *roadmap.Document, r *review.Report, width int) error {
	p := &printer{w: w, cs: cs, width: width}
	title := doc.Frontmatter.Title
	if title == "" {
		title = doc.Title
	}
	head := safetext.Name(r.File)
	if title != "" {
		head += " · " + safetext.Line(title)
	}
	if doc.Frontmatter.Owner != "" {
		head += " (" + safetext.Line(doc.Frontmatter.Owner) + ")"
	}
	p.lines(report.Item{Text: head, Style: cs.Bold})

	if r.Due != nil {
		from := "the last one was on " + r.Due.Last.String()
		if r.Due.FromStart {
			from = fmt.Sprintf("no %s logged yet, so counted from the start date %s", label(r.Kind), r.Due.Last)
		}
		rest := fmt.Sprintf(" (was due %s; %s)", r.Due.Due, from)
		if plain := "  Due:    " + label(r.Kind) + ", " + late(r.Due.OverdueDays) + rest; p.width <= 0 || report.Width(plain) < p.width {
			p.line("  Due:    %s, %s%s", cs.Bold(label(r.Kind)), cs.Red(late(r.Due.OverdueDays)), rest)
		} else {
			p.item("  Due:    ", label(r.Kind)+", "+late(r.Due.OverdueDays)+rest, "")
		}
	} else {
		p.line("  Due:    %s", cs.Green("nothing today"))
	}
	if r.Next != nil {
		p.line("  Next:   %s on %s (%s)", label(r.Next.Kind), r.Next.Due, late(r.Next.OverdueDays))
	}
	if r.LastReview != nil {
		src := ""
		if r.LastReview.Source == "git" {
			src = ", from a review commit"
		}
		p.line("  Last:   %s on %s%s", label(r.LastReview.Kind), r.LastReview.Date, src)
	} else {
		p.line("  Last:   no review logged yet")
	}

	p.heading(cs, "Checkpoints")
	// Columns as wide as their widest entry, so a row fits 80 columns.
	var labelW, cadenceW, fromW int
	froms := make([]string, len(r.Schedule))
	for i, c := range r.Schedule {
		froms[i] = "last " + c.Last.String()
		if c.FromStart {
			froms[i] = "start " + c.Last.String()
		}
		if c.Kind == "target" {
			froms[i] = ""
		}
		labelW, cadenceW, fromW = max(labelW, len(label(c.Kind))), max(cadenceW, len(c.Cadence)), max(fromW, len(froms[i]))
	}
	for i, c := range r.Schedule {
		var style func(string) string
		if c.OverdueDays >= 0 {
			style = cs.Red
		}
		p.lines(report.Item{Prefix: fmt.Sprintf("  %-*s %-*s %-*s due %s  ", labelW, label(c.Kind), cadenceW, c.Cadence, fromW, froms[i], c.Due), Text: late(c.OverdueDays), Style: style})
	}

	if len(r.Questions) > 0 {
		p.heading(cs, "Questions for the "+label(r.Kind))
		for i, q := range r.Questions {
			p.item(fmt.Sprintf("  %d. ", i+1), q, "")
		}
	}

	window := ""
	if !r.Window.Start.IsZero() {
		window = fmt.Sprintf(" · window %s to %s", r.Window.Start, r.Window.End)
		if r.Window.Ended {
			window += ", ended"
		}
	}
	p.heading(cs, fmt.Sprintf("Actions%s", window))
	if len(r.Overdue)+len(r.Open)+len(r.Done) == 0 {
		p.line("  (none: the Next 30 days section has no task items)")
	}
	// The statuses are plan's (done, open, due soon, overdue), so the two
	// commands say the same of an action on the same day.
	status := func(a review.ActionState) string {
		s := fmt.Sprintf("%-8s", a.Status)
		switch a.Status {
		case roadmap.StatusDone:
			return cs.Green(s)
		case roadmap.StatusDueSoon:
			return cs.Yellow(s)
		case roadmap.StatusOverdue:
			return cs.Red(s)
		}
		return s
	}
	for _, a := range r.Overdue {
		p.item(fmt.Sprintf("  %s %d. ", status(a), a.Index), a.Title, fmt.Sprintf("(%s, due %s, %s)", a.Kind, a.Due, late(a.DaysOverdue)))
	}
	for _, a := range r.Open {
		due := "no due date"
		if !a.Due.IsZero() {
			due = "due " + a.Due.String()
			if a.Status == roadmap.StatusDueSoon {
				due += ", " + late(-r.Today.DaysUntil(a.Due))
			}
		}
		p.item(fmt.Sprintf("  %s %d. ", status(a), a.Index), a.Title, fmt.Sprintf("(%s, %s)", a.Kind, due))
	}
	for _, a := range r.Done {
		p.item(fmt.Sprintf("  %s %d. ", status(a), a.Index), a.Title, "")
	}
	if r.Window.Ended {
		p.styled("  ", "The 30-day window has ended: pin the next three actions (--record --action ... x3), or keep the open ones with new dates (--record --keep-actions).", cs.Yellow)
	}

	writeChanges(p, cs, r)

	kind := review.DefaultKind(r)
	p.line("")
	// The command is one line to paste, whatever the width; what it may
	// take besides wraps under it.
	p.line("%s", cs.Dim("Record it:"))
	p.line("  %s", cs.Dim(fmt.Sprintf("roadmap review %s --record --kind %s --note \"...\"", cmdutil.ShellQuote(r.File), kind)))
	p.styled("  ", "with --done N,M for the actions done and --action \"...\" three times for the next ones", cs.Dim)
	return p.err
}

func writeChanges(p *printer, cs *iostreams.ColorScheme, r *review.Report) {
	c := r.Changes
	if c == nil {
		return
	}
	since := "since the last review"
	switch {
	case r.LastReview != nil:
		since = fmt.Sprintf("since the last review (%s)", c.Since)
	case !c.Since.IsZero():
		since = fmt.Sprintf("since the plan started (%s)", c.Since)
	default:
		since = "in the file's history"
	}
	p.heading(cs, "Changes "+since)
	if c.Fallback != "" {
		p.styled("  ", c.Fallback, cs.Yellow)
	}
	if c.Source != "git" {
		if !c.LastChange.IsZero() {
			p.line("  File last modified %s (modification time)", c.LastChange.Local().Format("2006-01-02 15:04"))
		}
		return
	}
	if c.Stat != nil {
		stat := fmt.Sprintf("+%d -%d lines", c.Stat.Added, c.Stat.Deleted)
		if c.Stat.Binary {
			stat = "binary changes"
		}
		extra := ""
		if c.Stat.Uncommitted {
			extra = ", with uncommitted changes"
		}
		p.line("  %s, %s%s", count(len(c.Commits), "commit"), stat, extra)
	} else {
		p.line("  %s", count(len(c.Commits), "commit"))
	}
	for _, cm := range c.Commits {
		p.item(fmt.Sprintf("  %s %s  ", cs.Yellow(cm.Short()), cm.Time.Local().Format("2006-01-02")), cm.Subject, "("+cm.Author+")")
	}
	if c.Uncommitted {
		p.line("  %s is in a git repository but has never been committed", safetext.Name(r.File))
	}
}

type printer struct {
	w     io.Writer
	cs    *iostreams.ColorScheme
	width int
	err   error
}

// item writes prefix and text wrapped under itself, and aside (a
// parenthesised note) after it.
func (p *printer) item(prefix, text, aside string) {
	p.lines(report.Item{Prefix: prefix, PrefixWidth: report.Width(p.cs.Strip(prefix)), Text: text, Ref: aside})
}

// styled is item for a note in one colour.
func (p *printer) styled(prefix, text string, style func(string) string) {
	p.lines(report.Item{Prefix: prefix, Text: text, Style: style})
}

func (p *printer) lines(it report.Item) {
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

func (p *printer) heading(cs *iostreams.ColorScheme, title string) {
	p.line("")
	p.line("%s", cs.Bold(title))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// diffName is how the file is named in a diff header, as git names it.
func diffName(prefix, path string) string {
	return prefix + filepath.ToSlash(path)
}
