package cmdutil

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/report"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// StringEnumFlag registers a string flag limited to options, with shell
// completion of those options and the choices listed in --help.
func StringEnumFlag(cmd *cobra.Command, p *string, name, short, defaultValue string, options []string, usage string) {
	// Set before registering, so --help shows the default.
	*p = defaultValue
	cmd.Flags().VarP(&enumValue{value: p, options: options}, name, short,
		fmt.Sprintf("%s: {%s}", usage, strings.Join(options, "|")))
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return options, cobra.ShellCompDirectiveNoFileComp
	})
}

// FormatFlag registers --format with the output formats a command writes,
// the first being the default. The names and what each is for come from
// report's registry: --help lists the choices and the default, shell
// completion offers each with its description, and a typo gets the
// nearest name.
func FormatFlag(cmd *cobra.Command, p *string, formats ...string) {
	*p = formats[0]
	cmd.Flags().VarP(&enumValue{value: p, options: formats}, "format", "",
		fmt.Sprintf("output format: {%s}", strings.Join(formats, "|")))
	described := make([]string, len(formats))
	for i, f := range formats {
		described[i] = f + "\t" + report.FormatHelp(f)
	}
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return described, cobra.ShellCompDirectiveNoFileComp
	})
}

// PersistentStringEnumFlag is StringEnumFlag for a flag every
// subcommand inherits (--color).
func PersistentStringEnumFlag(cmd *cobra.Command, p *string, name, defaultValue string, options []string, usage string) {
	*p = defaultValue
	cmd.PersistentFlags().Var(&enumValue{value: p, options: options}, name,
		fmt.Sprintf("%s: {%s}", usage, strings.Join(options, "|")))
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return options, cobra.ShellCompDirectiveNoFileComp
	})
}

// OneRoadmapFile accepts exactly one FILE argument, a roadmap or - for
// standard input, as show, plan, history and export take.
func OneRoadmapFile(cmd *cobra.Command, args []string) error {
	if len(args) != 1 {
		return FlagErrorf("%s takes exactly one FILE (or - for standard input), got %d", cmd.Name(), len(args))
	}
	return nil
}

// CompleteRoadmapFile completes a command's one FILE argument with
// Markdown files, and nothing after it.
func CompleteRoadmapFile(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []string{"md", "markdown"}, cobra.ShellCompDirectiveFilterFileExt
}

// ExactArg accepts exactly one argument and, when it is missing, says
// in words what to give: "ladder show needs TRACK: …".
func ExactArg(name, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		path := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		switch {
		case len(args) == 0:
			return FlagErrorf("%s needs %s: %s", path, name, what)
		case len(args) > 1:
			return FlagErrorf("%s takes one %s, got %d (%s)", path, name, len(args), strings.Join(args, " "))
		}
		return nil
	}
}

type enumValue struct {
	value   *string
	options []string
}

func (e *enumValue) Set(v string) error {
	for _, o := range e.options {
		if strings.EqualFold(v, o) {
			*e.value = o
			return nil
		}
	}
	hint := ""
	if s := suggest.Nearest(v, e.options); s != "" {
		hint = fmt.Sprintf("did you mean %q? ", s)
	}
	return fmt.Errorf("%svalid values are %s", hint, strings.Join(quoteAll(e.options), ", "))
}

func (e *enumValue) String() string { return *e.value }
func (e *enumValue) Type() string   { return "string" }

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// StdinFilenameFlag registers --stdin-filename: the name standard input
// ("-") goes by in messages and, for a command that reads configuration
// or ladders, where they are looked for (InputDir). finds says what the
// name finds ("" when nothing: the name is for messages only).
func StdinFilenameFlag(cmd *cobra.Command, p *string, finds string) {
	usage := "name used for standard input in messages"
	if finds != "" {
		usage += " and to find its " + finds
	}
	cmd.Flags().StringVar(p, "stdin-filename", StdinDefaultName, usage)
}

// CompleteCommaList completes the last item of a comma-separated flag
// value (--columns level,t<TAB>): each option not chosen yet that starts
// with what is typed after the last comma, after the items already typed,
// so the shell continues the list instead of restarting it.
func CompleteCommaList(options []string, toComplete string) []string {
	done, last := "", toComplete
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done, last = toComplete[:i+1], toComplete[i+1:]
	}
	chosen := map[string]bool{}
	for _, c := range strings.Split(strings.TrimSuffix(done, ","), ",") {
		chosen[strings.ToLower(strings.TrimSpace(c))] = true
	}
	var out []string
	for _, o := range options {
		if !chosen[strings.ToLower(o)] && strings.HasPrefix(strings.ToLower(o), strings.ToLower(last)) {
			out = append(out, done+o)
		}
	}
	return out
}
