// Package plan reads a roadmap's three horizons on a given day: the 30-day
// actions with their status and the days left in the window, the next
// quarter's sketch, the years 2-3 hypothesis, and the coming checkpoints
// (from pkg/cadence). It is pure logic: it never prints.
package plan

import (
	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Action statuses.
const (
	Done    = "done"
	Open    = "open"
	DueSoon = "due soon"
	Overdue = "overdue"
)

// DueSoonDays is how close a due date must be (today included) for an open
// action to be "due soon".
const DueSoonDays = 7

// Plan is a roadmap's horizons and checkpoints as of Today.
type Plan struct {
	Title string
	Owner string
	// Target is the target role as written ("Staff Software Engineer").
	Target string
	Today  civil.Date
	// Window is the current 30-day window; nil when the roadmap has no
	// start date.
	Window  *Window
	Actions []Action
	// Quarter and LongTerm are the items of the Next quarter and Years
	// 2-3 sections (their paragraphs when they have no list).
	Quarter  Horizon
	LongTerm Horizon
	// Checkpoints are the coming check-in, quarterly review, rewrite and
	// the target date, in that order, each as known.
	Checkpoints []Checkpoint
}

// Window is the 30-day window of the actions.
type Window struct {
	Start, End civil.Date
	// DaysLeft is the number of days from today to End (negative once
	// the window has passed).
	DaysLeft int
	// Expired is true once today is after End: the next three actions
	// should be pinned.
	Expired bool
	// NotStarted is true when today is before Start.
	NotStarted bool
}

// Action is a 30-day action with its status on Today.
type Action struct {
	Index        int
	Title        string
	Text         string
	Kind         string
	KindInferred bool
	Done         bool
	Due          civil.Date
	// Status is Done, Open, DueSoon or Overdue.
	Status string
	// DaysLeft is the days from today to Due (negative when past); only
	// meaningful when Due is set.
	DaysLeft int
	Line     int
	Column   int
}

// Horizon is one of the longer horizons as the roadmap writes it.
type Horizon struct {
	// Present is true when the roadmap has the section.
	Present bool
	Heading string
	Line    int
	Items   []Item
}

// Item is one line of a horizon.
type Item struct {
	Text string
	Line int
}

// Checkpoint is a coming review (or the target date) with its distance
// from today.
type Checkpoint struct {
	cadence.Checkpoint
	// DaysLeft is the days from today to Due; negative when overdue.
	DaysLeft int
}

// IsOverdue reports whether the checkpoint's date has passed.
func (c Checkpoint) IsOverdue() bool { return c.DaysLeft < 0 }

// Options adjust a plan.
type Options struct {
	// Cadence is passed to cadence.Schedule (later review dates from
	// version-control history, for example).
	Cadence cadence.Options
}

// Build reads the plan of doc as of today.
func Build(doc *roadmap.Document, today civil.Date, opts Options) *Plan {
	fm := doc.Frontmatter
	p := &Plan{Title: fm.Title, Owner: fm.Owner, Target: fm.Target.Role.Role, Today: today}
	if p.Title == "" {
		p.Title = doc.Title
	}
	if start := doc.WindowStart(); !start.IsZero() {
		end := doc.WindowEnd()
		p.Window = &Window{Start: start, End: end, DaysLeft: today.DaysUntil(end),
			Expired: today.After(end), NotStarted: today.Before(start)}
	}
	for _, a := range doc.Actions {
		p.Actions = append(p.Actions, NewAction(a, today))
	}
	p.Quarter = horizon(doc.Section(roadmap.SectionQuarter))
	p.LongTerm = horizon(doc.Section(roadmap.SectionLongTerm))
	for _, c := range cadence.Schedule(doc, opts.Cadence) {
		p.Checkpoints = append(p.Checkpoints, Checkpoint{Checkpoint: c, DaysLeft: today.DaysUntil(c.Due)})
	}
	return p
}

// NewAction gives an action its status on today.
func NewAction(a roadmap.Action, today civil.Date) Action {
	out := Action{Index: a.Index, Title: a.Title, Text: a.Text, Kind: a.Kind, KindInferred: a.KindInferred,
		Done: a.Done, Due: a.Due, Line: a.Pos.Line, Column: a.Pos.Column}
	if !a.Due.IsZero() {
		out.DaysLeft = today.DaysUntil(a.Due)
	}
	out.Status = Status(a.Done, a.Due, today)
	return out
}

// Status is an action's status on today: done when ticked; overdue once
// its due date has passed; due soon when it falls within DueSoonDays
// (today included); open otherwise, and when it has no date.
func Status(done bool, due, today civil.Date) string {
	switch {
	case done:
		return Done
	case due.IsZero():
		return Open
	}
	switch d := today.DaysUntil(due); {
	case d < 0:
		return Overdue
	case d <= DueSoonDays:
		return DueSoon
	}
	return Open
}

func horizon(s *roadmap.Section) Horizon {
	if s == nil {
		return Horizon{}
	}
	h := Horizon{Present: true, Heading: s.Heading, Line: s.Pos.Line}
	items := s.Items
	if len(items) == 0 {
		items = s.Paragraphs
	}
	for _, it := range items {
		h.Items = append(h.Items, Item{Text: it.Text, Line: it.Pos.Line})
	}
	return h
}

// Open returns the actions not yet done.
func (p *Plan) Open() []Action {
	var out []Action
	for _, a := range p.Actions {
		if !a.Done {
			out = append(out, a)
		}
	}
	return out
}

// Checkpoint returns the checkpoint of a kind (cadence.Checkin …), if any.
func (p *Plan) Checkpoint(kind string) (Checkpoint, bool) {
	for _, c := range p.Checkpoints {
		if c.Kind == kind {
			return c, true
		}
	}
	return Checkpoint{}, false
}

// Next is the earliest checkpoint on or after today, if any.
func (p *Plan) Next() (Checkpoint, bool) {
	var sched []cadence.Checkpoint
	for _, c := range p.Checkpoints {
		sched = append(sched, c.Checkpoint)
	}
	n, ok := cadence.Next(sched, p.Today)
	if !ok {
		return Checkpoint{}, false
	}
	return p.Checkpoint(n.Kind)
}

// Due is the heaviest review due (or overdue) today, if any.
func (p *Plan) Due() (Checkpoint, bool) {
	var sched []cadence.Checkpoint
	for _, c := range p.Checkpoints {
		sched = append(sched, c.Checkpoint)
	}
	d, ok := cadence.Due(sched, p.Today)
	if !ok {
		return Checkpoint{}, false
	}
	return p.Checkpoint(d.Kind)
}
