// Package gap compares two ladder levels dimension by dimension (skills,
// scope, mentorship, visibility, and the milestones that prove a level),
// with the steps between them, and sets beside each dimension what a
// roadmap's Gap section says about it: the method's second step, listing
// the gap honestly. It is pure logic: it never prints.
package gap

import (
	"math"
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

// Comparison is the gap from one level to another, or what one level
// expects when the current side is not on a ladder (From is nil).
type Comparison struct {
	// From is nil when there is no current level: `gap --to` alone, or a
	// roadmap whose current role is on no ladder (Outside says which).
	From, To *ladder.Level
	// Outside explains a missing current level; nil when From is set.
	Outside *Outside
	// CrossTrack is true when the levels are on different tracks.
	CrossTrack bool
	// Path is every level from From to To inclusive, along written moves
	// (and `next:` links): the route with the fewest changes of track,
	// then the fewest steps; on one track without links, ladder order.
	// It is nil when no route is known (the two levels are then compared
	// directly), for a step down on one track (Down), and without From.
	Path []*ladder.Level
	// Down is true when To comes before From among the levels of one kind
	// on one track.
	Down bool
	// Shift says whether the move is up, lateral or down, by level and by
	// pay; nil without From.
	Shift *Shift
	// Hops are the written moves along Path that change track or kind
	// (senior engineer → engineering manager), with what they require and
	// cost. When no path is known, Hops holds the written move from From
	// into To's track, if there is one.
	Hops []Hop
	// Rows has one row per dimension, in Dimensions order.
	Rows []Row
	// Roadmap is true when a roadmap's Gap section was compared.
	Roadmap bool
	// Other lists the roadmap's gap items for dimensions the ladders do
	// not define ("Domain", "Network"), and items without a dimension.
	Other []Item
}

// Hop is one written move on the way from From to To.
type Hop struct {
	From, To *ladder.Level
	Move     ladder.Move
}

// Directions of a Shift.
const (
	Up      = "up"
	Lateral = "lateral"
	Down    = "down"
	Same    = "same"
)

// Shift is the honest direction of a move. On one track among levels of
// one kind it is the ladder order. Otherwise it is read from the typical
// years (Level) and the pay band floors (Pay): each is up or down when the
// two sides differ by at least MinYearsStep years or MinPayStep of the
// current floor, else lateral; "" when a side gives no figure.
type Shift struct {
	Direction string
	Level     string
	Pay       string
	// FromYears and ToYears are the typical years' starting figures; -1
	// when a level gives none.
	FromYears, ToYears int
	// PayComparable is true when both levels have a salary in the same
	// currency and basis; then PayDiff is the difference of the floors
	// (target minus current) and PayPercent its share of the current floor.
	PayComparable bool
	PayDiff       int
	PayPercent    int
}

// Thresholds of a Shift: smaller differences are lateral.
const (
	MinYearsStep = 2
	MinPayStep   = 10 // percent of the current band's floor
)

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

// Compare builds the comparison from one level to another. from may be
// nil (no current level: only what To expects is shown); doc may be nil
// (two ladder levels, no roadmap).
func Compare(set *ladder.Set, from, to *ladder.Level, doc *roadmap.Document) *Comparison {
	c := &Comparison{From: from, To: to}
	if from == nil {
		c.Outside = &Outside{}
	} else {
		c.CrossTrack = from.Track.ID != to.Track.ID
		sameLine := !c.CrossTrack && from.Kind == to.Kind
		i, j := to.Track.Index(from), to.Track.Index(to)
		switch {
		case sameLine && j < i:
			c.Down = true
		default:
			c.Path = route(set, from, to)
			if c.Path == nil && !c.CrossTrack && i <= j {
				c.Path = to.Track.Levels[i : j+1]
			}
		}
		c.Shift = shift(from, to, sameLine)
		c.Hops = hops(set, c.Path, from, to)
	}
	for _, dim := range Dimensions {
		r := Row{Dimension: dim, Target: Expects(to, dim)}
		if from != nil {
			r.Current = Expects(from, dim)
		}
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

// route finds the way from one level to another along the levels each
// leads to (written moves, then `next:`): the fewest changes of track
// first, so a data scientist's route to engineering director goes through
// data science management unless a written move says otherwise, then the
// fewest steps. nil when no route exists.
func route(set *ladder.Set, from, to *ladder.Level) []*ladder.Level {
	type cost struct{ switches, steps int }
	less := func(a, b cost) bool {
		return a.switches < b.switches || a.switches == b.switches && a.steps < b.steps
	}
	best := map[*ladder.Level]cost{from: {}}
	prev := map[*ladder.Level]*ladder.Level{}
	done := map[*ladder.Level]bool{}
	for {
		// The cheapest level not yet settled (the sets are small).
		var cur *ladder.Level
		for l, c := range best {
			if !done[l] && (cur == nil || less(c, best[cur]) || c == best[cur] && l.Ref() < cur.Ref()) {
				cur = l
			}
		}
		if cur == nil {
			return nil
		}
		if cur == to {
			break
		}
		done[cur] = true
		for _, ref := range cur.Next {
			n, err := set.Level(ref)
			if err != nil || done[n] {
				continue
			}
			c := best[cur]
			c.steps++
			if n.Track != cur.Track {
				c.switches++
			}
			if old, seen := best[n]; !seen || less(c, old) {
				best[n], prev[n] = c, cur
			}
		}
	}
	var path []*ladder.Level
	for x := to; x != nil; x = prev[x] {
		path = append([]*ladder.Level{x}, path...)
		if x == from {
			break
		}
	}
	return path
}

// shift decides the direction of a move (see Shift).
func shift(from, to *ladder.Level, sameLine bool) *Shift {
	s := &Shift{FromYears: from.MinYears(), ToYears: to.MinYears()}
	if s.FromYears >= 0 && s.ToYears >= 0 {
		s.Level = step(s.ToYears-s.FromYears, MinYearsStep)
	}
	if a, b := from.Salary, to.Salary; a != nil && b != nil && a.Currency == b.Currency && a.Basis == b.Basis {
		s.PayComparable = true
		s.PayDiff = b.Low - a.Low
		s.PayPercent = int(math.Round(float64(s.PayDiff) * 100 / float64(a.Low)))
		// Two bands at or above the top code cannot be told apart.
		if !(a.Topcoded && b.Topcoded && a.High == nil && b.High == nil) {
			s.Pay = step(s.PayPercent, MinPayStep)
		} else {
			s.Pay = Lateral
		}
	}
	switch {
	case from == to:
		s.Direction = Same
	case sameLine:
		s.Direction = Up
		if from.Track.Index(to) < from.Track.Index(from) {
			s.Direction = Down
		}
	case s.Level == "" && s.Pay == "":
		s.Direction = Lateral
	case s.Level == "" || s.Level == s.Pay:
		s.Direction = s.Pay
	case s.Pay == "" || s.Pay == Lateral:
		s.Direction = s.Level
	case s.Level == Lateral:
		s.Direction = s.Pay
	default: // one up, the other down
		s.Direction = Lateral
	}
	return s
}

func step(diff, min int) string {
	switch {
	case diff >= min:
		return Up
	case diff <= -min:
		return Down
	}
	return Lateral
}

// hops lists the written moves along the path that change track or kind.
// Without a path, it offers the written move from `from` into to's track.
func hops(set *ladder.Set, path []*ladder.Level, from, to *ladder.Level) []Hop {
	var out []Hop
	for i := 1; i < len(path); i++ {
		a, b := path[i-1], path[i]
		if a.Track == b.Track && a.Kind == b.Kind {
			continue
		}
		if m, ok := moveTo(a, b.Ref()); ok {
			out = append(out, Hop{From: a, To: b, Move: m})
		}
	}
	if path == nil && from != nil {
		for _, m := range from.Moves {
			if l, err := set.Level(m.To); err == nil && m.To != "" && l.Track == to.Track {
				out = append(out, Hop{From: from, To: l, Move: m})
				break
			}
		}
	}
	return out
}

// moveTo finds the written move from a level to ref.
func moveTo(l *ladder.Level, ref string) (ladder.Move, bool) {
	for _, m := range l.Moves {
		if m.To == ref && m.Written {
			return m, true
		}
	}
	return ladder.Move{}, false
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
