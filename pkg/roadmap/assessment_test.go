package roadmap

import (
	"bytes"
	"strings"
	"testing"
)

const assessed = good + `
## Assessment
<!-- 1 far from the target level, 5 working at it -->

### 2026-09-01
- Skills: self 2 — no design record
- Scope: self 2

### 2026-11-16 · with Lucía Fernández
- **Skills:** self 3, manager 3 — designs inside one service
- Scope of ownership: self 3 / manager 1 (I count refunds; Lucía counts cross-team work)
- **Mentorship**: manager 2
- Visibility: 2/5. Few outside Payments know the work.
- Domain knowledge: self 4 · mgr 4
`

func TestAssessmentParse(t *testing.T) {
	d := Parse("r.md", []byte(assessed))
	if len(d.Problems) != 0 {
		t.Fatalf("problems: %v", d.Problems)
	}
	if len(d.Assessments) != 2 {
		t.Fatalf("%d entries, want 2", len(d.Assessments))
	}
	first := d.Assessments[0]
	if first.Date.String() != "2026-09-01" || first.Note != "" || len(first.Ratings) != 2 || first.HasManager() {
		t.Errorf("first entry = %+v", first)
	}
	a, ok := d.LatestAssessment()
	if !ok || a.Date.String() != "2026-11-16" || a.Note != "with Lucía Fernández" {
		t.Fatalf("latest = %+v, %v", a, ok)
	}
	type want struct {
		dim, label    string
		self, manager int
		reason        string
	}
	wants := []want{
		{"skills", "Skills", 3, 3, "designs inside one service"},
		{"scope", "Scope of ownership", 3, 1, "I count refunds; Lucía counts cross-team work"},
		{"mentorship", "Mentorship", 0, 2, ""},
		{"visibility", "Visibility", 2, 0, "Few outside Payments know the work."},
		{"domain knowledge", "Domain knowledge", 4, 4, ""},
	}
	if len(a.Ratings) != len(wants) {
		t.Fatalf("%d ratings, want %d: %+v", len(a.Ratings), len(wants), a.Ratings)
	}
	for i, w := range wants {
		r := a.Ratings[i]
		if r.Dimension != w.dim || r.Label != w.label || r.Self != w.self || r.Manager != w.manager || r.Reason != w.reason {
			t.Errorf("rating %d = {%q %q self %d manager %d %q}, want %+v", i, r.Dimension, r.Label, r.Self, r.Manager, r.Reason, w)
		}
	}
	scope, _ := a.Rating("scope")
	if scope.Disconnect() != 2 || !scope.Rated() {
		t.Errorf("scope disconnect = %d", scope.Disconnect())
	}
	// Positions point at the numbers, in the whole file.
	line := d.LineText(scope.ManagerPos.Line)
	if got := []rune(line)[scope.ManagerPos.Column-1]; got != '1' {
		t.Errorf("manager position %+v points at %q in %q", scope.ManagerPos, got, line)
	}
	if m, _ := a.Rating("mentorship"); m.Disconnect() != 0 || m.Rated() {
		t.Errorf("a manager-only rating has no disconnect")
	}
}

func TestAssessmentProblems(t *testing.T) {
	cases := []struct {
		body, code, msg string
	}{
		{"- Skills: self 3\n", "assessment-entry", "before any dated entry"},
		{"### soon\n- Skills: self 3\n", "assessment-heading", `"soon" does not start with a date`},
		{"### 2026-11-16\n- Skills: good\n", "assessment-rating", "gives no number"},
		{"### 2026-11-16\n- self 3\n", "assessment-rating", "names no dimension"},
		{"### 2026-11-16\n- Skills: self 7\n", "assessment-rating", "self rating of skills is 7, outside 1–5"},
		{"### 2026-11-16\n- Skills: self 3, manager 0\n", "assessment-rating", "manager rating of skills is 0"},
		{"### 2026-11-16\n- Skills: self 3, self 4\n", "assessment-rating", "two self ratings"},
		{"### 2026-11-16\n- Skills: self 3\n- Technical skills: self 4\n", "assessment-rating", "rated twice"},
		{"### 2026-13-01\n- Skills: self 3\n", "bad-date", "is not a date"},
	}
	for _, c := range cases {
		d := Parse("r.md", []byte(good+"\n## Assessment\n"+c.body))
		found := false
		for _, p := range d.Problems {
			if p.Code == c.code && strings.Contains(p.Message, c.msg) && p.Severity == SeverityWarning {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no %s problem with %q; got %v", c.body, c.code, c.msg, d.Problems)
		}
		if d.Err() != nil {
			t.Errorf("%q: an assessment mistake is a warning, not an error", c.body)
		}
	}
}

func TestAppendAssessment(t *testing.T) {
	entry := NewAssessment{Date: date("2026-12-01"), Ratings: []NewRating{
		{Label: "Skills", Self: 3, Manager: 2, Reason: "the design doc is out, not yet reviewed"},
		{Label: "Scope", Self: 2},
		{Label: "Visibility", Manager: 1},
	}}
	for name, src := range map[string]string{
		"existing section":  assessed,
		"before review log": good,
		"at the end":        strings.Replace(good, "## Review log\n### 2026-11-16 · check-in\n- On track.\n", "", 1),
		"crlf":              strings.ReplaceAll(assessed, "\n", "\r\n"),
		"no final newline":  strings.TrimSuffix(good, "\n"),
	} {
		t.Run(name, func(t *testing.T) {
			d := Parse("r.md", []byte(src))
			e, err := d.AppendAssessment(entry)
			if err != nil {
				t.Fatal(err)
			}
			nd := apply(t, d, e)
			if len(nd.Problems) != 0 {
				t.Fatalf("problems after the edit: %v\n%s", nd.Problems, nd.Raw)
			}
			if len(nd.Assessments) != len(d.Assessments)+1 {
				t.Fatalf("%d entries after, %d before:\n%s", len(nd.Assessments), len(d.Assessments), nd.Raw)
			}
			a, _ := nd.LatestAssessment()
			if a.Date.String() != "2026-12-01" || len(a.Ratings) != 3 {
				t.Fatalf("latest = %+v", a)
			}
			if r := a.Ratings[0]; r.Self != 3 || r.Manager != 2 || r.Reason != "the design doc is out, not yet reviewed" {
				t.Errorf("skills = %+v", r)
			}
			if r := a.Ratings[2]; r.Self != 0 || r.Manager != 1 {
				t.Errorf("visibility = %+v", r)
			}
			sameReviews(t, d.Reviews, nd.Reviews)
			sameSections(t, d, nd, SectionAssessment)
			if d.CRLF && bytes.Count(nd.Raw, []byte("\n")) != bytes.Count(nd.Raw, []byte("\r\n")) {
				t.Errorf("a CRLF file got LF lines")
			}
		})
	}
}

func TestAppendAssessmentRefuses(t *testing.T) {
	d := Parse("r.md", []byte(good))
	for _, a := range []NewAssessment{
		{Ratings: []NewRating{{Label: "Skills", Self: 3}}},
		{Date: date("2026-12-01")},
		{Date: date("2026-12-01"), Ratings: []NewRating{{Label: "Skills", Self: 6}}},
		{Date: date("2026-12-01"), Ratings: []NewRating{{Label: "Skills"}}},
		{Date: date("2026-12-01"), Ratings: []NewRating{{Label: "Skills", Self: 3, Reason: "two\nlines"}}},
		{Date: date("2026-12-01"), Ratings: []NewRating{{Label: "**Skills**", Self: 3}}},
	} {
		if _, err := d.AppendAssessment(a); err == nil {
			t.Errorf("AppendAssessment(%+v) did not refuse", a)
		}
	}
}
