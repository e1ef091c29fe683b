package gap

import (
	"errors"
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// LevelError is a roadmap whose current or target level cannot be found
// on the ladders: a key is missing or names no known track or level. It
// prints as "FILE:LINE:COL: what (how to fix)", one line per problem.
type LevelError struct {
	File     string
	Problems []LevelProblem
}

// LevelProblem is one missing or wrong frontmatter key.
type LevelProblem struct {
	// Key is the frontmatter key to add or fix ("current.ladder").
	Key string
	// Line and Column point at the key's value when the key exists (or at
	// its parent when only the parent does); zero otherwise.
	Line, Column int
	Msg          string
	Hint         string
}

func (e *LevelError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		var b strings.Builder
		b.WriteString(e.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d:%d", p.Line, p.Column)
		}
		b.WriteString(": ")
		b.WriteString(p.Msg)
		if p.Hint != "" {
			fmt.Fprintf(&b, " (%s)", p.Hint)
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// Levels finds a roadmap's current and target levels on the ladders, from
// current.ladder/current.level and target.ladder/target.level. When one
// side names no ladder, the other side's is tried (a promotion stays on
// its track); if the level is not on it, the missing key is reported.
func Levels(set *ladder.Set, doc *roadmap.Document) (from, to *ladder.Level, err error) {
	fm := doc.Frontmatter
	e := &LevelError{File: doc.Path}
	from = resolveSide(set, doc, "current", fm.Current, fm.Target.Ladder, e)
	to = resolveSide(set, doc, "target", fm.Target.Role, fm.Current.Ladder, e)
	if len(e.Problems) > 0 {
		return nil, nil, e
	}
	return from, to, nil
}

func resolveSide(set *ladder.Set, doc *roadmap.Document, side string, r roadmap.Role, otherLadder string, e *LevelError) *ladder.Level {
	fields := doc.Frontmatter.Fields
	at := func(key string) (int, int) {
		for k := key; k != ""; {
			if p, ok := fields[k]; ok {
				return p.Line, p.Column
			}
			i := strings.LastIndexByte(k, '.')
			if i < 0 {
				break
			}
			k = k[:i]
		}
		return 0, 0
	}
	add := func(key, msg, hint string) {
		line, col := at(key)
		e.Problems = append(e.Problems, LevelProblem{Key: key, Line: line, Column: col, Msg: msg, Hint: hint})
	}
	ladderKey, levelKey := side+".ladder", side+".level"
	trackID := strings.TrimSpace(r.Ladder)
	borrowed := false
	if trackID == "" {
		if otherLadder == "" || strings.TrimSpace(r.Level) == "" {
			add(ladderKey, fmt.Sprintf("the frontmatter has no %s: gap needs the track of the %s role", ladderKey, side),
				fmt.Sprintf("add `ladder: TRACK` under `%s:`, one of: %s", side, strings.Join(set.IDs(), ", ")))
			if strings.TrimSpace(r.Level) == "" {
				add(levelKey, fmt.Sprintf("the frontmatter has no %s: gap needs the %s level", levelKey, side),
					fmt.Sprintf("add `level: LEVEL` under `%s:`; `roadmap ladder show TRACK` lists the levels", side))
			}
			return nil
		}
		trackID, borrowed = otherLadder, true
	}
	t, err := set.Track(trackID)
	if err != nil {
		// A borrowed ladder was already reported (or found) on its own side.
		if !borrowed {
			add(ladderKey, ladderKey+": "+err.Error(), "")
		}
		return nil
	}
	if strings.TrimSpace(r.Level) == "" {
		add(levelKey, fmt.Sprintf("the frontmatter has no %s: gap needs the %s level on %s", levelKey, side, t.ID),
			fmt.Sprintf("add `level: LEVEL` under `%s:`, one of: %s", side, strings.Join(t.LevelIDs(), ", ")))
		return nil
	}
	l, err := t.Level(r.Level)
	if err != nil {
		var u *ladder.UnknownError
		msg := levelKey + ": " + err.Error()
		hint := ""
		if errors.As(err, &u) && borrowed {
			hint = fmt.Sprintf("%s is not set, so the %s track %s was used: add `ladder: TRACK` under `%s:`",
				ladderKey, otherSide(side), t.ID, side)
		}
		add(levelKey, msg, hint)
		return nil
	}
	return l
}

func otherSide(side string) string {
	if side == "current" {
		return "target"
	}
	return "current"
}
