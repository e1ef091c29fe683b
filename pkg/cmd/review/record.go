package review

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/editlock"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// RecordResult is what --record did, printed as text or JSON.
type RecordResult struct {
	File   string     `json:"file"`
	Date   civil.Date `json:"date"`
	Kind   string     `json:"kind"`
	DryRun bool       `json:"dryRun"`
	// Entry is the heading and notes of the new review-log entry.
	Entry        Entry                `json:"entry"`
	Ticked       []review.ActionState `json:"ticked"`
	AlreadyDone  []int                `json:"alreadyDone"`
	Pinned       []string             `json:"pinned"`
	DueDefaulted []int                `json:"dueDefaulted"`
	Carried      []string             `json:"carried"`
	// Redated are the open actions --keep-actions moved into the new
	// window: index, title, old and new due date.
	Redated  []review.Redated `json:"redated"`
	Warnings []string         `json:"warnings"`
	// Assessment is the entry added to the Assessment section: its
	// heading and lines; null when nothing was rated.
	Assessment *Entry `json:"assessment"`
	// Diff is the unified diff of the change (with --dry-run).
	Diff string `json:"diff,omitempty"`
	// Commit is the commit made with --commit (its hash is empty with
	// --dry-run).
	Commit *CommitInfo `json:"commit"`
}

// Entry is a review-log entry as written.
type Entry struct {
	Heading string   `json:"heading"`
	Notes   []string `json:"notes"`
}

// CommitInfo is the commit --commit made.
type CommitInfo struct {
	Hash    string `json:"hash"`
	Message string `json:"message"`
}

func recordRun(opts *Options) error {
	var repo *gitx.Repo
	if opts.Commit {
		r, err := openRepo(opts)
		if err != nil {
			return err
		}
		repo = r
	}

	// Questions are asked before the lock is taken: a person may take
	// minutes to answer, and other runs should not wait for that. The
	// change is shown and confirmed then too; after the lock the file must
	// still be the one the answers were about.
	var asked []byte
	if opts.Interactive {
		doc, err := load(opts, true)
		if err != nil {
			return err
		}
		h := readHistory(opts, doc)
		rep := review.Assess(doc, opts.Today(), review.Options{GitReviews: h.reviews})
		p := cmdutil.NewPrompter(opts.IO.In, opts.IO.ErrOut)
		if err := ask(opts, p, doc, rep); err != nil {
			return err
		}
		if !opts.DryRun {
			write, err := confirm(opts, p, doc)
			if err != nil || !write {
				return err
			}
			if opts.Commit && repo == nil {
				if repo, err = openRepo(opts); err != nil {
					return err
				}
			}
		}
		asked = doc.Raw
	}

	if err := noControls(opts); err != nil {
		return err
	}

	// Plan once before the lock too: the first lint of a process loads the
	// ladders and compiles the phrase lists, which runs waiting for the
	// lock should not wait for, and a refusal needs no lock at all. The
	// plan is made again on the file as it is once the lock is held.
	early := false
	if asked == nil && !opts.DryRun {
		doc, err := load(opts, true)
		if err != nil {
			return err
		}
		if _, _, err := planRecord(opts, doc, recordKind(opts, doc)); err != nil {
			return err
		}
		early = true
	}

	if !opts.DryRun {
		lock, err := editlock.Acquire(opts.File, opts.LockWait)
		if err != nil {
			return &cmdutil.InputError{Err: err}
		}
		defer lock.Release()
	}

	doc, err := load(opts, asked == nil && !early)
	if err != nil {
		return err
	}
	if asked != nil && !bytes.Equal(asked, doc.Raw) {
		return &cmdutil.InputError{Err: fmt.Errorf("%s changed while the questions were being answered, so nothing was written (re-run `roadmap review %s --record`)", safetext.Name(opts.File), cmdutil.ShellQuote(opts.File))}
	}
	today := opts.Today()
	kind := recordKind(opts, doc)
	plan, warnings, err := planRecord(opts, doc, kind)
	if err != nil {
		return err
	}

	res := &RecordResult{
		File: opts.File, Date: today, Kind: kind, DryRun: opts.DryRun,
		Entry:  Entry{Heading: plan.Entry.Heading(), Notes: nonNil(plan.Entry.Notes)},
		Ticked: plan.Ticked, AlreadyDone: plan.AlreadyDone, Pinned: nonNil(plan.Pinned),
		DueDefaulted: plan.DueDefaulted, Carried: nonNil(plan.Carried), Redated: plan.Redated, Warnings: nonNil(warnings),
	}
	if a := plan.Assessment; a != nil {
		res.Assessment = &Entry{Heading: a.Heading(), Notes: []string{}}
		for _, r := range a.Ratings {
			res.Assessment.Notes = append(res.Assessment.Notes, r.Line())
		}
	}
	if res.Ticked == nil {
		res.Ticked = []review.ActionState{}
	}
	if res.AlreadyDone == nil {
		res.AlreadyDone = []int{}
	}
	if res.DueDefaulted == nil {
		res.DueDefaulted = []int{}
	}
	if res.Redated == nil {
		res.Redated = []review.Redated{}
	}
	if asked == nil {
		// The interactive run said these before asking to write.
		for _, w := range warnings {
			fmt.Fprintf(opts.IO.ErrOut, "warning: %s\n", w)
		}
	}
	message := review.CommitMessage(kind, today)

	if opts.DryRun {
		res.Diff = review.UnifiedDiff(diffName("a/", opts.File), diffName("b/", opts.File), doc.Raw, plan.Result, 3)
		if opts.Commit {
			res.Commit = &CommitInfo{Message: message}
		}
		if opts.Format == report.FormatJSON {
			return report.WriteJSON(opts.IO.Out, res)
		}
		if _, err := io.WriteString(opts.IO.Out, res.Diff); err != nil {
			return err
		}
		fmt.Fprintf(opts.IO.ErrOut, "Dry run: %s was not changed.", safetext.Name(opts.File))
		if opts.Commit {
			fmt.Fprintf(opts.IO.ErrOut, " Would commit it as %q.", message)
		}
		fmt.Fprintln(opts.IO.ErrOut)
		return nil
	}

	if opts.beforeWrite != nil {
		opts.beforeWrite()
	}
	if err := roadmap.WriteEdited(opts.File, doc.Raw, plan.Result); err != nil {
		return &cmdutil.InputError{Err: err}
	}
	if repo != nil {
		hash, err := repo.CommitFile(opts.File, message)
		if err != nil {
			q := cmdutil.ShellQuote(opts.File)
			if strings.Contains(err.Error(), "ignored by one of your .gitignore") {
				// git add refuses an ignored file; the plain commit would
				// fail too ("did not match any file").
				return &cmdutil.InputError{Err: fmt.Errorf("%s: the review is recorded in the file, but git ignores the file (.gitignore), so it was not committed (to commit it anyway: git --literal-pathspecs add -f -- %s && git --literal-pathspecs commit -m %q -- %s)", safetext.Name(opts.File), q, message, q)}
			}
			return &cmdutil.InputError{Err: fmt.Errorf("%s: the review is recorded in the file, but %v (commit it yourself: git --literal-pathspecs commit -m %q -- %s)", safetext.Name(opts.File), err, message, q)}
		}
		res.Commit = &CommitInfo{Hash: hash, Message: message}
	}
	if opts.Format == report.FormatJSON {
		return report.WriteJSON(opts.IO.Out, res)
	}
	return writeRecorded(opts.IO.Out, res, today)
}

// openRepo opens the repository --commit commits to.
func openRepo(opts *Options) (*gitx.Repo, error) {
	r, err := opts.Git.Open(opts.File)
	if err != nil {
		if ue, ok := gitx.IsUnavailable(err); ok {
			return nil, &cmdutil.InputError{Err: fmt.Errorf("%s; --commit cannot commit the review (drop --commit, or put the file in a repository with `git init`)", ue.Error())}
		}
		return nil, err
	}
	return r, nil
}

// recordKind is the kind of review recorded: --kind (or the answer), else
// the review that is due, else a check-in.
func recordKind(opts *Options, doc *roadmap.Document) string {
	if opts.Kind != "" {
		return opts.Kind
	}
	h := readHistory(opts, doc)
	return review.DefaultKind(review.Assess(doc, opts.Today(), review.Options{GitReviews: h.reviews}))
}

// record is what the options ask to record on doc.
func (o *Options) record(kind string) review.Record {
	return review.Record{Date: o.Today(), Kind: kind, Notes: o.Notes, Done: o.Done, Actions: o.Actions,
		KeepActions: o.KeepActions, Ratings: o.Ratings}
}

// planRecord plans the edits and checks the result as lint would: a
// record that leaves the new window's actions failing lint is refused
// (exit 2). The warnings are the plan's and lint's words on new actions.
func planRecord(opts *Options, doc *roadmap.Document, kind string) (*review.Plan, []string, error) {
	rec := opts.record(kind)
	plan, err := review.PlanRecord(doc, rec)
	if err != nil {
		var ue *review.UsageError
		if errors.As(err, &ue) {
			return nil, nil, cmdutil.FlagErrorf("%s", ue.Msg)
		}
		return nil, nil, &cmdutil.InputError{Err: err}
	}
	nd, findings := lintResult(opts, plan.Result, rec.Date)
	if problems := windowProblems(findings); len(problems) > 0 {
		return nil, nil, &cmdutil.InputError{Err: refuseWindow(doc, rec, problems)}
	}
	warnings := append([]string{}, plan.Warnings...)
	if len(plan.Pinned) > 0 {
		warnings = append(warnings, actionWarnings(nd, findings)...)
	}
	return plan, warnings, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeRecorded(w io.Writer, r *RecordResult, today civil.Date) error {
	p := &printer{w: w}
	p.line("Recorded a %s in %s: %q", label(r.Kind), safetext.Name(r.File), "### "+r.Entry.Heading)
	// The entry's Done, Dropped and Kept lines are told below, each
	// with what it is about; the count is of the notes the person wrote.
	if n := len(r.Entry.Notes) - len(r.Carried); n > 0 {
		p.line("  %s in the entry", count(n, "note"))
	}
	if len(r.Ticked) > 0 {
		nums := make([]string, len(r.Ticked))
		for i, a := range r.Ticked {
			nums[i] = fmt.Sprint(a.Index)
		}
		if len(r.Pinned) > 0 {
			p.line("  action %s done, noted in the entry (the actions are replaced)", strings.Join(nums, ", "))
		} else {
			p.line("  ticked action %s", strings.Join(nums, ", "))
		}
	}
	if len(r.AlreadyDone) > 0 {
		p.line("  already done: action %s", joinInts(r.AlreadyDone))
	}
	if len(r.Pinned) > 0 {
		p.line("  pinned %d actions for %s to %s", len(r.Pinned), today, today.AddDays(roadmap.WindowDays))
		for i, a := range r.Pinned {
			p.line("    %d. %s", i+1, a)
		}
		if len(r.DueDefaulted) > 0 {
			p.line("  action %s had no due date: given %s, the last day of the new window", joinInts(r.DueDefaulted), today.AddDays(roadmap.WindowDays))
		}
	}
	if len(r.Redated) > 0 {
		p.line("  kept %s with new due dates inside %s to %s", count(len(r.Redated), "open action"), today, today.AddDays(roadmap.WindowDays))
		for _, a := range r.Redated {
			was := "no date"
			if !a.From.IsZero() {
				was = a.From.String()
			}
			p.line("    %d. %s: due %s (was %s)", a.Index, a.Title, a.To, was)
		}
	}
	if a := r.Assessment; a != nil {
		p.line("  %s in the Assessment section, under %q", count(len(a.Notes), "rating"), "### "+a.Heading)
	}
	carried := 0
	for _, c := range r.Carried {
		if strings.HasPrefix(c, review.NoteDropped) {
			carried++
		}
	}
	if carried > 0 {
		p.line("  dropped %s, noted in the entry", count(carried, "unfinished action"))
	}
	if r.Commit != nil && r.Commit.Hash != "" {
		short := r.Commit.Hash
		if len(short) > 7 {
			short = short[:7]
		}
		p.line("  committed %s %q", short, r.Commit.Message)
	}
	return p.err
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}

// noControls refuses a note, an action or a rating's reason that holds a
// control character (ESC, BEL, a C1 code): written into the roadmap, it
// would be an escape sequence for whoever cats the file. Tabs pass. Text
// the record copies from the file (a kept action's title) is the file's
// own and is not judged here.
func noControls(opts *Options) error {
	check := func(what, s string) error {
		i := strings.IndexFunc(s, func(r rune) bool { return (r < 0x20 && r != '\t') || (r >= 0x7f && r <= 0x9f) })
		if i < 0 {
			return nil
		}
		return &cmdutil.InputError{Err: fmt.Errorf("%s: %s %s holds a control character (%s), so nothing was written (give it without)",
			safetext.Name(opts.File), what, safetext.Name(s), safetext.Line(string([]rune(s[i:])[0])))}
	}
	for _, n := range opts.Notes {
		if err := check("the note", n); err != nil {
			return err
		}
	}
	for _, a := range opts.Actions {
		if err := check("the action", a); err != nil {
			return err
		}
	}
	for _, r := range opts.Ratings {
		if err := check("the reason for "+r.Dimension, r.Reason); err != nil {
			return err
		}
	}
	return nil
}
