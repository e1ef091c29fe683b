package gap

import (
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gap"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// View is the stable JSON shape of `roadmap gap --format json`, documented
// in docs/gap-json.md. Fields are only ever added, never renamed; lists
// are never null.
type View struct {
	// File and Title are null and "" when two ladder levels are compared
	// without a roadmap.
	File  *string `json:"file"`
	Title string  `json:"title"`
	// From is null when there is no current level (--to alone, or a
	// current role on no ladder: Current says which).
	From *LevelView `json:"from"`
	To   LevelView  `json:"to"`
	// Current is what the roadmap or the flags say of the current side.
	Current CurrentView `json:"current"`
	// Direction is "up", "lateral", "down" or "same" ("" without From):
	// ladder order on one track among levels of one kind, else read from
	// LevelDirection and PayDirection (docs/gap-json.md).
	Direction      string   `json:"direction"`
	LevelDirection string   `json:"levelDirection"`
	PayDirection   string   `json:"payDirection"`
	Pay            *PayView `json:"pay"`
	CrossTrack     bool     `json:"crossTrack"`
	// PathKnown is false when no chain of ladder links leads from From to
	// To (the levels are still compared); Path is then [from, to].
	PathKnown  bool            `json:"pathKnown"`
	Path       []string        `json:"path"`
	Between    []LevelView     `json:"between"`
	Dimensions []DimensionView `json:"dimensions"`
	// Flagged lists the dimensions the roadmap does not cover with an
	// evidence project (empty without a roadmap).
	Flagged []string   `json:"flagged"`
	Other   []ItemView `json:"other"`
	// Moves are the written moves along the path that change track or
	// kind (or the nearest written move into the target's track when no
	// path is known).
	Moves []HopView `json:"moves"`
	// Notice says what the salary figures are; "" when none is shown.
	Notice string `json:"notice"`
	// Assessment is the roadmap's latest assessment entry
	// (docs/assessment.md); null without one.
	Assessment *roadmap.Assessment `json:"assessment"`
}

// CurrentView is the current side. OnLadder is false when no current
// level is compared; Message then says why and how to add one.
type CurrentView struct {
	Role     string `json:"role"`
	Ladder   string `json:"ladder"`
	OnLadder bool   `json:"onLadder"`
	Message  string `json:"message"`
}

// PayView compares the salary band floors of the two levels.
type PayView struct {
	// Comparable is false when a side has no salary, or the two differ in
	// currency or basis; the figures are then zero.
	Comparable bool   `json:"comparable"`
	Currency   string `json:"currency"`
	FromLow    int    `json:"fromLow"`
	ToLow      int    `json:"toLow"`
	Difference int    `json:"difference"`
	Percent    int    `json:"percent"`
}

// HopView is one written move: from and to are TRACK/LEVEL.
type HopView struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Category  string `json:"category"`
	Title     string `json:"title"`
	Requires  string `json:"requires"`
	Tradeoffs string `json:"tradeoffs"`
}

// LevelView names a level, with its kind, typical years and salary
// (null when it has none).
type LevelView struct {
	Ref    string             `json:"ref"`
	Track  string             `json:"track"`
	Level  string             `json:"level"`
	Title  string             `json:"title"`
	Kind   string             `json:"kind"`
	Years  string             `json:"years"`
	Salary *ladder.SalaryJSON `json:"salary"`
}

// DimensionView is one dimension of the comparison.
type DimensionView struct {
	Dimension string            `json:"dimension"`
	Current   []string          `json:"current"`
	Target    []string          `json:"target"`
	Between   []ExpectationView `json:"between"`
	// Roadmap is null without a roadmap.
	Roadmap *CoverageView `json:"roadmap"`
	// Rating is the dimension's rating in the latest assessment; null
	// when it has none.
	Rating *RatingView `json:"rating"`
}

// RatingView is a dimension's latest self and manager ratings (1–5, 0
// when not given), on the assessment's date.
type RatingView struct {
	Date    civil.Date `json:"date"`
	Self    int        `json:"self"`
	Manager int        `json:"manager"`
	Reason  string     `json:"reason"`
}

// ExpectationView is what a level between From and To expects.
type ExpectationView struct {
	Ref     string   `json:"ref"`
	Expects []string `json:"expects"`
}

// CoverageView is what the roadmap's Gap section says about a dimension.
type CoverageView struct {
	// Status is covered, no-evidence, not-applicable or missing.
	Status string     `json:"status"`
	Items  []ItemView `json:"items"`
	Reason string     `json:"reason"`
	// Derived is true for milestones read from the evidence projects.
	Derived bool `json:"derived"`
}

// ItemView is a gap item of the roadmap.
type ItemView struct {
	Dimension     string `json:"dimension"`
	Label         string `json:"label"`
	Detail        string `json:"detail"`
	Evidence      string `json:"evidence"`
	NotApplicable bool   `json:"notApplicable"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
}

func levelView(l *ladder.Level) LevelView {
	return LevelView{Ref: l.Ref(), Track: l.Track.ID, Level: l.ID, Title: l.Title, Kind: l.Kind, Years: l.Years,
		Salary: l.Salary.JSON()}
}

func items(its []gap.Item) []ItemView {
	out := make([]ItemView, 0, len(its))
	for _, it := range its {
		out = append(out, ItemView{Dimension: it.Dimension, Label: it.Label, Detail: it.Detail, Evidence: it.Evidence,
			NotApplicable: it.NotApplicable, Line: it.Line, Column: it.Column})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// NewView builds the JSON view of a comparison; doc may be nil.
func NewView(c *gap.Comparison, doc *roadmap.Document) View {
	v := View{
		To: levelView(c.To), CrossTrack: c.CrossTrack,
		PathKnown: c.Path != nil, Path: []string{}, Between: []LevelView{},
		Dimensions: []DimensionView{}, Flagged: []string{}, Other: items(c.Other), Moves: []HopView{},
	}
	if c.From != nil {
		from := levelView(c.From)
		v.From = &from
		v.Current = CurrentView{Role: "", Ladder: c.From.Track.ID, OnLadder: true}
		s := c.Shift
		v.Direction, v.LevelDirection, v.PayDirection = s.Direction, s.Level, s.Pay
		v.Pay = &PayView{Comparable: s.PayComparable}
		if s.PayComparable {
			v.Pay.Currency, v.Pay.FromLow, v.Pay.ToLow = c.From.Salary.Currency, c.From.Salary.Low, c.To.Salary.Low
			v.Pay.Difference, v.Pay.Percent = s.PayDiff, s.PayPercent
		}
	} else {
		v.Current = CurrentView{Role: c.Outside.Role, Ladder: c.Outside.Ladder, Message: c.Outside.Message()}
	}
	if doc != nil {
		v.Current.Role = doc.Frontmatter.Current.Role
	}
	for _, h := range c.Hops {
		v.Moves = append(v.Moves, HopView{From: h.From.Ref(), To: h.To.Ref(), Category: h.Move.Category,
			Title: h.Move.Title, Requires: h.Move.Requires, Tradeoffs: h.Move.Tradeoffs})
	}
	_, v.Notice = salaryNotes(c)
	if doc != nil {
		file := doc.Path
		v.File = &file
		v.Title = doc.Frontmatter.Title
		if v.Title == "" {
			v.Title = doc.Title
		}
		if a, ok := doc.LatestAssessment(); ok {
			v.Assessment = &a
		}
	}
	switch {
	case c.Path != nil:
		for _, l := range c.Path {
			v.Path = append(v.Path, l.Ref())
		}
	case c.From != nil:
		v.Path = append(v.Path, c.From.Ref(), c.To.Ref())
	default:
		v.Path = append(v.Path, c.To.Ref())
	}
	for _, l := range c.Steps() {
		v.Between = append(v.Between, levelView(l))
	}
	for _, r := range c.Rows {
		d := DimensionView{Dimension: r.Dimension, Current: nonNil(r.Current), Target: nonNil(r.Target),
			Between: []ExpectationView{}}
		for _, e := range r.Between {
			d.Between = append(d.Between, ExpectationView{Ref: e.Level.Ref(), Expects: nonNil(e.Expects)})
		}
		if cov := r.Coverage; cov != nil {
			d.Roadmap = &CoverageView{Status: cov.Status, Items: items(cov.Items), Reason: cov.Reason, Derived: cov.Derived}
		}
		if rt, ok := latestRating(doc, r.Dimension); ok {
			d.Rating = &RatingView{Date: rt.date, Self: rt.Self, Manager: rt.Manager, Reason: rt.Reason}
		}
		v.Dimensions = append(v.Dimensions, d)
	}
	for _, r := range c.Flagged() {
		v.Flagged = append(v.Flagged, r.Dimension)
	}
	return v
}

type datedRating struct {
	roadmap.Rating
	date civil.Date
}

// latestAssessment is the roadmap's latest assessment; none without a
// roadmap.
func latestAssessment(doc *roadmap.Document) (roadmap.Assessment, bool) {
	if doc == nil {
		return roadmap.Assessment{}, false
	}
	return doc.LatestAssessment()
}

// latestRating is a dimension's rating in the roadmap's latest assessment.
func latestRating(doc *roadmap.Document, dim string) (datedRating, bool) {
	a, ok := latestAssessment(doc)
	if !ok {
		return datedRating{}, false
	}
	r, ok := a.Rating(dim)
	return datedRating{Rating: r, date: a.Date}, ok
}
