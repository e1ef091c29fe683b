// Package plan reads a roadmap's three horizons on a given day: the 30-day
// actions with their status and the days left in the window, the next
// quarter's sketch, the years 2-3 hypothesis, and the coming checkpoints
// (from pkg/cadence). It is pure logic: it never prints.
package plan

import (
	"fmt"
	"sort"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Action statuses: roadmap's, the one set plan and review both say.
const (
	Done    = roadmap.StatusDone
	Open    = roadmap.StatusOpen
	DueSoon = roadmap.StatusDueSoon
	Overdue = roadmap.StatusOverdue
)

// DueSoonDays is how close a due date must be (today included) for an open
// action to be "due soon".
const DueSoonDays = roadmap.DueSoonDays

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
	// target date, each as known, and the dates the kind's own section
	// sets (a stall's decision, an exploration's pick, the end of each
	// bridge-work phase), in date order.
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

// Kinds of checkpoint a roadmap's own sections set, beside the cadence's
// (cadence.Checkin, cadence.Quarterly, cadence.Rewrite, cadence.Target).
const (
	// CheckpointDecision is a stalled roadmap's date to decide between
	// staying and switching (the Decision section).
	CheckpointDecision = "decision"
	// CheckpointPick is an exploration's date to pick the target (the
	// Candidates section).
	CheckpointPick = "pick"
	// CheckpointBridge is the end of a career change's bridge-work phase,
	// when its artifact should be visible (the Bridge work section).
	CheckpointBridge = "bridge"
	// CheckpointSearch is the end of a career change's job search, the
	// phase after the bridge work (the Bridge work section's search).
	CheckpointSearch = "job-search"
)

// Checkpoint is a coming review, the target date or a date a section
// sets, with its distance from today.
type Checkpoint struct {
	cadence.Checkpoint
	// DaysLeft is the days from today to Due; negative when overdue.
	DaysLeft int
	// Label names a section's checkpoint ("stay-or-switch decision",
	// "bridge work, months 3–4"); "" for the cadence's (CheckpointName).
	Label string
	// Detail is what a section's checkpoint is about: a bridge phase's
	// artifact, the number of candidates; "" when it says nothing.
	Detail string
	// Start is the first day of a bridge phase; zero for a single day.
	Start civil.Date
	// Number is a bridge phase's place among the phases (1-based); Line
	// is where the section writes the date or the phase (0 for the
	// cadence's checkpoints).
	Number, Line int
}

// Name is how the checkpoint is called: "monthly check-in", "target date",
// "stay-or-switch decision", "bridge work, months 3–4".
func (c Checkpoint) Name() string {
	if c.Label != "" {
		return c.Label
	}
	return CheckpointName(c.Checkpoint)
}

// IsReview reports whether the checkpoint is one of the cadence's reviews.
func (c Checkpoint) IsReview() bool {
	return c.Kind == cadence.Checkin || c.Kind == cadence.Quarterly || c.Kind == cadence.Rewrite
}

// IsPhase reports whether the checkpoint ends a phase of a career change
// (bridge work or the job search): a stretch of days, not a day to act.
func (c Checkpoint) IsPhase() bool { return c.Kind == CheckpointBridge || c.Kind == CheckpointSearch }

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
	for _, c := range sectionCheckpoints(doc) {
		c.DaysLeft = today.DaysUntil(c.Due)
		p.Checkpoints = append(p.Checkpoints, c)
	}
	// By date: what comes first is what a person must see first. The
	// cadence's order breaks ties.
	sort.SliceStable(p.Checkpoints, func(i, j int) bool { return p.Checkpoints[i].Due.Before(p.Checkpoints[j].Due) })
	return p
}

// sectionCheckpoints are the dates the kind's sections set, as the
// document model reads them (the readers lint's RM017-RM019 use).
func sectionCheckpoints(doc *roadmap.Document) []Checkpoint {
	var out []Checkpoint
	if d := doc.Decision; d != nil && !d.Date.IsZero() {
		out = append(out, Checkpoint{Checkpoint: cadence.Checkpoint{Kind: CheckpointDecision, Due: d.Date},
			Label: "stay-or-switch decision", Line: d.DatePos.Line})
	}
	if e := doc.Exploration; e != nil && !e.PickBy.IsZero() {
		c := Checkpoint{Checkpoint: cadence.Checkpoint{Kind: CheckpointPick, Due: e.PickBy},
			Label: "date to pick the target", Line: e.PickByPos.Line}
		if n := len(e.Candidates); n > 0 {
			c.Detail = fmt.Sprintf("among %d candidate role%s", n, plural(n))
		}
		out = append(out, c)
	}
	if b := doc.Bridge; b != nil {
		for i, m := range b.Milestones {
			if m.End.IsZero() {
				continue
			}
			out = append(out, phaseCheckpoint(m, CheckpointBridge, "bridge work", fmt.Sprintf("bridge work, phase %d", i+1), i+1))
		}
		if m := b.Search; m != nil && !m.End.IsZero() {
			c := phaseCheckpoint(*m, CheckpointSearch, "job search", "job search", len(b.Milestones)+1)
			c.Detail = ""
			out = append(out, c)
		}
	}
	return out
}

// phaseCheckpoint is the end of a phase, labelled by its months
// ("bridge work, months 3–4") or else unnumbered.
func phaseCheckpoint(m roadmap.Milestone, kind, what, unnumbered string, n int) Checkpoint {
	label := unnumbered
	switch {
	case m.FromMonth > 0 && m.ToMonth > m.FromMonth:
		label = fmt.Sprintf("%s, months %d–%d", what, m.FromMonth, m.ToMonth)
	case m.FromMonth > 0:
		label = fmt.Sprintf("%s, month %d", what, m.FromMonth)
	}
	c := Checkpoint{Checkpoint: cadence.Checkpoint{Kind: kind, Due: m.End},
		Label: label, Detail: m.Artifact, Number: n, Line: m.Pos.Line}
	if m.Start.Before(m.End) {
		c.Start = m.Start
	}
	return c
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
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

// Status is an action's status on today (roadmap.ActionStatus).
func Status(done bool, due, today civil.Date) string {
	return roadmap.ActionStatus(done, due, today)
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

// NextReview is the earliest review (check-in, quarterly, rewrite) on or
// after today, if any: the day the window's actions are reviewed and the
// next three pinned, which may fall a day or two either side of the
// window's end (a month is not 30 days).
func (p *Plan) NextReview() (Checkpoint, bool) {
	var best Checkpoint
	found := false
	for _, c := range p.Checkpoints {
		if c.IsReview() && !c.Due.Before(p.Today) && (!found || c.Due.Before(best.Due)) {
			best, found = c, true
		}
	}
	return best, found
}

// Next is the earliest checkpoint on or after today, if any.
func (p *Plan) Next() (Checkpoint, bool) {
	var best Checkpoint
	found := false
	for _, c := range p.Checkpoints {
		if !c.Due.Before(p.Today) && (!found || c.Due.Before(best.Due)) {
			best, found = c, true
		}
	}
	return best, found
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
