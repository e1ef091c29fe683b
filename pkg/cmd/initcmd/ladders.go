package initcmd

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/scaffold"
)

// checkLadders refuses a track or level id that is a near miss of a known
// one, with the suggestion lint's RM022 would give, and a level its known
// track does not have: written into the file they would only make `gap`
// fail later. A track far from every known one (a career changer's
// `teacher`) is the person's own, and stays. The ladders are those in
// effect where the roadmap is written: built-in, and the repository's
// ladders/ beside the nearest .roadmap.yaml.
func checkLadders(o *Options, set *ladder.Set) error {
	if set == nil {
		return nil // no ladders to check against; lint says more
	}
	current := o.CurrentLadder
	currentFlag := "current-ladder"
	if current == "" && o.Kind != scaffold.CareerChange {
		current, currentFlag = o.Ladder, "ladder"
	}
	for _, r := range []struct{ trackFlag, track, levelFlag, level string }{
		{"ladder", o.Ladder, "target-level", o.TargetLevel},
		{currentFlag, current, "current-level", o.CurrentLevel},
	} {
		if r.track == "" {
			continue
		}
		t, err := set.Track(r.track)
		if err != nil {
			var u *ladder.UnknownError
			if errors.As(err, &u) && u.Suggestion() != "" {
				return cmdutil.FlagErrorf("--%s: %v", r.trackFlag, err)
			}
			continue
		}
		if r.level == "" {
			continue
		}
		if _, err := t.Level(r.level); err != nil {
			return cmdutil.FlagErrorf("--%s: %v", r.levelFlag, err)
		}
	}
	return nil
}

// laddersIn are the ladders in effect for a roadmap written in dir: the
// built-in ones and the repository's; the built-in ones alone when the
// repository's cannot be read (lint reports that); nil when none can.
func laddersIn(dir string) *ladder.Set {
	set, err := ladder.Load(ladder.Options{StartDir: dir})
	if err != nil {
		if set, err = ladder.BuiltIn(); err != nil {
			return nil
		}
	}
	return set
}

// laddersDir is where the roadmap will be written, for finding the
// repository's ladders.
func laddersDir(file string) string {
	if file == "-" {
		return "."
	}
	return filepath.Dir(file)
}

// completionSet is the ladders in effect here, for shell completion.
func completionSet() *ladder.Set {
	set, err := ladder.Load(ladder.Options{StartDir: "."})
	if err != nil {
		if set, err = ladder.BuiltIn(); err != nil {
			return nil
		}
	}
	return set
}

// completeLaddersIDs offers the track ids of the ladders in effect here.
func completeLaddersIDs() []string {
	set := completionSet()
	if set == nil {
		return nil
	}
	return set.IDs()
}

// completeLevels offers the levels (id and title) of the track the first
// of trackFlags that is set names: --current-level completes on
// --current-ladder, else --ladder, as init reads them.
func completeLevels(trackFlags ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		set := completionSet()
		if set == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		for _, f := range trackFlags {
			id, _ := cmd.Flags().GetString(f)
			if id == "" {
				continue
			}
			t, err := set.Track(id)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, l := range t.Levels {
				if strings.HasPrefix(l.ID, strings.ToLower(toComplete)) {
					out = append(out, l.ID+"\t"+l.Title)
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// levelWords is what the ladders say of a level, for the template's
// examples; nil when they do not know it.
func levelWords(set *ladder.Set, track, level string) *scaffold.LevelWords {
	if set == nil || track == "" || level == "" {
		return nil
	}
	t, err := set.Track(track)
	if err != nil {
		return nil
	}
	l, err := t.Level(level)
	if err != nil {
		return nil
	}
	return &scaffold.LevelWords{
		Management: l.Kind == ladder.KindManagement, Track: t.ID, Title: l.Title,
		Skills: l.Skills, Milestones: l.Milestones,
	}
}
