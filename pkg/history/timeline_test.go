package history_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// version is one state of a scripted plan.
type version struct {
	level, by string
	// actions are "[ ] title" or "[x] title".
	actions []string
	// log and assessment are the sections' entries, as written.
	log, assessment string
}

func (v version) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, `---
roadmap: 1
title: Path to Staff Engineer
owner: Ana Souza
kind: promotion
started: 2026-01-05
horizon: 2y
current:
  role: Senior Software Engineer
  ladder: software-engineer
  level: senior
target:
  role: Staff Software Engineer
  ladder: software-engineer
  level: %s
  industry: B2B SaaS
  companies: [Datadog, Stripe]
  by: %s
---

# Path to Staff Engineer

## Next 30 days
`, v.level, v.by)
	for _, a := range v.actions {
		fmt.Fprintf(&b, "- %s (project) — due 2026-12-01\n", a)
	}
	b.WriteString("\n## Assessment\n" + v.assessment + "\n## Review log\n" + v.log)
	return b.String()
}

// script is a year of one plan, as commits: reviews kept in February and
// March, April and May missed, a late one in June; an action ticked, one
// replaced unticked (dropped), one ticked and replaced by a record; the
// target level and date changed in June; ratings in March and June.
func script() ([]historytest.Commit, string) {
	a := []string{"[ ] Scope the billing migration", "[ ] Start the Kafka course", "[ ] Ask Marco Rossi about staff scope"}
	v := version{level: "senior-staff", by: "2027-12-31", actions: a}
	var commits []historytest.Commit
	add := func(date, subject string) {
		commits = append(commits, historytest.Commit{Time: at(date), Subject: subject, Content: v.text()})
	}
	add("2026-01-05", "start the plan")
	v.actions = []string{"[x] Scope the billing migration", a[1], a[2]}
	add("2026-01-20", "tick the migration scope")
	v.log += "### 2026-02-03 · check-in\n- Done: Scope the billing migration\n- Carried over: Start the Kafka course (due 2026-12-01)\n- Done: Ask Marco Rossi about staff scope\n"
	v.actions = []string{"[ ] Draft the cutover plan", "[ ] Start the Kafka course again", "[ ] Ask Hana Kim about her design doc"}
	add("2026-02-03", "review: check-in 2026-02-03")
	v.log += "### 2026-03-02 · check-in\n- On track.\n"
	v.assessment += "### 2026-03-02\n- Skills: self 2, manager 2\n- Scope: self 3, manager 1\n"
	v.actions = []string{"[x] Draft the cutover plan", "[ ] Start the Kafka course once more", "[ ] Ask Hana Kim about her design doc"}
	add("2026-03-02", "review: check-in 2026-03-02")
	v.log += "### 2026-06-20 · re-plan\n- Staff first, then senior staff.\n"
	v.level, v.by = "staff", "2027-06-30"
	v.assessment += "### 2026-06-20 · with Lucía\n- Skills: self 3, manager 3\n- Scope: self 3, manager 2\n"
	v.actions = []string{"[x] Draft the cutover plan", "[ ] Run the cutover rehearsal", "[ ] Present the cutover at the all-hands"}
	add("2026-06-20", "re-plan: staff first")
	return commits, v.text()
}

func build(t *testing.T, p history.Provider, path, now, today string) *history.Timeline {
	t.Helper()
	return history.Build(p, roadmap.Parse(path, []byte(now)), day(today))
}

func TestBuildFromGit(t *testing.T) {
	commits, now := script()
	repo := &historytest.Repo{Files: map[string][]historytest.Commit{"plan.md": commits}}
	tl := build(t, repo, "plan.md", now, "2026-07-10")
	if tl.Source != history.SourceGit || tl.Commits != 5 || tl.Uncommitted || tl.Fallback != "" {
		t.Fatalf("source %s, %d commits, uncommitted %v, fallback %q", tl.Source, tl.Commits, tl.Uncommitted, tl.Fallback)
	}

	var actions []string
	for _, a := range tl.Actions {
		actions = append(actions, fmt.Sprintf("%s %s pinned %s done %s dropped %s", a.Title, a.State, a.Pinned, a.Done, a.Dropped))
	}
	want := []string{
		"Scope the billing migration done pinned 2026-01-05 done 2026-01-20 dropped ",
		"Start the Kafka course dropped pinned 2026-01-05 done  dropped 2026-02-03",
		// Replaced by a record that noted it done: done, not dropped.
		"Ask Marco Rossi about staff scope done pinned 2026-01-05 done 2026-02-03 dropped ",
		"Draft the cutover plan done pinned 2026-02-03 done 2026-03-02 dropped ",
		// Reworded in place: the same action.
		"Start the Kafka course once more dropped pinned 2026-02-03 done  dropped 2026-06-20",
		"Ask Hana Kim about her design doc dropped pinned 2026-02-03 done  dropped 2026-06-20",
		"Run the cutover rehearsal open pinned 2026-06-20 done  dropped ",
		"Present the cutover at the all-hands open pinned 2026-06-20 done  dropped ",
	}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("actions:\n%s\nwant:\n%s", strings.Join(actions, "\n"), strings.Join(want, "\n"))
	}

	var changes []string
	for _, c := range tl.TargetChanges {
		changes = append(changes, fmt.Sprintf("%s %s %s→%s", c.Date, c.Field, c.From, c.To))
	}
	if want := []string{"2026-06-20 level senior-staff→staff", "2026-06-20 by 2027-12-31→2027-06-30"}; !reflect.DeepEqual(changes, want) {
		t.Errorf("target changes %q, want %q", changes, want)
	}

	c := tl.Checkins
	if c == nil {
		t.Fatal("no check-ins")
	}
	// Due 02-05 (kept 02-03), 03-03 (kept 03-02), 04-02 late (06-20),
	// 05-02 and 06-02 missed; next 07-20.
	if c.Due != 5 || c.Kept != 2 || c.Late != 1 || c.Missed != 2 || c.Overdue || c.Reviews != 3 || c.Streak != 1 || c.Next.String() != "2026-07-20" {
		t.Errorf("check-ins %+v", *c)
	}

	months := map[string]history.Month{}
	for _, m := range tl.Months {
		months[m.Month] = m
	}
	if len(tl.Months) != 7 || tl.Months[0].Month != "2026-01" || tl.Months[6].Month != "2026-07" {
		t.Fatalf("months %v", tl.Months)
	}
	check := func(month string, want history.Month) {
		t.Helper()
		want.Month = month
		if got := months[month]; got != want {
			t.Errorf("%s: %+v\nwant     %+v", month, got, want)
		}
	}
	check("2026-01", history.Month{Commits: 2, Pinned: 3, Done: 1})
	check("2026-02", history.Month{Commits: 1, Pinned: 3, Done: 1, Dropped: 1, Reviews: 1, Due: 1})
	check("2026-03", history.Month{Commits: 1, Done: 1, Reviews: 1, Due: 1, Assessments: 1})
	check("2026-04", history.Month{Due: 1})
	check("2026-05", history.Month{Due: 1, Missed: 1})
	check("2026-06", history.Month{Commits: 1, Pinned: 2, Dropped: 2, Reviews: 1, Due: 1, Missed: 1, TargetChanges: 2, Assessments: 1})
	if tl.Totals.Open != 2 || tl.Totals.Pinned != 8 || tl.Totals.Done != 3 || tl.Totals.Dropped != 3 {
		t.Errorf("totals %+v", tl.Totals)
	}
	if len(tl.Ratings) != 2 || tl.Ratings[1].Date.String() != "2026-06-20" {
		t.Errorf("ratings %v", tl.Ratings)
	}
}

// TestBuildUncommittedAndSkipped: the file as it is now is a last version
// when it differs from the last commit; a version whose header does not
// parse is skipped, not read as a target removed; commits after today
// have not happened yet.
func TestBuildUncommittedAndSkipped(t *testing.T) {
	commits, now := script()
	broken := historytest.Commit{Time: at("2026-06-25"), Subject: "oops", Content: "---\nroadmap: [1\n---\n"}
	later := historytest.Commit{Time: at("2026-08-01"), Subject: "later", Content: now}
	repo := &historytest.Repo{Files: map[string][]historytest.Commit{"plan.md": append(commits, broken, later)}}
	edited := strings.Replace(now, "[ ] Run the cutover rehearsal", "[x] Run the cutover rehearsal", 1)

	tl := build(t, repo, "plan.md", now, "2026-07-10")
	if tl.Commits != 6 || tl.Later != 1 || tl.Uncommitted {
		t.Errorf("as of 2026-07-10 the August commit has not happened: %d commits, %d later, uncommitted %v", tl.Commits, tl.Later, tl.Uncommitted)
	}
	if early := build(t, repo, "plan.md", now, "2025-12-31"); early.Source != history.SourceLog || early.Later != 7 ||
		!strings.Contains(early.Fallback, "no commit of plan.md by 2025-12-31 (its 7 commits are later)") {
		t.Errorf("before the first commit: source %s, %d later, %q", early.Source, early.Later, early.Fallback)
	}
	if len(tl.Skipped) != 1 || tl.Skipped[0].Date.String() != "2026-06-25" {
		t.Errorf("skipped %+v", tl.Skipped)
	}
	if len(tl.TargetChanges) != 2 {
		t.Errorf("a broken version made target changes: %+v", tl.TargetChanges)
	}

	tl = build(t, repo, "plan.md", edited, "2026-08-10")
	if tl.Commits != 7 || !tl.Uncommitted {
		t.Fatalf("%d commits, uncommitted %v", tl.Commits, tl.Uncommitted)
	}
	for _, a := range tl.Actions {
		if a.Title == "Run the cutover rehearsal" && (a.State != history.ActionDone || a.Done.String() != "2026-08-10") {
			t.Errorf("ticked in the working file: %+v", a)
		}
	}
}

// TestBuildFromTheLog: outside git the review log tells the same year,
// less what only versions know (the target changes, the ticks between
// reviews), and says why.
func TestBuildFromTheLog(t *testing.T) {
	_, now := script()
	tl := build(t, &historytest.Repo{}, "plan.md", now, "2026-07-10")
	if tl.Source != history.SourceLog || !strings.Contains(tl.Fallback, "not in a git repository") || tl.Commits != 0 {
		t.Fatalf("source %s, fallback %q", tl.Source, tl.Fallback)
	}
	var actions []string
	for _, a := range tl.Actions {
		actions = append(actions, fmt.Sprintf("%s %s pinned %s done %s dropped %s", a.Title, a.State, a.Pinned, a.Done, a.Dropped))
	}
	want := []string{
		"Scope the billing migration done pinned 2026-01-05 done 2026-02-03 dropped ",
		"Start the Kafka course dropped pinned 2026-01-05 done  dropped 2026-02-03",
		"Ask Marco Rossi about staff scope done pinned 2026-01-05 done 2026-02-03 dropped ",
		// The actions now: pinned at the last record that replaced the
		// actions (the re-plan replaced two by hand, without notes, which
		// only git can tell); ticked by today.
		"Draft the cutover plan done pinned 2026-02-03 done 2026-07-10 dropped ",
		"Run the cutover rehearsal open pinned 2026-02-03 done  dropped ",
		"Present the cutover at the all-hands open pinned 2026-02-03 done  dropped ",
	}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("actions:\n%s\nwant:\n%s", strings.Join(actions, "\n"), strings.Join(want, "\n"))
	}
	if len(tl.TargetChanges) != 0 {
		t.Errorf("target changes from the log: %+v", tl.TargetChanges)
	}
	if c := tl.Checkins; c == nil || c.Due != 5 || c.Kept != 2 || c.Late != 1 || c.Missed != 2 {
		t.Errorf("check-ins %+v", c)
	}
	if stdin := history.Build(nil, roadmap.Parse("<stdin>", []byte(now)), day("2026-07-10")); stdin.Source != history.SourceLog ||
		!strings.Contains(stdin.Fallback, "standard input") {
		t.Errorf("stdin: %s %q", stdin.Source, stdin.Fallback)
	}
}
