package show

import (
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// View is the stable JSON shape of `roadmap show --format json`, documented
// in docs/show-json.md. Fields are only ever added, never renamed.
type View struct {
	File        string               `json:"file"`
	Roadmap     int                  `json:"roadmap"`
	Frontmatter FrontmatterView      `json:"frontmatter"`
	Title       string               `json:"title"`
	Window      *WindowView          `json:"window"`
	Sections    []SectionView        `json:"sections"`
	Actions     []ActionView         `json:"actions"`
	Gap         []GapView            `json:"gap"`
	Reviews     []ReviewView         `json:"reviews"`
	Assessments []roadmap.Assessment `json:"assessments"`
	// Bridge, Decision and Exploration are the kind sections as lint reads
	// them (RM017–RM019), null when the file has no such section.
	Bridge      *BridgeView      `json:"bridge"`
	Decision    *DecisionView    `json:"decision"`
	Exploration *ExplorationView `json:"exploration"`
	Problems    []ProblemView    `json:"problems"`
}

// BridgeView is the Bridge work section: its milestones (job-search items
// left out) and how many months they run (0 when it does not say).
type BridgeView struct {
	Months     int             `json:"months"`
	Milestones []MilestoneView `json:"milestones"`
	// Search is the job search after the bridge work, read as a
	// milestone is; null when the section plans none.
	Search *MilestoneView `json:"search"`
}

type MilestoneView struct {
	Text      string      `json:"text"`
	FromMonth int         `json:"fromMonth"`
	ToMonth   int         `json:"toMonth"`
	Start     *civil.Date `json:"start"`
	End       *civil.Date `json:"end"`
	Artifact  string      `json:"artifact"`
	Line      int         `json:"line"`
	Column    int         `json:"column"`
}

// DecisionView is the Decision section: whether it weighs staying and
// switching, and the date to decide by.
type DecisionView struct {
	Stay   bool        `json:"stay"`
	Switch bool        `json:"switch"`
	Date   *civil.Date `json:"date"`
	Line   int         `json:"line"`
}

// ExplorationView is the Candidates section: the candidate roles, each
// with the parts that may name a person to talk to, and the date to pick
// the target by.
type ExplorationView struct {
	Candidates []CandidateView `json:"candidates"`
	PickBy     *civil.Date     `json:"pickBy"`
	PickByLine int             `json:"pickByLine"`
}

type CandidateView struct {
	Text     string     `json:"text"`
	Contacts []ItemView `json:"contacts"`
	Line     int        `json:"line"`
	Column   int        `json:"column"`
}

type FrontmatterView struct {
	Syntax        string          `json:"syntax"`
	Title         string          `json:"title"`
	Owner         string          `json:"owner"`
	Kind          string          `json:"kind"`
	Started       *civil.Date     `json:"started"`
	Horizon       string          `json:"horizon"`
	HorizonMonths int             `json:"horizonMonths"`
	Current       roadmap.Role    `json:"current"`
	Target        TargetView      `json:"target"`
	Cadence       roadmap.Cadence `json:"cadence"`
	UnknownKeys   []string        `json:"unknownKeys"`
}

type TargetView struct {
	Role      string      `json:"role"`
	Ladder    string      `json:"ladder"`
	Level     string      `json:"level"`
	Industry  string      `json:"industry"`
	Companies []string    `json:"companies"`
	By        *civil.Date `json:"by"`
}

type WindowView struct {
	Start civil.Date `json:"start"`
	End   civil.Date `json:"end"`
}

type ItemView struct {
	Text   string `json:"text"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

type SectionView struct {
	Key     string     `json:"key"`
	Heading string     `json:"heading"`
	Line    int        `json:"line"`
	EndLine int        `json:"endLine"`
	Items   []ItemView `json:"items"`
}

type ActionView struct {
	Index        int         `json:"index"`
	Text         string      `json:"text"`
	Title        string      `json:"title"`
	Done         bool        `json:"done"`
	Kind         string      `json:"kind"`
	KindInferred bool        `json:"kindInferred"`
	Due          *civil.Date `json:"due"`
	Line         int         `json:"line"`
	Column       int         `json:"column"`
}

type GapView struct {
	Dimension string `json:"dimension"`
	Label     string `json:"label"`
	Text      string `json:"text"`
	Detail    string `json:"detail"`
	Evidence  string `json:"evidence"`
	// NotApplicable is set when the item says the dimension does not
	// apply; NotApplicableReason is why ("" when it does not say).
	NotApplicable       bool   `json:"notApplicable"`
	NotApplicableReason string `json:"notApplicableReason"`
	Line                int    `json:"line"`
	Column              int    `json:"column"`
}

type ReviewView struct {
	Date   *civil.Date `json:"date"`
	Kind   string      `json:"kind"`
	Notes  []ItemView  `json:"notes"`
	Line   int         `json:"line"`
	Column int         `json:"column"`
}

type ProblemView struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint"`
}

func milestoneView(m roadmap.Milestone) MilestoneView {
	return MilestoneView{
		Text: m.Full().Text, FromMonth: m.FromMonth, ToMonth: m.ToMonth, Start: datePtr(m.Start), End: datePtr(m.End),
		Artifact: m.Artifact, Line: m.Pos.Line, Column: m.Pos.Column,
	}
}

func datePtr(d civil.Date) *civil.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

func items(its []roadmap.Item) []ItemView {
	out := make([]ItemView, 0, len(its))
	for _, it := range its {
		out = append(out, ItemView{Text: it.Text, Line: it.Pos.Line, Column: it.Pos.Column})
	}
	return out
}

// NewView builds the JSON view of a document. Lists are never null, so jq
// filters work on every roadmap.
func NewView(d *roadmap.Document) View {
	fm := d.Frontmatter
	v := View{
		File:    d.Path,
		Roadmap: fm.Roadmap,
		Title:   d.Title,
		Frontmatter: FrontmatterView{
			Syntax: fm.Syntax, Title: fm.Title, Owner: fm.Owner, Kind: fm.Kind,
			Started: datePtr(fm.Started), Horizon: fm.Horizon, HorizonMonths: fm.HorizonMonths,
			Current: fm.Current,
			Target: TargetView{
				Role: fm.Target.Role.Role, Ladder: fm.Target.Ladder, Level: fm.Target.Level,
				Industry: fm.Target.Industry, Companies: append([]string{}, fm.Target.Companies...),
				By: datePtr(fm.Target.By),
			},
			Cadence:     fm.Cadence.Effective(),
			UnknownKeys: []string{},
		},
		Sections:    []SectionView{},
		Actions:     []ActionView{},
		Gap:         []GapView{},
		Reviews:     []ReviewView{},
		Assessments: []roadmap.Assessment{},
		Problems:    []ProblemView{},
	}
	for _, u := range fm.Unknown {
		v.Frontmatter.UnknownKeys = append(v.Frontmatter.UnknownKeys, u.Path)
	}
	if start := d.WindowStart(); !start.IsZero() {
		v.Window = &WindowView{Start: start, End: d.WindowEnd()}
	}
	for _, s := range d.Sections {
		v.Sections = append(v.Sections, SectionView{Key: s.Key, Heading: s.Heading, Line: s.Pos.Line, EndLine: s.EndLine, Items: items(s.Items)})
	}
	for _, a := range d.Actions {
		v.Actions = append(v.Actions, ActionView{
			Index: a.Index, Text: a.Text, Title: a.Title, Done: a.Done, Kind: a.Kind, KindInferred: a.KindInferred,
			Due: datePtr(a.Due), Line: a.Pos.Line, Column: a.Pos.Column,
		})
	}
	for _, g := range d.Gap {
		na, why := g.NotApplicable()
		v.Gap = append(v.Gap, GapView{
			Dimension: g.Dimension, Label: g.Label, Text: g.Text, Detail: g.Detail, Evidence: g.Evidence,
			NotApplicable: na, NotApplicableReason: why,
			Line: g.Pos.Line, Column: g.Pos.Column,
		})
	}
	if b := d.Bridge; b != nil {
		bv := &BridgeView{Months: b.Months, Milestones: []MilestoneView{}}
		for _, m := range b.Milestones {
			bv.Milestones = append(bv.Milestones, milestoneView(m))
		}
		if m := b.Search; m != nil {
			sv := milestoneView(*m)
			bv.Search = &sv
		}
		v.Bridge = bv
	}
	if dc := d.Decision; dc != nil {
		v.Decision = &DecisionView{Stay: dc.Stay, Switch: dc.Switch, Date: datePtr(dc.Date), Line: dc.DatePos.Line}
	}
	if e := d.Exploration; e != nil {
		ev := &ExplorationView{Candidates: []CandidateView{}, PickBy: datePtr(e.PickBy), PickByLine: e.PickByPos.Line}
		for _, c := range e.Candidates {
			ev.Candidates = append(ev.Candidates, CandidateView{Text: c.Text, Contacts: items(c.Contacts), Line: c.Pos.Line, Column: c.Pos.Column})
		}
		v.Exploration = ev
	}
	for _, r := range d.Reviews {
		v.Reviews = append(v.Reviews, ReviewView{
			Date: datePtr(r.Date), Kind: r.Kind, Notes: items(r.Notes), Line: r.Heading.Pos.Line, Column: r.Heading.Pos.Column,
		})
	}
	v.Assessments = append(v.Assessments, d.Assessments...)
	for _, p := range d.Problems {
		v.Problems = append(v.Problems, ProblemView{
			Line: p.Pos.Line, Column: p.Pos.Column, Severity: string(p.Severity), Code: p.Code, Message: p.Message, Hint: p.Hint,
		})
	}
	return v
}
