package gap

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func builtin(t *testing.T) *ladder.Set {
	t.Helper()
	s, err := ladder.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func level(t *testing.T, s *ladder.Set, ref string) *ladder.Level {
	t.Helper()
	l, err := s.Level(ref)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func refs(ls []*ladder.Level) string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Ref())
	}
	return strings.Join(out, " ")
}

// The "does not apply" reading is roadmap.GapItem.NotApplicable, shared
// with lint; gap only capitalises the reason for display.
func TestReasonOf(t *testing.T) {
	tests := []struct {
		detail, reason string
		ok             bool
	}{
		{"does not apply: I already mentor two designers every week.", "I already mentor two designers every week.", true},
		{"Not applicable — the target level asks less than I do now.", "The target level asks less than I do now.", true},
		{"n/a: über-small team", "Über-small team", true},
		{"does not apply", "", true},
		{"The old review rules do not apply to platform teams.", "", false},
		{"I own one service; staff engineers own initiatives.", "", false},
	}
	for _, tt := range tests {
		reason, ok := reasonOf(roadmap.GapItem{Detail: tt.detail})
		if ok != tt.ok || reason != tt.reason {
			t.Errorf("reasonOf(%q) = %q, %v; want %q, %v", tt.detail, reason, ok, tt.reason, tt.ok)
		}
	}
}

func TestComparePath(t *testing.T) {
	s := builtin(t)
	tests := []struct {
		from, to   string
		path       string // "" = no path
		steps      int
		crossTrack bool
		down       bool
	}{
		{"software-engineer/senior", "software-engineer/staff", "software-engineer/senior software-engineer/staff", 0, false, false},
		{"software-engineer/mid", "software-engineer/staff", "software-engineer/mid software-engineer/senior software-engineer/staff", 1, false, false},
		{"software-engineer/senior", "software-engineer/principal", "software-engineer/senior software-engineer/staff software-engineer/senior-staff software-engineer/principal", 2, false, false},
		{"software-engineer/senior", "software-engineer/senior", "software-engineer/senior", 0, false, false},
		{"software-engineer/staff", "software-engineer/senior", "", 0, false, true},
		{"software-engineer/senior", "engineering-manager/manager", "software-engineer/senior engineering-manager/manager", 0, true, false},
		{"software-engineer/mid", "engineering-manager/senior-manager", "software-engineer/mid software-engineer/senior engineering-manager/manager engineering-manager/senior-manager", 2, true, false},
		// IC to management on one track follows the written move, not the file order.
		{"data-scientist/senior", "data-scientist/head", "data-scientist/senior data-scientist/manager data-scientist/head", 1, false, false},
		// Data science to engineering director: through data science
		// management and the one written move into engineering, not through
		// the software track.
		{"data-scientist/senior", "engineering-manager/director", "data-scientist/senior data-scientist/manager data-scientist/head engineering-manager/director", 2, true, false},
		// A staff data scientist moving to management is not a step down.
		{"data-scientist/staff", "data-scientist/manager", "data-scientist/staff data-scientist/manager", 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.from+"->"+tt.to, func(t *testing.T) {
			c := Compare(s, level(t, s, tt.from), level(t, s, tt.to), nil)
			if got := refs(c.Path); got != tt.path {
				t.Errorf("path = %q, want %q", got, tt.path)
			}
			if len(c.Steps()) != tt.steps || c.CrossTrack != tt.crossTrack || c.Down != tt.down {
				t.Errorf("steps %d cross %v down %v; want %d %v %v", len(c.Steps()), c.CrossTrack, c.Down, tt.steps, tt.crossTrack, tt.down)
			}
			if len(c.Rows) != len(Dimensions) {
				t.Fatalf("%d rows", len(c.Rows))
			}
			for i, r := range c.Rows {
				if r.Dimension != Dimensions[i] || len(r.Current) == 0 || len(r.Target) == 0 {
					t.Errorf("row %d: %+v", i, r)
				}
				if len(r.Between) != tt.steps {
					t.Errorf("row %s: %d levels between, want %d", r.Dimension, len(r.Between), tt.steps)
				}
				if r.Coverage != nil {
					t.Errorf("row %s has coverage without a roadmap", r.Dimension)
				}
			}
			if c.Flagged() != nil {
				t.Error("nothing is flagged without a roadmap")
			}
		})
	}
}

func TestCompareCrossTrackWithoutPath(t *testing.T) {
	dir := t.TempDir()
	yaml := "track: teaching\ntitle: Teacher\nlevels:\n  - id: teacher\n    title: Teacher\n    scope: One classroom.\n    skills: [Lesson planning]\n    mentorship: Student teachers.\n    visibility: The school.\n    milestones: [A full school year]\n"
	if err := os.WriteFile(filepath.Join(dir, "teaching.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ladder.Load(ladder.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	c := Compare(s, level(t, s, "teaching/teacher"), level(t, s, "product-designer/mid"), nil)
	if c.Path != nil || !c.CrossTrack || c.Down {
		t.Errorf("path %q cross %v down %v", refs(c.Path), c.CrossTrack, c.Down)
	}
	if got := c.Rows[0].Current; len(got) != 1 || got[0] != "Lesson planning" {
		t.Errorf("skills of the current level = %q", got)
	}
	if got := c.Rows[2].Target; len(got) != 1 || !strings.Contains(got[0], "critique") {
		t.Errorf("mentorship of the target = %q", got)
	}
}

const docHead = `---
roadmap: 1
title: T
kind: promotion
started: 2026-11-02
current: {role: Senior, ladder: software-engineer, level: senior}
target: {role: Staff, ladder: software-engineer, level: staff}
---

## Gap
`

func parse(t *testing.T, gap string) *roadmap.Document {
	t.Helper()
	d := roadmap.Parse("r.md", []byte(docHead+gap))
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCoverage(t *testing.T) {
	s := builtin(t)
	from, to := level(t, s, "software-engineer/senior"), level(t, s, "software-engineer/staff")
	tests := []struct {
		name  string
		gap   string
		want  map[string]string
		other int
	}{
		{
			name: "all covered",
			gap: "- **Skills:** a. Evidence: A.\n- **Scope:** b. Evidence: B.\n" +
				"- **Mentorship:** c. Evidence: C.\n- **Visibility:** d. Evidence: D.\n",
			want: map[string]string{Skills: Covered, Scope: Covered, Mentorship: Covered, Visibility: Covered, Milestones: Covered},
		},
		{
			name: "one left out, one without evidence",
			gap:  "- **Skills:** a. Evidence: A.\n- **Scope:** b.\n- **Visibility:** d. Evidence: D.\n",
			want: map[string]string{Skills: Covered, Scope: NoEvidence, Mentorship: Missing, Visibility: Covered, Milestones: Covered},
		},
		{
			name: "not applicable",
			gap: "- **Skills:** a. Evidence: A.\n- **Scope:** b. Evidence: B.\n" +
				"- **Mentorship:** does not apply: I mentor two people already.\n- **Visibility:** d. Evidence: D.\n",
			want: map[string]string{Skills: Covered, Scope: Covered, Mentorship: NotApplicable, Visibility: Covered, Milestones: Covered},
		},
		{
			name: "two items for one dimension, one with evidence",
			gap:  "- **Skills:** a.\n- **Skills:** more. Evidence: A.\n",
			want: map[string]string{Skills: Covered, Scope: Missing, Mentorship: Missing, Visibility: Missing, Milestones: Covered},
		},
		{
			name:  "other dimensions and unlabelled items",
			gap:   "- **Domain:** payments. Evidence: ledger course.\n- just a line\n",
			want:  map[string]string{Skills: Missing, Scope: Missing, Mentorship: Missing, Visibility: Missing, Milestones: Covered},
			other: 2,
		},
		{
			name: "no evidence anywhere",
			gap:  "- **Skills:** a.\n- **Scope:** b.\n",
			want: map[string]string{Skills: NoEvidence, Scope: NoEvidence, Mentorship: Missing, Visibility: Missing, Milestones: NoEvidence},
		},
		{
			name: "empty gap section",
			gap:  "",
			want: map[string]string{Skills: Missing, Scope: Missing, Mentorship: Missing, Visibility: Missing, Milestones: Missing},
		},
		{
			name: "an explicit milestones item",
			gap:  "- **Skills:** a. Evidence: A.\n- **Milestones:** a promotion packet.\n",
			want: map[string]string{Skills: Covered, Scope: Missing, Mentorship: Missing, Visibility: Missing, Milestones: NoEvidence},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(s, from, to, parse(t, tt.gap))
			if !c.Roadmap {
				t.Error("Roadmap not set")
			}
			flagged := 0
			for _, r := range c.Rows {
				if r.Coverage == nil {
					t.Fatalf("%s: no coverage", r.Dimension)
				}
				if r.Coverage.Status != tt.want[r.Dimension] {
					t.Errorf("%s: %s, want %s", r.Dimension, r.Coverage.Status, tt.want[r.Dimension])
				}
				if r.Coverage.Status != Covered {
					flagged++
				}
			}
			if len(c.Flagged()) != flagged {
				t.Errorf("Flagged() = %d rows, want %d", len(c.Flagged()), flagged)
			}
			if len(c.Other) != tt.other {
				t.Errorf("%d other items, want %d", len(c.Other), tt.other)
			}
		})
	}
}

func TestCoverageDetails(t *testing.T) {
	s := builtin(t)
	d := parse(t, "- **Skills:** a. Evidence: the design doc.\n- **Scope:** b. Evidence: lead the migration.\n"+
		"- **Mentorship:** Does not apply: I already mentor two.\n")
	c := Compare(s, level(t, s, "software-engineer/senior"), level(t, s, "software-engineer/staff"), d)
	m := c.Rows[2].Coverage
	if m.Reason != "I already mentor two." || len(m.Items) != 1 || m.Items[0].Line != 13 {
		t.Errorf("mentorship coverage = %+v", m)
	}
	ms := c.Rows[4].Coverage
	if !ms.Derived || len(ms.Items) != 2 || ms.Items[1].Evidence != "lead the migration." {
		t.Errorf("milestones coverage = %+v", ms)
	}
}

func TestLevels(t *testing.T) {
	s := builtin(t)
	// The outsider hint looks for the .roadmap.yaml in effect: none here
	// (this repository has its own).
	t.Chdir(t.TempDir())
	tests := []struct {
		name, fm string
		from, to string
		errs     []string
		outside  string // the message when the current side is on no ladder
	}{
		{
			name: "both sides",
			fm:   "current: {ladder: software-engineer, level: L5}\ntarget: {role: X, ladder: engineering-manager, level: manager}\n",
			from: "software-engineer/senior", to: "engineering-manager/manager",
		},
		{
			name: "target ladder borrowed from current",
			fm:   "current: {ladder: software-engineer, level: senior}\ntarget: {role: X, level: staff}\n",
			from: "software-engineer/senior", to: "software-engineer/staff",
		},
		{
			name: "borrowed ladder without the level",
			fm:   "current: {ladder: software-engineer, level: senior}\ntarget: {role: X, level: manager}\n",
			errs: []string{`r.md:7:26: target.level: unknown level "manager" in software-engineer (known levels: entry, mid, senior, staff, senior-staff, principal, distinguished, fellow) (target.ladder is not set, so the current track software-engineer was used: add ` + "`ladder: TRACK`" + ` under ` + "`target:`" + `)`},
		},
		{
			name: "no current at all",
			fm:   "target: {role: X, ladder: software-engineer, level: staff}\n",
			errs: []string{
				"r.md: the frontmatter has no current.ladder: gap needs the track of the current role (add `ladder: TRACK` under `current:`, one of: {TRACKS})",
				"r.md: the frontmatter has no current.level: gap needs the current level (add `level: LEVEL` under `current:`; `roadmap ladder show TRACK` lists the levels)",
			},
		},
		{
			name: "an exploration with no current role",
			fm:   "kind: explore\ntarget: {role: X, ladder: software-engineer, level: staff}\n",
			to:   "software-engineer/staff",
			outside: "The roadmap names no current role, so the rows show only what the target expects. Add current.role, " +
				"current.ladder and current.level to compare both sides (a role on no ladder: describe it in ladders/ID.yaml, see docs/ladders.md).",
		},
		{
			name: "a teacher: a role on no ladder",
			fm:   "kind: career-change\ncurrent: {role: Secondary school teacher}\ntarget: {role: X, ladder: product-manager, level: associate}\n",
			to:   "product-manager/associate",
			outside: "The current role (Secondary school teacher) is not on any ladder, so the rows show only what the target " +
				"expects. To compare both sides, describe it (format: docs/ladders.md): create ladders/ID.yaml and an empty " +
				".roadmap.yaml beside it, or pass --ladders DIR; then set current.ladder and current.level.",
		},
		{
			name: "a nurse naming a ladder that does not exist",
			fm:   "current: {role: Registered nurse, ladder: nursing, level: rn2}\ntarget: {role: X, ladder: data-scientist, level: entry}\n",
			to:   "data-scientist/entry",
			outside: `current.ladder "nursing" is not on any ladder, so the rows show only what the target expects. ` +
				"To compare both sides, describe it (format: docs/ladders.md) with current.level as one of its levels: " +
				"create ladders/nursing.yaml and an empty .roadmap.yaml beside it, or pass --ladders DIR.",
		},
		{
			name: "a career change does not borrow the target's track",
			fm:   "kind: career-change\ncurrent: {role: Nurse, level: senior}\ntarget: {role: X, ladder: software-engineer, level: entry}\n",
			to:   "software-engineer/entry",
			outside: "The current role (Nurse) is not on any ladder, so the rows show only what the target expects. To compare " +
				"both sides, describe it (format: docs/ladders.md): create ladders/ID.yaml and an empty .roadmap.yaml beside it, " +
				"or pass --ladders DIR; then set current.ladder and current.level.",
		},
		{
			name: "level missing",
			fm:   "current:\n  role: Senior\n  ladder: data-scientist\ntarget: {role: X, ladder: data-scientist, level: staff}\n",
			errs: []string{"r.md:7:3: the frontmatter has no current.level: gap needs the current level on data-scientist (add `level: LEVEL` under `current:`, one of: entry, mid, senior, manager, staff, principal, head, vp)"},
		},
		{
			name: "typos",
			fm:   "current:\n  ladder: softwre-engineer\n  level: senior\ntarget:\n  role: X\n  ladder: software-engineer\n  level: stafff\n",
			errs: []string{
				`r.md:7:11: current.ladder: unknown track "softwre-engineer": did you mean "software-engineer"? (known tracks: {TRACKS})`,
				`r.md:12:10: target.level: unknown level "stafff" in software-engineer: did you mean "staff"? (known levels: entry, mid, senior, staff, senior-staff, principal, distinguished, fellow)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind := "kind: promotion\n"
			if strings.HasPrefix(tt.fm, "kind:") {
				kind = ""
			}
			src := "---\nroadmap: 1\ntitle: T\n" + kind + "started: 2026-11-02\n" + tt.fm + "---\n"
			d := roadmap.Parse("r.md", []byte(src))
			if err := d.Err(); err != nil {
				t.Fatal(err)
			}
			from, to, outside, err := Levels(s, d)
			for i := range tt.errs {
				tt.errs[i] = strings.ReplaceAll(tt.errs[i], "{TRACKS}", strings.Join(s.IDs(), ", "))
			}
			if tt.errs != nil {
				if err == nil {
					t.Fatalf("no error; got %v -> %v", from, to)
				}
				if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.errs, "\n") {
					t.Errorf("error:\n%s\nwant:\n%s", err, strings.Join(tt.errs, "\n"))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.outside != "" {
				if from != nil || outside == nil || outside.Message() != tt.outside || to.Ref() != tt.to {
					t.Errorf("from %v, to %v, outside %+v; want the outsider message:\n%s", from, to, outside, tt.outside)
				} else if outside != nil {
					t.Logf("%s", outside.Message())
				}
				return
			}
			if outside != nil {
				t.Fatalf("outside = %+v", outside)
			}
			if from.Ref() != tt.from || to.Ref() != tt.to {
				t.Errorf("levels %s -> %s, want %s -> %s", from.Ref(), to.Ref(), tt.from, tt.to)
			}
		})
	}
}

// The direction is called by level (typical years) and by pay (band
// floors), not assumed to be up across tracks.
func TestShift(t *testing.T) {
	s := builtin(t)
	tests := []struct {
		from, to          string
		dir, level, pay   string
		diff, percent     int
		payComparableWant bool
	}{
		// The case: senior engineer to PM is a step down in level and pay.
		{"software-engineer/senior", "product-manager/pm", Down, Down, Down, 103050 - 133080, -23, true},
		{"software-engineer/senior", "engineering-manager/manager", Lateral, Lateral, Lateral, 134350 - 133080, 1, true},
		{"software-engineer/staff", "engineering-manager/manager", Down, Down, Down, 134350 - 169000, -21, true},
		{"software-engineer/senior", "software-engineer/staff", Up, Up, Up, 169000 - 133080, 27, true},
		{"software-engineer/staff", "software-engineer/senior", Down, Down, Down, 133080 - 169000, -21, true},
		{"software-engineer/senior", "software-engineer/senior", Same, Lateral, Lateral, 0, 0, true},
		// Two bands at or above the top code cannot be told apart by pay.
		{"product-designer/vp", "product-manager/cpo", Up, Up, Lateral, 0, 0, true},
		// Level down, pay up: neither wins.
		{"software-engineer/fellow", "engineering-manager/cto", Lateral, Down, Up, 239200 - 211450, 13, true},
	}
	for _, tt := range tests {
		t.Run(tt.from+"->"+tt.to, func(t *testing.T) {
			c := Compare(s, level(t, s, tt.from), level(t, s, tt.to), nil)
			sh := c.Shift
			if sh.Direction != tt.dir || sh.Level != tt.level || sh.Pay != tt.pay || sh.PayDiff != tt.diff ||
				sh.PayPercent != tt.percent || sh.PayComparable != tt.payComparableWant {
				t.Errorf("shift = %+v, want %s (level %s, pay %s, %d, %d%%)", *sh, tt.dir, tt.level, tt.pay, tt.diff, tt.percent)
			}
		})
	}
}

// Across tracks the written move is found along the path; without a path
// the nearest written move into the target's track is offered.
func TestHops(t *testing.T) {
	s := builtin(t)
	c := Compare(s, level(t, s, "software-engineer/senior"), level(t, s, "product-manager/pm"), nil)
	if len(c.Hops) != 1 || c.Hops[0].Move.Title != "Product manager" || c.Hops[0].Move.Tradeoffs == "" {
		t.Fatalf("hops = %+v", c.Hops)
	}
	c = Compare(s, level(t, s, "data-scientist/senior"), level(t, s, "engineering-manager/director"), nil)
	var got []string
	for _, h := range c.Hops {
		got = append(got, h.From.Ref()+">"+h.To.Ref())
	}
	if strings.Join(got, " ") != "data-scientist/senior>data-scientist/manager data-scientist/head>engineering-manager/director" {
		t.Errorf("hops = %v", got)
	}
	// On one track among levels of one kind there is no hop to show.
	c = Compare(s, level(t, s, "software-engineer/senior"), level(t, s, "software-engineer/principal"), nil)
	if len(c.Hops) != 0 {
		t.Errorf("hops within one line = %+v", c.Hops)
	}
}

// Without a current level only the target side is filled in.
func TestCompareTargetOnly(t *testing.T) {
	s := builtin(t)
	c := Compare(s, nil, level(t, s, "software-engineer/staff"), nil)
	if c.From != nil || c.Outside == nil || c.Shift != nil || c.Path != nil || len(c.Hops) != 0 {
		t.Fatalf("comparison = %+v", c)
	}
	for _, r := range c.Rows {
		if len(r.Current) != 0 || len(r.Target) == 0 {
			t.Errorf("row %s: current %v target %v", r.Dimension, r.Current, r.Target)
		}
	}
	if !strings.Contains(c.Outside.Message(), "--from TRACK/LEVEL") {
		t.Errorf("message = %s", c.Outside.Message())
	}
}
