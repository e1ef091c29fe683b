package cmdutil

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// StringEnumFlag registers a string flag limited to options, with shell
// completion of those options and the choices listed in --help.
func StringEnumFlag(cmd *cobra.Command, p *string, name, short, defaultValue string, options []string, usage string) {
	cmd.Flags().VarP(&enumValue{value: p, options: options}, name, short,
		fmt.Sprintf("%s: {%s}", usage, strings.Join(options, "|")))
	*p = defaultValue
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return options, cobra.ShellCompDirectiveNoFileComp
	})
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
	return fmt.Errorf("valid values are %s", strings.Join(quoteAll(e.options), ", "))
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
