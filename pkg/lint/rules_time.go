package lint

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

func checkReviewOverdue(c *Context) {
	sched := cadence.Schedule(c.Doc, cadence.Options{LastReview: c.History.Reviews})
	// Only the heaviest overdue review: a rewrite covers the quarterly
	// review and the check-in.
	cp, ok := cadence.Overdue(sched, c.Today)
	if !ok {
		return
	}
	since := "the last one on " + cp.Last.String()
	if cp.FromStart {
		since = "none since the plan started on " + cp.Last.String()
	}
	c.ReportLine(c.reviewAnchor(), fmt.Sprintf("the %s %s is %s overdue (due %s; %s)",
		cp.Cadence, reviewNames[cp.Kind], plural(cp.Overdue(c.Today), "day", "days"), cp.Due, since),
		fmt.Sprintf("run `roadmap review %s`, then log it with `--record`", safetext.ShellQuote(c.Doc.Path)))
}

// reviewNames name each checkpoint after its cadence: "the monthly check-in".
var reviewNames = map[string]string{cadence.Checkin: "check-in", cadence.Quarterly: "review", cadence.Rewrite: "rewrite"}

// reviewAnchor is the review log's heading, else the anchor.
func (c *Context) reviewAnchor() roadmap.Position {
	if s := c.Doc.Section(roadmap.SectionReviewLog); s != nil {
		return s.Pos
	}
	return c.anchor()
}

// StaleDays is how long a plan may go unchanged before RM016 reports it.
const StaleDays = 90

func checkPlanStale(c *Context) {
	last, what := c.Doc.Frontmatter.Started, "started"
	if r, ok := c.Doc.LastReview(); ok && r.Date.After(last) {
		last, what = r.Date, "last reviewed"
	}
	if c.History.LastChange.After(last) {
		last, what = c.History.LastChange, "last changed"
	}
	if last.IsZero() {
		return
	}
	if days := last.DaysUntil(c.Today); days >= StaleDays {
		c.ReportLine(c.reviewAnchor(), fmt.Sprintf("the plan has not changed in %d days (%s %s)", days, what, last),
			"a plan nobody updates has stopped being a plan: review it and rewrite what no longer holds")
	}
}

// dateAfter reports whether the log has a review of one of kinds on or
// after d.
func reviewedSince(doc *roadmap.Document, d civil.Date, kinds ...string) bool {
	r, ok := doc.LastReview(kinds...)
	return ok && !r.Date.Before(d)
}
