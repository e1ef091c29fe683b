package cadence

import (
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

const header = `---
roadmap: 1
title: T
kind: promotion
started: 2026-01-10
target:
  role: Staff Engineer
  by: 2027-06-30
%s---

# T

## Review log
`

func doc(t *testing.T, cadence, log string) *roadmap.Document {
	t.Helper()
	src := []byte(strings.Replace(header, "%s", cadence, 1) + log)
	d := roadmap.Parse("r.md", src)
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

func date(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestScheduleFromStartWithoutLog(t *testing.T) {
	s := Schedule(doc(t, "", ""), Options{})
	want := []struct{ kind, due string }{
		{Checkin, "2026-02-10"}, {Quarterly, "2026-04-10"}, {Rewrite, "2027-01-10"}, {Target, "2027-06-30"},
	}
	if len(s) != len(want) {
		t.Fatalf("got %d checkpoints, want %d: %+v", len(s), len(want), s)
	}
	for i, w := range want {
		if s[i].Kind != w.kind || s[i].Due.String() != w.due {
			t.Errorf("checkpoint %d = %s %s, want %s %s", i, s[i].Kind, s[i].Due, w.kind, w.due)
		}
	}
	if !s[0].FromStart {
		t.Error("a plan with no review log counts from its start date")
	}
}

func TestHeavierReviewResetsLighterClocks(t *testing.T) {
	log := "### 2026-03-01 · check-in\n- ok\n### 2026-04-05 · quarterly\n- ok\n"
	s := Schedule(doc(t, "", log), Options{})
	got := map[string]string{}
	for _, c := range s {
		got[c.Kind] = c.Due.String()
	}
	if got[Checkin] != "2026-05-05" {
		t.Errorf("check-in due %s, want 2026-05-05 (a quarterly review counts as a check-in)", got[Checkin])
	}
	if got[Quarterly] != "2026-07-05" {
		t.Errorf("quarterly due %s, want 2026-07-05", got[Quarterly])
	}
	if got[Rewrite] != "2027-01-10" {
		t.Errorf("rewrite due %s, want 2027-01-10 (no rewrite yet: from the start)", got[Rewrite])
	}
}

func TestCustomCadenceAndUnknownValue(t *testing.T) {
	s := Schedule(doc(t, "cadence:\n  checkin: biweekly\n  review: sometimes\n", ""), Options{})
	if s[0].Kind != Checkin || s[0].Due.String() != "2026-01-24" {
		t.Errorf("biweekly check-in = %+v, want due 2026-01-24", s[0])
	}
	for _, c := range s {
		if c.Kind == Quarterly {
			t.Errorf("an unknown cadence value must not produce a checkpoint: %+v", c)
		}
	}
}

func TestDuePicksHeaviestAndNextPicksEarliest(t *testing.T) {
	s := Schedule(doc(t, "", "### 2026-03-01 · check-in\n- ok\n"), Options{})
	today := date("2026-05-01")
	due, ok := Due(s, today)
	if !ok || due.Kind != Quarterly || due.Overdue(today) != 21 {
		t.Errorf("Due = %+v (overdue %d), want quarterly overdue by 21 days", due, due.Overdue(today))
	}
	next, ok := Next(s, today)
	if !ok || next.Kind != Rewrite {
		t.Errorf("Next = %+v, want the rewrite (check-in and quarterly are past)", next)
	}
	if _, ok := Due(s, date("2026-03-15")); ok {
		t.Error("nothing is due two weeks after a check-in")
	}
}

func TestLastReviewOptionOnlyMovesForward(t *testing.T) {
	d := doc(t, "", "### 2026-03-01 · check-in\n- ok\n")
	s := Schedule(d, Options{LastReview: map[string]civil.Date{Checkin: date("2026-03-20"), Quarterly: date("2025-01-01")}})
	if s[0].Due.String() != "2026-04-20" {
		t.Errorf("check-in due %s, want 2026-04-20 from the later history date", s[0].Due)
	}
	if s[1].Due.String() != "2026-04-10" {
		t.Errorf("quarterly due %s, want 2026-04-10: an older history date is ignored", s[1].Due)
	}
}

func TestOverdueSkipsAHeavierReviewDueToday(t *testing.T) {
	// Started 2026-01-10: quarterly due 2026-04-10; check-in due 2026-02-10.
	s := Schedule(doc(t, "", ""), Options{})
	today := date("2026-04-10")
	if due, _ := Due(s, today); due.Kind != Quarterly {
		t.Fatalf("Due = %+v, want the quarterly review due today", due)
	}
	got, ok := Overdue(s, today)
	if !ok || got.Kind != Checkin || got.Overdue(today) != 59 {
		t.Errorf("Overdue = %+v (%d days), want the check-in, 59 days late", got, got.Overdue(today))
	}
	if _, ok := Overdue(s, date("2026-02-10")); ok {
		t.Error("a check-in due today is not overdue")
	}
}
