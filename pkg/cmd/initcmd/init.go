// Package initcmd implements `roadmap init`: scaffold a new roadmap file
// from the template of its kind, prefilled from flags or from answers typed
// at a terminal, with placeholders for the rest.
package initcmd

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/atomicfile"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/scaffold"
)

// DefaultFile is where init writes when no FILE is given.
const DefaultFile = "roadmap.md"

// Options are init's inputs, filled by NewCmdInit.
type Options struct {
	IO    *iostreams.IOStreams
	Today func() civil.Date

	File  string // "-" writes to standard output
	Kind  string
	Force bool

	Title    string
	Owner    string
	Horizon  string // "" is the kind's default
	Started  string // YYYY-MM-DD; "" is today
	TargetBy string // YYYY-MM-DD; "" is today + horizon

	CurrentRole   string
	CurrentLevel  string
	CurrentLadder string // "" is Ladder

	TargetRole  string
	TargetLevel string
	Ladder      string
	Industry    string
	Companies   []string
	Actions     []string

	// What the kind's own section decides: career-change's months of
	// bridge work, stalled's month growth stopped and decision date,
	// explore's other candidate roles and date to pick.
	BridgeMonths int
	StalledSince string
	DecideBy     string // YYYY-MM-DD
	Candidates   []string
	PickBy       string // YYYY-MM-DD

	// currentNoLevel is set when the person said their own track has no
	// level.
	currentNoLevel bool
	// kindGiven is set when --kind was given: a terminal is not asked.
	kindGiven bool
}

// kindSummaries say what each kind is for, in Kinds order: init's --help
// and its first question list them.
// (short is the question's line).
var kindSummaries = []struct{ kind, summary, short string }{
	{scaffold.Promotion, "the path to the next level on your ladder (horizon 2y)", "the next level on your ladder"},
	{scaffold.CareerChange, "bridge work with an artifact per milestone, then the job search (Bridge work section; horizon 12m)", "into another field, by bridge work, then the job search"},
	{scaffold.Stalled, "growth stopped for a year or more: stay or switch, and by when (Decision section; horizon 18m)", "growth stopped: stay or switch, and by when"},
	{scaffold.Explore, "no target yet: 3-5 candidate roles, people to talk to, a date to pick (Candidates section; horizon 12m)", "no target yet: compare 3-5 candidate roles"},
}

// kindHelp is the Kinds list of --help, each summary wrapped under itself.
func kindHelp() string {
	var b strings.Builder
	for _, k := range kindSummaries {
		line := fmt.Sprintf("  %-15s ", k.kind)
		indent := strings.Repeat(" ", len(line))
		for _, w := range strings.Fields(k.summary) {
			if len(line)+1+len(w) > 76 && strings.TrimSpace(line) != "" && !strings.HasSuffix(line, " ") {
				b.WriteString(line + "\n")
				line = indent
			} else if !strings.HasSuffix(line, " ") {
				line += " "
			}
			line += w
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// NewCmdInit builds the command. runF replaces initRun in flag tests.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Scaffold a new roadmap from a template",
		Long: `Write a new roadmap (default roadmap.md) from the template of its kind:
a named target, the gap in four dimensions (skills, scope, mentorship,
visibility) with an Evidence line each, exactly three 30-day actions, a
sketch of the next quarter, years 2-3 as a hypothesis, the review cadence,
the kind's own section and an empty review log.

Kinds:
` + kindHelp() + `
Flags prefill the file. On a terminal, init asks for what the flags did
not give, in the words of the kind: the kind itself when --kind is not
given (Enter keeps promotion); the owner; the current and the target
track, picked by number or id from the ladders in effect (a near miss is
asked again with "did you mean"; a career changer may name a track of
their own, such as teacher, with a level in their own words or none); the
level on each track, by number, id, alias (L5) or title, written as its id;
the titles (the level's title by default); the industry and companies;
what the kind decides (career-change: months of bridge work; stalled: when
growth stopped and the date to decide; explore: the other candidate roles
and the date to pick); and the three actions, with the kind's examples.
An empty answer, or no terminal, leaves a [TODO: ...] placeholder, which
'roadmap lint' reports until it is filled in.

Kind-specific flags: --bridge-months (career-change, 6 to 12), --stalled-since
and --decide-by (stalled), --candidate (up to 4 besides the target) and
--pick-by (explore).

The three actions are, in order, a project (due today+7), a course
(today+14) and a person to talk to (today+21). An --action keeps its own
(project), (course) or (person) marker and its own "due YYYY-MM-DD" or
"by YYYY-MM-DD" when it has them; otherwise the slot's marker and
"— due DATE" are added.

init never overwrites a file unless --force is given, and writes through a
temporary file renamed into place; directories FILE names that do not exist
yet are created. FILE "-" writes to standard output.`,
		Example: `  # A promotion roadmap with placeholders to fill in
  roadmap init

  # A career change, fully prefilled, written to a file of its own
  roadmap init --kind career-change plans/ana.md \
    --owner "Ana Souza" --current-role "Software Engineer" --current-level mid \
    --ladder product-manager --current-ladder software-engineer \
    --target-role "Product Manager" --target-level pm --industry "developer tools" \
    --company GitLab --company JetBrains \
    --action "Write a product brief for the deploy dashboard" \
    --action "Enroll in the \"Product Management Fundamentals\" course" \
    --action "Ask Lena Park (PM, Platform) about her first year as a PM"

  # Print to standard output and read it back
  roadmap init --kind stalled - | roadmap show -`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cmdutil.FlagErrorf("init takes at most one FILE, got %d", len(args))
			}
			return nil
		},
		ValidArgsFunction: cmdutil.CompleteRoadmapFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = DefaultFile
			opts.kindGiven = cmd.Flags().Changed("kind")
			if len(args) == 1 {
				opts.File = args[0]
			}
			if _, err := opts.settings(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	fl := cmd.Flags()
	cmdutil.StringEnumFlag(cmd, &opts.Kind, "kind", "k", scaffold.Promotion, scaffold.Kinds, "kind of roadmap")
	fl.BoolVarP(&opts.Force, "force", "f", false, "overwrite FILE if it exists")
	fl.StringVar(&opts.Title, "title", "", "title of the roadmap (default: derived from --target-role)")
	fl.StringVar(&opts.Owner, "owner", "", "whose roadmap this is")
	fl.StringVar(&opts.Horizon, "horizon", "", "how far the plan reaches, Ny or Nm within 12m..36m (default: by kind)")
	fl.StringVar(&opts.Started, "started", "", "start date of the plan, YYYY-MM-DD (default: today)")
	fl.StringVar(&opts.TargetBy, "target-by", "", "date to reach the target, YYYY-MM-DD (default: today + horizon)")
	fl.StringVar(&opts.CurrentRole, "current-role", "", "your current title, e.g. \"Senior Software Engineer\"")
	fl.StringVar(&opts.CurrentLevel, "current-level", "", "your current level id on the ladder, e.g. senior")
	fl.StringVar(&opts.CurrentLadder, "current-ladder", "", "track id of your current role (default: --ladder)")
	fl.StringVar(&opts.TargetRole, "target-role", "", "target title, e.g. \"Staff Software Engineer\"")
	fl.StringVar(&opts.TargetLevel, "target-level", "", "target level id on the ladder, e.g. staff")
	fl.StringVar(&opts.Ladder, "ladder", "", "track id of the target (and current) role, e.g. software-engineer")
	fl.StringVar(&opts.Industry, "industry", "", "industry of the target role, e.g. \"B2B SaaS\"")
	fl.StringArrayVar(&opts.Companies, "company", nil, "an example company for the target (repeat 2-3 times)")
	fl.StringArrayVar(&opts.Actions, "action", nil, "a 30-day action: project, course, person, in that order (repeat up to 3 times)")
	fl.IntVar(&opts.BridgeMonths, "bridge-months", 0, "career-change: months of bridge work before the job search, 6 to 12 (default: two thirds of the horizon)")
	fl.StringVar(&opts.StalledSince, "stalled-since", "", "stalled: when growth stopped, e.g. \"September 2025\"")
	fl.StringVar(&opts.DecideBy, "decide-by", "", "stalled: the date to decide between staying and switching, YYYY-MM-DD (default: start + 2 months)")
	fl.StringArrayVar(&opts.Candidates, "candidate", nil, "explore: a candidate role besides the target, the front-runner (repeat; 5 roles in all at most)")
	fl.StringVar(&opts.PickBy, "pick-by", "", "explore: the date to pick the target, YYYY-MM-DD (default: start + half the horizon, 6 months at most)")
	_ = cmd.RegisterFlagCompletionFunc("ladder", completeLadders)
	_ = cmd.RegisterFlagCompletionFunc("current-ladder", completeLadders)
	_ = cmd.RegisterFlagCompletionFunc("current-level", completeLevels("current-ladder", "ladder"))
	_ = cmd.RegisterFlagCompletionFunc("target-level", completeLevels("ladder"))
	_ = cmd.RegisterFlagCompletionFunc("horizon", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"12m", "18m", "2y", "30m", "3y"}, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func completeLadders(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return completeLaddersIDs(), cobra.ShellCompDirectiveNoFileComp
}

// settings are the checked, parsed flag values.
type settings struct {
	horizon  string
	started  civil.Date
	targetBy civil.Date
	decideBy civil.Date
	pickBy   civil.Date
}

// kindFlags are the flags of one kind's section, and what each is for.
var kindFlags = []struct{ name, kind, what string }{
	{"bridge-months", scaffold.CareerChange, "the months of bridge work"},
	{"stalled-since", scaffold.Stalled, "when growth stopped"},
	{"decide-by", scaffold.Stalled, "the date to decide between staying and switching"},
	{"candidate", scaffold.Explore, "a candidate role"},
	{"pick-by", scaffold.Explore, "the date to pick a target among the candidates"},
}

// settings checks the flags that can be wrong on their own; every mistake
// is a usage error (exit 2).
func (o *Options) settings() (settings, error) {
	var s settings
	if !scaffold.ValidKind(o.Kind) {
		return s, cmdutil.FlagErrorf("invalid --kind %q: use one of %s", o.Kind, strings.Join(scaffold.Kinds, ", "))
	}
	if o.Horizon != "" {
		if _, err := scaffold.ParseHorizon(o.Horizon); err != nil {
			return s, cmdutil.FlagErrorf("invalid --horizon: %v", err)
		}
		s.horizon = strings.ToLower(strings.TrimSpace(o.Horizon))
	}
	var err error
	if o.Started != "" {
		if s.started, err = civil.Parse(o.Started); err != nil {
			return s, cmdutil.FlagErrorf("invalid --started: %v", err)
		}
	}
	if o.TargetBy != "" {
		if s.targetBy, err = civil.Parse(o.TargetBy); err != nil {
			return s, cmdutil.FlagErrorf("invalid --target-by: %v", err)
		}
	}
	if n := len(o.Companies); n > 3 {
		return s, cmdutil.FlagErrorf("--company given %d times: name 2 or 3 example companies", n)
	}
	if n := len(o.Actions); n > 3 {
		return s, cmdutil.FlagErrorf("--action given %d times: the next 30 days hold exactly 3 actions", n)
	}
	if o.File == "" {
		return s, cmdutil.FlagErrorf("FILE is empty: give a path, or - for standard output")
	}
	set := map[string]bool{"bridge-months": o.BridgeMonths != 0, "stalled-since": o.StalledSince != "",
		"decide-by": o.DecideBy != "", "candidate": len(o.Candidates) > 0, "pick-by": o.PickBy != ""}
	for _, f := range kindFlags {
		if set[f.name] && o.Kind != f.kind {
			return s, cmdutil.FlagErrorf("--%s is for --kind %s (%s), not %s", f.name, f.kind, f.what, o.Kind)
		}
	}
	if b := o.BridgeMonths; b != 0 && (b < scaffold.MinBridgeMonths || b > scaffold.MaxBridgeMonths) {
		return s, cmdutil.FlagErrorf("invalid --bridge-months %d: plan %d to %d months of bridge work", b, scaffold.MinBridgeMonths, scaffold.MaxBridgeMonths)
	}
	if o.DecideBy != "" {
		if s.decideBy, err = civil.Parse(o.DecideBy); err != nil {
			return s, cmdutil.FlagErrorf("invalid --decide-by: %v", err)
		}
	}
	if o.PickBy != "" {
		if s.pickBy, err = civil.Parse(o.PickBy); err != nil {
			return s, cmdutil.FlagErrorf("invalid --pick-by: %v", err)
		}
	}
	if n := len(o.Candidates); n > scaffold.MaxCandidates-1 {
		return s, cmdutil.FlagErrorf("--candidate given %d times: compare at most %d roles, the target among them", n, scaffold.MaxCandidates)
	}
	return s, nil
}

func initRun(opts *Options) error {
	s, err := opts.settings()
	if err != nil {
		return err
	}
	today := opts.Today()
	toStdout := opts.File == "-"
	if !toStdout {
		if err := checkTarget(opts.File, opts.Force); err != nil {
			return err
		}
	}

	set := laddersIn(laddersDir(opts.File))
	if opts.IO.CanPrompt() {
		if err := prompt(opts, set); err != nil {
			return err
		}
		// The answers are checked as the flags are.
		if s, err = opts.settings(); err != nil {
			return err
		}
	}

	if err := checkLadders(opts, set); err != nil {
		return err
	}
	currentLadder := opts.CurrentLadder
	if currentLadder == "" && opts.Kind != scaffold.CareerChange {
		currentLadder = opts.Ladder
	}
	// A track of the person's own has a level only if they give one.
	noLevel := opts.currentNoLevel
	if _, err := set.Track(currentLadder); err != nil && currentLadder != "" && opts.CurrentLevel == "" {
		noLevel = true
	}
	out, err := scaffold.Render(scaffold.Values{
		Kind:    opts.Kind,
		Title:   opts.Title,
		Owner:   opts.Owner,
		Today:   today,
		Started: s.started,
		Horizon: s.horizon,
		Current: scaffold.Role{Role: opts.CurrentRole, Ladder: currentLadder, Level: opts.CurrentLevel, NoLevel: noLevel},
		Target: scaffold.Target{
			Role: opts.TargetRole, Ladder: opts.Ladder, Level: opts.TargetLevel,
			Industry: opts.Industry, Companies: opts.Companies, By: s.targetBy,
		},
		Actions:      opts.Actions,
		BridgeMonths: opts.BridgeMonths,
		StalledSince: opts.StalledSince,
		DecideBy:     s.decideBy,
		Candidates:   opts.Candidates,
		PickBy:       s.pickBy,
		TargetLevel:  levelWords(set, opts.Ladder, opts.TargetLevel),
		CurrentLevel: levelWords(set, currentLadder, opts.CurrentLevel),
	})
	if err != nil {
		return cmdutil.FlagErrorf("%v", err)
	}

	if toStdout {
		_, err := opts.IO.Out.Write(out)
		return err
	}
	created, err := makeDirs(opts.File)
	if err != nil {
		return err
	}
	if err := write(opts.File, out, opts.Force); err != nil {
		return err
	}
	if created != "" {
		fmt.Fprintf(opts.IO.ErrOut, "Created the directory %s.\n", safetext.Name(created))
	}
	hint(opts.IO.ErrOut, opts.File, scaffold.CountPlaceholders(out))
	return nil
}

// write puts the roadmap in place atomically. Without force it never
// replaces a file, even one created after checkTarget looked (while the
// prompts waited for answers, or by another process).
func write(path string, data []byte, force bool) error {
	if force {
		err := atomicfile.WriteFile(path, data, 0o644)
		var ro *atomicfile.ReadOnlyError
		var hl *atomicfile.HardLinkError
		switch {
		case errors.As(err, &ro) || errors.As(err, &hl):
			return &cmdutil.InputError{Err: err}
		case err != nil:
			return fmt.Errorf("write %s: %w", safetext.Name(path), err)
		}
		return nil
	}
	err := atomicfile.WriteFileNoReplace(path, data, 0o644)
	switch {
	case errors.Is(err, fs.ErrExist):
		return &cmdutil.InputError{Err: fmt.Errorf("%s already exists (use --force to overwrite it)", safetext.Name(path))}
	case err != nil:
		return fmt.Errorf("write %s: %w", safetext.Name(path), err)
	}
	return nil
}

// checkTarget refuses to overwrite a file without force, and says clearly
// when the directory to write into does not exist.
func checkTarget(path string, force bool) error {
	// A path ending in a separator names a directory, whether or not it
	// exists yet: refuse before anything is created.
	if strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator)) {
		return &cmdutil.InputError{Err: fmt.Errorf("%s names a directory (give a file name, e.g. %s)", safetext.Name(path), safetext.Name(filepath.Join(path, DefaultFile)))}
	}
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return &cmdutil.InputError{Err: fmt.Errorf("%s is a directory (give a file name, e.g. %s)", safetext.Name(path), safetext.Name(filepath.Join(path, DefaultFile)))}
	case err == nil && !force:
		return &cmdutil.InputError{Err: fmt.Errorf("%s already exists (use --force to overwrite it)", safetext.Name(path))}
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR):
		return &cmdutil.InputError{Err: fmt.Errorf("%s: %v", safetext.Name(path), unwrapPath(err))}
	}
	// A missing directory is created when the file is written (the
	// README's own `init plans/ana.md` in a fresh clone); the nearest one
	// that exists must be a directory.
	dir := filepath.Dir(path)
	for {
		dinfo, err := os.Stat(dir)
		switch {
		case (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) && filepath.Dir(dir) != dir:
			dir = filepath.Dir(dir)
			continue
		case err != nil:
			return &cmdutil.InputError{Err: fmt.Errorf("%s: %v", safetext.Name(path), unwrapPath(err))}
		case !dinfo.IsDir():
			return &cmdutil.InputError{Err: fmt.Errorf("%s: %s is not a directory (choose another path)", safetext.Name(path), safetext.Name(dir))}
		}
		return nil
	}
}

// makeDirs creates the directories path needs and returns the first one
// it created ("" when all existed), for the message.
func makeDirs(path string) (string, error) {
	dir := filepath.Dir(path)
	first := ""
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		first = d
	}
	if first == "" {
		return "", nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", &cmdutil.InputError{Err: fmt.Errorf("%s: cannot create directory %s: %v", safetext.Name(path), safetext.Name(dir), unwrapPath(err))}
	}
	return first, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// hint tells what to do next: fill in the placeholders, then check.
func hint(w io.Writer, file string, placeholders int) {
	q := cmdutil.ShellQuote(file)
	file = safetext.Name(file)
	switch placeholders {
	case 0:
		fmt.Fprintf(w, "Wrote %s. Next: roadmap lint %s\n", file, q)
	case 1:
		fmt.Fprintf(w, "Wrote %s with 1 [TODO: ...] placeholder to fill in. Next: edit it, then roadmap lint %s\n", file, q)
	default:
		fmt.Fprintf(w, "Wrote %s with %d [TODO: ...] placeholders to fill in. Next: edit it, then roadmap lint %s\n", file, placeholders, q)
	}
}
