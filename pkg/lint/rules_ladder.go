package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/roadmapcli/roadmap/pkg/ladder"
)

// checkLadderKnown (RM022) checks current and target ladder and level ids
// against the ladders in effect: the built-in ones and the repository's
// ladders/ beside its .roadmap.yaml. A near miss is a warning with "did you
// mean"; a known track with a level it lacks is a warning listing its
// levels; a track far from every known one (a career changer's `teacher`)
// is only information: gap cannot compare it, and a ladder file can be
// added for it.
func checkLadderKnown(c *Context) {
	if c.Ladders == nil {
		return
	}
	fm := c.Doc.Frontmatter
	c.checkRole("current.ladder", "current.level", fm.Current.Ladder, fm.Current.Level)
	c.checkRole("target.ladder", "target.level", fm.Target.Ladder, fm.Target.Level)
}

// knownRoles remembers, per set of ladders, the ladder and level pairs
// found known: a team's roadmaps name the same few, and looking a level up
// folds the case of every level of its track.
var knownRoles sync.Map // knownRole → struct{}

type knownRole struct {
	set          *ladder.Set
	track, level string
}

func (c *Context) checkRole(trackPath, levelPath, trackID, levelName string) {
	key := knownRole{c.Ladders, trackID, levelName}
	if _, ok := knownRoles.Load(key); ok {
		return
	}
	if c.roleProblem(trackPath, levelPath, trackID, levelName) {
		return
	}
	knownRoles.Store(key, struct{}{})
}

// roleProblem reports what is wrong with a ladder and level, and whether
// anything was (or could not be checked).
func (c *Context) roleProblem(trackPath, levelPath, trackID, levelName string) bool {
	n := len(c.findings)
	c.checkRoleOnce(trackPath, levelPath, trackID, levelName)
	return len(c.findings) > n || c.Doc.FieldProblem(trackPath) || c.Doc.FieldProblem(levelPath) ||
		unfilledValue(trackID) || unfilledValue(levelName)
}

func (c *Context) checkRoleOnce(trackPath, levelPath, trackID, levelName string) {
	if strings.TrimSpace(trackID) == "" || unfilledValue(trackID) || c.Doc.FieldProblem(trackPath) {
		return
	}
	t, err := c.Ladders.Track(trackID)
	if err != nil {
		ids := c.Ladders.IDs()
		if sug := ladder.Nearest(trackID, ids); sug != "" {
			c.Report(c.valuePos(trackPath, trackID, 0), c.valuePos(trackPath, trackID, len(trackID)),
				fmt.Sprintf("%s: %q is not a known ladder", trackPath, trackID),
				fmt.Sprintf("did you mean %q? `roadmap ladder list` lists the ladders", sug))
			c.Annotate("unknown-ladder", trackPath, ladder.Unique(trackID, ids))
			return
		}
		c.reportSeverity(min(c.severity, Info), c.valuePos(trackPath, trackID, 0), c.valuePos(trackPath, trackID, len(trackID)),
			fmt.Sprintf("%s: %q is not a ladder roadmap knows, so gap cannot compare its levels", trackPath, trackID),
			"to compare it, write its ladder in the format docs/ladders.md describes: "+ladder.AddHint(filepath.Dir(c.Doc.Path), ladder.FileName(trackID), false)+"; `roadmap ladder list` lists the built-in ones")
		c.Annotate("unknown-ladder", trackPath, "")
		return
	}
	if strings.TrimSpace(levelName) == "" || unfilledValue(levelName) || c.Doc.FieldProblem(levelPath) {
		return
	}
	if _, err := t.Level(levelName); err == nil {
		return
	}
	names := t.LevelIDs()
	known := append([]string(nil), names...)
	for _, l := range t.Levels {
		known = append(known, l.Aliases...)
	}
	start, end := c.valuePos(levelPath, levelName, 0), c.valuePos(levelPath, levelName, len(levelName))
	if sug := ladder.Nearest(levelName, known); sug != "" {
		if l, err := t.Level(sug); err == nil {
			sug = l.ID
		}
		c.Report(start, end, fmt.Sprintf("%s: %q is not a level of %s", levelPath, levelName, t.ID),
			fmt.Sprintf("did you mean %q? its levels: %s", sug, strings.Join(names, ", ")))
		unique := ""
		if u := ladder.Unique(levelName, known); u != "" {
			if l, err := t.Level(u); err == nil {
				unique = l.ID
			}
		}
		c.Annotate("unknown-level", levelPath, unique)
		return
	}
	c.Report(start, end, fmt.Sprintf("%s: %q is not a level of %s", levelPath, levelName, t.ID),
		fmt.Sprintf("use one of its levels: %s; `roadmap ladder show %s` describes them", strings.Join(names, ", "), t.ID))
	c.Annotate("unknown-level", levelPath, "")
}

// fileName is a track id as a file name: what ladders/ID.yaml would be.

var (
	builtinLaddersOnce sync.Once
	builtinLadders     *ladder.Set
	builtinLaddersErr  error
)

// laddersFor returns the ladders in effect for files under cfg: the
// built-in ones, and the ladders/ directory beside the configuration file
// when there is one. Each configuration loads them once.
func laddersFor(cfg *Config) (*ladder.Set, error) {
	if cfg != nil {
		dir := filepath.Join(cfg.Dir, ladder.LaddersDirName)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			cfg.laddersOnce.Do(func() {
				// Named as the configuration is, so messages show the
				// path the way the user reaches it.
				shown := filepath.Join(filepath.Dir(cfg.Path), ladder.LaddersDirName)
				if st, err := os.Stat(shown); err != nil || !st.IsDir() {
					shown = dir
				}
				cfg.ladders, cfg.laddersErr = ladder.Load(ladder.Options{Dir: shown})
			})
			return cfg.ladders, cfg.laddersErr
		}
	}
	builtinLaddersOnce.Do(func() { builtinLadders, builtinLaddersErr = ladder.BuiltIn() })
	return builtinLadders, builtinLaddersErr
}
