// Package cadence computes a roadmap's checkpoints: when the next check-in,
// quarterly review and rewrite fall due, from the cadence in the
// frontmatter, the plan's start date and its review log. plan, review,
// status and lint all read checkpoints from here, so they never disagree.
package cadence

import (
	"sort"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Period is a cadence's length: whole months, or days for the short ones.
type Period struct {
	Months int
	Days   int
}

// After returns the date one period after d.
func (p Period) After(d civil.Date) civil.Date {
	if p.Months > 0 {
		return d.AddMonths(p.Months)
	}
	return d.AddDays(p.Days)
}

// periods are the cadence values a roadmap may use, with their synonyms.
var periods = map[string]Period{
	"weekly":      {Days: 7},
	"biweekly":    {Days: 14},
	"fortnightly": {Days: 14},
	"monthly":     {Months: 1},
	"bimonthly":   {Months: 2},
	"quarterly":   {Months: 3},
	"half-yearly": {Months: 6},
	"semiannual":  {Months: 6},
	"yearly":      {Months: 12},
	"annual":      {Months: 12},
	"annually":    {Months: 12},
}

// Values lists the accepted cadence values, sorted.
func Values() []string {
	out := make([]string, 0, len(periods))
	for v := range periods {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

// Parse returns the period of a cadence value such as "monthly".
func Parse(value string) (Period, bool) {
	p, ok := periods[strings.ToLower(strings.TrimSpace(value))]
	return p, ok
}

// Kinds of checkpoint, in order of weight. The review kinds are
// roadmap.Review*; the target date is a checkpoint too.
const (
	Checkin   = roadmap.ReviewCheckin
	Quarterly = roadmap.ReviewQuarterly
	Rewrite   = roadmap.ReviewRewrite
	Target    = "target"
)

// counts lists, for each checkpoint kind, the review-log kinds that reset
// its clock: a heavier review does the lighter one's job, and a re-plan
// rewrites the plan.
var counts = map[string][]string{
	Checkin:   {roadmap.ReviewCheckin, roadmap.ReviewQuarterly, roadmap.ReviewRewrite, roadmap.ReviewReplan},
	Quarterly: {roadmap.ReviewQuarterly, roadmap.ReviewRewrite, roadmap.ReviewReplan},
	Rewrite:   {roadmap.ReviewRewrite, roadmap.ReviewReplan},
}

// Checkpoint is one coming review (or the target date).
type Checkpoint struct {
	// Kind is Checkin, Quarterly, Rewrite or Target.
	Kind string `json:"kind"`
	// Cadence is the value it follows ("monthly"); empty for Target.
	Cadence string `json:"cadence,omitempty"`
	// Last is the latest review that counts for this kind, or the plan's
	// start date when the log has none (then FromStart is true).
	Last      civil.Date `json:"last"`
	FromStart bool       `json:"fromStart"`
	// Due is when the next one falls due.
	Due civil.Date `json:"due"`
}

// Overdue is how many days past due the checkpoint is on today; zero or
// negative when it is not yet due.
func (c Checkpoint) Overdue(today civil.Date) int {
	return c.Due.DaysUntil(today)
}

// Options adjust how a schedule is computed.
type Options struct {
	// LastReview, when set, gives a later date for a review kind than the
	// review log shows (for example from version-control history). It is
	// used only when it is after the log's date.
	LastReview map[string]civil.Date
}

// Schedule returns the document's check-in, quarterly review and rewrite
// checkpoints (in that order, each only when its cadence is understood and
// a date to count from exists), followed by the target date when set.
func Schedule(doc *roadmap.Document, opts Options) []Checkpoint {
	fm := doc.Frontmatter
	eff := fm.Cadence.Effective()
	var out []Checkpoint
	for _, k := range []struct{ kind, value string }{
		{Checkin, eff.Checkin}, {Quarterly, eff.Review}, {Rewrite, eff.Rewrite},
	} {
		period, ok := Parse(k.value)
		if !ok {
			continue
		}
		cp := Checkpoint{Kind: k.kind, Cadence: k.value}
		if r, ok := doc.LastReview(counts[k.kind]...); ok && !r.Date.Before(fm.Started) {
			cp.Last = r.Date
		}
		if d, ok := opts.LastReview[k.kind]; ok && d.After(cp.Last) && !d.Before(fm.Started) {
			cp.Last = d
		}
		if cp.Last.IsZero() {
			if fm.Started.IsZero() {
				continue
			}
			cp.Last, cp.FromStart = fm.Started, true
		}
		cp.Due = period.After(cp.Last)
		out = append(out, cp)
	}
	if !fm.Target.By.IsZero() {
		out = append(out, Checkpoint{Kind: Target, Due: fm.Target.By})
	}
	return out
}

// Due returns the heaviest review that is due on today (a rewrite before a
// quarterly review before a check-in, since the heavier one covers the
// lighter), and whether any is. The target date is never "due" here.
func Due(schedule []Checkpoint, today civil.Date) (Checkpoint, bool) {
	for _, kind := range []string{Rewrite, Quarterly, Checkin} {
		for _, c := range schedule {
			if c.Kind == kind && c.Overdue(today) >= 0 {
				return c, true
			}
		}
	}
	return Checkpoint{}, false
}

// Overdue returns the heaviest review whose due date has passed (not one
// due today), and whether any has. A lighter review can be overdue while a
// heavier one is merely due today; Due would return the heavier one.
func Overdue(schedule []Checkpoint, today civil.Date) (Checkpoint, bool) {
	for _, kind := range []string{Rewrite, Quarterly, Checkin} {
		for _, c := range schedule {
			if c.Kind == kind && c.Overdue(today) > 0 {
				return c, true
			}
		}
	}
	return Checkpoint{}, false
}

// Next returns the earliest checkpoint on or after today, and whether
// there is one.
func Next(schedule []Checkpoint, today civil.Date) (Checkpoint, bool) {
	var best Checkpoint
	found := false
	for _, c := range schedule {
		if c.Due.Before(today) {
			continue
		}
		if !found || c.Due.Before(best.Due) {
			best, found = c, true
		}
	}
	return best, found
}
