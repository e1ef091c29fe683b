package lint

import (
	"os"

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

// GitHistory returns a History source that asks git about each file. Where
// git cannot answer (no git, a file outside a repository) it falls back to
// the file's modification time and records why in fallbacks, so the caller
// can say so once. Dates after today are ignored: a clock or a checkout
// newer than --today must not make a run unreproducible.
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
				if len(commits) > 0 {
					return h
				}
				// Not committed yet: its modification time is the best guess.
			}
		}
		if err != nil {
			fallbacks.Add(err)
		}
		if info, err := os.Stat(path); err == nil {
			if d := civil.Of(info.ModTime()); !d.After(today) {
				h.LastChange = d
			}
		}
		return h
	}
}
