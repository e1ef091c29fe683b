package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdExportFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{"r.md"}, want: Options{File: "r.md", Format: "html", StdinName: "<stdin>"}},
		{args: []string{"r.md", "-o", "r.html"}, want: Options{File: "r.md", Format: "html", Output: "r.html", StdinName: "<stdin>"}},
		{args: []string{"--format", "svg", "r.md", "--output", "r.svg", "--ladders", "lad"},
			want: Options{File: "r.md", Format: "svg", Output: "r.svg", LaddersDir: "lad", StdinName: "<stdin>"}},
		{args: []string{"-", "--stdin-filename", "plan.md"}, want: Options{File: "-", Format: "html", StdinName: "plan.md"}},
		{args: nil, wantErr: "export takes exactly one FILE"},
		{args: []string{"a.md", "b.md"}, wantErr: "export takes exactly one FILE (or - for standard input), got 2"},
		{args: []string{"r.md", "--format", "pdf"}, wantErr: `valid values are "html", "svg"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, Today: func() civil.Date { return civil.New(2026, 11, 21) }}
			var got *Options
			cmd := NewCmdExport(f, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(ios.Out)
			cmd.SetErr(ios.ErrOut)
			err := cmd.Execute()
			if tt.wantErr != "" {
				// Bad flag values are cobra's errors; the root command makes
				// them usage errors (exit 2) for every command.
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || (!errors.As(err, &fe) && !strings.Contains(err.Error(), "flag")) {
					t.Fatalf("err = %v, want a usage error %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.File != tt.want.File || got.Format != tt.want.Format || got.Output != tt.want.Output ||
				got.LaddersDir != tt.want.LaddersDir || got.StdinName != tt.want.StdinName {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// streakPlan logs no review: its check-ins were committed by `review
// --record --commit` ("review: check-in DATE") and live in git.
const streakPlan = `---
roadmap: 1
title: Path to Staff Engineer
owner: Kavya Raman
kind: promotion
started: 2026-08-01
horizon: 2y
current:
  role: Senior Software Engineer
  ladder: software-engineer
  level: senior
target:
  role: Staff Software Engineer
  ladder: software-engineer
  level: staff
  companies: [Stripe, Adyen]
  by: 2028-08-31
cadence:
  checkin: monthly
---

# Path to Staff Engineer
`

// The page's review streak counts review commits as roadmap history does:
// three monthly check-ins committed on time are a streak of three, not
// an overdue check-in with none kept.
func TestExportStreakCountsReviewCommits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.md")
	if err := os.WriteFile(path, []byte(streakPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(s string) time.Time { tm, _ := time.Parse(time.RFC3339, s); return tm }
	repo := &historytest.Repo{Files: map[string][]historytest.Commit{path: {
		{Time: at("2026-08-01T09:00:00Z"), Subject: "plan: start", Content: streakPlan},
		{Time: at("2026-09-01T09:00:00Z"), Subject: "review: check-in 2026-09-01", Content: streakPlan},
		{Time: at("2026-10-01T09:00:00Z"), Subject: "review: check-in 2026-10-01", Content: streakPlan},
		{Time: at("2026-11-01T09:00:00Z"), Subject: "review: check-in 2026-11-01", Content: streakPlan},
		// Seen from --today 2026-11-21, this one has not happened yet.
		{Time: at("2026-12-01T09:00:00Z"), Subject: "review: check-in 2026-12-01", Content: streakPlan},
	}}}
	ios, _, out, _ := iostreams.Test()
	opts := &Options{IO: ios, Today: func() civil.Date { return civil.New(2026, 11, 21) }, History: repo,
		File: path, Format: "html", LaddersDir: ""}
	if err := exportRun(opts); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	for _, want := range []string{"<b>3</b>reviews in a row on time", "<b>3</b>reviews held"} {
		if !strings.Contains(page, want) {
			i := strings.Index(page, `id="h-cad"`)
			t.Errorf("the page does not say %q:\n%s", want, page[i:min(len(page), i+600)])
		}
	}
}
