package review

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// Rate is what a review record says about one gap dimension: its self and
// manager ratings (0 when not given) and why.
type Rate struct {
	Dimension     string
	Self, Manager int
	Reason        string
}

// ratable lists the dimensions a roadmap can be rated on: the method's
// four, then the other labels of its Gap section, with the label each is
// written with.
func ratable(doc *roadmap.Document) (dims []string, labels map[string]string) {
	labels = map[string]string{}
	for _, d := range roadmap.Dimensions {
		dims = append(dims, d)
		labels[d] = strings.ToUpper(d[:1]) + d[1:]
	}
	for _, g := range doc.Gap {
		if g.Dimension == "" || g.Label == "" {
			continue
		}
		if _, ok := labels[g.Dimension]; !ok {
			dims = append(dims, g.Dimension)
			labels[g.Dimension] = g.Label
		}
	}
	return dims, labels
}

// assessment turns the record's ratings into the entry to append, in the
// roadmap's dimension order, headed by the date and the review's kind; a
// dimension it does not know is a UsageError.
func assessment(doc *roadmap.Document, rec Record) (*roadmap.NewAssessment, error) {
	if len(rec.Ratings) == 0 {
		return nil, nil
	}
	dims, labels := ratable(doc)
	byDim := map[string]Rate{}
	for _, r := range rec.Ratings {
		dim := strings.ToLower(strings.TrimSpace(r.Dimension))
		if _, ok := labels[dim]; !ok {
			msg := fmt.Sprintf("cannot rate %q: rate a gap dimension (%s)", r.Dimension, strings.Join(dims, ", "))
			if near := suggest.Nearest(dim, dims); near != "" {
				msg = fmt.Sprintf("cannot rate %q (did you mean %s?): rate a gap dimension (%s)", r.Dimension, near, strings.Join(dims, ", "))
			}
			return nil, &UsageError{msg}
		}
		for _, n := range []int{r.Self, r.Manager} {
			if n != 0 && (n < roadmap.RatingMin || n > roadmap.RatingMax) {
				return nil, &UsageError{fmt.Sprintf("%s=%d: a rating is a whole number from %d to %d against the target level", dim, n, roadmap.RatingMin, roadmap.RatingMax)}
			}
		}
		if _, dup := byDim[dim]; dup {
			return nil, &UsageError{fmt.Sprintf("%s is rated twice: give each dimension once", dim)}
		}
		if r.Self == 0 && r.Manager == 0 {
			return nil, &UsageError{fmt.Sprintf("%s has a reason but no rating: add it to --rate or --manager-rate", dim)}
		}
		r.Reason = strings.Join(strings.Fields(r.Reason), " ")
		byDim[dim] = r
	}
	a := &roadmap.NewAssessment{Date: rec.Date, Note: rec.Kind}
	for _, d := range dims {
		if r, ok := byDim[d]; ok {
			a.Ratings = append(a.Ratings, roadmap.NewRating{Label: labels[d], Self: r.Self, Manager: r.Manager, Reason: r.Reason})
		}
	}
	return a, nil
}

// verifyAssessment checks that the edited file's latest assessment is the
// new entry, rating what was asked.
func verifyAssessment(doc, nd *roadmap.Document, want *roadmap.NewAssessment) error {
	if len(nd.Assessments) != len(doc.Assessments)+1 {
		return fmt.Errorf("the Assessment section would have %d entries, not %d", len(nd.Assessments), len(doc.Assessments)+1)
	}
	got := nd.Assessments[len(nd.Assessments)-1]
	if got.Date != want.Date || got.Note != want.Note || len(got.Ratings) != len(want.Ratings) {
		return fmt.Errorf("the new assessment entry would read as %q with %d ratings", got.Heading.Text, len(got.Ratings))
	}
	for i, r := range got.Ratings {
		w := want.Ratings[i]
		if r.Self != w.Self || r.Manager != w.Manager || r.Reason != w.Reason {
			return fmt.Errorf("the rating of %s would read as self %d, manager %d", r.Dimension, r.Self, r.Manager)
		}
	}
	return nil
}
