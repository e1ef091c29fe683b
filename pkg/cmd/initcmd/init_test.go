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
		{"file and kind", []string{"--kind", "Career-Change", "plans/me.md"}, Options{File: "plans/me.md", Kind: "career-change", kindGiven: true}},
		{"stdout", []string{"-k", "explore", "-"}, Options{File: "-", Kind: "explore", kindGiven: true}},
		{"everything", []string{
			"--kind", "stalled", "--force", "--title", "T: x", "--owner", "Ana", "--horizon", "2Y",
			"--started", "2026-11-01", "--target-by", "2028-06-30",
			"--current-role", "Senior Engineer", "--current-level", "senior", "--current-ladder", "software-engineer",
			"--target-role", "Staff PM", "--target-level", "staff", "--ladder", "product-manager", "--industry", "SaaS",
			"--company", "A, Inc.", "--company", "B", "--company", "C",
			"--action", "a", "--action", "b", "--action", "c", "out.md",
		}, Options{
			File: "out.md", Kind: "stalled", kindGiven: true, Force: true, Title: "T: x", Owner: "Ana", Horizon: "2Y",
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
		IO: ios, Today: today, File: file, Kind: scaffold.Promotion, kindGiven: true,
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
		{dir, true, dir + " is a directory"},
		{filepath.Join(file, "roadmap.md"), false, ": " + file + " is not a directory (choose another path)"},
		{filepath.Join(file, "deeper", "roadmap.md"), false, ": " + file + " is not a directory (choose another path)"},
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

// The directories a FILE names are created (the README's plans/ana.md in
// a fresh clone), and the message says which.
func TestInitRunCreatesDirectories(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plans", "2027", "ana.md")
	ios, _, _, errOut := iostreams.Test()
	if err := initRun(fullOptions(ios, path)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if want := "Created the directory " + filepath.Join(dir, "plans") + ".\nWrote " + path; !strings.HasPrefix(errOut.String(), want) {
		t.Errorf("stderr = %q, want it to start %q", errOut.String(), want)
	}
	if info, _ := os.Stat(filepath.Join(dir, "plans")); info.Mode().Perm() != 0o755&^umask() {
		t.Errorf("directory mode %v", info.Mode().Perm())
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

// answer runs init on a terminal with the answers given, one per line, and
// returns the file written to standard output and the prompts. The kind
// is opts.Kind, as if --kind gave it (askKind asks it).
func answer(t *testing.T, opts *Options, lines ...string) (string, string) {
	t.Helper()
	opts.kindGiven = true
	return askKind(t, opts, lines...)
}

// askKind is answer without --kind: the first question is the kind.
func askKind(t *testing.T, opts *Options, lines ...string) (string, string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	if len(lines) > 0 {
		in.WriteString(strings.Join(lines, "\n") + "\n")
	}
	opts.IO, opts.Today, opts.File = ios, today, "-"
	if err := initRun(opts); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	return out.String(), errOut.String()
}

func TestInitRunPrompts(t *testing.T) {
	s, prompts := answer(t, &Options{Kind: scaffold.Promotion},
		"Ana Souza",             // owner
		"sofware-engineer",      // a near miss: asked again
		"1",                     // the first ladder, by number
		"L5",                    // an alias: stored as its id
		"",                      // title: the level's own
		"",                      // target track: the same one
		"Staff: Platform",       // not a level: asked again
		"",                      // the next level, staff
		"Staff: Platform # Eng", // the title as typed
		"B2B SaaS",              // industry
		"A, B, C, D",            // too many companies: asked again
		" Datadog , Stripe,",    // companies
		"Write the proposal (project) by 2026-11-30", // action 1
		"", // action 2: placeholder
	) // input ends before action 3
	for _, want := range []string{
		"owner: Ana Souza\n",
		"current:\n  role: Senior Software Engineer\n  ladder: software-engineer\n  level: senior\n",
		"target:\n  role: 'Staff: Platform # Eng'\n  ladder: software-engineer\n  level: staff\n",
		"  industry: B2B SaaS\n  companies: [Datadog, Stripe]\n",
		"Today I am a Senior Software Engineer (level senior).\n",
		"- [ ] Write the proposal (project) by 2026-11-30\n",
		"(course) — due 2026-12-05\n",
		"(person) — due 2026-12-12\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	for _, want := range []string{
		"press Enter to leave a [TODO: ...] placeholder",
		"? Your name: ",
		"The ladders (`roadmap ladder show ID` describes one):\n   1. software-engineer           Software engineer (individual contributor)\n   2. engineering-manager",
		"? Your track: a number or an id (e.g. software-engineer): ",
		`  "sofware-engineer" is not a ladder: did you mean software-engineer? Answer a number or an id.`,
		"The levels of software-engineer:\n   1. entry           Software Engineer I\n",
		"? Your level on software-engineer: a number or an id: ",
		"? Your title today [Senior Software Engineer]: ",
		"? The track of the level you aim for: a number or an id [software-engineer]: ",
		"? The level you aim for on software-engineer: a number or an id [staff]: ",
		`  "Staff: Platform" is not a level of software-engineer: did you mean staff?`,
		"? Its title [Staff Software Engineer]: ",
		"? Industry of the target role (e.g. B2B SaaS): ",
		"4 companies given: name at most 3.",
		"? Action 1, a project to scope, e.g. Draft the one-page proposal",
		"? Action 2, a course", "? Action 3, a person",
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
	if strings.Count(prompts, "The levels of software-engineer") != 1 || strings.Count(prompts, "The ladders") != 1 {
		t.Errorf("a list was shown twice:\n%s", prompts)
	}
}

// A career change speaks of leaving one field for another: a track of the
// person's own with no level, the article in "Today I am", bridge months,
// and the kind's own examples.
func TestInitRunPromptsCareerChange(t *testing.T) {
	s, prompts := answer(t, &Options{Kind: scaffold.CareerChange},
		"Dana Reyes",
		"High school teacher", // a track of her own
		"",                    // no level there
		"High school science teacher",
		"ux-researcher",
		"1", // entry
		"",  // its title
		"Health tech",
		"Oura, Doctolib",
		"14", // too many months: asked again
		"9",
	)
	for _, want := range []string{
		"current:\n  role: High school science teacher\n  ladder: high-school-teacher\ntarget:\n  role: Associate UX Researcher\n  ladder: ux-researcher\n  level: entry\n",
		"Today I am a High school science teacher.\n",
		"- Months 7–9 (to 2027-08-20): ",
		"- Job search (months 10–12, ",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	for _, want := range []string{
		"? The track you are leaving: a number, an id, or a word of your own (e.g. teacher): ",
		`  Kept "high-school-teacher" as a track of your own`,
		"? Your level there, in your own words (Enter for none): ",
		"? Your role today (e.g. Software Engineer): ",
		"? The track you are moving into: a number or an id (e.g. product-manager): ",
		"? The level to enter ux-researcher at: a number or an id: ",
		"? Industry you are moving into (e.g. developer tools): ",
		"(e.g. GitLab, JetBrains)",
		"? Months of bridge work before the job search, 6 to 11 [8]: ",
		`  "14": give a number of months from 6 to 12, fewer than the plan's 12.`,
		// The examples are the UX researcher level's, not a product
		// manager's (every career change used to get "a product brief").
		"? Action 1, a project to scope, e.g. Scope a bridge project with a real team that ends in ",
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
	if strings.Contains(prompts, "product brief") {
		t.Errorf("a move into UX research was given a product manager's examples:\n%s", prompts)
	}
	if strings.Contains(prompts, "Staff Software Engineer") || strings.Contains(prompts, "billing") {
		t.Errorf("a career change was asked in a promotion's words:\n%s", prompts)
	}
}

func TestInitRunPromptsStalledAndExplore(t *testing.T) {
	s, prompts := answer(t, &Options{Kind: scaffold.Stalled, CurrentLadder: "product-designer", CurrentLevel: "senior", Ladder: "product-designer", TargetLevel: "staff"},
		"Ana", "", "", "fintech", "Wise, Monzo",
		"September 2025",
		"2026-11-01", // before the plan starts: asked again
		"2027-01-31",
	)
	for _, want := range []string{"I decide by\n2027-01-31, after", "(level senior), and have been since September 2025.\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	for _, want := range []string{"? The month growth stopped (e.g. September 2025): ",
		"? Decide to stay or switch by, YYYY-MM-DD [2027-01-21]: ",
		`  "2026-11-01": give a date from 2026-11-21 to 2028-05-21, as YYYY-MM-DD.`} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}

	s, prompts = answer(t, &Options{Kind: scaffold.Explore, Ladder: "engineering-manager", CurrentLadder: "site-reliability-engineer", CurrentLevel: "senior"},
		"Jonas", "", "manager", "", "cloud infrastructure", "Cloudflare, Fastly",
		"Staff SRE, Product Manager, Solutions Architect",
		"",
	)
	for _, want := range []string{
		"- **Engineering Manager** (front-runner). Talk to:",
		"- **Staff SRE**. Talk to:", "- **Solutions Architect**. Talk to:",
		"I pick the target by 2027-05-21, after",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in:\n%s", want, s)
		}
	}
	for _, want := range []string{"? Its level on engineering-manager: a number or an id: ",
		"? Other candidate roles to compare, comma-separated (up to 4, ",
		"? Pick the target by, YYYY-MM-DD [2027-05-21]: "} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
}

func TestInitRunPromptsOnlyForWhatFlagsDidNotGive(t *testing.T) {
	ios, in, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	opts := fullOptions(ios, "-")
	opts.Actions = opts.Actions[:2]
	in.WriteString("\n") // Enter: the one question gets no answer
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

// Ctrl-D at the first question is "never mind", as Ctrl-C is: exit 2 and
// nothing written. It used to write the template of placeholders, and
// with --force over the roadmap that was there.
func TestInitRunEndOfInputAtFirstQuestion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.md")
	if err := os.WriteFile(path, []byte("my real roadmap\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	opts := &Options{IO: ios, Today: today, File: path, Kind: scaffold.Promotion, Force: true}
	err := initRun(opts)
	if err == nil || cmdutil.ExitCode(err) != cmdutil.ExitError || !strings.Contains(err.Error(), "the input ended before the first answer, so nothing was written") {
		t.Fatalf("err = %v, want the input error (exit 2)\n%s", err, errOut)
	}
	if strings.Count(errOut.String(), "? ") != 1 || out.Len() != 0 {
		t.Errorf("asked on after the input ended, or wrote out:\n%s\nout: %q", errOut, out)
	}
	if got, _ := os.ReadFile(path); string(got) != "my real roadmap\n" {
		t.Errorf("the file was replaced:\n%s", got)
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
	err := initRun(&Options{IO: ios, Today: today, File: path, Kind: scaffold.Promotion, kindGiven: true})
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

// umask is the process's file creation mask.
func umask() os.FileMode {
	dir, err := os.MkdirTemp("", "umask")
	if err != nil {
		return 0o022
	}
	defer os.RemoveAll(dir)
	probe := filepath.Join(dir, "d")
	if err := os.Mkdir(probe, 0o777); err != nil {
		return 0o022
	}
	info, err := os.Stat(probe)
	if err != nil {
		return 0o022
	}
	return 0o777 &^ info.Mode().Perm()
}

// TestInitRunAsksTheKind: without --kind a terminal is asked the kind
// first (it wrote a promotion roadmap for everyone), by number or name,
// a near miss asked again; its answer picks the template and the words
// of the questions after it. Enter keeps promotion.
func TestInitRunAsksTheKind(t *testing.T) {
	s, prompts := askKind(t, &Options{Kind: scaffold.Promotion},
		"explor", // a near miss: asked again
		"4",      // explore, by number
		"Ana Souza",
	)
	for _, want := range []string{
		"  4. explore         no target yet: compare 3-5 candidate roles\n",
		"? What kind of roadmap: a number or a name [1]: ",
		`  "explor" is not a kind of roadmap: did you mean explore? Answer a number or a name.`,
		"? Your track today",
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
	if !strings.Contains(s, "kind: explore") || !strings.Contains(s, "## Candidates") {
		t.Errorf("not an explore roadmap:\n%s", s)
	}

	s, _ = askKind(t, &Options{Kind: scaffold.Promotion}, "career-change")
	if !strings.Contains(s, "kind: career-change") {
		t.Errorf("by name: not a career change:\n%s", s)
	}
	s, _ = askKind(t, &Options{Kind: scaffold.Promotion}, "")
	if !strings.Contains(s, "kind: promotion") {
		t.Errorf("Enter: not a promotion:\n%s", s)
	}
}
