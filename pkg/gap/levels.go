package gap

import (
	"errors"
	"fmt"
	"path/filepath"
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

// Outside is a missing current level: the roadmap's current role is on no
// ladder (a teacher moving into tech), or no current level was given.
type Outside struct {
	// Roadmap is true when the roadmap's frontmatter was read; false for
	// `gap --to` alone.
	Roadmap bool
	// Role is the roadmap's current.role ("" without one).
	Role string
	// Ladder is the current.ladder the roadmap names when it is on no
	// known ladder ("" when it names none).
	Ladder string
	// Dir is the roadmap's directory, where the ladders it would find
	// are looked for ("" is the current directory).
	Dir string
}

func (o *Outside) dir() string {
	if o.Dir == "" {
		return "."
	}
	return o.Dir
}

// Message says why only the target side is shown and how to add the
// current side.
func (o *Outside) Message() string {
	const only = "so the rows show only what the target expects"
	switch {
	case o.Ladder != "":
		return fmt.Sprintf("current.ladder %q is not on any ladder, %s. To compare both sides, describe it "+
			"(format: docs/ladders.md) with current.level as one of its levels: %s.",
			o.Ladder, only, ladder.AddHint(o.dir(), ladder.FileName(o.Ladder), true))
	case o.Role != "":
		return fmt.Sprintf("The current role (%s) is not on any ladder, %s. To compare both sides, describe it "+
			"(format: docs/ladders.md): %s; then set current.ladder and current.level.", o.Role, only, ladder.AddHint(o.dir(), "ID", true))
	case o.Roadmap:
		return "The roadmap names no current role, " + only + ". Add current.role, current.ladder and current.level " +
			"to compare both sides (a role on no ladder: describe it in ladders/ID.yaml, see docs/ladders.md)."
	}
	return "No current level was given, " + only + ". Add --from TRACK/LEVEL to compare two levels."
}

// Levels finds a roadmap's current and target levels on the ladders, from
// current.ladder/current.level and target.ladder/target.level. When one
// side names no ladder, the other side's is tried (a promotion stays on
// its track); if the level is not on it, the missing key is reported.
//
// A current role outside every ladder is not an error: from is nil and
// outside says why. That is a career change or an exploration whose
// current side names no ladder (and, outside a career change, no level
// either: a career change does not stay on its target's track), or any
// roadmap whose current.ladder is far from every known track. A promotion
// or a stall without a current level is reported as before.
func Levels(set *ladder.Set, doc *roadmap.Document) (from, to *ladder.Level, outside *Outside, err error) {
	fm := doc.Frontmatter
	e := &LevelError{File: doc.Path}
	cur := fm.Current
	// A promotion or a stall stays on its track: a missing current level
	// there is a mistake to report, not a role outside the ladders.
	staying := fm.Kind == roadmap.KindPromotion || fm.Kind == roadmap.KindStalled
	switch ladderID := strings.TrimSpace(cur.Ladder); {
	case ladderID == "" && !staying && (strings.TrimSpace(cur.Level) == "" || fm.Kind == roadmap.KindCareerChange):
		outside = &Outside{Roadmap: true, Role: strings.TrimSpace(cur.Role), Dir: filepath.Dir(doc.Path)}
	case ladderID != "":
		if _, terr := set.Track(ladderID); terr != nil && ladder.Nearest(ladderID, set.IDs()) == "" {
			outside = &Outside{Roadmap: true, Role: strings.TrimSpace(cur.Role), Ladder: ladderID, Dir: filepath.Dir(doc.Path)}
		}
	}
	if outside == nil {
		from = resolveSide(set, doc, "current", fm.Current, fm.Target.Ladder, e)
	}
	otherLadder := fm.Current.Ladder
	if outside != nil {
		otherLadder = ""
	}
	to = resolveSide(set, doc, "target", fm.Target.Role, otherLadder, e)
	if len(e.Problems) > 0 {
		return nil, nil, nil, e
	}
	return from, to, outside, nil
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
