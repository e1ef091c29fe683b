// Package ladder implements `roadmap ladder list` and `roadmap ladder show`:
// role ladders as tables, from the built-in data and a repository's own
// ladders/*.yaml.
package ladder

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// NewCmdLadder is the `ladder` command group.
func NewCmdLadder(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ladder <command>",
		Short: "Role ladders: levels, expectations, evidence and pay, entry to executive",
		Long: `Role ladders describe a role from its first level to the executive ones:
what each level owns (scope), the skills it expects, the mentorship and
visibility it shows, the milestones that prove it, an indicative salary range
with its public source and year, and the levels it commonly leads to.

Built-in ladders are embedded in the binary. A repository can add tracks or
replace built-in ones with ladders/*.yaml beside its .roadmap.yaml, or with
--ladders DIR (see docs/ladders.md for the file format).`,
		Example: `  roadmap ladder list
  roadmap ladder show software-engineer --from senior --to principal
  roadmap ladder show product-manager --format markdown > pm-ladder.md`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(NewCmdList(f, nil))
	cmd.AddCommand(NewCmdShow(f, nil))
	return cmd
}

// AddLaddersFlag registers --ladders on a command that reads ladders.
func AddLaddersFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "ladders", "",
		"directory of ladder files (default: ladders/ beside the nearest .roadmap.yaml)")
	_ = cmd.MarkFlagDirname("ladders")
}

// Load reads the ladders for a command: --ladders DIR when given, else the
// repository's ladders/ found from startDir. Bad files become input errors
// (exit 2) whose message names the file and line.
func Load(dir, startDir string) (*ladder.Set, error) {
	s, err := ladder.Load(ladder.Options{Dir: dir, StartDir: startDir})
	if err != nil {
		var fe *ladder.FileError
		if errors.As(err, &fe) {
			return nil, &cmdutil.InputError{Err: err}
		}
		return nil, err
	}
	return s, nil
}

// UsageError turns unknown track and level names into usage errors (exit 2)
// that keep the suggestion and the list of known names.
func UsageError(err error) error {
	var u *ladder.UnknownError
	if errors.As(err, &u) {
		return cmdutil.FlagErrorWrap(err)
	}
	return err
}

// completionSet loads ladders for shell completion, honouring --ladders.
func completionSet(cmd *cobra.Command) *ladder.Set {
	dir, _ := cmd.Flags().GetString("ladders")
	s, err := ladder.Load(ladder.Options{Dir: dir, StartDir: "."})
	if err != nil {
		s, err = ladder.BuiltIn()
		if err != nil {
			return nil
		}
	}
	return s
}

// CompleteTrack completes a track id as the first argument.
func CompleteTrack(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	s := completionSet(cmd)
	if s == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return s.Complete(toComplete, false), cobra.ShellCompDirectiveNoFileComp
}

// CompleteLevelRef completes TRACK/LEVEL as the first argument.
func CompleteLevelRef(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	s := completionSet(cmd)
	if s == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return s.Complete(toComplete, true), cobra.ShellCompDirectiveNoFileComp
}

// completeLevelOfArg completes a level id of the track named by args[0].
func completeLevelOfArg(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	s := completionSet(cmd)
	if s == nil || len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	t, err := s.Track(args[0])
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, l := range t.Levels {
		out = append(out, l.ID+"\t"+safetext.Line(l.Title))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
