// Package historytest is a scripted history.Provider: tests hand a command
// the commits of a file without making a repository.
package historytest

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"time"

	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/history"
)

// Commit is one scripted commit of a file.
type Commit struct {
	Time    time.Time
	Author  string
	Subject string
	// Content is the file after the commit; Removed deletes it instead.
	Content string
	Removed bool
}

// Repo holds scripted files. A path it does not hold is outside every
// repository, as history.Git says of such a file.
type Repo struct {
	// Files maps a path, as the command is given it, to its commits,
	// oldest first. A path with no commits is in the repository but was
	// never committed.
	Files map[string][]Commit
	// Stats are what DiffStat answers for a path (zero when absent).
	Stats map[string]history.Stat
}

var _ history.Provider = (*Repo)(nil)

func (r *Repo) commits(path string) ([]Commit, error) {
	cs, ok := r.Files[filepath.Clean(path)]
	if !ok {
		return nil, &gitx.UnavailableError{Path: path, Reason: gitx.NotRepo}
	}
	return cs, nil
}

// commitOf names a scripted commit with a hash that stays the same from
// run to run.
func commitOf(path string, i int, c Commit) history.Commit {
	sum := sha1.Sum([]byte(fmt.Sprintf("%s\x00%d\x00%s", path, i, c.Subject)))
	author := c.Author
	if author == "" {
		author = "Ana Souza"
	}
	return history.Commit{Hash: hex.EncodeToString(sum[:]), Time: c.Time, AuthorTime: c.Time, Author: author, Subject: c.Subject}
}

// Log implements history.Provider.
func (r *Repo) Log(path string) ([]history.Commit, error) {
	cs, err := r.commits(path)
	if err != nil {
		return nil, err
	}
	out := make([]history.Commit, 0, len(cs))
	for i := len(cs) - 1; i >= 0; i-- {
		out = append(out, commitOf(path, i, cs[i]))
	}
	return out, nil
}

// Versions implements history.Provider.
func (r *Repo) Versions(path string, each func(history.Version) error) error {
	cs, err := r.commits(path)
	if err != nil {
		return err
	}
	for i, c := range cs {
		v := history.Version{Commit: commitOf(path, i, c), Removed: c.Removed}
		if !c.Removed {
			v.Content = []byte(c.Content)
		}
		if err := each(v); err != nil {
			return err
		}
	}
	return nil
}

// DiffStat implements history.Provider.
func (r *Repo) DiffStat(path string, _ time.Time) (history.Stat, error) {
	if _, err := r.commits(path); err != nil {
		return history.Stat{}, err
	}
	return r.Stats[filepath.Clean(path)], nil
}
