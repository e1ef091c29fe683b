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
	Problems    []ProblemView        `json:"problems"`
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
	Line      int    `json:"line"`
	Column    int    `json:"column"`
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
		v.Gap = append(v.Gap, GapView{
			Dimension: g.Dimension, Label: g.Label, Text: g.Text, Detail: g.Detail, Evidence: g.Evidence,
			Line: g.Pos.Line, Column: g.Pos.Column,
		})
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
