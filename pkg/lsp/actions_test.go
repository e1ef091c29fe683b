package lsp

import (
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// The command the review message suggests quotes the path for the shell,
// as every other hint does: a roadmap named `$(touch PWNED).md` is not a
// command to paste.
func TestReviewSummaryQuotesThePath(t *testing.T) {
	r := &review.Report{File: "$(touch PWNED).md",
		Due: &review.Checkpoint{Checkpoint: cadence.Checkpoint{Kind: roadmap.ReviewCheckin}, OverdueDays: 3}}
	got := reviewSummary(r)
	if want := "Record it with `roadmap review '$(touch PWNED).md' --record`."; !strings.HasSuffix(got, want) {
		t.Errorf("reviewSummary = %q, want it to end %q", got, want)
	}
}
