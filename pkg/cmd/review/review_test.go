package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/editlock"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func today(s string) func() civil.Date {
	return func() civil.Date {
		d, err := civil.Parse(s)
		if err != nil {
			panic(err)
		}
		return d
	}
}

// noGit is a client whose git command does not exist.
var noGit = &gitx.Client{Git: "/nonexistent/git-for-tests"}

func parse(t *testing.T, tty bool, args ...string) (*Options, error) {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	ios.SetStdinTTY(tty)
	ios.SetStdoutTTY(tty)
	var got *Options
	cmd := NewCmdReview(&cmdutil.Factory{IOStreams: ios, Today: today("2026-11-21")}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cmdutil.FlagErrorWrap(err) })
	_, err := cmd.ExecuteC()
	return got, err
}

func TestNewCmdReviewFlags(t *testing.T) {
	tests := []struct {
		name    string
		tty     bool
		args    []string
		check   func(*Options) bool
		wantErr string
	}{
		{"default file", false, nil, func(o *Options) bool { return o.File == "roadmap.md" && o.Format == "text" && !o.Record }, ""},
		{"json", false, []string{"r.md", "--format", "json"}, func(o *Options) bool { return o.File == "r.md" && o.Format == "json" }, ""},
		{"every record flag", false, []string{"r.md", "--record", "--kind", "quarterly", "--note", "a", "--note", "b, c", "--done", "1, 3", "--done", "2",
			"--action", "x", "--action", "y", "--action", "z", "--dry-run", "--commit"},
			func(o *Options) bool {
				return o.Record && o.Kind == "quarterly" && strings.Join(o.Notes, "|") == "a|b, c" && len(o.Done) == 3 && o.Done[0] == 1 && o.Done[1] == 3 && o.Done[2] == 2 &&
					len(o.Actions) == 3 && o.DryRun && o.Commit && !o.Interactive && o.LockWait == editlock.DefaultWait
			}, ""},
		{"record on a terminal asks", true, []string{"r.md", "--record", "--commit"}, func(o *Options) bool { return o.Interactive }, ""},
		{"a content flag on a terminal does not ask", true, []string{"r.md", "--record", "--note", "x"}, func(o *Options) bool { return !o.Interactive }, ""},
		{"record without a terminal does not ask", false, []string{"r.md", "--record"}, func(o *Options) bool { return !o.Interactive }, ""},
		{"note without record", false, []string{"r.md", "--note", "x"}, nil, "--note needs --record"},
		{"dry-run without record", false, []string{"r.md", "--dry-run"}, nil, "--dry-run needs --record"},
		{"bad kind", false, []string{"r.md", "--record", "--kind", "monthly"}, nil, `valid values are "check-in", "quarterly", "rewrite", "re-plan"`},
		{"bad done", false, []string{"r.md", "--record", "--done", "1,x"}, nil, `invalid --done "1,x": give action numbers as`},
		{"two actions", false, []string{"r.md", "--record", "--action", "a", "--action", "b"}, nil, "--action given 2 times: the 30-day plan pins exactly 3 actions"},
		{"four actions", false, []string{"r.md", "--record", "--action", "a", "--action", "b", "--action", "c", "--action", "d"}, nil, "--action given 4 times"},
		{"stdin record", false, []string{"-", "--record"}, nil, "--record edits a file"},
		{"ratings", true, []string{"r.md", "--record", "--rate", "skills=3, Scope=2", "--rate", "visibility=1", "--manager-rate", "scope=1,mentorship=2",
			"--rate-reason", "scope=one team, so far", "--rate-reason", "mentorship=no mentee"},
			func(o *Options) bool {
				want := []review.Rate{{Dimension: "skills", Self: 3}, {Dimension: "scope", Self: 2, Manager: 1, Reason: "one team, so far"},
					{Dimension: "visibility", Self: 1}, {Dimension: "mentorship", Manager: 2, Reason: "no mentee"}}
				return !o.Interactive && fmt.Sprint(o.Ratings) == fmt.Sprint(want)
			}, ""},
		{"rate without record", false, []string{"r.md", "--rate", "skills=3"}, nil, "--rate needs --record"},
		{"manager-rate without record", false, []string{"r.md", "--manager-rate", "skills=3"}, nil, "--manager-rate needs --record"},
		{"rating not a pair", false, []string{"r.md", "--record", "--rate", "skills"}, nil, `invalid --rate "skills": give DIMENSION=N pairs`},
		{"rating not a number", false, []string{"r.md", "--record", "--manager-rate", "skills=high"}, nil, `invalid --manager-rate "skills=high"`},
		{"rating off the scale", false, []string{"r.md", "--record", "--rate", "skills=6"}, nil, "invalid --rate skills=6: a rating is from 1"},
		{"rating zero", false, []string{"r.md", "--record", "--manager-rate", "scope=0"}, nil, "invalid --manager-rate scope=0"},
		{"rated twice", false, []string{"r.md", "--record", "--rate", "skills=3", "--rate", "skills=4"}, nil, "--rate rates skills twice"},
		{"reason not a pair", false, []string{"r.md", "--record", "--rate-reason", "because"}, nil, `invalid --rate-reason "because"`},
		{"two reasons", false, []string{"r.md", "--record", "--rate-reason", "a=x", "--rate-reason", "a=y"}, nil, "two reasons"},
		{"two files", false, []string{"a.md", "b.md"}, nil, "at most one FILE"},
		{"a done range", false, []string{"r.md", "--record", "--done", "1-3", "--done", "2 - 2"}, func(o *Options) bool { return fmt.Sprint(o.Done) == "[1 2 3 2]" }, ""},
		{"a backwards range", false, []string{"r.md", "--record", "--done", "3-1"}, nil, `invalid --done "3-1": the range 3-1 runs backwards (write 1-3)`},
		{"a negative number", false, []string{"r.md", "--record", "--done", "-1"}, nil, `invalid --done "-1"`},
		{"keep-actions on a terminal does not ask", true, []string{"r.md", "--record", "--keep-actions"}, func(o *Options) bool { return o.KeepActions && !o.Interactive }, ""},
		{"keep-actions with actions", false, []string{"r.md", "--record", "--keep-actions", "--action", "a", "--action", "b", "--action", "c"}, nil, review.KeepAndPinMessage},
		{"keep-actions without record", false, []string{"r.md", "--keep-actions"}, nil, "--keep-actions needs --record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := parse(t, tt.tty, tt.args...)
			if tt.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &fe) {
					t.Fatalf("err = %v, want a usage error %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(o) {
				t.Errorf("options = %+v", o)
			}
		})
	}
}

// copyExample copies an example roadmap into a directory outside any
// repository and returns its path.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../../examples", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, o *Options) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	// Wide, so the tests read the report's lines whole; the width tests
	// are cmd/roadmap's TestTextFitsTheWidth.
	ios.SetTerminalWidth(300)
	o.IO = ios
	if o.Git == nil {
		o.Git = noGit
	}
	if o.Format == "" {
		o.Format = "text"
	}
	if o.LockWait == 0 {
		o.LockWait = 2 * time.Second
	}
	err := reviewRun(o)
	return out.String(), errOut.String(), err
}

func TestReviewReportText(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	out, _, err := run(t, &Options{File: path, Today: today("2026-12-08")})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"· Tech Lead to Engineering Manager (Marcus Feld)\n",
		"  Due:    check-in, 3 days overdue (was due 2026-12-05; the last one was on 2026-11-05)\n",
		"  Next:   quarterly review on 2027-01-01 (in 24 days)\n",
		"Questions for the check-in\n  1. Which of the three actions are finished",
		"Actions · window 2026-11-05 to 2026-12-05, ended\n",
		"  overdue  2. ",
		"The 30-day window has ended",
		"Changes since the last review (2026-11-05)\n  no git history (git is not installed): ",
		"  File last modified ",
		"--record --kind check-in",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if n := strings.Count(out, "no git history"); n != 1 {
		t.Errorf("the fallback is said %d times, want once", n)
	}

	out, _, err = run(t, &Options{File: path, Today: today("2026-11-21")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "  Due:    nothing today\n  Next:   check-in on 2026-12-05 (in 14 days)\n") || strings.Contains(out, "Questions") {
		t.Errorf("nothing due:\n%s", out)
	}
}

func TestReviewReportJSON(t *testing.T) {
	path := copyExample(t, "promotion.md")
	out, _, err := run(t, &Options{File: path, Today: today("2026-12-20"), Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Kind string `json:"kind"`
		Due  struct {
			OverdueDays int    `json:"overdueDays"`
			Last        string `json:"last"`
			FromStart   bool   `json:"fromStart"`
		} `json:"due"`
		Questions []string `json:"questions"`
		Overdue   []struct {
			Index       int `json:"index"`
			DaysOverdue int `json:"daysOverdue"`
		} `json:"overdue"`
		Open    []any `json:"open"`
		Changes struct {
			Source   string `json:"source"`
			Since    string `json:"since"`
			Commits  []any  `json:"commits"`
			Fallback string `json:"fallback"`
		} `json:"changes"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Kind != "quarterly" || r.Due.OverdueDays != 20 || !r.Due.FromStart || len(r.Questions) != 5 ||
		len(r.Overdue) != 2 || r.Overdue[0].Index != 2 || r.Overdue[0].DaysOverdue != 16 || r.Open == nil {
		t.Errorf("report = %+v", r)
	}
	if r.Changes.Source != "file" || r.Changes.Since != "2026-11-16" || r.Changes.Commits == nil || !strings.HasPrefix(r.Changes.Fallback, "no git history") {
		t.Errorf("changes = %+v", r.Changes)
	}
}

func TestReviewReportBadFile(t *testing.T) {
	dir := t.TempDir()
	_, _, err := run(t, &Options{File: filepath.Join(dir, "missing.md"), Today: today("2026-12-20")})
	if cmdutil.ExitCode(err) != 2 || !strings.Contains(err.Error(), "missing.md: no such file") {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.md")
	if err := os.WriteFile(bad, []byte("---\nroadmap: 1\nstarted: soon\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = run(t, &Options{File: bad, Today: today("2026-12-20"), Record: true, Notes: []string{"x"}})
	if cmdutil.ExitCode(err) != 2 || !strings.Contains(err.Error(), "bad.md:3:10: ") {
		t.Errorf("bad file: %v", err)
	}
	if data, _ := os.ReadFile(bad); string(data) != "---\nroadmap: 1\nstarted: soon\n---\n" {
		t.Errorf("a broken file was edited")
	}
}

func TestRecordWritesAndSummarises(t *testing.T) {
	path := copyExample(t, "promotion.md")
	before, _ := os.ReadFile(path)
	out, errOut, err := run(t, &Options{File: path, Today: today("2026-12-20"), Record: true,
		Notes: []string{"Assumptions hold."}, Done: []int{2},
		Actions: []string{"Draft the stage 2 plan (project)", "Start the course (course) — due 2026-12-28", "Ask Hana Kim (person) — due 2027-01-10"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`Recorded a quarterly review in ` + path + `: "### 2026-12-20 · quarterly"`,
		"  pinned 3 actions for 2026-12-20 to 2027-01-19\n    1. Draft the stage 2 plan (project) — due 2027-01-19\n",
		"  action 1 had no due date: given 2027-01-19, the last day of the new window\n",
		"  dropped 1 unfinished action, noted in the entry\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if errOut != "" {
		t.Errorf("stderr: %q", errOut)
	}
	after, _ := os.ReadFile(path)
	d := roadmap.Parse(path, after)
	if len(d.Reviews) != 4 || d.Reviews[3].Kind != "quarterly" || len(d.Actions) != 3 || d.Actions[0].Done {
		t.Errorf("file after: %d reviews, %d actions", len(d.Reviews), len(d.Actions))
	}
	if !bytes.HasPrefix(after, before[:bytes.Index(before, []byte("## Next 30 days"))]) {
		t.Errorf("bytes before the first edit changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestRecordDryRunWritesNothing(t *testing.T) {
	path := copyExample(t, "stalled.md")
	before, _ := os.ReadFile(path)
	out, errOut, err := run(t, &Options{File: path, Today: today("2026-12-20"), Record: true, DryRun: true, Done: []int{2}, KeepActions: true, Commit: false})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "--- a/"+filepath.ToSlash(path)+"\n+++ b/"+filepath.ToSlash(path)+"\n@@ ") ||
		!strings.Contains(out, "\n+### 2026-12-20 · check-in\n+- Done: ") || !strings.Contains(out, "\n-- [ ] ") || !strings.Contains(out, "\n+- [x] ") {
		t.Errorf("diff:\n%s", out)
	}
	if !strings.Contains(errOut, "Dry run: "+path+" was not changed.") {
		t.Errorf("stderr %q", errOut)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("--dry-run changed the file")
	}
	if _, err := os.Stat(editlock.Path(path)); err == nil {
		t.Errorf("--dry-run left a lock file")
	}
}

func TestRecordRefusesWhenTheFileChanges(t *testing.T) {
	path := copyExample(t, "explore.md")
	edited := []byte("someone else's edit\n")
	_, _, err := run(t, &Options{File: path, Today: today("2026-12-20"), Record: true, Notes: []string{"x"}, KeepActions: true,
		beforeWrite: func() {
			if err := os.WriteFile(path, edited, 0o644); err != nil {
				t.Fatal(err)
			}
		}})
	var ce *roadmap.ChangedError
	if cmdutil.ExitCode(err) != 2 || !errors.As(err, &ce) || !strings.Contains(err.Error(), "changed on disk") || !strings.Contains(err.Error(), "re-run") {
		t.Fatalf("err = %v, want a refusal with exit 2", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, edited) {
		t.Errorf("the other edit was overwritten: %q", after)
	}
	if _, err := os.Stat(editlock.Path(path)); err == nil {
		t.Errorf("the lock file was left behind")
	}
}

func TestRecordRefusesWhenLocked(t *testing.T) {
	path := copyExample(t, "explore.md")
	lock, err := editlock.Acquire(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	before, _ := os.ReadFile(path)
	_, _, err = run(t, &Options{File: path, Today: today("2026-12-20"), Record: true, Notes: []string{"x"}, KeepActions: true, LockWait: 100 * time.Millisecond})
	if cmdutil.ExitCode(err) != 2 || !strings.Contains(err.Error(), "is being edited by another roadmap process") {
		t.Fatalf("err = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("a locked file was written")
	}
}

func TestRecordCommitOutsideRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	path := copyExample(t, "explore.md")
	before, _ := os.ReadFile(path)
	_, _, err := run(t, &Options{File: path, Today: today("2026-12-20"), Record: true, Notes: []string{"x"}, Commit: true,
		Git: &gitx.Client{Env: []string{"GIT_CEILING_DIRECTORIES=" + filepath.Dir(filepath.Dir(path))}}})
	if cmdutil.ExitCode(err) != 2 || !strings.Contains(err.Error(), "is not in a git repository; --commit cannot commit the review") {
		t.Fatalf("err = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the file was written although the commit could not be made")
	}
}

func TestRecordJSON(t *testing.T) {
	path := copyExample(t, "promotion.md")
	out, _, err := run(t, &Options{File: path, Today: today("2026-12-16"), Record: true, Format: "json", Done: []int{1, 3}, KeepActions: true})
	if err != nil {
		t.Fatal(err)
	}
	var r RecordResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Kind != "quarterly" || r.Entry.Heading != "2026-12-16 · quarterly" || len(r.Ticked) != 1 || r.Ticked[0].Index != 3 ||
		len(r.AlreadyDone) != 1 || r.Pinned == nil || r.Commit != nil || r.DryRun ||
		len(r.Redated) != 1 || r.Redated[0].Index != 2 || r.Redated[0].To.String() != "2027-01-03" {
		t.Errorf("result = %+v", r)
	}
}

// answers is standard input that changes the file when first read, when
// change is set: another editor saving while the questions are asked.
type answers struct {
	r      *strings.Reader
	change func()
}

func (a *answers) Read(p []byte) (int, error) {
	if a.change != nil {
		a.change()
		a.change = nil
	}
	return a.r.Read(p)
}

// interactive runs an interactive record of path with answers, one per
// line, and returns the prompts (standard error) and standard output.
func interactive(t *testing.T, path, day string, git *gitx.Client, lines ...string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	input := ""
	if len(lines) > 0 {
		input = strings.Join(lines, "\n") + "\n"
	}
	ios.In = &answers{r: strings.NewReader(input)}
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	if git == nil {
		git = noGit
	}
	o := &Options{IO: ios, File: path, Today: today(day), Record: true, Interactive: true, Git: git, Format: "text", LockWait: time.Second}
	err := reviewRun(o)
	return errOut.String(), out.String(), err
}

func TestRecordInteractive(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	prompts, out, err := interactive(t, path, "2026-12-08", nil,
		"weekly",          // not a kind: asked again
		"chek-in",         // a near miss: did you mean, asked again
		"",                // the default: the due check-in
		"Hiring loop set", // note 1
		"Two of three pods staffed",
		"",     // end of notes
		"2, x", // not numbers: asked again
		"4",    // out of range: asked again
		"1-2",  // a range: 1 was done, 2 is now
		"Write the Q1 staffing plan",
		"",           // its kind: the one the wording says (project)
		"2027-02-01", // outside the new window: asked again
		"2026-12-20",
		"", // a missing action: asked again
		"Read chapter 3 of \"The Manager's Path\"",
		"lecture", // not a kind: asked again
		"course",
		"", // its due date: the default, a fortnight out
		"Ask Victor Mensah about the DX team's charter (person) — due 2027-03-01", // outside: asked again
		"Ask Victor Mensah about the DX team's charter (person) — due 2026-12-30",
		"maybe", // not yes or no
		"y",
	)
	if err != nil {
		t.Fatalf("%v\n%s", err, prompts)
	}
	for _, want := range []string{
		"? Which review is this: check-in, quarterly, rewrite, re-plan [check-in]: ",
		`"weekly" is not a kind of review`,
		`  "chek-in" is not a kind of review: did you mean check-in? Answer check-in, quarterly, rewrite, re-plan.`,
		"Questions for the check-in:\n  1. ",
		"? Note 1 (an empty line ends the notes): ",
		"  2. [ ] ",
		"? Which are done now? Numbers such as 1,3 or 1-3 [none]: ",
		`"2, x": give action numbers`,
		"--done 4: the roadmap has 3 actions",
		// Action 3 is past its date: keeping it as it is would fail lint.
		"This review starts a new 30-day window, 2026-12-08 to 2027-01-07, and the current actions do not fit it:\n" +
			"  action 3 was due 2026-12-03, before the current window began on 2026-12-08\n",
		"or press Enter to keep the open ones with new due dates inside the window.\n",
		"? Action 1, a project: ? Kind of action 1: project, course, person [project]: ",
		"? Due date of action 1, YYYY-MM-DD from 2026-12-08 to 2027-01-07 [2026-12-15]: ",
		"  2027-02-01 is outside the new window: give a date from 2026-12-08 to 2027-01-07.\n",
		"The 30-day plan holds exactly 3 actions: give this one too.",
		"? Kind of action 2: project, course, person [course]: ",
		`"lecture" is not a kind of action`,
		"? Due date of action 2, YYYY-MM-DD from 2026-12-08 to 2027-01-07 [2026-12-22]: ",
		"  It is due 2027-03-01, outside the new window (2026-12-08 to 2027-01-07)",
		// The change is shown before anything is written.
		"The change to " + path + ":\n--- a/",
		"\n+- [ ] Write the Q1 staffing plan (project) — due 2026-12-20\n" +
			"+- [ ] Read chapter 3 of \"The Manager's Path\" (course) — due 2026-12-22\n" +
			"+- [ ] Ask Victor Mensah about the DX team's charter (person) — due 2026-12-30\n",
		"+### 2026-12-08 · check-in\n+- Hiring loop set\n+- Two of three pods staffed\n+- Done: ",
		"? Write it to " + path + "? [Y/n]: ",
		"  Answer y or n.\n",
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
	// The third action named its kind and date: nothing was asked about it.
	if strings.Contains(prompts, "Kind of action 3") || strings.Contains(prompts, "Due date of action 3") {
		t.Errorf("asked about what action 3 says:\n%s", prompts)
	}
	// Without git, no commit is offered.
	if strings.Contains(prompts, "Commit it") {
		t.Errorf("a commit was offered outside a repository:\n%s", prompts)
	}
	// The summary counts the two notes typed, not the lines the record adds.
	if !strings.Contains(out, "Recorded a check-in") || !strings.Contains(out, "\n  2 notes in the entry\n") {
		t.Errorf("out: %s", out)
	}
	data, _ := os.ReadFile(path)
	d := roadmap.Parse(path, data)
	last := d.Reviews[len(d.Reviews)-1]
	if last.Kind != "check-in" || last.Notes[0].Text != "Hiring loop set" || len(d.Actions) != 3 {
		t.Fatalf("recorded %+v, actions %+v", last, d.Actions)
	}
	for i, want := range []struct{ title, kind, due string }{
		{"Write the Q1 staffing plan", "project", "2026-12-20"},
		{"Read chapter 3 of \"The Manager's Path\"", "course", "2026-12-22"},
		{"Ask Victor Mensah about the DX team's charter", "person", "2026-12-30"},
	} {
		a := d.Actions[i]
		if a.Title != want.title || a.Kind != want.kind || a.KindInferred || a.Due.String() != want.due {
			t.Errorf("action %d = %q (%s, inferred %v) due %s", i+1, a.Title, a.Kind, a.KindInferred, a.Due)
		}
	}
}

func TestRecordInteractiveKeepsActions(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	// Kind, no notes, nothing done, Enter to keep the open ones, yes.
	prompts, out, err := interactive(t, path, "2026-12-08", nil, "", "", "", "", "")
	if err != nil {
		t.Fatalf("%v\n%s", err, prompts)
	}
	if !strings.Contains(out, "  kept 2 open actions with new due dates inside 2026-12-08 to 2027-01-07\n") {
		t.Errorf("out: %s", out)
	}
	data, _ := os.ReadFile(path)
	d := roadmap.Parse(path, data)
	if a := d.Actions[2]; a.Due.Before(today("2026-12-08")()) || a.Due.After(today("2027-01-07")()) {
		t.Errorf("action 3 is due %s, outside the new window", a.Due)
	}
}

func TestRecordInteractiveAllDoneNeedsThree(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	prompts, _, err := interactive(t, path, "2026-12-08", nil, "", "", "2,3", "", "Write the Q1 staffing plan (project)", "",
		"Read chapter 3 of \"The Manager's Path\" (course) — due 2026-12-20", "Ask Victor Mensah about the DX team's charter (person) — due 2026-12-30", "y")
	if err != nil {
		t.Fatalf("%v\n%s", err, prompts)
	}
	for _, want := range []string{
		"Every action is done: the new 30-day window, 2026-12-08 to 2027-01-07, needs three new ones.\nPin the next three actions (a project, a course, a person).\n",
		"  The new window needs 3 actions: give this one.\n",
	} {
		if !strings.Contains(prompts, want) {
			t.Errorf("prompts lack %q:\n%s", want, prompts)
		}
	}
}

// No, or input that ends (Ctrl-D) before the answer, writes nothing.
func TestRecordInteractiveDeclined(t *testing.T) {
	for name, answers := range map[string][]string{
		"no":            {"", "A note", "", "", "", "n"},
		"input ends":    {"", "A note"},
		"ends at write": {"", "A note", "", "", ""},
	} {
		t.Run(name, func(t *testing.T) {
			path := copyExample(t, "team/marcus-feld.md")
			before, _ := os.ReadFile(path)
			prompts, out, err := interactive(t, path, "2026-12-08", nil, answers...)
			if err != nil {
				t.Fatalf("%v\n%s", err, prompts)
			}
			if !strings.HasSuffix(prompts, "Nothing was written.\n") || out != "" {
				t.Errorf("prompts end %q, out %q", prompts[max(0, len(prompts)-200):], out)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Errorf("the file was written")
			}
		})
	}
}

// Ctrl-D at the first question aborts, as Ctrl-C does: exit 2, nothing
// written, and no further questions. (It used to take every default and
// record an empty check-in, exit 0.)
func TestRecordInteractiveEndOfInputAtFirstQuestion(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	before, _ := os.ReadFile(path)
	prompts, out, err := interactive(t, path, "2026-12-08", nil)
	if err == nil || cmdutil.ExitCode(err) != cmdutil.ExitError {
		t.Fatalf("err = %v, want an input error (exit 2)\n%s", err, prompts)
	}
	if want := "the input ended before the first answer, so nothing was recorded"; !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want it to say %q", err, want)
	}
	if strings.Contains(prompts, "Note 1") || out != "" {
		t.Errorf("asked on after the input ended:\n%s\nout: %q", prompts, out)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the file was written")
	}
	if _, err := os.Stat(editlock.Path(path)); !os.IsNotExist(err) {
		t.Errorf("a lock file was left: %v", err)
	}
}

// In a git repository the record offers to commit; yes commits the file.
func TestRecordInteractiveOffersCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	env := []string{"GIT_CONFIG_GLOBAL=" + filepath.Join(dir, "no-config"), "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Marcus Feld", "GIT_AUTHOR_EMAIL=m@example.com", "GIT_COMMITTER_NAME=Marcus Feld", "GIT_COMMITTER_EMAIL=m@example.com",
		"GIT_CEILING_DIRECTORIES=" + filepath.Dir(dir)}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = dir, append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	data, _ := os.ReadFile("../../../examples/team/marcus-feld.md")
	path := filepath.Join(dir, "marcus.md")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "marcus.md")
	git("commit", "-q", "-m", "start")
	prompts, out, err := interactive(t, path, "2026-12-08", &gitx.Client{Env: env}, "", "", "", "", "", "y")
	if err != nil {
		t.Fatalf("%v\n%s", err, prompts)
	}
	if !strings.Contains(prompts, `? Commit it as "review: check-in 2026-12-08"? [y/N]: `) || !strings.Contains(out, `committed `) {
		t.Errorf("prompts:\n%s\nout:\n%s", prompts, out)
	}
	if log := git("log", "--format=%s"); log != "review: check-in 2026-12-08\nstart\n" {
		t.Errorf("git log:\n%s", log)
	}
}

func TestRecordInteractiveRefusesWhenTheFileChangedMeanwhile(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	ios, _, _, _ := iostreams.Test()
	// Enter to every question (keeping the actions), then yes to write.
	ios.In = &answers{r: strings.NewReader("\n\n\n\ny\n"), change: func() {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("\nan edit made while the questions were asked\n")
		f.Close()
	}}
	ios.SetStdinTTY(true)
	ios.SetStdoutTTY(true)
	err := reviewRun(&Options{IO: ios, File: path, Today: today("2026-12-08"), Record: true, Interactive: true, Git: noGit, Format: "text", LockWait: time.Second})
	if cmdutil.ExitCode(err) != 2 || !strings.Contains(err.Error(), "changed while the questions were being answered, so nothing was written") {
		t.Fatalf("err = %v", err)
	}
	data, _ := os.ReadFile(path)
	if !strings.HasSuffix(string(data), "an edit made while the questions were asked\n") {
		t.Errorf("the edit was lost")
	}
}

func TestLabelsAndLateness(t *testing.T) {
	for in, want := range map[int]string{0: "due today", 1: "1 day overdue", 5: "5 days overdue", -1: "in 1 day", -9: "in 9 days"} {
		if got := late(in); got != want {
			t.Errorf("late(%d) = %q, want %q", in, got, want)
		}
	}
	if label(review.None) != "none" || label("quarterly") != "quarterly review" {
		t.Errorf("labels")
	}
}

// TestHistoryFromTheFactory: the command reads the file's past from the
// provider the Factory hands it, here a scripted one: its review commit
// is the last review, and the commits after it are what changed.
func TestHistoryFromTheFactory(t *testing.T) {
	path := copyExample(t, "team/marcus-feld.md")
	at := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d.Add(12 * time.Hour) }
	fake := &historytest.Repo{
		Files: map[string][]historytest.Commit{path: {
			{Time: at("2026-11-01"), Subject: "marcus: start"},
			{Time: at("2026-12-06"), Subject: "review: check-in 2026-12-06"},
			{Time: at("2026-12-07"), Author: "Lucía Fernández", Subject: "marcus: a new person action"},
		}},
		Stats: map[string]history.Stat{path: {Added: 4, Deleted: 1}},
	}
	ios, _, out, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Today: today("2026-12-08"), History: fake}
	cmd := NewCmdReview(f, nil)
	cmd.SetArgs([]string{path})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  Due:    nothing today\n",
		"  Last:   check-in on 2026-12-06, from a review commit\n",
		"Changes since the last review (2026-12-06)\n",
		"  1 commit, +4 -1 lines\n",
		" 2026-12-07  marcus: a new person action  (Lucía Fernández)\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	// The review's own commit is that review, not a change since it.
	if strings.Contains(out.String(), "  review: check-in 2026-12-06") {
		t.Errorf("the review commit is listed as a change since the review:\n%s", out)
	}
}
