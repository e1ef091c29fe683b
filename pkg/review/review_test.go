package review

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func load(t *testing.T, path string) *roadmap.Document {
	t.Helper()
	d, err := roadmap.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAssess(t *testing.T) {
	tests := []struct {
		file, today string
		kind        string
		overdue     int
		next        string // kind@due
		overdueActs []int
		windowEnded bool
	}{
		{"promotion.md", "2026-11-21", None, 0, "quarterly@2026-11-30", nil, false},
		{"promotion.md", "2026-11-30", cadence.Quarterly, 0, "check-in@2026-12-16", nil, false},
		{"promotion.md", "2026-12-20", cadence.Quarterly, 20, "rewrite@2027-08-31", []int{2, 3}, true},
		{"stalled.md", "2026-12-20", cadence.Checkin, 3, "quarterly@2027-01-26", []int{2, 3}, true},
		{"team/marcus-feld.md", "2026-12-05", cadence.Checkin, 0, "quarterly@2027-01-01", []int{2, 3}, false},
	}
	for _, tt := range tests {
		t.Run(tt.file+"@"+tt.today, func(t *testing.T) {
			d := load(t, "../../examples/"+tt.file)
			r := Assess(d, day(tt.today), Options{})
			if r.Kind != tt.kind {
				t.Fatalf("kind = %s, want %s", r.Kind, tt.kind)
			}
			if tt.kind == None {
				if r.Due != nil || len(r.Questions) != 0 {
					t.Errorf("nothing due, yet due = %+v, %d questions", r.Due, len(r.Questions))
				}
			} else if r.Due == nil || r.Due.OverdueDays != tt.overdue || r.Due.Kind != tt.kind || len(r.Questions) < 4 {
				t.Errorf("due = %+v, %d questions; want %d days overdue", r.Due, len(r.Questions), tt.overdue)
			}
			if r.Next == nil || r.Next.Kind+"@"+r.Next.Due.String() != tt.next {
				t.Errorf("next = %+v, want %s", r.Next, tt.next)
			}
			var got []int
			for _, a := range r.Overdue {
				got = append(got, a.Index)
				if a.DaysOverdue <= 0 || a.Done {
					t.Errorf("overdue action %+v", a)
				}
			}
			if !reflect.DeepEqual(got, tt.overdueActs) {
				t.Errorf("overdue actions %v, want %v", got, tt.overdueActs)
			}
			if len(r.Overdue)+len(r.Open)+len(r.Done) != len(d.Actions) {
				t.Errorf("actions lost: %d+%d+%d of %d", len(r.Overdue), len(r.Open), len(r.Done), len(d.Actions))
			}
			if r.Window.Ended != tt.windowEnded {
				t.Errorf("window %+v, want ended %v", r.Window, tt.windowEnded)
			}
			if r.LastReview == nil || r.LastReview.Source != "log" || r.Since(d) != r.LastReview.Date {
				t.Errorf("last review %+v", r.LastReview)
			}
		})
	}
}

func TestAssessWithGitReviewsAndNoLog(t *testing.T) {
	d := load(t, "../../examples/promotion.md")
	git := DatesFromCommits([]gitx.Commit{{Subject: "review: quarterly 2026-11-18"}}, day("2026-12-20"))
	r := Assess(d, day("2026-12-20"), Options{GitReviews: git})
	if r.Kind != cadence.Checkin || r.Due.OverdueDays != 2 || r.Due.Due != day("2026-12-18") {
		t.Errorf("with a quarterly review in git: due %s %+v, want the check-in of 2026-12-18", r.Kind, r.Due)
	}
	if r.LastReview == nil || *r.LastReview != (LastReview{Date: day("2026-11-18"), Kind: cadence.Quarterly, Source: "git"}) {
		t.Errorf("last review %+v", r.LastReview)
	}

	raw, err := os.ReadFile("../../examples/promotion.md")
	if err != nil {
		t.Fatal(err)
	}
	noLog := roadmap.Parse("p.md", raw[:strings.Index(string(raw), "## Review log")])
	r = Assess(noLog, day("2026-10-05"), Options{})
	if r.Kind != cadence.Checkin || r.Due.Last != day("2026-08-31") || !r.Due.FromStart || r.Due.OverdueDays != 5 || r.Due.Due != day("2026-09-30") {
		t.Errorf("no log: %s %+v, want a check-in counted from the start date", r.Kind, r.Due)
	}
	if r.LastReview != nil || r.Since(noLog) != day("2026-08-31") {
		t.Errorf("no log: last review %+v, since %s", r.LastReview, r.Since(noLog))
	}
}

func TestQuestions(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range roadmap.ReviewKinds {
		qs := Questions(k)
		if len(qs) < 4 {
			t.Errorf("%s: %d questions", k, len(qs))
		}
		for _, q := range qs {
			if seen[q] || !strings.HasSuffix(q, "?") && !strings.HasSuffix(q, ".") {
				t.Errorf("%s: question %q repeated or unfinished", k, q)
			}
			seen[q] = true
		}
	}
	if len(Questions(None)) != 0 {
		t.Errorf("none has questions")
	}
	qs := Questions(roadmap.ReviewCheckin)
	qs[0] = "changed"
	if Questions(roadmap.ReviewCheckin)[0] == "changed" {
		t.Errorf("Questions returns the package's own slice")
	}
}

func TestDatesFromCommits(t *testing.T) {
	commits := []gitx.Commit{
		{Subject: "review: check-in 2026-11-16"},
		{Subject: "review: quarterly 2026-10-01"},
		{Subject: "review: re-plan 2026-06-01"},
		{Subject: "review: check-in 2027-01-01"}, // after today
		{Subject: "review: monthly 2026-11-20"},  // not a kind
		{Subject: "fix typo in review: check-in 2026-11-30"},
		// Committed after today: seen from today it has not happened.
		{Subject: "review: rewrite 2026-11-20", Time: day("2026-11-25").Time()},
	}
	got := DatesFromCommits(commits, day("2026-11-21"))
	want := map[string]civil.Date{
		cadence.Checkin:   day("2026-11-16"),
		cadence.Quarterly: day("2026-10-01"),
		cadence.Rewrite:   day("2026-06-01"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if days := ReviewDays(commits, day("2026-11-21")); !reflect.DeepEqual(days, []civil.Date{day("2026-11-16"), day("2026-10-01"), day("2026-06-01")}) {
		t.Errorf("ReviewDays = %v", days)
	}
	if CommitMessage(roadmap.ReviewCheckin, day("2026-12-01")) != "review: check-in 2026-12-01" {
		t.Errorf("commit message")
	}
	if m := reviewSubject.FindStringSubmatch(CommitMessage(roadmap.ReviewReplan, day("2026-12-01"))); m == nil {
		t.Errorf("the commit message is not read back")
	}
}

func TestPlanRecord(t *testing.T) {
	d := load(t, "../../examples/promotion.md") // action 1 done; 2 due 12-04; 3 due 12-11
	tests := []struct {
		name string
		rec  Record
		// wantEntry is the entry as it ends the file.
		wantEntry    string
		wantTicked   []int
		wantAlready  []int
		wantDefault  []int
		wantWarnings []string
		wantActions  []string
		wantRedated  []string // index:date
	}{
		{
			name:      "notes only",
			rec:       Record{Date: day("2026-12-16"), Kind: "check-in", Notes: []string{"On track:  the  draft is in review.", "  "}},
			wantEntry: "### 2026-12-16 · check-in\n- On track: the draft is in review.\n",
		},
		{
			name:        "ticks",
			rec:         Record{Date: day("2026-12-16"), Kind: "check-in", Done: []int{3, 1, 3}},
			wantEntry:   "### 2026-12-16 · check-in\n- Done: Ask Samuel Achebe (Staff Engineer, Risk) for a 15-minute chat about how he assembled his staff promotion packet\n",
			wantTicked:  []int{3},
			wantAlready: []int{1},
		},
		{
			name: "pin three, drop the rest (noted)",
			rec: Record{Date: day("2026-12-16"), Kind: "quarterly", Done: []int{2}, Actions: []string{
				"- [ ] Draft the stage 2 cutover plan (project) — due 2026-12-30",
				"Start the \"Fundamentals of Data Engineering\" course (course)",
				"Ask Hana Kim about her design doc (person) by 2027-01-14",
			}},
			wantEntry: "### 2026-12-16 · quarterly\n" +
				"- Done: Scope the Ledger v3 proposal (problem, three options, staged rollout) and review it with Elena Petrova (Principal Engineer)\n" +
				"- Done: Finish chapters 1–5 of \"The Staff Engineer's Path\" by Tanya Reilly and write a one-page note on technical vision\n" +
				"- Dropped: Ask Samuel Achebe (Staff Engineer, Risk) for a 15-minute chat about how he assembled his staff promotion packet (due 2026-12-11)\n",
			wantTicked:  []int{2},
			wantDefault: []int{2},
			wantActions: []string{
				"Draft the stage 2 cutover plan (project) — due 2026-12-30",
				"Start the \"Fundamentals of Data Engineering\" course (course) — due 2027-01-15",
				"Ask Hana Kim about her design doc (person) by 2027-01-14",
			},
		},
		{
			// The old window began 2026-11-16: 12-04 is 18 days in, 12-11 is 25.
			name: "keep the open actions, re-dated",
			rec:  Record{Date: day("2026-12-20"), Kind: "check-in", KeepActions: true},
			wantEntry: "### 2026-12-20 · check-in\n" +
				"- Kept: Finish chapters 1–5 of \"The Staff Engineer's Path\" by Tanya Reilly and write a one-page note on technical vision (due 2026-12-04, now 2027-01-07)\n" +
				"- Kept: Ask Samuel Achebe (Staff Engineer, Risk) for a 15-minute chat about how he assembled his staff promotion packet (due 2026-12-11, now 2027-01-14)\n",
			wantRedated: []string{"2:2027-01-07", "3:2027-01-14"},
		},
		{
			name:       "keep: a date inside the new window stays",
			rec:        Record{Date: day("2026-12-08"), Kind: "check-in", Done: []int{2}, KeepActions: true},
			wantEntry:  "### 2026-12-08 · check-in\n- Done: Finish chapters 1–5 of \"The Staff Engineer's Path\" by Tanya Reilly and write a one-page note on technical vision\n",
			wantTicked: []int{2},
		},
		{
			name:         "an earlier date than the log's last",
			rec:          Record{Date: day("2026-11-01"), Kind: "re-plan"},
			wantEntry:    "### 2026-11-01 · re-plan\n",
			wantWarnings: []string{"the review log already has an entry dated 2026-11-16, after 2026-11-01; the new entry goes at the end of the log anyway"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := PlanRecord(d, tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(string(p.Result), "pinned the three actions above.\n"+tt.wantEntry) {
				t.Errorf("file ends\n%s\nwant\n%s", p.Result[len(p.Result)-400:], tt.wantEntry)
			}
			var ticked []int
			for _, a := range p.Ticked {
				ticked = append(ticked, a.Index)
			}
			if !reflect.DeepEqual(ticked, tt.wantTicked) || !reflect.DeepEqual(p.AlreadyDone, tt.wantAlready) ||
				!reflect.DeepEqual(p.DueDefaulted, tt.wantDefault) || !reflect.DeepEqual(p.Warnings, tt.wantWarnings) {
				t.Errorf("ticked %v already %v defaulted %v warnings %q", ticked, p.AlreadyDone, p.DueDefaulted, p.Warnings)
			}
			var redated []string
			for _, r := range p.Redated {
				redated = append(redated, fmt.Sprintf("%d:%s", r.Index, r.To))
			}
			if !reflect.DeepEqual(redated, tt.wantRedated) {
				t.Errorf("redated %v, want %v", redated, tt.wantRedated)
			}
			nd := roadmap.Parse(d.Path, p.Result)
			if tt.wantActions != nil {
				for i, a := range nd.Actions {
					if a.Text != tt.wantActions[i] || a.Done {
						t.Errorf("action %d = %q", i+1, a.Text)
					}
				}
			} else {
				for i, a := range nd.Actions {
					want := d.Actions[i].Done || contains(tt.wantTicked, i+1)
					if a.Done != want {
						t.Errorf("action %d done = %v", i+1, a.Done)
					}
					if a.Title != d.Actions[i].Title {
						t.Errorf("action %d reads %q", i+1, a.Title)
					}
				}
			}
		})
	}
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func TestPlanRecordUsageErrors(t *testing.T) {
	d := load(t, "../../examples/promotion.md")
	tests := []struct {
		rec  Record
		want string
	}{
		{Record{Date: day("2026-12-16"), Kind: "check-in", Done: []int{4}}, "--done 4: the roadmap has 3 actions (use 1-3, the numbers `roadmap show` prints)"},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Done: []int{0}}, "--done 0: the roadmap has 3 actions (use 1-3, the numbers `roadmap show` prints)"},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{"a", "b"}}, "--action given 2 times: the 30-day plan pins exactly 3 actions (a project, a course, a person), so give --action 3 times, or not at all to keep the current ones"},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{"a"}}, "--action given once: "},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{"a", " - [ ] ", "c"}}, "--action 2 is empty"},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{"a", "[x]", "c"}}, "--action 2 is empty"},
		{Record{Date: day("2026-12-16"), Kind: "monthly"}, `invalid review kind "monthly": use one of check-in, quarterly, rewrite, re-plan`},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{"a (project)", "b (course)", "Ask Ana Lima (person) — due 2027-01-16"}},
			"--action 3 is due 2027-01-16, outside the new 30-day window (2026-12-16 to 2027-01-15): give it a date inside the window, or move it to the Next quarter section"},
		{Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{"a (project) — due 2026-12-15", "b", "c"}}, "--action 1 is due 2026-12-15, outside"},
		{Record{Date: day("2026-12-16"), Kind: "check-in", KeepActions: true, Actions: []string{"a", "b", "c"}}, KeepAndPinMessage},
		{Record{Date: day("2026-12-16"), Kind: "check-in", KeepActions: true, Done: []int{2, 3}}, NothingToKeepMessage},
	}
	for _, tt := range tests {
		_, err := PlanRecord(d, tt.rec)
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want a UsageError %q", tt.rec, err, tt.want)
		}
	}
	if got := DoneRangeMessage(1, 0); got != "--done 1: the roadmap has no actions in its Next 30 days section" {
		t.Errorf("no actions: %q", got)
	}
	if got := DoneRangeMessage(2, 1); got != "--done 2: the roadmap has 1 action (use 1, the numbers `roadmap show` prints)" {
		t.Errorf("one action: %q", got)
	}

	bad := roadmap.Parse("bad.md", []byte("---\nroadmap: 1\nstarted: soon\n---\n"))
	if _, err := PlanRecord(bad, Record{Date: day("2026-12-16"), Kind: "check-in"}); err == nil {
		t.Errorf("a file with errors was edited")
	}
}

// Recording on every example, in every encoding, keeps every byte outside
// the edits and reads back as meant.
func TestPlanRecordOnEveryExample(t *testing.T) {
	for _, path := range examplePaths(t) {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, variant := range []struct {
			name string
			raw  string
		}{
			{"LF", string(raw)},
			{"CRLF+BOM", "\ufeff" + strings.ReplaceAll(string(raw), "\n", "\r\n")},
		} {
			d := roadmap.Parse(path, []byte(variant.raw))
			rec := Record{Date: day("2026-12-20"), Kind: "quarterly", Notes: []string{"Assumptions hold."}, Done: []int{1},
				Actions: []string{"Write the design doc (project)", "Start the course (course)", "Ask Lena Park for 15 minutes (person)"}}
			p, err := PlanRecord(d, rec)
			if err != nil {
				t.Fatalf("%s %s: %v", path, variant.name, err)
			}
			nd := roadmap.Parse(path, p.Result)
			if nd.CRLF != d.CRLF || nd.HasBOM != d.HasBOM {
				t.Errorf("%s %s: encoding changed", path, variant.name)
			}
			if d.CRLF && strings.Count(string(p.Result), "\n") != strings.Count(string(p.Result), "\r\n") {
				t.Errorf("%s %s: a bare LF in a CRLF file", path, variant.name)
			}
			if got := nd.WindowStart(); got != rec.Date {
				t.Errorf("%s: window starts %s", path, got)
			}
			carried := 0
			for _, n := range nd.Reviews[len(nd.Reviews)-1].Notes {
				if strings.HasPrefix(n.Text, "Done: ") || strings.HasPrefix(n.Text, "Dropped: ") {
					carried++
				}
			}
			if carried != len(d.Actions) {
				t.Errorf("%s: %d old actions recorded in the entry, want %d", path, carried, len(d.Actions))
			}
		}
	}
}

func examplePaths(t *testing.T) []string {
	var out []string
	for _, dir := range []string{"../../examples/", "../../examples/team/"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".md") && e.Name() != "README.md" {
				out = append(out, dir+e.Name())
			}
		}
	}
	return out
}

func TestPinKeepsTheActionsOwnText(t *testing.T) {
	d := load(t, "../../examples/promotion.md")
	p, err := PlanRecord(d, Record{Date: day("2026-12-16"), Kind: "check-in", Actions: []string{
		"-5% p99 latency on the ledger API (project) — due 2026-12-30",
		"* [x] Read chapter 6 (course) — due 2026-12-20",
		"+ Ask Priya Nair   about\tthe roadmap (person) — due 2026-12-22",
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"-5% p99 latency on the ledger API (project) — due 2026-12-30",
		"Read chapter 6 (course) — due 2026-12-20",
		"Ask Priya Nair about the roadmap (person) — due 2026-12-22",
	}
	if !reflect.DeepEqual(p.Pinned, want) {
		t.Errorf("pinned %q, want %q", p.Pinned, want)
	}
}
