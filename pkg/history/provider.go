// Package history is the one provider of a roadmap file's past. In a git
// repository it is the file's commits (gitx runs git); elsewhere it is
// what the file itself records, its review log, which every reader of the
// past falls back to. Commands get a Provider from the Factory
// (cmdutil.Factory.History), as gh hands its commands a git client, so a
// test gives a command a scripted history (historytest) without a
// repository.
//
// On top of the provider sit the readings commands share: Facts (the last
// change and the review commits, for lint's date rules and status) and
// Build (how the plan moved, month by month, for `roadmap history`).
package history

import (
	"errors"
	"time"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Commit is one commit that touched a file.
type Commit = gitx.Commit

// Stat is how much a file changed since a date.
type Stat = gitx.Stat

// Fallbacks collects the files whose history could not come from version
// control, so a command reading many says so once.
type Fallbacks = gitx.Fallbacks

// Version is one committed state of a file.
type Version struct {
	Commit
	// Content is the file as that commit left it; nil when the commit
	// removed it, or when Err says why it could not be read.
	Content []byte
	// Removed is true when the commit deleted the file (or put something
	// that is not a regular file in its place).
	Removed bool
	// Err is set when the content could not be read (larger than
	// roadmap.MaxFileBytes, a missing object).
	Err error
}

// Provider answers what version control knows of a file. Every method
// returns an error that IsUnavailable recognises when there is no such
// history to ask (no git command, a file outside any repository): the
// caller then reads the review log, and says so once (Fallbacks).
type Provider interface {
	// Log returns the commits that touched path, newest first: none for a
	// file in a repository that was never committed.
	Log(path string) ([]Commit, error)
	// Versions calls each with every committed state of path, oldest
	// first, on the first-parent line of the current branch (a merged
	// branch is one state, its merge). It stops at the first error each
	// returns.
	Versions(path string, each func(Version) error) error
	// DiffStat says how much path changed since a time, uncommitted
	// changes included.
	DiffStat(path string, since time.Time) (Stat, error)
}

// IsUnavailable reports whether err means version control cannot answer
// for a path (fall back to the review log), as opposed to a failure worth
// reporting.
func IsUnavailable(err error) bool {
	_, ok := gitx.IsUnavailable(err)
	return ok
}

// Forget makes p read version control afresh at its next question. Git
// remembers each file's log for the life of the process, which is right
// for one command; a long-lived process (the language server) forgets
// before each lint so that a commit made in the meantime counts. A
// provider that remembers nothing (a test's script) is left as it is.
func Forget(p Provider) {
	if f, ok := p.(interface{ forget() }); ok {
		f.forget()
	}
}

// Git is the Provider every command uses: git, through gitx.
type Git struct {
	// Client runs git; nil is gitx.Default.
	Client *gitx.Client
}

// Default is the provider of a real run.
var Default Provider = Git{}

func (g Git) client() *gitx.Client {
	if g.Client == nil {
		return gitx.Default
	}
	return g.Client
}

func (g Git) forget() { g.client().Forget() }

// Log implements Provider.
func (g Git) Log(path string) ([]Commit, error) {
	repo, err := g.client().Open(path)
	if err != nil {
		return nil, err
	}
	return repo.Log(path)
}

// DiffStat implements Provider.
func (g Git) DiffStat(path string, since time.Time) (Stat, error) {
	repo, err := g.client().Open(path)
	if err != nil {
		return Stat{}, err
	}
	return repo.DiffStat(path, since)
}

// Versions implements Provider in two git processes whatever the number
// of commits: one log of the file's states, one cat-file of their
// contents.
func (g Git) Versions(path string, each func(Version) error) error {
	repo, err := g.client().Open(path)
	if err != nil {
		return err
	}
	states, err := repo.Versions(path)
	if err != nil {
		return err
	}
	var blobs []string
	for _, s := range states {
		if s.Blob != "" {
			blobs = append(blobs, s.Blob)
		}
	}
	// Each state's content arrives in order; the removals between them
	// are told as they come.
	next := 0
	flushRemoved := func() error {
		for next < len(states) && states[next].Blob == "" {
			if err := each(Version{Commit: states[next].Commit, Removed: true}); err != nil {
				return err
			}
			next++
		}
		return nil
	}
	if err := flushRemoved(); err != nil {
		return err
	}
	err = repo.ReadBlobs(blobs, roadmap.MaxFileBytes, func(_ int, data []byte, err error) error {
		v := Version{Commit: states[next].Commit, Content: data, Err: err}
		if errors.Is(err, gitx.ErrBlobTooLarge) {
			v.Err = errTooLarge
		}
		next++
		if err := each(v); err != nil {
			return err
		}
		return flushRemoved()
	})
	if err != nil {
		return err
	}
	return flushRemoved()
}

var errTooLarge = errors.New("larger than the 1 MiB a roadmap may be")

// Facts are the two facts of a file's history that lint's date rules and
// status read: RM016 counts a commit as a change to the plan, RM014 counts
// a commit made by `roadmap review --record --commit` as a review.
type Facts struct {
	// LastChange is the day of the last commit that touched the file;
	// zero when unknown.
	LastChange civil.Date
	// Reviews are the latest review dates found in commit subjects, by
	// checkpoint kind (cadence.Checkin, …).
	Reviews map[string]civil.Date
}

// FactsOf reads path's Facts from p. Where p cannot answer, the Facts are
// empty, so the date rules read the review log alone, and fallbacks
// records why for the caller to say once. The file's modification time is
// not used: a fresh checkout or a copy would make every plan look
// current. Dates after today are ignored for the same reason.
func FactsOf(p Provider, path string, today civil.Date, fallbacks *Fallbacks) Facts {
	var f Facts
	commits, err := p.Log(path)
	if err != nil {
		fallbacks.Add(err)
		return f
	}
	for _, c := range commits {
		if d := civil.Of(c.Time); !d.After(today) && d.After(f.LastChange) {
			f.LastChange = d
		}
	}
	f.Reviews = review.DatesFromCommits(commits, today)
	return f
}

// FactsFunc is FactsOf for many files, as lint.RunOptions.History takes it.
func FactsFunc(p Provider, today civil.Date, fallbacks *Fallbacks) func(path string) Facts {
	return func(path string) Facts { return FactsOf(p, path, today, fallbacks) }
}
