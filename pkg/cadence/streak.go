package cadence

import (
	"sort"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Streak is how well a roadmap keeps its check-in cadence, read from its
// review log: every kind of review counts as a check-in, as in Schedule.
type Streak struct {
	// Cadence is the check-in cadence ("monthly").
	Cadence string `json:"cadence"`
	// Current counts the latest reviews in a row that each came within one
	// check-in period of the one before (the first, of the start date);
	// 0 once the next check-in is overdue.
	Current int `json:"current"`
	// Kept is how many reviews the log holds from the start date to today;
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

// StreakOf reads the streak of doc on today, and false when it cannot be
// known (no start date, or a check-in cadence it does not understand).
func StreakOf(doc *roadmap.Document, today civil.Date) (Streak, bool) {
	fm := doc.Frontmatter
	s := Streak{Cadence: fm.Cadence.Effective().Checkin}
	period, ok := Parse(s.Cadence)
	if !ok || fm.Started.IsZero() {
		return s, false
	}
	var dates []civil.Date
	for _, r := range doc.Reviews {
		if !r.Date.IsZero() && !r.Date.Before(fm.Started) && !r.Date.After(today) {
			dates = append(dates, r.Date)
		}
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	prev := fm.Started
	for _, d := range dates {
		due := period.After(prev)
		if d.After(due) {
			s.Late++
			s.Current = 1
			s.Missed += duesBefore(period, due, d) - 1
		} else {
			s.Current++
		}
		s.Kept++
		prev = d
	}
	s.Next = period.After(prev)
	if today.After(s.Next) {
		s.Overdue = true
		s.Current = 0
		s.Missed += duesBefore(period, s.Next, today) - 1
	}
	return s, true
}

// duesBefore counts the due dates from first on, one period apart, that
// are before end.
func duesBefore(p Period, first, end civil.Date) int {
	n := 0
	for d := first; d.Before(end) && n < 10000; d = p.After(d) {
		n++
	}
	return n
}
