// Package cli builds the root command and maps every error to an exit code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/roadmapcli/roadmap/pkg/build"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// Main runs the CLI with args (without the program name) and returns the
// process exit code. It is the only place errors become exit codes.
func Main(args []string, ios *iostreams.IOStreams, getenv func(string) string) (code int) {
	if getenv == nil {
		getenv = os.Getenv
	}
	// A bug must not greet the user with a stack trace: say what happened,
	// where to report it, and exit 2. ROADMAP_DEBUG=1 shows the stack.
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(ios.ErrOut, "roadmap: internal error: %v\n", v)
			fmt.Fprintln(ios.ErrOut, "This is a bug in roadmap; please report it with the command you ran at https://github.com/roadmapcli/roadmap/issues")
			if getenv("ROADMAP_DEBUG") != "" {
				ios.ErrOut.Write(debug.Stack())
			}
			code = cmdutil.ExitError
		}
	}()
	root := NewRootCmd(ios, getenv)
	root.SetArgs(args)
	defer ios.Flush()
	cmd, err := root.ExecuteContextC(context.Background())
	if err == nil {
		return cmdutil.ExitOK
	}
	printError(ios, cmd, err)
	return cmdutil.ExitCode(err)
}

// printError says what went wrong; after a usage error, where the usage
// of cmd (the command that refused, or the root) is.
func printError(ios *iostreams.IOStreams, cmd *cobra.Command, err error) {
	if errors.Is(err, cmdutil.ErrSilent) {
		return
	}
	// Flag errors come before the streams are sanitised, and quote what
	// was typed.
	msg := safetext.Text(strings.TrimRight(err.Error(), "\n"))
	var flagErr *cmdutil.FlagError
	var inputErr *cmdutil.InputError
	switch {
	case errors.As(err, &inputErr):
		fmt.Fprintln(ios.ErrOut, msg)
	case errors.As(err, &flagErr) || isCobraUsageError(msg):
		fmt.Fprintf(ios.ErrOut, "roadmap: %s\n", msg)
		fmt.Fprintln(ios.ErrOut, usageHint(cmd))
	default:
		fmt.Fprintf(ios.ErrOut, "roadmap: %s\n", msg)
	}
}

// usageHint points at the help of the command that refused: its own
// (`Run 'roadmap review --help' for usage.`), or the root's with the way
// to a command's when the root refused (an unknown command).
func usageHint(cmd *cobra.Command) string {
	if cmd == nil || !cmd.HasParent() {
		return "Run 'roadmap --help' or 'roadmap COMMAND --help' for usage."
	}
	return fmt.Sprintf("Run '%s --help' for usage.", cmd.CommandPath())
}

// cobra reports unknown commands and argument-count mistakes as plain errors.
func isCobraUsageError(msg string) bool {
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires at least", "requires at most"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// NewRootCmd wires every command to one Factory.
func NewRootCmd(ios *iostreams.IOStreams, getenv func(string) string) *cobra.Command {
	var todayFlag string
	colorFlag := iostreams.ColorAuto
	today := civil.Date{}
	f := &cmdutil.Factory{
		IOStreams: ios,
		Getenv:    getenv,
		Today:     func() civil.Date { return today },
		History:   history.Default,
	}

	root := &cobra.Command{
		Use:   "roadmap <command>",
		Short: "Plan your career as a Markdown file kept in git",
		Long: `roadmap treats a career roadmap as a Markdown file with YAML frontmatter:
a named target role, the gap to it, three concrete actions for the next
30 days, a sketch of the next quarter, a hypothesis for years 2-3, and a
review cadence that keeps the plan alive.`,
		Example: `  # Start a promotion roadmap, then see what the tool understood
  roadmap init --kind promotion roadmap.md
  roadmap show roadmap.md

  # Every date rule can be pinned, for reproducible output in CI
  roadmap show roadmap.md --today 2026-11-21`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       build.Current().String(),
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			ios.SetColorMode(colorFlag)
			// Everything a command prints goes through one sanitiser, so
			// no control character from a file reaches the terminal raw.
			if cmd.Annotations[cmdutil.AnnotationRawOutput] == "" {
				ios.Sanitize()
			}
			d, err := resolveToday(todayFlag, getenv)
			if err != nil {
				return err
			}
			today = d
			return nil
		},
	}
	root.SetVersionTemplate("roadmap version {{.Version}}\n")
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetIn(ios.In)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return cmdutil.FlagErrorWrap(flagTypo(cmd, err)) })
	root.PersistentFlags().StringVar(&todayFlag, "today", "",
		"treat this date (YYYY-MM-DD) as today in every date computation (env ROADMAP_TODAY)")
	cmdutil.PersistentStringEnumFlag(root, &colorFlag, "color", iostreams.ColorAuto, iostreams.ColorModes,
		"colour: auto (on a terminal, unless NO_COLOR is set), always or never")
	root.CompletionOptions.HiddenDefaultCmd = false

	addCommands(root, f)
	root.InitDefaultCompletionCmd()
	root.SetHelpCommand(newHelpCmd())
	strictGroups(root)
	return root
}

// strictGroups makes every command group (the root, ladder, completion)
// refuse what is not one of its commands, in one wording: cobra runs a
// group without a Run as "print help, exit 0", so `roadmap ladder lsit`
// looked like success.
func strictGroups(c *cobra.Command) {
	for _, sub := range c.Commands() {
		strictGroups(sub)
	}
	if !c.HasSubCommands() || c.Runnable() {
		return
	}
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		return unknownCommand(cmd, args[0])
	}
}

// unknownCommand is the usage error for a name that is not one of
// parent's commands: the nearest one, and the list.
func unknownCommand(parent *cobra.Command, name string) error {
	var names []string
	for _, c := range parent.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	msg := fmt.Sprintf("unknown command %q for %q", name, parent.CommandPath())
	if s := suggest.Nearest(name, names); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	}
	return cmdutil.FlagErrorf("%s (its commands: %s)", msg, strings.Join(names, ", "))
}

// newHelpCmd is `roadmap help [COMMAND]`, which says so when the command
// does not exist instead of printing the usage and exiting 0.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil || cmd == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, sub.Name())
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil {
				return cmdutil.FlagErrorWrap(err)
			}
			if len(rest) > 0 {
				return unknownCommand(cmd, rest[0])
			}
			return cmd.Help()
		},
	}
}

// flagTypo adds "did you mean --format?" to pflag's unknown-flag error.
func flagTypo(cmd *cobra.Command, err error) error {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return err
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	})
	if s := suggest.Nearest(name, names); s != "" {
		return fmt.Errorf("%w (did you mean --%s?)", err, s)
	}
	return err
}

func resolveToday(flagValue string, getenv func(string) string) (civil.Date, error) {
	if flagValue != "" {
		d, err := civil.Parse(flagValue)
		if err != nil {
			return civil.Date{}, cmdutil.FlagErrorf("invalid --today: %v", err)
		}
		return d, nil
	}
	if v := getenv("ROADMAP_TODAY"); v != "" {
		d, err := civil.Parse(v)
		if err != nil {
			return civil.Date{}, cmdutil.FlagErrorf("invalid ROADMAP_TODAY: %v", err)
		}
		return d, nil
	}
	return civil.Today(), nil
}
