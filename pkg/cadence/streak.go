package cadence

import (
	"sort"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Streak is how well a roadmap keeps its check-in cadence, read from its
// review log and its review commits (Checkins): every kind of review counts
// as a check-in, as in Schedule.
type Streak struct {
	// Cadence is the check-in cadence ("monthly").
	Cadence string `json:"cadence"`
	// Current counts the latest reviews in a row that each came within one
	// check-in period of the one before (the first, of the start date);
	// 0 once the next check-in is overdue.
	Current int `json:"current"`
	// Kept is how many reviews were held from the start date to today;
	// Late how many of them came after their check-in was due.
	Kept int `json:"kept"`
	Late int `json:"late"`
	// Missed counts the check-ins that fell due with no review at all
	// (a late review makes up for the first one it follows, not for more).
	Missed int `json:"missed"`
	// Overdue is true when today is past the next check-in's due date.
	Overdue bool       `json:"overdue"`
	Next    civil.Date `json:"next"`
}

// States of a check-in that fell due.
const (
	// CheckinKept: a review came on or before the due date.
	CheckinKept = "kept"
	// CheckinLate: the next review came after the due date.
	CheckinLate = "late"
	// CheckinMissed: no review answered it (the one review that came late
	// answers the first due date it follows, not the ones after).
	CheckinMissed = "missed"
	// CheckinOverdue: the latest due date, passed with no review yet.
	CheckinOverdue = "overdue"
	// CheckinNext: the coming due date.
	CheckinNext = "next"
)

// CheckinDue is one check-in the cadence asked for, and what answered it.
type CheckinDue struct {
	Due civil.Date
	// Review is the review that answered it (zero when none did).
	Review civil.Date
	// State is one of the Checkin* states.
	State string
}

// Checkins lists the check-ins doc's cadence asked for from its start date
// to today, oldest first, ending with the coming one; and the streak they
// make. Reviews are the review log's entries and extra dates (review
// commits in git) on days the log has none; every kind of review counts as
// a check-in. false when it cannot be known (no start date, or a check-in
// cadence it does not understand).
func Checkins(doc *roadmap.Document, extra []civil.Date, today civil.Date) ([]CheckinDue, Streak, bool) {
	fm := doc.Frontmatter
	s := Streak{Cadence: fm.Cadence.Effective().Checkin}
	period, ok := Parse(s.Cadence)
	if !ok || fm.Started.IsZero() {
		return nil, s, false
	}
	var dates []civil.Date
	logged := map[civil.Date]bool{}
	usable := func(d civil.Date) bool { return !d.IsZero() && !d.Before(fm.Started) && !d.After(today) }
	for _, r := range doc.Reviews {
		if usable(r.Date) {
			dates = append(dates, r.Date)
			logged[r.Date] = true
		}
	}
	for _, d := range extra {
		if usable(d) && !logged[d] {
			dates = append(dates, d)
			logged[d] = true
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	var dues []CheckinDue
	// missed lists the due dates from first on, one period apart, before
	// end, the first of them excepted.
	missed := func(first, end civil.Date) {
		for d, n := period.After(first), 0; d.Before(end) && n < 10000; d, n = period.After(d), n+1 {
			dues = append(dues, CheckinDue{Due: d, State: CheckinMissed})
			s.Missed++
		}
	}
	prev := fm.Started
	for _, d := range dates {
		due := period.After(prev)
		if d.After(due) {
			s.Late++
			s.Current = 1
			dues = append(dues, CheckinDue{Due: due, Review: d, State: CheckinLate})
			missed(due, d)
		} else {
			s.Current++
			dues = append(dues, CheckinDue{Due: due, Review: d, State: CheckinKept})
		}
		s.Kept++
		prev = d
	}
	s.Next = period.After(prev)
	if today.After(s.Next) {
		s.Overdue = true
		s.Current = 0
		dues = append(dues, CheckinDue{Due: s.Next, State: CheckinOverdue})
		missed(s.Next, today)
		coming := s.Next
		for coming.Before(today) {
			coming = period.After(coming)
		}
		dues = append(dues, CheckinDue{Due: coming, State: CheckinNext})
	} else {
		dues = append(dues, CheckinDue{Due: s.Next, State: CheckinNext})
	}
	return dues, s, true
}
