package lint

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// dateFault is a date the plan cannot mean as written: a review logged
// after today, a plan started after it was reviewed, a target reached
// before the plan starts. RM001 reports each one once, where it is
// written; the rules that count from those dates (RM006's window) stay
// silent rather than blame the actions for it.
type dateFault struct {
	pos           roadmap.Position
	code, subject string
	msg, hint     string
	// window is set when the fault moves the 30-day window (RM006).
	window bool
}

// Codes of the date faults (Finding.Code).
const (
	codeReviewAfterToday = "review-after-today"
	codeStartedAfterLog  = "started-after-review"
	codeTargetBeforeRun  = "target-before-started"
)

// logGraceDays is how far after today a review-log date may be: a review
// recorded on a machine a time zone ahead of the one that lints it is
// dated tomorrow there.
const logGraceDays = 1

// dateFaults are the document's dates that contradict each other or today,
// in file order of the checks: the review log, started, target.by.
func (c *Context) dateFaults() []dateFault {
	d := c.Doc
	fm := d.Frontmatter
	var out []dateFault
	if !c.Today.IsZero() {
		for _, r := range d.Reviews {
			if r.Date.IsZero() || !r.Date.After(c.Today.AddDays(logGraceDays)) {
				continue
			}
			out = append(out, dateFault{
				pos: r.Heading.Pos, code: codeReviewAfterToday, subject: roadmap.SectionReviewLog, window: true,
				msg:  fmt.Sprintf("review-log entry %s is after today (%s)", r.Date, c.Today),
				hint: "the log records reviews that have happened: check the date, the year most of all",
			})
		}
	}
	if started := fm.Started; !started.IsZero() && !d.FieldProblem("started") {
		if first, ok := firstReview(d); ok && first.Date.Before(started) && !replannedBy(d, started) {
			out = append(out, dateFault{
				pos: c.FieldPos("started"), code: codeStartedAfterLog, subject: "started", window: true,
				msg:  fmt.Sprintf("started %s is after the first review-log entry (%s)", started, first.Date),
				hint: "a plan is reviewed after it starts: check the year; if the plan was restarted, log a `rewrite` or `re-plan` entry on the day it restarted",
			})
		}
		if by := fm.Target.By; !by.IsZero() && by.Before(started) && !d.FieldProblem("target.by") {
			out = append(out, dateFault{
				pos: c.FieldPos("target.by"), code: codeTargetBeforeRun, subject: "target.by",
				msg:  fmt.Sprintf("target.by %s is before started %s", by, started),
				hint: "target.by is the day you mean to be in the role, after the plan starts: check the year",
			})
		}
	}
	return out
}

// windowInDoubt reports whether a date fault moves the 30-day window.
func (c *Context) windowInDoubt() bool {
	for _, f := range c.dateFaults() {
		if f.window {
			return true
		}
	}
	return false
}

func (c *Context) reportDateFaults() {
	for _, f := range c.dateFaults() {
		c.ReportLine(f.pos, f.msg, f.hint)
		c.Annotate(f.code, f.subject, "")
	}
}

// firstReview is the earliest dated review-log entry.
func firstReview(d *roadmap.Document) (roadmap.ReviewEntry, bool) {
	var first roadmap.ReviewEntry
	found := false
	for _, r := range d.Reviews {
		if !r.Date.IsZero() && (!found || r.Date.Before(first.Date)) {
			first, found = r, true
		}
	}
	return first, found
}

// replannedBy reports whether the log has a rewrite or re-plan on or
// before d: the plan restarted then, and the entries before it are the
// old plan's.
func replannedBy(d *roadmap.Document, day civil.Date) bool {
	for _, r := range d.Reviews {
		if (r.Kind == roadmap.ReviewRewrite || r.Kind == roadmap.ReviewReplan) && !r.Date.IsZero() && !r.Date.After(day) {
			return true
		}
	}
	return false
}
