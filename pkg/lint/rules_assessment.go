package lint

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// checkAssessmentGap (RM023) reads the latest assessment entry only: an
// older disconnect that a later entry settles is history, not a finding.
func checkAssessmentGap(c *Context) {
	a, ok := c.Doc.LatestAssessment()
	if !ok {
		return
	}
	for _, r := range a.Ratings {
		if r.Disconnect() < roadmap.DisconnectGap {
			continue
		}
		c.ReportItem(r.Item,
			fmt.Sprintf("%s: self %d, manager %d in the %s assessment, %d apart", r.Dimension, r.Self, r.Manager, a.Date, r.Disconnect()),
			"talk about this in your next 1:1: agree what evidence would move the rating, then record both ratings again")
	}
}
