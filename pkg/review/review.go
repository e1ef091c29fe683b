// Package review is the logic of `roadmap review`: which review a roadmap
// is due for and how late it is (from pkg/cadence), the questions that
// review asks, the actions that are overdue, and the plan of edits that
// records a review in the file. It reads documents and builds edits; it
// runs nothing and prints nothing.
package review

import (
	"regexp"
	"time"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// None is the kind reported when no review is due.
const None = "none"

// Report is what `roadmap review FILE` tells: the review that is due, its
// questions, the state of the actions, and what changed since the last
// review.
type Report struct {
	File  string     `json:"file"`
	Today civil.Date `json:"today"`
	// Kind is the review due today: check-in, quarterly, rewrite, or none.
	Kind string `json:"kind"`
	// Due is that review's checkpoint; nil when none is due.
	Due *Checkpoint `json:"due"`
	// Next is the first checkpoint after today (a review or the target
	// date); nil when there is none.
	Next *Checkpoint `json:"next"`
	// Schedule is every checkpoint, in cadence order.
	Schedule []Checkpoint `json:"schedule"`
	// LastReview is the latest review of any kind (the log, or git when
	// it knows a later one); nil when there has been none.
	LastReview *LastReview `json:"lastReview"`
	Questions  []string    `json:"questions"`
	Window     Window      `json:"window"`
	// Overdue are the open actions whose due date has passed; Open are
	// the other open actions (due soon among them); Done the ticked ones.
	Overdue []ActionState `json:"overdue"`
	Open    []ActionState `json:"open"`
	Done    []ActionState `json:"done"`
	// Changes is what changed in the file since the last review.
	Changes *Changes `json:"changes"`
}

// Checkpoint is a cadence checkpoint with how late it is on the report's day.
type Checkpoint struct {
	cadence.Checkpoint
	// OverdueDays is how many days past due it is: 0 when due today,
	// negative when it is still to come.
	OverdueDays int `json:"overdueDays"`
}

// LastReview is the latest review and where its date comes from.
type LastReview struct {
	Date civil.Date `json:"date"`
	Kind string     `json:"kind"`
	// Source is "log" (the Review log section) or "git" (a review commit).
	Source string `json:"source"`
}

// Window is the current 30-day window of actions.
type Window struct {
	Start civil.Date `json:"start"`
	End   civil.Date `json:"end"`
	// Ended is true once today is past its last day.
	Ended bool `json:"ended"`
}

// ActionState is one 30-day action as the review sees it.
type ActionState struct {
	Index int        `json:"index"`
	Title string     `json:"title"`
	Kind  string     `json:"kind"`
	Due   civil.Date `json:"due"`
	Done  bool       `json:"done"`
	// Status is the action's status on the report's day, as plan says
	// it: done, open, due soon or overdue.
	Status string `json:"status"`
	// DaysOverdue is how many days past its due date an open action is.
	DaysOverdue int `json:"daysOverdue"`
	Line        int `json:"line"`
}

// Changes is what changed in the file since the last review.
type Changes struct {
	// Source is "git", or "file" when git history is not available (then
	// only the file's modification time is known).
	Source string `json:"source"`
	// Since is the day counted from: the last review, else the start date.
	Since civil.Date `json:"since"`
	// LastChange is when the file last changed: its last commit, or its
	// modification time.
	LastChange time.Time `json:"lastChange"`
	// Commits touched the file since then, newest first (git only).
	Commits []gitx.Commit `json:"commits"`
	// Stat is the size of the change since then (git only).
	Stat *gitx.Stat `json:"stat"`
	// Fallback says why git was not used, when it was not.
	Fallback string `json:"fallback,omitempty"`
	// Uncommitted is true when the file is in a repository but no commit
	// has it yet (then LastChange is its modification time).
	Uncommitted bool `json:"uncommitted"`
}

// Options adjust Assess.
type Options struct {
	// GitReviews are review dates known from git history, by checkpoint
	// kind (see DatesFromCommits); used when later than the log's.
	GitReviews map[string]civil.Date
}

// Assess reports which review doc is due for on today, its questions and
// the state of the actions. Changes are left for the caller to fill in.
func Assess(doc *roadmap.Document, today civil.Date, opts Options) *Report {
	r := &Report{File: doc.Path, Today: today, Kind: None,
		Schedule: []Checkpoint{}, Questions: []string{},
		Overdue: []ActionState{}, Open: []ActionState{}, Done: []ActionState{}}
	schedule := cadence.Schedule(doc, cadence.Options{LastReview: opts.GitReviews})
	for _, c := range schedule {
		r.Schedule = append(r.Schedule, Checkpoint{c, c.Overdue(today)})
	}
	if c, ok := cadence.Due(schedule, today); ok {
		r.Kind = c.Kind
		r.Due = &Checkpoint{c, c.Overdue(today)}
	}
	if c, ok := cadence.Next(schedule, today.AddDays(1)); ok {
		r.Next = &Checkpoint{c, c.Overdue(today)}
	}
	r.Questions = Questions(r.Kind)
	r.LastReview = lastReview(doc, opts.GitReviews)

	r.Window = Window{Start: doc.WindowStart(), End: doc.WindowEnd()}
	r.Window.Ended = !r.Window.End.IsZero() && today.After(r.Window.End)
	for _, a := range doc.Actions {
		s := ActionState{Index: a.Index, Title: a.Title, Kind: a.Kind, Due: a.Due, Done: a.Done, Status: a.StatusOn(today), Line: a.Pos.Line}
		switch s.Status {
		case roadmap.StatusDone:
			r.Done = append(r.Done, s)
		case roadmap.StatusOverdue:
			s.DaysOverdue = a.Due.DaysUntil(today)
			r.Overdue = append(r.Overdue, s)
		default:
			r.Open = append(r.Open, s)
		}
	}
	return r
}

func lastReview(doc *roadmap.Document, git map[string]civil.Date) *LastReview {
	var last *LastReview
	if e, ok := doc.LastReview(); ok {
		last = &LastReview{Date: e.Date, Kind: e.Kind, Source: "log"}
	}
	// The heaviest kind a git date stands for: a rewrite date is also the
	// check-in date, so look at the heaviest first.
	for _, kind := range []string{cadence.Rewrite, cadence.Quarterly, cadence.Checkin} {
		if d, ok := git[kind]; ok && (last == nil || d.After(last.Date)) {
			last = &LastReview{Date: d, Kind: kind, Source: "git"}
		}
	}
	return last
}

// Since is the day from which changes count: the last review, else the
// plan's start date (zero when there is neither).
func (r *Report) Since(doc *roadmap.Document) civil.Date {
	if r.LastReview != nil {
		return r.LastReview.Date
	}
	return doc.Frontmatter.Started
}

// reviewSubject matches the commits `review --record --commit` makes.
var reviewSubject = regexp.MustCompile(`^review: (check-in|quarterly|rewrite|re-plan) (\d{4}-\d{2}-\d{2})\b`)

// CommitMessage is the subject of the commit that records a review.
func CommitMessage(kind string, date civil.Date) string {
	return "review: " + kind + " " + date.String()
}

// ParseCommitMessage reads a subject CommitMessage wrote: the review's
// kind and date, and false for any other subject.
func ParseCommitMessage(subject string) (kind string, date civil.Date, ok bool) {
	m := reviewSubject.FindStringSubmatch(subject)
	if m == nil {
		return "", civil.Date{}, false
	}
	d, err := civil.Parse(m[2])
	if err != nil {
		return "", civil.Date{}, false
	}
	return m[1], d, true
}

// CommitReview reads the review a commit records, as `roadmap review
// --record --commit` writes its subject ("review: check-in 2026-12-01"):
// its kind and day, and false for any other commit, or one made or dated
// after today (seen from an earlier --today it has not happened). It is
// the one reader of review commits: lint's date rules, status, export's
// streak and `roadmap history` count the same ones.
func CommitReview(c gitx.Commit, today civil.Date) (kind string, day civil.Date, ok bool) {
	kind, day, ok = ParseCommitMessage(c.Subject)
	if !ok || day.After(today) || civil.Of(c.Time).After(today) {
		return "", civil.Date{}, false
	}
	return kind, day, true
}

// ReviewDays are the days of the reviews commits record (CommitReview),
// in the commits' order: the extra review dates cadence.Checkins takes.
func ReviewDays(commits []gitx.Commit, today civil.Date) []civil.Date {
	var out []civil.Date
	for _, c := range commits {
		if _, d, ok := CommitReview(c, today); ok {
			out = append(out, d)
		}
	}
	return out
}

// DatesFromCommits reads review dates from commit subjects written by
// `roadmap review --record --commit` ("review: check-in 2026-12-01"), by
// checkpoint kind, for cadence.Options.LastReview. A heavier review counts
// for the lighter ones (a quarterly review is also a check-in; a rewrite
// or re-plan is all three). Reviews after today are ignored.
func DatesFromCommits(commits []gitx.Commit, today civil.Date) map[string]civil.Date {
	covers := map[string][]string{
		roadmap.ReviewCheckin:   {cadence.Checkin},
		roadmap.ReviewQuarterly: {cadence.Checkin, cadence.Quarterly},
		roadmap.ReviewRewrite:   {cadence.Checkin, cadence.Quarterly, cadence.Rewrite},
		roadmap.ReviewReplan:    {cadence.Checkin, cadence.Quarterly, cadence.Rewrite},
	}
	out := map[string]civil.Date{}
	for _, c := range commits {
		kind, d, ok := CommitReview(c, today)
		if !ok {
			continue
		}
		for _, k := range covers[kind] {
			if d.After(out[k]) {
				out[k] = d
			}
		}
	}
	return out
}
