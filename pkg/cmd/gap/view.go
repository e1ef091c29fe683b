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
	File  *string   `json:"file"`
	Title string    `json:"title"`
	From  LevelView `json:"from"`
	To    LevelView `json:"to"`
	// Direction is "up", "same" or "down" (down only within one track).
	Direction  string `json:"direction"`
	CrossTrack bool   `json:"crossTrack"`
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
	// Assessment is the roadmap's latest assessment entry
	// (docs/assessment.md); null without one.
	Assessment *roadmap.Assessment `json:"assessment"`
}

// LevelView names a level.
type LevelView struct {
	Ref   string `json:"ref"`
	Track string `json:"track"`
	Level string `json:"level"`
	Title string `json:"title"`
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
	return LevelView{Ref: l.Ref(), Track: l.Track.ID, Level: l.ID, Title: l.Title}
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

// direction is "up", "same" or "down".
func direction(c *gap.Comparison) string {
	switch {
	case c.Down:
		return "down"
	case c.From == c.To:
		return "same"
	}
	return "up"
}

// NewView builds the JSON view of a comparison; doc may be nil.
func NewView(c *gap.Comparison, doc *roadmap.Document) View {
	v := View{
		From: levelView(c.From), To: levelView(c.To), Direction: direction(c), CrossTrack: c.CrossTrack,
		PathKnown: c.Path != nil, Path: []string{}, Between: []LevelView{},
		Dimensions: []DimensionView{}, Flagged: []string{}, Other: items(c.Other),
	}
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
	if c.Path != nil {
		for _, l := range c.Path {
			v.Path = append(v.Path, l.Ref())
		}
	} else {
		v.Path = append(v.Path, c.From.Ref(), c.To.Ref())
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
