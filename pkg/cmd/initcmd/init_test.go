package initcmd

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/scaffold"
)

func today() civil.Date {
	d, _ := civil.Parse("2026-11-21")
	return d
}

// parse runs only the command's flag parsing and returns the options.
func parse(t *testing.T, args ...string) (*Options, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Today: today, Getenv: func(string) string { return "" }}
	var got *Options
	cmd := NewCmdInit(f, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cmdutil.FlagErrorWrap(err) })
	_, err := cmd.ExecuteC()
	return got, err
}

func TestNewCmdInitFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want Options
	}{
		{"defaults", nil, Options{File: "roadmap.md", Kind: "promotion"}},
		{"file and kind", []string{"--kind", "Career-Change", "plans/me.md"}, Options{File: "plans/me.md", Kind: "career-change"}},
		{"stdout", []string{"-k", "explore", "-"}, Options{File: "-", Kind: "explore"}},
		{"everything", []string{
			"--kind", "stalled", "--force", "--title", "T: x", "--owner", "Ana", "--horizon", "2Y",
			"--started", "2026-11-01", "--target-by", "2028-06-30",
			"--current-role", "Senior Engineer", "--current-level", "senior", "--current-ladder", "software-engineer",
			"--target-role", "Staff PM", "--target-level", "staff", "--ladder", "product-manager", "--industry", "SaaS",
			"--company", "A, Inc.", "--company", "B", "--company", "C",
			"--action", "a", "--action", "b", "--action", "c", "out.md",
		}, Options{
			File: "out.md", Kind: "stalled", Force: true, Title: "T: x", Owner: "Ana", Horizon: "2Y",
			Started: "2026-11-01", TargetBy: "2028-06-30",
			CurrentRole: "Senior Engineer", CurrentLevel: "senior", CurrentLadder: "software-engineer",
			TargetRole: "Staff PM", TargetLevel: "staff", Ladder: "product-manager", Industry: "SaaS",
			Companies: []string{"A, Inc.", "B", "C"}, Actions: []string{"a", "b", "c"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parse(t, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			got.IO, got.Today = nil, nil
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("options\n got %+v\nwant %+v", *got, tt.want)
			}
		})
	}
}

func TestNewCmdInitUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "sabbatical"}, `valid values are "promotion", "career-change", "stalled", "explore"`},
		{[]string{"--horizon", "5y"}, "invalid --horizon: horizon \"5y\" is outside 1 to 3 years"},
		{[]string{"--horizon", "11m"}, "outside 1 to 3 years"},
		{[]string{"--horizon", "two years"}, "is not Ny or Nm"},
		{[]string{"--started", "2026-02-30"}, "invalid --started"},
		{[]string{"--target-by", "soon"}, "invalid --target-by"},
		{[]string{"--company", "A", "--company", "B", "--company", "C", "--company", "D"}, "--company given 4 times"},
		{[]string{"--action", "a", "--action", "b", "--action", "c", "--action", "d"}, "--action given 4 times"},
		{[]string{"a.md", "b.md"}, "at most one FILE"},
		{[]string{""}, "FILE is empty"},
		{[]string{"--frobnicate"}, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := parse(t, tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if code := cmdutil.ExitCode(err); code != cmdutil.ExitError {
				t.Errorf("exit code %d, want 2", code)
			}
			var fe *cmdutil.FlagError
			if !errors.As(err, &fe) {
				t.Errorf("err %T is not a usage error", err)
			}
		})
	}
}

func fullOptions(ios *iostreams.IOStreams, file string) *Options {
	return &Options{
		IO: ios, Today: today, File: file, Kind: scaffold.Promotion,
		Owner: "Ana Souza", CurrentRole: "Senior Software Engineer", CurrentLevel: "senior",
		TargetRole: "Staff Software Engineer", TargetLevel: "staff", Ladder: "software-engineer",
		Industry: "B2B SaaS", Companies: []string{"Datadog", "Atlassian", "Stripe"},
		Actions: []string{"Scope the migration proposal", "Start the \"DDIA\" reading group", "Ask Marco Rossi about staff scope"},
	}
}

func TestInitRunToStdout(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	opts := fullOptions(ios, "-")
	opts.CurrentLadder = "" // defaults to --ladder
	if err := initRun(opts); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"title: Path to Staff Software Engineer\n",
		"current:\n  role: Senior Software Engineer\n  ladder: software-engineer\n  level: senior\n",
		"target:\n  role: Staff Software Engineer\n  ladder: software-engineer\n  level: staff\n",
		"companies: [Datadog, Atlassian, Stripe]\n  by: 2028-11-21\n",
		"- [ ] Scope the migration proposal (project) — due 2026-11-28\n",
		"- [ ] Ask Marco Rossi about staff scope (person) — due 2026-12-12\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr = %q, want nothing when writing to stdout", errOut.String())
	}
}

func TestInitRunWritesFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	ios, _, out, errOut := iostreams.Test()
	if err := initRun(fullOptions(ios, path)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("---\nroadmap: 1\n")) {
		t.Errorf("file:\n%s", data)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out.String())
	}
	n := scaffold.CountPlaceholders(data)
	want := "Wrote " + path + " with " + strconv.Itoa(n) + " [TODO: ...] placeholders to fill in. Next: edit it, then roadmap lint " + path + "\n"
	if errOut.String() != want {
		t.Errorf("stderr = %q, want %q", errOut.String(), want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the roadmap (no temp file)", len(entries))
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
}

func TestInitRunRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	if err := os.WriteFile(path, []byte("mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	err := initRun(fullOptions(ios, path))
	var ie *cmdutil.InputError
	if !errors.As(err, &ie) || err.Error() != path+" already exists (use --force to overwrite it)" {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "mine\n" {
		t.Errorf("file changed: %q", data)
	}

	opts := fullOptions(ios, path)
	opts.Force = true
	if err := initRun(opts); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte("---\n")) {
		t.Errorf("--force did not overwrite: %q", data)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600 kept", info.Mode().Perm())
	}
}

func TestInitRunBadPaths(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		force bool
		want  string
	}{
		{filepath.Join(dir, "missing", "roadmap.md"), false, "directory " + filepath.Join(dir, "missing") + " does not exist (create it first"},
		{dir, true, dir + " is a directory"},
		{filepath.Join(file, "roadmap.md"), false, "is not a directory"},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		opts := fullOptions(ios, tt.path)
		opts.Force = tt.force
		err := initRun(opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), tt.path) {
			t.Errorf("%s: err = %v, want %q", tt.path, err, tt.want)
		}
		if cmdutil.ExitCode(err) != cmdutil.ExitError {
			t.Errorf("%s: exit %d, want 2", tt.path, cmdutil.ExitCode(err))
		}
	}
}

func TestInitRunNoTerminalLeavesPlaceholders(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString("Ana\n") // must not be read: no terminal
	if err := initRun(&Options{IO: ios, Today: today, File: "-", Kind: scaffold.Explore}); err != nil {
		t.Fatal(err)
	}
	if n := scaffold.CountPlaceholders(out.Bytes()); n < 20 {
		t.Errorf("%d placeholders", n)
	}
	if strings.Contains(out.String(), "Ana") || errOut.Len() != 0 {
		t.Errorf("prompted without a terminal: %q", errOut.String())
	}
}

func TestInitRunPrompts(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	in.WriteString(strings.Join([]string{
		"Ana Souza",             // owner
		"",                      // current role: left as a placeholder
		"senior",                // current level
		"Staff: Platform # Eng", // target role
		"staff",                 // target level
		"B2B SaaS",              // industry
		"A, B, C, D",            // too many companies: asked again
		" Datadog , Stripe,",    // companies
		"Write the proposal (project) by 2026-11-30", // action 1
		"", // action 2: placeholder
	}, "\n") + "\n") // input ends before action 3
	opts := &Options{IO: ios, Today: today, File: "-", Kind: scaffold.Promotion, Ladder: "software-engineer"}
	if err := initRun(opts); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"owner: Ana Souza\n",
		"  role: \"[TODO: your current title, e.g. Senior Software Engineer]\"\n  ladder: software-engineer\n  level: senior\n",
		"  role: 'Staff: Platform # Eng'\n",
		"  industry: B2B SaaS\n  companies: [Datadog, Stripe]\n",
		"- [ ] Write the proposal (project) by 2026-11-30\n",
		"(course) — due 2026-12-05\n",
		"(person) — due 2026-12-12\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	prompts := errOut.String()
	for _, want := range []string{
		"press Enter to leave a [TODO: ...] placeholder",
		"? Your name: ", "? Current role", "? Target level", "? Industry",
		"4 companies given: name at most 3.",
		"? Action 1, a project", "? Action 2, a course", "? Action 3, a person",
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
	if !strings.Contains(prompts, "? Target role") {
		t.Errorf("no target role prompt")
	}
}

func TestInitRunPromptsOnlyForWhatFlagsDidNotGive(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	opts := fullOptions(ios, "-")
	opts.Actions = opts.Actions[:2]
	// input is empty: the one question gets no answer
	if err := initRun(opts); err != nil {
		t.Fatal(err)
	}
	prompts := errOut.String()
	if strings.Count(prompts, "? ") != 1 || !strings.Contains(prompts, "? Action 3, a person") {
		t.Errorf("prompts = %q, want only action 3", prompts)
	}
	if !strings.Contains(out.String(), "(person) — due 2026-12-12") {
		t.Errorf("out:\n%s", out.String())
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"roadmap.md": "roadmap.md", "plans/ana-2026.md": "plans/ana-2026.md",
		"my plan.md": "'my plan.md'", "it's.md": `'it'\''s.md'`, "": "''",
	} {
		if got := cmdutil.ShellQuote(in); got != want {
			t.Errorf("cmdutil.ShellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHint(t *testing.T) {
	for n, want := range map[int]string{
		0: "Wrote a b.md. Next: roadmap lint 'a b.md'\n",
		1: "Wrote a b.md with 1 [TODO: ...] placeholder to fill in. Next: edit it, then roadmap lint 'a b.md'\n",
		7: "Wrote a b.md with 7 [TODO: ...] placeholders to fill in. Next: edit it, then roadmap lint 'a b.md'\n",
	} {
		var b bytes.Buffer
		hint(&b, "a b.md", n)
		if b.String() != want {
			t.Errorf("hint(%d) = %q, want %q", n, b.String(), want)
		}
	}
}

// createOnRead creates a file the first time the prompts read an answer:
// another program writing the roadmap while init waits at a prompt.
type createOnRead struct {
	path string
	r    *strings.Reader
	done bool
}

func (c *createOnRead) Read(p []byte) (int, error) {
	if !c.done {
		c.done = true
		if err := os.WriteFile(c.path, []byte("written meanwhile\n"), 0o644); err != nil {
			return 0, err
		}
	}
	return c.r.Read(p)
}

// A file that appears after the overwrite check (while init waits for an
// answer) is still never replaced without --force.
func TestInitRunNeverReplacesAFileCreatedMeanwhile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "roadmap.md")
	ios, _, _, _ := iostreams.Test()
	ios.In = &createOnRead{path: path, r: strings.NewReader("Ana\n")}
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	err := initRun(&Options{IO: ios, Today: today, File: path, Kind: scaffold.Promotion})
	var ie *cmdutil.InputError
	if !errors.As(err, &ie) || err.Error() != path+" already exists (use --force to overwrite it)" {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "written meanwhile\n" {
		t.Errorf("file replaced: %q", data)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file (no temp left)", len(entries))
	}
}
