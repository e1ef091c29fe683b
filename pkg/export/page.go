// Package export renders a roadmap as one self-contained HTML page for a
// 1:1 or a promotion packet (inline CSS and SVG, no script, no network),
// its assessment radar as a standalone SVG, and a team's roadmaps as an
// HTML dashboard. It builds view models from the document and the other
// domain packages and writes them with html/template, which escapes every
// text that comes from a file. It never reads files or runs git: callers
// hand it what they found.
package export

import (
	"errors"
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gap"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Input is what a page is built from.
type Input struct {
	Doc   *roadmap.Document
	Today civil.Date
	// Comparison is the gap between the two levels on the ladders; nil
	// when the ladders do not know them (LadderNote says why).
	Comparison *gap.Comparison
	LadderNote string
	// History feeds the history sparkline; nil reads the review log alone.
	History History
	// Cadence passes later review dates (from git) to the checkpoints.
	Cadence cadence.Options
	// ReviewCommits are the days of the reviews committed in git
	// (review.ReviewDays): the streak counts them with the review log's.
	ReviewCommits []civil.Date
	// Generator names the program in the footer ("roadmap 1.2.0").
	Generator string
}

// Page is the one-pager's view model.
type Page struct {
	File, Title, Owner, Kind string
	Today                    civil.Date
	Generator                string

	Current roadmap.Role
	Target  roadmap.Target
	// TargetText is the Target section's prose.
	TargetText []Text
	// DaysToTarget is from today to target.by (negative once past).
	DaysToTarget int

	Assessment *roadmap.Assessment
	// Older is how many entries came before the latest one.
	Older       int
	Ratings     []RatingRow
	Disconnects []RatingRow
	Radar       *Radar

	Gap        []GapRow
	GapOther   []GapRow
	FromLevel  string
	ToLevel    string
	LadderNote string

	// Own is the section the roadmap's kind adds (bridge work, the
	// decision, the candidates); nil for a promotion or a file without it.
	Own *KindSection

	Window   *plan.Window
	Actions  []ActionRow
	Quarter  Horizon
	LongTerm Horizon

	Timeline *Timeline
	Streak   *cadence.Streak
	Spark    *Sparkline
}

// Text is a run of a file's Markdown text: plain, or a code span. Emphasis
// and link syntax are dropped; the template escapes the text.
type Text struct {
	S    string
	Code bool
}

// RatingRow is one dimension of the latest assessment.
type RatingRow struct {
	Dimension, Label string
	Self, Manager    int
	Reason           []Text
	Disconnect       bool
}

// GapRow is one dimension of the gap beside the ladder.
type GapRow struct {
	Dimension string
	// Current and Target are what the two levels expect.
	Current, Target []string
	// Status is a gap.Covered … constant, "" without a roadmap item.
	Status   string
	Detail   []Text
	Evidence []Text
	Rating   *RatingRow
}

// ActionRow is a 30-day action with its status.
type ActionRow struct {
	plan.Action
	TitleText []Text
	When      string
}

// Horizon is the quarter or the years 2–3, as written.
type Horizon struct {
	Present bool
	Heading string
	Items   [][]Text
}

// Compare is the gap between doc's levels on set, for Input.Comparison and
// Input.LadderNote: nil and the reason when the ladders do not know them;
// a note too when the current role is on no ladder (only the target's
// expectations are shown then).
func Compare(set *ladder.Set, doc *roadmap.Document) (*gap.Comparison, string) {
	from, to, outside, err := gap.Levels(set, doc)
	if err != nil {
		var le *gap.LevelError
		if errors.As(err, &le) && len(le.Problems) > 0 {
			return nil, "The ladders do not know this roadmap's levels, so the gap is shown without them: " + le.Problems[0].Msg + "."
		}
		return nil, "The ladders do not know this roadmap's levels, so the gap is shown without them: " + err.Error() + "."
	}
	c := gap.Compare(set, from, to, doc)
	if outside != nil {
		c.Outside = outside
	}
	if c.Outside != nil {
		return c, c.Outside.Message()
	}
	return c, ""
}

// Build makes the page of in.Doc on in.Today.
func Build(in Input) *Page {
	doc := in.Doc
	fm := doc.Frontmatter
	p := &Page{
		File: doc.Path, Title: fm.Title, Owner: fm.Owner, Kind: fm.Kind, Today: in.Today, Generator: in.Generator,
		Current: fm.Current, Target: fm.Target, LadderNote: in.LadderNote,
	}
	if p.Title == "" {
		p.Title = doc.Title
	}
	if p.Generator == "" {
		p.Generator = "roadmap"
	}
	if !fm.Target.By.IsZero() {
		p.DaysToTarget = in.Today.DaysUntil(fm.Target.By)
	}
	if s := doc.Section(roadmap.SectionTarget); s != nil {
		for _, it := range s.Paragraphs {
			p.TargetText = append(p.TargetText, Inline(it.Text)...)
			p.TargetText = append(p.TargetText, Text{S: " "})
		}
	}

	if a, ok := doc.LatestAssessment(); ok {
		p.Assessment = &a
		p.Older = len(doc.Assessments) - 1
		for _, r := range a.Ratings {
			row := ratingRow(r)
			p.Ratings = append(p.Ratings, row)
			if row.Disconnect {
				p.Disconnects = append(p.Disconnects, row)
			}
		}
	}
	p.Radar = NewRadar(RadarInput{Assessment: p.Assessment, TargetLevel: fm.Target.Level, Size: RadarFull})

	p.buildGap(in)
	p.Own = kindSection(doc, in.Today)

	pl := plan.Build(doc, in.Today, plan.Options{Cadence: in.Cadence})
	p.Window = pl.Window
	for _, a := range pl.Actions {
		p.Actions = append(p.Actions, ActionRow{Action: a, TitleText: Inline(a.Title), When: when(a)})
	}
	p.Quarter = horizon(pl.Quarter)
	p.LongTerm = horizon(pl.LongTerm)
	p.Timeline = NewTimeline(doc, pl, in.Today)
	if _, s, ok := cadence.Checkins(doc, in.ReviewCommits, in.Today); ok {
		p.Streak = &s
	}
	h := in.History
	if h == nil {
		h = LogHistory(doc, nil)
	}
	p.Spark = NewSparkline(h, fm.Started, in.Today)
	return p
}

func ratingRow(r roadmap.Rating) RatingRow {
	return RatingRow{Dimension: r.Dimension, Label: r.Label, Self: r.Self, Manager: r.Manager,
		Reason: Inline(r.Reason), Disconnect: r.Disconnect() >= roadmap.DisconnectGap}
}

func (p *Page) rating(dim string) *RatingRow {
	for i := range p.Ratings {
		if p.Ratings[i].Dimension == dim {
			return &p.Ratings[i]
		}
	}
	return nil
}

// buildGap puts the ladder's expectations beside the roadmap's gap items;
// without a comparison, the gap items alone.
func (p *Page) buildGap(in Input) {
	c := in.Comparison
	if c == nil {
		for _, g := range in.Doc.Gap {
			row := GapRow{Dimension: g.Dimension, Detail: Inline(g.Detail), Evidence: Inline(g.Evidence), Status: gap.Covered}
			if g.Evidence == "" {
				row.Status = gap.NoEvidence
			}
			if na, _ := g.NotApplicable(); na {
				row.Status = gap.NotApplicable
			}
			row.Rating = p.rating(g.Dimension)
			p.Gap = append(p.Gap, row)
		}
		return
	}
	p.FromLevel, p.ToLevel = "Current role, on no ladder", c.To.Title
	if c.From != nil {
		p.FromLevel = c.From.Title
	}
	for _, r := range c.Rows {
		row := GapRow{Dimension: r.Dimension, Current: r.Current, Target: r.Target, Rating: p.rating(r.Dimension)}
		if cov := r.Coverage; cov != nil {
			row.Status = cov.Status
			var details, evs []string
			for _, it := range cov.Items {
				if cov.Derived {
					details = append(details, it.Dimension)
					continue
				}
				details = append(details, it.Detail)
				if it.Evidence != "" {
					evs = append(evs, it.Evidence)
				}
			}
			switch {
			case cov.Derived && len(details) > 0:
				row.Detail = []Text{{S: "The evidence projects above stand for the milestones."}}
			case cov.Status == gap.NotApplicable:
				row.Detail = Inline("Does not apply: " + cov.Reason)
			default:
				row.Detail = Inline(strings.Join(details, " "))
			}
			row.Evidence = Inline(strings.Join(evs, "; "))
		}
		p.Gap = append(p.Gap, row)
	}
	for _, it := range c.Other {
		p.GapOther = append(p.GapOther, GapRow{Dimension: it.Label, Detail: Inline(it.Detail), Evidence: Inline(it.Evidence),
			Rating: p.rating(it.Dimension)})
	}
}

func horizon(h plan.Horizon) Horizon {
	out := Horizon{Present: h.Present, Heading: h.Heading}
	for _, it := range h.Items {
		out.Items = append(out.Items, Inline(it.Text))
	}
	return out
}

// when says an action's due date relative to today.
func when(a plan.Action) string {
	switch {
	case a.Due.IsZero():
		return "no due date"
	case a.Done:
		return "due " + a.Due.String()
	}
	return a.Due.String() + ", " + relDays(a.DaysLeft)
}

// relDays is "today", "in 3 days", "2 days ago".
func relDays(n int) string {
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 0:
		return fmt.Sprintf("in %d days", n)
	}
	return fmt.Sprintf("%d days ago", -n)
}
