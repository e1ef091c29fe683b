package lint

import "github.com/roadmapcli/roadmap/pkg/history"

// History is what version control knows of a file, for the date rules
// (pkg/history reads it: history.FactsOf).
type History = history.Facts

// FallbackNote is what lint says, once, when some files have no git
// history.
const FallbackNote = "plan-stale and review-overdue read the review log only"
