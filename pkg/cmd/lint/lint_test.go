package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdLintFlags(t *testing.T) {
	tests := []struct {
		args    string
		want    Options
		wantErr string
	}{
		{args: "", want: Options{Format: "text", FailOn: "error"}},
		{args: "a.md dir --format SARIF --fail-on warning", want: Options{Paths: []string{"a.md", "dir"}, Format: "sarif", FailOn: "warning"}},
		{args: "- --stdin-filename team/ana.md", want: Options{Paths: []string{"-"}, Format: "text", FailOn: "error"}},
		{args: "--explain RM005", want: Options{Format: "text", FailOn: "error", Explain: "RM005"}},
		{args: "--format yaml", wantErr: `valid values are "text", "json", "sarif", "github"`},
		{args: "--fail-on critical", wantErr: `valid values are "error", "warning", "info", "none"`},
		{args: "--explain RM005 a.md", wantErr: "--explain prints one rule's documentation"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmdLint(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(strings.Fields(tt.args))
			cmd.SetOut(ios.ErrOut)
			cmd.SetErr(ios.ErrOut)
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got.Paths, " ") != strings.Join(tt.want.Paths, " ") || got.Format != tt.want.Format ||
				got.FailOn != tt.want.FailOn || got.Explain != tt.want.Explain {
				t.Errorf("options = %+v, want %+v", got, tt.want)
			}
		})
	}
}

const vague = `---
roadmap: 1
title: Path to Staff Engineer
kind: promotion
started: 2026-11-02
horizon: 2y
target:
  role: Staff Software Engineer
  level: staff
  industry: B2B SaaS
  companies: [Datadog, Atlassian]
---
# Path to Staff Engineer
## Target
Staff Software Engineer at Datadog or Atlassian.
## Gap
- **Skills:** x. Evidence: the Ledger design doc.
- **Scope:** x. Evidence: lead the billing migration.
- **Mentorship:** x. Evidence: mentor Diego Alvarez.
- **Visibility:** x. Evidence: two blog posts.
## Next 30 days
- [ ] Scope the billing-migration proposal with Priya Natarajan (project) — due 2026-11-27
- [ ] Learn more about Kafka (course) — due 2026-11-30
- [ ] Ask Marco Rossi (Staff Engineer, Ledger) for a 15-minute chat (person) — due 2026-12-01
## Next quarter
- Migration accepted.
## Years 2–3 (hypothesis)
- Staff by 2028.
`

func run(t *testing.T, stdin string, opts Options) (string, string, error) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	opts.IO = ios
	opts.Today = func() civil.Date { d, _ := civil.Parse("2026-11-21"); return d }
	opts.Getenv = func(string) string { return "" }
	if opts.Format == "" {
		opts.Format = "text"
	}
	if opts.FailOn == "" {
		opts.FailOn = "error"
	}
	if opts.StdinName == "" {
		opts.StdinName = "<stdin>"
	}
	err := lintRun(&opts)
	return out.String(), errOut.String(), err
}

func TestLintStdinFindingsExitOne(t *testing.T) {
	out, _, err := run(t, vague, Options{Paths: []string{"-"}, StdinName: "team/ana.md"})
	if !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("err = %v, want exit 1 for an error finding", err)
	}
	want := `team/ana.md:23:7: error RM005/action-concrete: action 2 is vague: "Learn more about" has no concrete object`
	if !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 1 {
		t.Errorf("output = %q, want one line starting %q", out, want)
	}
}

func TestLintFailOnNoneAndWarning(t *testing.T) {
	if _, _, err := run(t, vague, Options{Paths: []string{"-"}, FailOn: "none"}); err != nil {
		t.Errorf("--fail-on none: err = %v, want exit 0", err)
	}
	hedged := strings.Replace(vague, "Learn more about Kafka", `Finish "Kafka: The Definitive Guide", maybe`, 1)
	if _, _, err := run(t, hedged, Options{Paths: []string{"-"}}); err != nil {
		t.Errorf("a warning alone must not fail by default: %v", err)
	}
	if _, _, err := run(t, hedged, Options{Paths: []string{"-"}, FailOn: "warning"}); !errors.Is(err, cmdutil.ErrSilent) {
		t.Errorf("--fail-on warning: err = %v, want exit 1", err)
	}
}

func TestLintMissingFileIsExitTwoAfterOtherOutput(t *testing.T) {
	out, _, err := run(t, vague, Options{Paths: []string{"-", "no-such-roadmap.md"}})
	var ie *cmdutil.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "no-such-roadmap.md: no such file") {
		t.Fatalf("err = %v, want an input error naming the file", err)
	}
	if !strings.Contains(out, "RM005") {
		t.Errorf("the other file's findings must still print: %q", out)
	}
}

func TestExplainAndListRules(t *testing.T) {
	out, _, err := run(t, "", Options{Explain: "action-concrete"})
	if err != nil || !strings.HasPrefix(out, "# RM005 action-concrete") {
		t.Errorf("--explain action-concrete: err %v, output %.60q", err, out)
	}
	_, _, err = run(t, "", Options{Explain: "RM05"})
	if err == nil || !strings.Contains(err.Error(), "did you mean RM005?") {
		t.Errorf("--explain RM05: err = %v, want a suggestion", err)
	}
	out, _, err = run(t, "", Options{ListRules: true})
	if err != nil || !strings.Contains(out, "RM021") || !strings.Contains(out, "placeholder") {
		t.Errorf("--list-rules: err %v, output %q", err, out)
	}
	out, _, err = run(t, "", Options{ListRules: true, Format: "json"})
	if err != nil || !strings.Contains(out, `"id": "RM001"`) || !strings.Contains(out, `"kinds": []`) {
		t.Errorf("--list-rules --format json: err %v, output %.200q", err, out)
	}
}

// TestHistoryFromTheFactory: the date rules read the provider the
// Factory hands the command. Three months after its last logged review
// the example is stale and overdue; a review commit from last week (a
// scripted history, no repository) answers both rules.
func TestHistoryFromTheFactory(t *testing.T) {
	data, err := os.ReadFile("../../../examples/promotion.md")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "promotion.md")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	lintWith := func(p history.Provider) string {
		ios, _, out, errOut := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Today: func() civil.Date { return civil.New(2027, 3, 1) },
			Getenv: func(string) string { return "" }, History: p}
		cmd := NewCmdLint(f, nil)
		cmd.SetArgs([]string{"--fail-on", "none", path})
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		return out.String() + errOut.String()
	}
	none := &historytest.Repo{}
	got := lintWith(none)
	if !strings.Contains(got, "RM014") || !strings.Contains(got, "RM016") || !strings.Contains(got, "no git history") {
		t.Fatalf("without history, want RM014, RM016 and the note:\n%s", got)
	}
	at := time.Date(2027, 2, 22, 12, 0, 0, 0, time.UTC)
	reviewed := &historytest.Repo{Files: map[string][]historytest.Commit{path: {
		{Time: at, Subject: "review: quarterly 2027-02-22"},
	}}}
	got = lintWith(reviewed)
	if strings.Contains(got, "RM014") || strings.Contains(got, "RM016") || strings.Contains(got, "no git history") {
		t.Fatalf("a review commit on 2027-02-22 answers RM014 and RM016:\n%s", got)
	}
}
