package review

import (
	"errors"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func TestPlanRecordRatings(t *testing.T) {
	d := load(t, "../../examples/promotion.md")
	p, err := PlanRecord(d, Record{Date: day("2026-12-14"), Kind: "quarterly", Ratings: []Rate{
		{Dimension: "visibility", Self: 3, Manager: 1, Reason: "  first post   published "},
		{Dimension: "skills", Self: 4},
		{Dimension: "Scope", Manager: 2},
	}})
	if err != nil {
		t.Fatal(err)
	}
	nd := roadmap.Parse(d.Path, p.Result)
	a, ok := nd.LatestAssessment()
	if !ok || a.Date != day("2026-12-14") || a.Note != "quarterly" {
		t.Fatalf("latest assessment = %+v", a)
	}
	// In the method's order, whatever order they were given in.
	var got []string
	for _, r := range a.Ratings {
		got = append(got, r.Dimension)
	}
	if strings.Join(got, ",") != "skills,scope,visibility" {
		t.Errorf("dimensions = %v", got)
	}
	if r, _ := a.Rating("visibility"); r.Self != 3 || r.Manager != 1 || r.Reason != "first post published" {
		t.Errorf("visibility = %+v", r)
	}
	if r, _ := a.Rating("scope"); r.Self != 0 || r.Manager != 2 {
		t.Errorf("scope = %+v", r)
	}
	// The disconnect is said at once, not left for lint.
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "Visibility: self 3 and manager 1 are 2 or more apart") {
		t.Errorf("warnings = %q", p.Warnings)
	}
	// The old entries stay as they were.
	if len(nd.Assessments) != 3 || nd.Assessments[0].Heading.Text != d.Assessments[0].Heading.Text {
		t.Errorf("entries = %d", len(nd.Assessments))
	}
}

// A dimension the roadmap's Gap section names beyond the four can be rated,
// under the label it is written with.
func TestPlanRecordRatesAnOwnDimension(t *testing.T) {
	src := strings.Replace(string(load(t, "../../examples/promotion.md").Raw), "## Next 30 days",
		"- **Domain knowledge:** new to payments law. Evidence: the PSD3 reading notes.\n\n## Next 30 days", 1)
	d := roadmap.Parse("r.md", []byte(src))
	p, err := PlanRecord(d, Record{Date: day("2026-12-14"), Kind: "check-in", Ratings: []Rate{{Dimension: "domain knowledge", Self: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(p.Result), "\n### 2026-12-14 · check-in\n- Domain knowledge: self 2\n") {
		t.Errorf("entry not written as expected:\n%s", p.Result)
	}
}

func TestPlanRecordRatingErrors(t *testing.T) {
	d := load(t, "../../examples/promotion.md")
	for _, tt := range []struct {
		rate Rate
		want string
	}{
		{Rate{Dimension: "skils", Self: 3}, `cannot rate "skils" (did you mean skills?): rate a gap dimension (skills, scope, mentorship, visibility)`},
		{Rate{Dimension: "charisma", Self: 3}, `cannot rate "charisma": rate a gap dimension`},
		{Rate{Dimension: "skills", Self: 7}, "skills=7: a rating is a whole number from 1 to 5"},
		{Rate{Dimension: "skills", Reason: "why"}, "skills has a reason but no rating"},
	} {
		_, err := PlanRecord(d, Record{Date: day("2026-12-14"), Kind: "check-in", Ratings: []Rate{tt.rate}})
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: err = %v, want a usage error %q", tt.rate, err, tt.want)
		}
	}
}

// On every example, in LF and in CRLF with a BOM: ratings and a review
// together, every byte outside the two insertions kept.
func TestPlanRecordRatingsOnEveryExample(t *testing.T) {
	for _, path := range examplePaths(t) {
		raw := string(load(t, path).Raw)
		for _, src := range []string{raw, "\ufeff" + strings.ReplaceAll(raw, "\n", "\r\n")} {
			d := roadmap.Parse(path, []byte(src))
			p, err := PlanRecord(d, Record{Date: day("2026-12-20"), Kind: "quarterly", Notes: []string{"On track."},
				Ratings: []Rate{{Dimension: "skills", Self: 3, Manager: 3}, {Dimension: "visibility", Self: 2, Reason: "one post"}}})
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			nd := roadmap.Parse(path, p.Result)
			if len(nd.Problems) != len(d.Problems) {
				t.Errorf("%s: problems %v", path, nd.Problems)
			}
			if a, _ := nd.LatestAssessment(); a.Date != day("2026-12-20") || len(a.Ratings) != 2 {
				t.Errorf("%s: latest assessment %+v", path, a)
			}
			if d.CRLF && strings.Count(string(p.Result), "\n") != strings.Count(string(p.Result), "\r\n") {
				t.Errorf("%s: a bare LF in a CRLF file", path)
			}
			inserted := 0
			for _, e := range p.Edits {
				if e.Start != e.End {
					t.Errorf("%s: edit %q replaces bytes", path, e.What)
				}
				inserted += len(e.Text)
			}
			if len(p.Result) != len(src)+inserted {
				t.Errorf("%s: %d bytes, want %d", path, len(p.Result), len(src)+inserted)
			}
		}
	}
}
