package cli

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// Every command's --format comes from the one registry: the choices and
// the default in --help, each choice with what it is for in completion,
// and the nearest choice for a typo.
func TestEveryFormatFlagUsesTheRegistry(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(ios, env(nil))
	var cmds []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("format") != nil {
			cmds = append(cmds, c)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(cmds) < 11 {
		t.Fatalf("only %d commands have --format", len(cmds))
	}
	for _, c := range cmds {
		path := c.CommandPath()
		f := c.Flags().Lookup("format")
		complete, ok := c.GetFlagCompletionFunc("format")
		if !ok {
			t.Errorf("%s --format has no completion", path)
			continue
		}
		offered, _ := complete(c, nil, "")
		var names []string
		for _, o := range offered {
			name, help, ok := strings.Cut(o, "\t")
			if !ok || help != report.FormatHelp(name) {
				t.Errorf("%s --format completes %q, want the name and the registry's description", path, o)
			}
			names = append(names, name)
		}
		if want := "output format: {" + strings.Join(names, "|") + "}"; f.Usage != want {
			t.Errorf("%s --format usage %q, want %q", path, f.Usage, want)
		}
		if len(names) == 0 || f.DefValue != names[0] {
			t.Errorf("%s --format default %q, want the first choice of %v shown in --help", path, f.DefValue, names)
		}
		if err := f.Value.Set("jsn"); names[len(names)-1] == "json" && (err == nil || !strings.Contains(err.Error(), `did you mean "json"?`)) {
			t.Errorf("%s --format jsn: %v", path, err)
		}
	}
}

// A format the registry does not know is a programmer's mistake, caught
// as the command is built.
func TestUnregisteredFormatPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("an unregistered format did not panic")
		}
	}()
	report.FormatHelp("yaml")
}

func TestFormatHelpInUsage(t *testing.T) {
	ios, out, _, _ := iostreams.Test()
	root := NewRootCmd(ios, env(nil))
	root.SetArgs([]string{"review", "--help"})
	root.SetOut(out)
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`--format string +output format: \{text\|json\} \(default "text"\)\n`).Match(out.Bytes()) {
		t.Errorf("review --help:\n%s", out)
	}
}
