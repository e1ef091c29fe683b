package plan

import (
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// View is the stable JSON shape of `roadmap plan --format json`, documented
// in docs/plan-json.md. Fields are only ever added, never renamed; lists
// are never null.
type View struct {
	File        string           `json:"file"`
	Title       string           `json:"title"`
	Owner       string           `json:"owner"`
	Target      TargetView       `json:"target"`
	Today       civil.Date       `json:"today"`
	Window      *WindowView      `json:"window"`
	Actions     []ActionView     `json:"actions"`
	NextQuarter HorizonView      `json:"nextQuarter"`
	LongTerm    HorizonView      `json:"longTerm"`
	Checkpoints []CheckpointView `json:"checkpoints"`
	// Next is the earliest checkpoint on or after today; Due the heaviest
	// review due or overdue today. Either may be null.
	Next *CheckpointView `json:"next"`
	Due  *CheckpointView `json:"due"`
}

// TargetView is the target role and date.
type TargetView struct {
	Role string      `json:"role"`
	By   *civil.Date `json:"by"`
}

// WindowView is the 30-day window.
type WindowView struct {
	Start      civil.Date `json:"start"`
	End        civil.Date `json:"end"`
	DaysLeft   int        `json:"daysLeft"`
	Expired    bool       `json:"expired"`
	NotStarted bool       `json:"notStarted"`
}

// ActionView is one 30-day action.
type ActionView struct {
	Index        int         `json:"index"`
	Title        string      `json:"title"`
	Text         string      `json:"text"`
	Kind         string      `json:"kind"`
	KindInferred bool        `json:"kindInferred"`
	Done         bool        `json:"done"`
	Due          *civil.Date `json:"due"`
	// Status is done, open, due soon or overdue.
	Status string `json:"status"`
	// DaysLeft is null without a due date, negative once it has passed.
	DaysLeft *int `json:"daysLeft"`
	Line     int  `json:"line"`
	Column   int  `json:"column"`
}

// HorizonView is the Next quarter or Years 2-3 section.
type HorizonView struct {
	Present bool       `json:"present"`
	Heading string     `json:"heading"`
	Line    int        `json:"line"`
	Items   []ItemView `json:"items"`
}

// ItemView is one item of a horizon.
type ItemView struct {
	Text string `json:"text"`
	Line int    `json:"line"`
}

// CheckpointView is a coming review, the target date, or a date the
// kind's section sets.
type CheckpointView struct {
	// Kind is check-in, quarterly, rewrite, target, decision (a stall's
	// stay-or-switch date), pick (an exploration's date to pick the
	// target) or bridge (the end of a bridge-work phase).
	Kind string `json:"kind"`
	// Name is how it reads: "monthly check-in", "target date",
	// "bridge work, months 3–4".
	Name    string `json:"name"`
	Cadence string `json:"cadence"`
	// Last is the review it counts from (the start date when FromStart);
	// null for the target.
	Last      *civil.Date `json:"last"`
	FromStart bool        `json:"fromStart"`
	Due       civil.Date  `json:"due"`
	DaysLeft  int         `json:"daysLeft"`
	Overdue   bool        `json:"overdue"`
	// Start is a bridge phase's first day, else null.
	Start *civil.Date `json:"start"`
	// Detail is a bridge phase's artifact, or how many candidates a pick
	// is among; "" otherwise.
	Detail string `json:"detail"`
	// Line is where the section writes it; 0 for the cadence's.
	Line int `json:"line"`
}

func datePtr(d civil.Date) *civil.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

func horizonView(h plan.Horizon) HorizonView {
	v := HorizonView{Present: h.Present, Heading: h.Heading, Line: h.Line, Items: []ItemView{}}
	for _, it := range h.Items {
		v.Items = append(v.Items, ItemView{Text: it.Text, Line: it.Line})
	}
	return v
}

func checkpointView(c plan.Checkpoint) CheckpointView {
	return CheckpointView{Kind: c.Kind, Name: c.Name(), Cadence: c.Cadence,
		Last: datePtr(c.Last), FromStart: c.FromStart, Due: c.Due, DaysLeft: c.DaysLeft, Overdue: c.IsOverdue(),
		Start: datePtr(c.Start), Detail: c.Detail, Line: c.Line}
}

// NewView builds the JSON view of a plan.
func NewView(doc *roadmap.Document, p *plan.Plan) View {
	v := View{
		File: doc.Path, Title: p.Title, Owner: p.Owner, Today: p.Today,
		Target:      TargetView{Role: p.Target, By: datePtr(doc.Frontmatter.Target.By)},
		Actions:     []ActionView{},
		NextQuarter: horizonView(p.Quarter), LongTerm: horizonView(p.LongTerm),
		Checkpoints: []CheckpointView{},
	}
	if w := p.Window; w != nil {
		v.Window = &WindowView{Start: w.Start, End: w.End, DaysLeft: w.DaysLeft, Expired: w.Expired, NotStarted: w.NotStarted}
	}
	for _, a := range p.Actions {
		av := ActionView{Index: a.Index, Title: a.Title, Text: a.Text, Kind: a.Kind, KindInferred: a.KindInferred,
			Done: a.Done, Due: datePtr(a.Due), Status: a.Status, Line: a.Line, Column: a.Column}
		if !a.Due.IsZero() {
			d := a.DaysLeft
			av.DaysLeft = &d
		}
		v.Actions = append(v.Actions, av)
	}
	for _, c := range p.Checkpoints {
		v.Checkpoints = append(v.Checkpoints, checkpointView(c))
	}
	if c, ok := p.Next(); ok {
		cv := checkpointView(c)
		v.Next = &cv
	}
	if c, ok := p.Due(); ok {
		cv := checkpointView(c)
		v.Due = &cv
	}
	return v
}
