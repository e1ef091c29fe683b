package review

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
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
	Warnings     []string             `json:"warnings"`
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
		r, err := opts.Git.Open(opts.File)
		if err != nil {
			if ue, ok := gitx.IsUnavailable(err); ok {
				return &cmdutil.InputError{Err: fmt.Errorf("%s; --commit cannot commit the review (drop --commit, or put the file in a repository with `git init`)", ue.Error())}
			}
			return err
		}
		repo = r
	}

	// Questions are asked before the lock is taken: a person may take
	// minutes to answer, and other runs should not wait for that.
	var asked []byte
	if opts.Interactive {
		doc, err := load(opts, true)
		if err != nil {
			return err
		}
		h := history(opts, doc)
		rep := review.Assess(doc, opts.Today(), review.Options{GitReviews: h.reviews})
		if err := ask(opts, doc, rep); err != nil {
			return err
		}
		asked = doc.Raw
	}

	if !opts.DryRun {
		lock, err := roadmap.Lock(opts.File, opts.LockWait)
		if err != nil {
			return &cmdutil.InputError{Err: err}
		}
		defer lock.Unlock()
	}

	doc, err := load(opts, asked == nil)
	if err != nil {
		return err
	}
	if asked != nil && !bytes.Equal(asked, doc.Raw) {
		return &cmdutil.InputError{Err: fmt.Errorf("%s changed while the questions were being answered, so nothing was written (re-run `roadmap review %s --record`)", safetext.Name(opts.File), cmdutil.ShellQuote(opts.File))}
	}
	today := opts.Today()
	kind := opts.Kind
	if kind == "" {
		h := history(opts, doc)
		kind = review.DefaultKind(review.Assess(doc, today, review.Options{GitReviews: h.reviews}))
	}
	plan, err := review.PlanRecord(doc, review.Record{Date: today, Kind: kind, Notes: opts.Notes, Done: opts.Done, Actions: opts.Actions, Ratings: opts.Ratings})
	if err != nil {
		var ue *review.UsageError
		if errors.As(err, &ue) {
			return cmdutil.FlagErrorf("%s", ue.Msg)
		}
		return &cmdutil.InputError{Err: err}
	}

	res := &RecordResult{
		File: opts.File, Date: today, Kind: kind, DryRun: opts.DryRun,
		Entry:  Entry{Heading: plan.Entry.Heading(), Notes: nonNil(plan.Entry.Notes)},
		Ticked: plan.Ticked, AlreadyDone: plan.AlreadyDone, Pinned: nonNil(plan.Pinned),
		DueDefaulted: plan.DueDefaulted, Carried: nonNil(plan.Carried), Warnings: nonNil(plan.Warnings),
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
	for _, w := range plan.Warnings {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s\n", w)
	}
	message := review.CommitMessage(kind, today)

	if opts.DryRun {
		res.Diff = review.UnifiedDiff(diffName("a/", opts.File), diffName("b/", opts.File), doc.Raw, plan.Result, 3)
		if opts.Commit {
			res.Commit = &CommitInfo{Message: message}
		}
		if opts.Format == "json" {
			return writeJSON(opts.IO.Out, res)
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
			return &cmdutil.InputError{Err: fmt.Errorf("%s: the review is recorded in the file, but %v (commit it yourself: git commit -m %q -- %s)", safetext.Name(opts.File), err, message, cmdutil.ShellQuote(opts.File))}
		}
		res.Commit = &CommitInfo{Hash: hash, Message: message}
	}
	if opts.Format == "json" {
		return writeJSON(opts.IO.Out, res)
	}
	return writeRecorded(opts.IO.Out, res, today)
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
	if len(r.Entry.Notes) > 0 {
		p.line("  %s in the entry", count(len(r.Entry.Notes), "note"))
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
	if a := r.Assessment; a != nil {
		p.line("  %s in the Assessment section, under %q", count(len(a.Notes), "rating"), "### "+a.Heading)
	}
	carried := 0
	for _, c := range r.Carried {
		if strings.HasPrefix(c, "Carried over: ") {
			carried++
		}
	}
	if carried > 0 {
		p.line("  carried %s over into the entry", count(carried, "unfinished action"))
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

// ask fills the record's kind, notes, done actions and new actions from
// answers typed at the terminal.
func ask(opts *Options, doc *roadmap.Document, rep *review.Report) error {
	p := cmdutil.NewPrompter(opts.IO.In, opts.IO.ErrOut)
	p.Printf("Recording a review of %s. Press Enter to accept what is in [brackets].\n", safetext.Name(opts.File))
	def := review.DefaultKind(rep)
	for {
		answer, err := p.Ask(fmt.Sprintf("Which review is this: %s [%s]", strings.Join(roadmap.ReviewKinds, ", "), def))
		if err != nil {
			return err
		}
		if answer == "" {
			opts.Kind = def
			break
		}
		if k := roadmap.ReviewKind(answer); k != "" {
			opts.Kind = k
			break
		}
		p.Printf("  %q is not a kind of review: answer %s.\n", answer, strings.Join(roadmap.ReviewKinds, ", "))
		if p.Ended() {
			opts.Kind = def
			break
		}
	}

	if qs := review.Questions(opts.Kind); len(qs) > 0 {
		p.Printf("Questions for the %s:\n", label(opts.Kind))
		for i, q := range qs {
			p.Printf("  %d. %s\n", i+1, q)
		}
	}
	for i := 1; ; i++ {
		q := fmt.Sprintf("Note %d (an empty line ends the notes)", i)
		answer, err := p.Ask(q)
		if err != nil {
			return err
		}
		if answer == "" {
			break
		}
		opts.Notes = append(opts.Notes, answer)
	}

	if len(doc.Actions) > 0 {
		p.Printf("The 30-day actions:\n")
		for _, a := range doc.Actions {
			box := "[ ]"
			if a.Done {
				box = "[x]"
			}
			p.Printf("  %d. %s %s\n", a.Index, box, a.Title)
		}
		for {
			answer, err := p.Ask("Which are done now? Numbers such as 1,3 [none]")
			if err != nil {
				return err
			}
			nums, err := ParseDone([]string{answer})
			if err == nil {
				for _, n := range nums {
					if n < 1 || n > len(doc.Actions) {
						err = errors.New(review.DoneRangeMessage(n, len(doc.Actions)))
						break
					}
				}
			}
			if err == nil {
				opts.Done = nums
				break
			}
			p.Printf("  %s\n", strings.TrimPrefix(err.Error(), "invalid --done "))
			if p.Ended() {
				break
			}
		}
	}

	p.Printf("Pin the next three actions now (a project, a course, a person), or press Enter to keep the current ones.\n")
	slots := []string{"Action 1, a project", "Action 2, a course", "Action 3, a person"}
	var actions []string
	for i := 0; i < len(slots); i++ {
		answer, err := p.Ask(slots[i])
		if err != nil {
			return err
		}
		if answer == "" {
			if i == 0 || p.Ended() {
				actions = nil
				break
			}
			p.Printf("  The 30-day plan holds exactly %d actions: give this one too.\n", review.ActionCount)
			i--
			continue
		}
		actions = append(actions, answer)
	}
	if len(actions) == review.ActionCount {
		opts.Actions = actions
	}
	return nil
}
