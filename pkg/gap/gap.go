// Package gap compares two ladder levels dimension by dimension (skills,
// scope, mentorship, visibility, and the milestones that prove a level),
// with the steps between them, and sets beside each dimension what a
// roadmap's Gap section says about it: the method's second step, listing
// the gap honestly. It is pure logic: it never prints.
package gap

import (
	"strings"
	"unicode"

	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Dimensions compared, in order: the method's four, then the ladder's
// milestones (the evidence that someone operates at a level).
const (
	Skills     = roadmap.DimensionSkills
	Scope      = roadmap.DimensionScope
	Mentorship = roadmap.DimensionMentorship
	Visibility = roadmap.DimensionVisibility
	Milestones = "milestones"
)

// Dimensions lists the compared dimensions in display order.
var Dimensions = []string{Skills, Scope, Mentorship, Visibility, Milestones}

// Coverage statuses: how a roadmap's Gap section covers a dimension.
const (
	// Covered: a gap item for the dimension names an evidence project.
	Covered = "covered"
	// NoEvidence: a gap item exists but names no evidence project.
	NoEvidence = "no-evidence"
	// NotApplicable: the roadmap says the dimension does not apply; the
	// plan does not cover it, and says why.
	NotApplicable = "not-applicable"
	// Missing: the Gap section has no item for the dimension.
	Missing = "missing"
)

// Comparison is the gap from one level to another.
type Comparison struct {
	From, To *ladder.Level
	// CrossTrack is true when the levels are on different tracks.
	CrossTrack bool
	// Path is every level from From to To inclusive: ladder order within a
	// track, the shortest chain of `next` links across tracks. It is nil
	// when no path is known (then the two levels are compared directly)
	// and when To is below From on one track (Down).
	Path []*ladder.Level
	// Down is true when To comes before From on the same track.
	Down bool
	// Rows has one row per dimension, in Dimensions order.
	Rows []Row
	// Roadmap is true when a roadmap's Gap section was compared.
	Roadmap bool
	// Other lists the roadmap's gap items for dimensions the ladders do
	// not define ("Domain", "Network"), and items without a dimension.
	Other []Item
}

// Steps returns the levels strictly between From and To on the path.
func (c *Comparison) Steps() []*ladder.Level {
	if len(c.Path) <= 2 {
		return nil
	}
	return c.Path[1 : len(c.Path)-1]
}

// Flagged returns the rows the roadmap does not cover with evidence, in
// order (none without a roadmap).
func (c *Comparison) Flagged() []Row {
	var out []Row
	for _, r := range c.Rows {
		if r.Coverage != nil && r.Coverage.Status != Covered {
			out = append(out, r)
		}
	}
	return out
}

// Row is one dimension of the comparison.
type Row struct {
	Dimension string
	// Current and Target are what the two levels expect in the dimension
	// (skills and milestones are lists; the others one sentence each).
	Current, Target []string
	// Between is what each level between them expects, in path order.
	Between []Expectation
	// Coverage is what the roadmap says; nil without a roadmap.
	Coverage *Coverage
}

// Expectation is what one level expects in one dimension.
type Expectation struct {
	Level   *ladder.Level
	Expects []string
}

// Coverage is how a roadmap's Gap section covers one dimension.
type Coverage struct {
	Status string
	// Items are the gap items for the dimension. For milestones, when the
	// roadmap has no milestones item, they are the items that name an
	// evidence project: those projects are the roadmap's milestones.
	Items []Item
	// Reason is why the roadmap says the dimension does not apply.
	Reason string
	// Derived is true for milestones read from the evidence items.
	Derived bool
}

// Item is a roadmap gap item as the comparison shows it.
type Item struct {
	Dimension string
	Label     string
	Detail    string
	Evidence  string
	Line      int
	Column    int
	// NotApplicable is true when the item says its dimension does not
	// apply; Reason is the reason it gives.
	NotApplicable bool
	Reason        string
}

// Expects returns what a level expects in a dimension.
func Expects(l *ladder.Level, dimension string) []string {
	var out []string
	add := func(s ...string) {
		for _, x := range s {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	switch dimension {
	case Skills:
		add(l.Skills...)
	case Scope:
		add(l.Scope)
	case Mentorship:
		add(l.Mentorship)
	case Visibility:
		add(l.Visibility)
	case Milestones:
		add(l.Milestones...)
	}
	return out
}

// Compare builds the comparison from one level to another. doc may be nil
// (two ladder levels, no roadmap).
func Compare(set *ladder.Set, from, to *ladder.Level, doc *roadmap.Document) *Comparison {
	c := &Comparison{From: from, To: to, CrossTrack: from.Track.ID != to.Track.ID}
	switch {
	case !c.CrossTrack:
		i, j := from.Track.Index(from), from.Track.Index(to)
		if i <= j {
			c.Path = from.Track.Levels[i : j+1]
		} else {
			c.Down = true
		}
	default:
		c.Path = shortestPath(set, from, to)
	}
	for _, dim := range Dimensions {
		r := Row{Dimension: dim, Current: Expects(from, dim), Target: Expects(to, dim)}
		for _, l := range c.Steps() {
			r.Between = append(r.Between, Expectation{Level: l, Expects: Expects(l, dim)})
		}
		c.Rows = append(c.Rows, r)
	}
	if doc != nil {
		c.Roadmap = true
		c.cover(doc)
	}
	return c
}

// shortestPath follows `next` links breadth first from one level to
// another, or returns nil when none leads there.
func shortestPath(set *ladder.Set, from, to *ladder.Level) []*ladder.Level {
	prev := map[*ladder.Level]*ladder.Level{from: nil}
	queue := []*ladder.Level{from}
	for len(queue) > 0 {
		l := queue[0]
		queue = queue[1:]
		if l == to {
			var path []*ladder.Level
			for x := to; x != nil; x = prev[x] {
				path = append([]*ladder.Level{x}, path...)
			}
			return path
		}
		for _, ref := range l.Next {
			n, err := set.Level(ref)
			if err != nil {
				continue
			}
			if _, seen := prev[n]; !seen {
				prev[n] = l
				queue = append(queue, n)
			}
		}
	}
	return nil
}

func (c *Comparison) cover(doc *roadmap.Document) {
	byDim := map[string][]Item{}
	var withEvidence []Item
	known := map[string]bool{}
	for _, d := range Dimensions {
		known[d] = true
	}
	for _, g := range doc.Gap {
		it := Item{Dimension: g.Dimension, Label: g.Label, Detail: g.Detail, Evidence: g.Evidence,
			Line: g.Pos.Line, Column: g.Pos.Column}
		it.Reason, it.NotApplicable = reasonOf(g)
		if known[g.Dimension] {
			byDim[g.Dimension] = append(byDim[g.Dimension], it)
		} else {
			c.Other = append(c.Other, it)
		}
		if it.Evidence != "" && !it.NotApplicable {
			withEvidence = append(withEvidence, it)
		}
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		items := byDim[r.Dimension]
		if r.Dimension == Milestones && len(items) == 0 {
			r.Coverage = milestonesFromEvidence(withEvidence, len(doc.Gap) > 0)
			continue
		}
		r.Coverage = coverage(items)
	}
}

// coverage decides the status of a dimension from its gap items.
func coverage(items []Item) *Coverage {
	cov := &Coverage{Status: Missing, Items: items}
	if len(items) == 0 {
		return cov
	}
	allNA := true
	for _, it := range items {
		if !it.NotApplicable {
			allNA = false
			if it.Evidence != "" {
				cov.Status = Covered
				return cov
			}
		}
	}
	if allNA {
		cov.Status = NotApplicable
		var reasons []string
		for _, it := range items {
			if it.Reason != "" {
				reasons = append(reasons, it.Reason)
			}
		}
		cov.Reason = strings.Join(reasons, " ")
		return cov
	}
	cov.Status = NoEvidence
	return cov
}

// milestonesFromEvidence reads a roadmap's milestones from its evidence
// projects when it has no milestones item of its own.
func milestonesFromEvidence(withEvidence []Item, hasGap bool) *Coverage {
	cov := &Coverage{Items: withEvidence, Derived: true}
	switch {
	case len(withEvidence) > 0:
		cov.Status = Covered
	case hasGap:
		cov.Status = NoEvidence
	default:
		cov.Status = Missing
	}
	return cov
}

// reasonOf is the reason a gap item gives for its dimension not applying
// (roadmap.GapItem.NotApplicable, the one reading lint shares), with a
// capital first letter.
func reasonOf(g roadmap.GapItem) (reason string, ok bool) {
	ok, reason = g.NotApplicable()
	if reason != "" {
		r := []rune(reason)
		r[0] = unicode.ToUpper(r[0])
		reason = string(r)
	}
	return reason, ok
}
