package cadence

import (
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func TestStreak(t *testing.T) {
	tests := []struct {
		name, cadence, log, today string
		want                      Streak
	}{
		{"no reviews yet, not due", "", "", "2026-02-01",
			Streak{Cadence: "monthly", Next: date("2026-02-10")}},
		{"three on time", "", "### 2026-02-08 · check-in\n### 2026-03-05 · check-in\n### 2026-04-01 · quarterly\n", "2026-04-20",
			Streak{Cadence: "monthly", Current: 3, Kept: 3, Next: date("2026-05-01")}},
		{"a late one restarts the streak", "", "### 2026-02-08 · check-in\n### 2026-03-20 · check-in\n### 2026-04-15 · check-in\n", "2026-04-20",
			Streak{Cadence: "monthly", Current: 2, Kept: 3, Late: 1, Next: date("2026-05-15")}},
		{"two months skipped", "", "### 2026-02-08 · check-in\n### 2026-05-20 · check-in\n", "2026-05-25",
			Streak{Cadence: "monthly", Current: 1, Kept: 2, Late: 1, Missed: 2, Next: date("2026-06-20")}},
		{"overdue now", "", "### 2026-02-08 · check-in\n", "2026-04-20",
			Streak{Cadence: "monthly", Current: 0, Kept: 1, Missed: 1, Overdue: true, Next: date("2026-03-08")}},
		{"a review after today is not counted", "", "### 2026-02-08 · check-in\n### 2026-06-01 · check-in\n", "2026-02-20",
			Streak{Cadence: "monthly", Current: 1, Kept: 1, Next: date("2026-03-08")}},
		{"weekly", "cadence:\n  checkin: weekly\n  review: monthly\n", "### 2026-01-15 · check-in\n### 2026-01-22 · check-in\n", "2026-01-25",
			Streak{Cadence: "weekly", Current: 2, Kept: 2, Next: date("2026-01-29")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, ok := Checkins(doc(t, tt.cadence, tt.log), nil, date(tt.today))
			if !ok || got != tt.want {
				t.Errorf("Checkins = %+v, %v\nwant       %+v", got, ok, tt.want)
			}
		})
	}
}

func TestStreakUnknown(t *testing.T) {
	if _, _, ok := Checkins(doc(t, "cadence:\n  checkin: sometimes\n", ""), nil, date("2026-03-01")); ok {
		t.Errorf("an unknown cadence has a streak")
	}
	noStart := roadmap.Parse("r.md", []byte(strings.Replace(strings.Replace(header, "%s", "", 1), "started: 2026-01-10\n", "", 1)))
	if _, _, ok := Checkins(noStart, nil, date("2026-03-01")); ok {
		t.Errorf("a roadmap without a start date has a streak")
	}
}

// TestCheckins: every due date from the start (2026-01-10) with what
// answered it; a review commit on a day the log has no entry counts, one
// on a logged day does not count twice.
func TestCheckins(t *testing.T) {
	d := doc(t, "", "### 2026-02-08 · check-in\n### 2026-05-20 · check-in\n")
	dues, s, ok := Checkins(d, []civil.Date{date("2026-05-20"), date("2026-06-15")}, date("2026-08-25"))
	if !ok {
		t.Fatal("no check-ins")
	}
	var got []string
	for _, c := range dues {
		got = append(got, c.Due.String()+" "+c.State+" "+c.Review.String())
	}
	want := []string{
		"2026-02-10 kept 2026-02-08",
		"2026-03-08 late 2026-05-20",
		"2026-04-08 missed ",
		"2026-05-08 missed ",
		"2026-06-20 kept 2026-06-15",
		"2026-07-15 overdue ",
		"2026-08-15 missed ",
		"2026-09-15 next ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check-ins:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if wantS := (Streak{Cadence: "monthly", Kept: 3, Late: 1, Missed: 3, Overdue: true, Next: date("2026-07-15")}); s != wantS {
		t.Errorf("streak %+v, want %+v", s, wantS)
	}
}
