package plan

import (
	"os"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func day(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestStatus(t *testing.T) {
	today := "2026-11-21"
	tests := []struct {
		done bool
		due  string
		want string
	}{
		{true, "2026-11-01", Done},
		{true, "", Done},
		{true, "2026-12-30", Done},
		{false, "", Open},
		{false, "2026-11-20", Overdue},
		{false, "2026-10-01", Overdue},
		{false, "2026-11-21", DueSoon},
		{false, "2026-11-28", DueSoon},
		{false, "2026-11-29", Open},
		{false, "2027-01-01", Open},
	}
	for _, tt := range tests {
		var due civil.Date
		if tt.due != "" {
			due = day(t, tt.due)
		}
		if got := Status(tt.done, due, day(t, today)); got != tt.want {
			t.Errorf("Status(done=%v, due=%q) = %q, want %q", tt.done, tt.due, got, tt.want)
		}
	}
}

const head = `---
roadmap: 1
title: Path to Staff
owner: Ana Souza
kind: promotion
started: 2026-10-01
target:
  role: Staff Engineer
  by: 2028-06-30
---

# Path to Staff
`

func doc(t *testing.T, body string) *roadmap.Document {
	t.Helper()
	d := roadmap.Parse("r.md", []byte(head+body))
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

const full = `
## Next 30 days
- [x] Scope the ledger RFC (project) — due 2026-11-10
- [ ] Read chapters 1-3 of "Staff Engineer" (course) — due 2026-11-25
- [ ] Ask Dana Lee (Staff, Payments) for 15 minutes (person) — due 2026-11-18
- [ ] Draft the migration plan (project)

## Next quarter
- Ledger RFC accepted.
- Stage 1 live.

## Years 2–3 (hypothesis)
Staff by mid-2028, if the headcount holds.

## Review log
### 2026-11-02 · check-in
- On track.
`

func TestBuild(t *testing.T) {
	p := Build(doc(t, full), day(t, "2026-11-21"), Options{})
	if p.Title != "Path to Staff" || p.Owner != "Ana Souza" || p.Target != "Staff Engineer" {
		t.Errorf("header = %q %q %q", p.Title, p.Owner, p.Target)
	}
	w := p.Window
	if w == nil || w.Start.String() != "2026-11-02" || w.End.String() != "2026-12-02" || w.DaysLeft != 11 || w.Expired || w.NotStarted {
		t.Errorf("window = %+v", w)
	}
	want := []struct {
		status string
		days   int
	}{{Done, -11}, {DueSoon, 4}, {Overdue, -3}, {Open, 0}}
	if len(p.Actions) != len(want) {
		t.Fatalf("%d actions", len(p.Actions))
	}
	for i, w := range want {
		a := p.Actions[i]
		if a.Status != w.status || a.DaysLeft != w.days {
			t.Errorf("action %d: %s %d, want %s %d", i+1, a.Status, a.DaysLeft, w.status, w.days)
		}
	}
	if len(p.Open()) != 3 {
		t.Errorf("%d open actions", len(p.Open()))
	}
	if !p.Quarter.Present || len(p.Quarter.Items) != 2 || p.Quarter.Items[1].Text != "Stage 1 live." {
		t.Errorf("quarter = %+v", p.Quarter)
	}
	if !p.LongTerm.Present || len(p.LongTerm.Items) != 1 || !strings.HasPrefix(p.LongTerm.Items[0].Text, "Staff by mid-2028") {
		t.Errorf("years 2-3 (a paragraph) = %+v", p.LongTerm)
	}
	kinds := []string{cadence.Checkin, cadence.Quarterly, cadence.Rewrite, cadence.Target}
	dues := []string{"2026-12-02", "2027-01-01", "2027-10-01", "2028-06-30"}
	if len(p.Checkpoints) != 4 {
		t.Fatalf("checkpoints = %+v", p.Checkpoints)
	}
	for i, c := range p.Checkpoints {
		if c.Kind != kinds[i] || c.Due.String() != dues[i] || c.DaysLeft != day(t, "2026-11-21").DaysUntil(c.Due) {
			t.Errorf("checkpoint %d = %s %s (%d days)", i, c.Kind, c.Due, c.DaysLeft)
		}
	}
	if n, ok := p.Next(); !ok || n.Kind != cadence.Checkin {
		t.Errorf("next = %+v %v", n, ok)
	}
	if _, ok := p.Due(); ok {
		t.Error("nothing is due yet")
	}
}

func TestWindowAndCheckpointsOverTime(t *testing.T) {
	tests := []struct {
		name, body, today string
		daysLeft          int
		expired, notYet   bool
		due               string // kind of the review due, "" for none
	}{
		{"no review log counts from the start", "\n## Next 30 days\n- [ ] A (project) — due 2026-10-20\n",
			"2026-10-15", 16, false, false, ""},
		{"no review log, window expired, check-in overdue", "\n## Next 30 days\n- [ ] A (project) — due 2026-10-20\n",
			"2026-11-21", -21, true, false, cadence.Checkin},
		{"last day of the window", "\n## Next 30 days\n- [ ] A (project) — due 2026-10-20\n",
			"2026-10-31", 0, false, false, ""},
		{"before the start", "\n## Next 30 days\n", "2026-09-20", 41, false, true, ""},
		{"quarterly overdue outranks the check-in", "\n## Review log\n### 2026-11-10 · check-in\n",
			"2027-01-05", -26, true, false, cadence.Quarterly},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Build(doc(t, tt.body), day(t, tt.today), Options{})
			w := p.Window
			if w.DaysLeft != tt.daysLeft || w.Expired != tt.expired || w.NotStarted != tt.notYet {
				t.Errorf("window = %+v", w)
			}
			c, ok := p.Due()
			if got := map[bool]string{true: c.Kind}[ok]; got != tt.due {
				t.Errorf("due = %q, want %q", got, tt.due)
			}
			if ok && !c.IsOverdue() && c.DaysLeft != 0 {
				t.Errorf("a due checkpoint is today or overdue: %+v", c)
			}
		})
	}
}

func TestNoStartNoWindow(t *testing.T) {
	d := roadmap.Parse("r.md", []byte("---\nroadmap: 1\ntitle: T\nkind: promotion\ntarget: {role: X}\n---\n## Next 30 days\n- [ ] A (project)\n"))
	p := Build(d, day(t, "2026-11-21"), Options{})
	if p.Window != nil || len(p.Checkpoints) != 0 || len(p.Actions) != 1 || p.Actions[0].Status != Open {
		t.Errorf("plan = %+v", p)
	}
	if p.Title != "T" || p.Quarter.Present || p.LongTerm.Present {
		t.Errorf("plan = %+v", p)
	}
}

func TestEvents(t *testing.T) {
	body := full + "\n"
	p := Build(doc(t, body), day(t, "2026-11-21"), Options{})
	ev := p.Events()
	// Three dated actions (the fourth has no date), then four checkpoints.
	kinds := []string{EventAction, EventAction, EventAction, cadence.Checkin, cadence.Quarterly, cadence.Rewrite, cadence.Target}
	if len(ev) != len(kinds) {
		t.Fatalf("%d events: %+v", len(ev), ev)
	}
	for i, k := range kinds {
		if ev[i].Kind != k {
			t.Errorf("event %d kind %s, want %s", i, ev[i].Kind, k)
		}
		if !strings.HasPrefix(ev[i].Summary, "Path to Staff: ") {
			t.Errorf("summary %q does not start with the roadmap's title", ev[i].Summary)
		}
	}
	if ev[0].Summary != "Path to Staff: [done] Scope the ledger RFC (project)" {
		t.Errorf("done action summary = %q", ev[0].Summary)
	}
	if ev[6].Summary != "Path to Staff: target date, Staff Engineer" || ev[3].Summary != "Path to Staff: monthly check-in" {
		t.Errorf("checkpoint summaries = %q, %q", ev[3].Summary, ev[6].Summary)
	}
	if ev[2].Status != Overdue || !strings.Contains(ev[2].Description, "Status on 2026-11-21: overdue.") {
		t.Errorf("overdue action = %+v", ev[2])
	}

	// A review's event reminds of its questions the day before; the
	// others have no reminder.
	if r := ev[4].Reminder; !strings.HasPrefix(r, `Tomorrow: the quarterly review of "Path to Staff" (Ana Souza). Its questions:`+"\n1. Is the target still") {
		t.Errorf("quarterly reminder = %q", r)
	}
	if ev[0].Reminder != "" || ev[6].Reminder != "" {
		t.Errorf("an action or the target has a reminder")
	}

	// Identities are stable across a change of date, status or wording,
	// and unique within a plan.
	later := strings.NewReplacer("due 2026-11-25", "due 2026-11-27", "- [ ] Ask", "- [x] Ask",
		`Read chapters 1-3 of "Staff Engineer"`, `Read chapters 1-4 of "The Staff Engineer's Path"`).Replace(body)
	if later == strings.NewReplacer("due 2026-11-25", "due 2026-11-27", "- [ ] Ask", "- [x] Ask").Replace(body) {
		t.Fatal("the rewording did not apply")
	}
	ev2 := Build(doc(t, later), day(t, "2026-11-29"), Options{}).Events()
	seen := map[string]bool{}
	for i := range ev {
		a, b := strings.Join(ev[i].Identity, "\x00"), strings.Join(ev2[i].Identity, "\x00")
		if a != b {
			t.Errorf("event %d identity changed: %q -> %q", i, ev[i].Identity, ev2[i].Identity)
		}
		if seen[a] {
			t.Errorf("event %d identity is not unique: %q", i, ev[i].Identity)
		}
		seen[a] = true
	}
}

func TestEventsDuplicateActions(t *testing.T) {
	body := "\n## Next 30 days\n- [ ] Ask Dana Lee for 15 minutes (person) — due 2026-11-25\n" +
		"- [ ] ask  dana lee for 15 minutes (person) — due 2026-11-28\n"
	ev := Build(doc(t, body), day(t, "2026-11-21"), Options{}).Events()
	if strings.Join(ev[0].Identity, "|") == strings.Join(ev[1].Identity, "|") {
		t.Errorf("two actions with the same text share an identity: %q", ev[0].Identity)
	}
}

// Checkpoints come in date order, whatever their kind.
func TestCheckpointsByDate(t *testing.T) {
	body := "\n## Review log\n### 2026-11-20 · check-in\n"
	p := Build(roadmap.Parse("r.md", []byte(strings.Replace(head, "started: 2026-10-01", "started: 2026-09-01", 1)+body)), day(t, "2026-11-21"), Options{})
	if p.Checkpoints[0].Kind != cadence.Quarterly || p.Checkpoints[1].Kind != cadence.Checkin {
		t.Errorf("the quarterly review (2026-12-01) comes before the check-in (2026-12-20): %+v", p.Checkpoints)
	}
}

// The dates a kind's section sets are checkpoints: a stall's decision, an
// exploration's pick, the end of each bridge-work phase.
func TestSectionCheckpoints(t *testing.T) {
	load := func(name string) *roadmap.Document {
		data, err := os.ReadFile("../../examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return roadmap.Parse(name, data)
	}
	today := day(t, "2026-11-21")
	tests := []struct {
		file string
		want []string // kind date name
	}{
		{"stalled.md", []string{"decision 2027-02-26 stay-or-switch decision"}},
		{"explore.md", []string{"pick 2027-03-12 date to pick the target"}},
		{"career-change.md", []string{
			"bridge 2026-11-06 bridge work, months 1–2", "bridge 2027-01-06 bridge work, months 3–4",
			"bridge 2027-03-06 bridge work, months 5–6", "bridge 2027-05-06 bridge work, months 7–8",
			"job-search 2027-08-31 job search"}},
		{"promotion.md", nil},
	}
	for _, tt := range tests {
		p := Build(load(tt.file), today, Options{})
		var got []string
		for i, c := range p.Checkpoints {
			if i > 0 && c.Due.Before(p.Checkpoints[i-1].Due) {
				t.Errorf("%s: checkpoint %d (%s) is out of date order", tt.file, i, c.Name())
			}
			if c.IsReview() || c.Kind == cadence.Target {
				continue
			}
			got = append(got, c.Kind+" "+c.Due.String()+" "+c.Name())
			if c.Line == 0 {
				t.Errorf("%s: %s has no line", tt.file, c.Name())
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: section checkpoints\n%v\nwant\n%v", tt.file, got, tt.want)
		}
	}
	p := Build(load("career-change.md"), today, Options{})
	for _, c := range p.Checkpoints {
		if c.Kind == CheckpointBridge && c.Number == 2 {
			if c.Start.String() != "2026-11-07" || !strings.HasPrefix(c.Detail, "the PRD, approved at product review") {
				t.Errorf("phase 2 = %+v", c)
			}
		}
	}
	p = Build(load("explore.md"), today, Options{})
	for _, c := range p.Checkpoints {
		if c.Kind == CheckpointPick && c.Detail != "among 4 candidate roles" {
			t.Errorf("pick detail = %q", c.Detail)
		}
	}
	// The next checkpoint may be a section's: the decision, once the
	// reviews before it are recorded.
	p = Build(load("stalled.md"), day(t, "2027-02-20"), Options{})
	if n, ok := p.Next(); !ok || n.Kind != CheckpointDecision {
		t.Errorf("next = %+v", n)
	}
	// A bridge phase's event carries its number, so two phases differ.
	ev := Build(load("career-change.md"), today, Options{}).Events()
	ids := map[string]bool{}
	for _, e := range ev {
		ids[strings.Join(e.Identity, "|")] = true
	}
	if len(ids) != len(ev) {
		t.Errorf("%d events, %d identities", len(ev), len(ids))
	}
}

func TestCheckpointName(t *testing.T) {
	tests := []struct {
		c    cadence.Checkpoint
		want string
	}{
		{cadence.Checkpoint{Kind: cadence.Checkin, Cadence: "monthly"}, "monthly check-in"},
		{cadence.Checkpoint{Kind: cadence.Checkin, Cadence: "biweekly"}, "biweekly check-in"},
		{cadence.Checkpoint{Kind: cadence.Quarterly, Cadence: "quarterly"}, "quarterly review"},
		{cadence.Checkpoint{Kind: cadence.Quarterly, Cadence: "half-yearly"}, "half-yearly review"},
		{cadence.Checkpoint{Kind: cadence.Rewrite, Cadence: "yearly"}, "yearly rewrite"},
		{cadence.Checkpoint{Kind: cadence.Target}, "target date"},
	}
	for _, tt := range tests {
		if got := CheckpointName(tt.c); got != tt.want {
			t.Errorf("CheckpointName(%+v) = %q, want %q", tt.c, got, tt.want)
		}
	}
}
