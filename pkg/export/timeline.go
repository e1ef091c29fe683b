package export

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Timeline is the plan from its start to its target date: the reviews
// kept, today, the coming checkpoints and the target, on one line, with the
// same facts as a list.
type Timeline struct {
	W, H        int
	X0, X1, Y   float64
	Marks       []Mark
	Labels      []Mark
	Items       []TimelineItem
	Title, Desc string
}

// Mark is a point on the line.
type Mark struct {
	X      float64
	Kind   string // start, review, assessment, today, checkpoint, overdue, target
	Label  string
	Anchor string
}

// TimelineItem is a line of the timeline's list.
type TimelineItem struct {
	Date   civil.Date
	What   string
	When   string
	Status string // past, today, coming, overdue
}

// NewTimeline lays out doc's timeline, or nil without a start date.
func NewTimeline(doc *roadmap.Document, p *plan.Plan, today civil.Date) *Timeline {
	start := doc.Frontmatter.Started
	if start.IsZero() {
		return nil
	}
	end := today
	for _, c := range p.Checkpoints {
		if c.Due.After(end) {
			end = c.Due
		}
	}
	if !end.After(start) {
		end = start.AddDays(1)
	}
	t := &Timeline{W: 1000, H: 66, X0: 24, X1: 976, Y: 30}
	span := float64(start.DaysUntil(end))
	x := func(d civil.Date) float64 {
		f := float64(start.DaysUntil(d)) / span
		return round(t.X0 + (t.X1-t.X0)*min(max(f, 0), 1))
	}
	t.Marks = append(t.Marks, Mark{X: x(start), Kind: "start"})
	t.Labels = append(t.Labels, Mark{X: x(start), Label: "start " + start.String(), Anchor: "start"})
	t.Items = append(t.Items, TimelineItem{Date: start, What: "Plan started", When: relDays(today.DaysUntil(start)), Status: "past"})
	var reviews []string
	for _, r := range doc.Reviews {
		if r.Date.IsZero() || r.Date.Before(start) || r.Date.After(today) {
			continue
		}
		t.Marks = append(t.Marks, Mark{X: x(r.Date), Kind: "review"})
		reviews = append(reviews, r.Date.String())
	}
	if len(reviews) > 0 {
		last, _ := doc.LastReview()
		t.Items = append(t.Items, TimelineItem{Date: last.Date, What: fmt.Sprintf("Last review (%s; %s logged)", last.Kind, plural(len(reviews), "review", "reviews")),
			When: relDays(today.DaysUntil(last.Date)), Status: "past"})
	}
	for _, a := range doc.Assessments {
		if !a.Date.IsZero() && !a.Date.Before(start) && !a.Date.After(today) {
			t.Marks = append(t.Marks, Mark{X: x(a.Date), Kind: "assessment"})
		}
	}
	t.Items = append(t.Items, TimelineItem{Date: today, What: "Today", When: "today", Status: "today"})
	for _, c := range p.Checkpoints {
		kind, status := "checkpoint", "coming"
		name := c.Name()
		when := relDays(c.DaysLeft)
		switch {
		case c.IsOverdue() && c.IsPhase():
			// A phase that has ended is past, not late: whether its
			// artifact is out the roadmap does not say.
			status, when = "past", "ended "+when
		case c.IsOverdue():
			kind, status = "overdue", "overdue"
			when = fmt.Sprintf("overdue by %s", plural(-c.DaysLeft, "day", "days"))
		}
		if c.Kind == cadence.Target {
			kind = "target"
			t.Labels = append(t.Labels, Mark{X: x(c.Due), Label: "target " + c.Due.String(), Anchor: "end"})
		}
		t.Marks = append(t.Marks, Mark{X: x(c.Due), Kind: kind})
		t.Items = append(t.Items, TimelineItem{Date: c.Due, What: titleCase(name), When: when, Status: status})
	}
	t.Marks = append(t.Marks, Mark{X: x(today), Kind: "today"})
	// "today" sits under the line, where the start and target labels are
	// not, so the three never collide.
	t.Labels = append(t.Labels, Mark{X: x(today), Label: "today", Anchor: "middle", Kind: "today"})
	sortItems(t.Items)

	t.Title = fmt.Sprintf("Timeline from %s to %s", start, end)
	var parts []string
	for _, it := range t.Items {
		parts = append(parts, fmt.Sprintf("%s %s (%s)", it.What, it.Date, it.When))
	}
	t.Desc = strings.Join(parts, "; ") + "."
	return t
}

func sortItems(items []TimelineItem) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].Date.Before(items[j-1].Date); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// History is the input of the page's history sparkline: how much the plan
// moved in each month. LogHistory (the review log and the file's commits)
// is the default; any richer account of a file's history can stand in.
type History interface {
	// Months returns one Month per calendar month from from's to to's,
	// oldest first.
	Months(from, to civil.Date) []Month
	// Source says in a few words where the counts come from.
	Source() string
}

// Month is one month of a plan's history.
type Month struct {
	Start civil.Date
	// Changes counts the changes to the plan: commits of the file, or
	// without git the dated entries of its review log and assessment.
	Changes int
	// Reviews counts the review-log entries dated in the month.
	Reviews int
}

// LogHistory counts a roadmap's months from its review log and
// assessment entries, and from commits of the file when there are any
// (nil: the file is not in git).
func LogHistory(doc *roadmap.Document, commits []gitx.Commit) History {
	return &logHistory{doc: doc, commits: commits}
}

type logHistory struct {
	doc     *roadmap.Document
	commits []gitx.Commit
}

func (h *logHistory) Source() string {
	if h.commits != nil {
		return "commits of the file in git"
	}
	return "dated entries of the review log and the assessment"
}

func (h *logHistory) Months(from, to civil.Date) []Month {
	first := monthOf(from)
	var out []Month
	index := map[civil.Date]int{}
	for m := first; !m.After(to) && len(out) < 1200; m = m.AddMonths(1) {
		index[m] = len(out)
		out = append(out, Month{Start: m})
	}
	add := func(d civil.Date, changes, reviews int) {
		if i, ok := index[monthOf(d)]; ok && !d.After(to) {
			out[i].Changes += changes
			out[i].Reviews += reviews
		}
	}
	git := h.commits != nil
	for _, r := range h.doc.Reviews {
		if !r.Date.IsZero() {
			add(r.Date, boolInt(!git), 1)
		}
	}
	for _, a := range h.doc.Assessments {
		if !a.Date.IsZero() && !git {
			add(a.Date, 1, 0)
		}
	}
	for _, c := range h.commits {
		add(civil.Of(c.Time), 1, 0)
	}
	return out
}

func monthOf(d civil.Date) civil.Date {
	t := d.Time()
	return civil.New(t.Year(), t.Month(), 1)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Sparkline is the history as small bars, one per month.
type Sparkline struct {
	W, H   int
	Bars   []Bar
	First  string
	Last   string
	Source string
	Total  int
	Title  string
	Desc   string
}

// Bar is one month.
type Bar struct {
	X, Y, W, H float64
	Review     bool
	Label      string
}

// sparkMonths is how many months the sparkline shows at most: the latest.
const sparkMonths = 36

// NewSparkline draws h from the plan's start to today; nil without a start.
func NewSparkline(h History, start, today civil.Date) *Sparkline {
	if start.IsZero() || today.Before(start) {
		return nil
	}
	months := h.Months(start, today)
	if len(months) > sparkMonths {
		months = months[len(months)-sparkMonths:]
	}
	if len(months) == 0 {
		return nil
	}
	peak := 1
	for _, m := range months {
		peak = max(peak, m.Changes)
	}
	const barW, gap, height = 14.0, 4.0, 36.0
	s := &Sparkline{W: int(float64(len(months))*(barW+gap)) + 4, H: int(height) + 10, Source: h.Source()}
	var parts []string
	for i, m := range months {
		hgt := round(height * float64(m.Changes) / float64(peak))
		if m.Changes > 0 && hgt < 2 {
			hgt = 2
		}
		label := m.Start.Time().Format("Jan 2006")
		b := Bar{X: 2 + float64(i)*(barW+gap), W: barW, H: hgt, Y: round(height - hgt + 2), Review: m.Reviews > 0,
			Label: fmt.Sprintf("%s: %s, %s", label, plural(m.Changes, "change", "changes"), plural(m.Reviews, "review", "reviews"))}
		s.Bars = append(s.Bars, b)
		s.Total += m.Changes
		parts = append(parts, fmt.Sprintf("%s %d", m.Start.Time().Format("Jan 2006"), m.Changes))
	}
	s.First = months[0].Start.Time().Format("Jan 2006")
	s.Last = months[len(months)-1].Start.Time().Format("Jan 2006")
	s.Title = "Changes per month, " + s.First + " to " + s.Last
	s.Desc = "Changes per month (" + s.Source + "): " + strings.Join(parts, ", ") + ". A dot under a month marks a review logged in it."
	return s
}
