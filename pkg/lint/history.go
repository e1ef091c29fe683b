package lint

import (
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/review"
)

// History is what version control knows of a file, for the date rules:
// RM016 counts a commit as a change to the plan, RM014 counts a commit
// made by `roadmap review --record --commit` as a review.
type History struct {
	// LastChange is the day of the last commit that touched the file;
	// zero when unknown.
	LastChange civil.Date
	// Reviews are the latest review dates found in commit subjects, by
	// checkpoint kind (cadence.Checkin, …).
	Reviews map[string]civil.Date
}

// FallbackNote is what lint says, once, when some files have no git
// history.
const FallbackNote = "plan-stale and review-overdue read the review log only"

// GitHistory returns a History source that asks git about each file. Where
// git cannot answer (no git, a file outside a repository) the History is
// empty, so the date rules read the review log alone, and fallbacks
// records why so the caller can say so once. The file's modification time
// is not used: a fresh checkout or a copy would make every plan look
// current, and a run would depend on when the file was written. Dates
// after today are ignored for the same reason.
func GitHistory(client *gitx.Client, today civil.Date, fallbacks *gitx.Fallbacks) func(path string) History {
	return func(path string) History {
		var h History
		repo, err := client.Open(path)
		if err == nil {
			var commits []gitx.Commit
			if commits, err = repo.Log(path); err == nil {
				for _, c := range commits {
					if d := civil.Of(c.Time); !d.After(today) && d.After(h.LastChange) {
						h.LastChange = d
					}
				}
				h.Reviews = review.DatesFromCommits(commits, today)
				return h
			}
		}
		fallbacks.Add(err)
		return h
	}
}
