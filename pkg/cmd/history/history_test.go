package history

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdHistoryFlags(t *testing.T) {
	tests := []struct {
		args    []string
		format  string
		wantErr string
	}{
		{args: []string{"plan.md"}, format: "text"},
		{args: []string{"plan.md", "--format", "markdown"}, format: "markdown"},
		{args: []string{"-", "--format", "JSON"}, format: "json"},
		{args: []string{}, wantErr: "history takes exactly one FILE (or - for standard input), got 0"},
		{args: []string{"plan.md", "--format", "jsn"}, wantErr: `did you mean "json"?`},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		var got *Options
		cmd := NewCmdHistory(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cmdutil.FlagErrorWrap(err) })
		_, err := cmd.ExecuteC()
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || cmdutil.ExitCode(err) != cmdutil.ExitError {
				t.Errorf("%v: err %v, want %q (exit 2)", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got.Format != tt.format || got.History == nil {
			t.Errorf("%v: err %v, options %+v", tt.args, err, got)
		}
	}
}

const plan = `---
roadmap: 1
title: A plan <b>bold</b>
owner: Ana Souza
kind: promotion
started: 2026-01-05
target:
  role: Staff Engineer
  level: %s
---
## Next 30 days
- [ ] Scope the <migration> (project) — due 2026-02-01
`

// TestHistoryFromTheFactory: the command reads the versions the Factory's
// provider gives (a scripted history, no repository), and Markdown output
// escapes what the file says.
func TestHistoryFromTheFactory(t *testing.T) {
	at := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d.Add(12 * time.Hour) }
	v1, v2 := strings.Replace(plan, "%s", "senior", 1), strings.Replace(plan, "%s", "staff", 1)
	dir := t.TempDir()
	path := dir + "/plan.md"
	if err := writeFile(path, v2); err != nil {
		t.Fatal(err)
	}
	fake := &historytest.Repo{Files: map[string][]historytest.Commit{path: {
		{Time: at("2026-01-05"), Subject: "start", Content: v1},
		{Time: at("2026-01-20"), Subject: "aim higher", Content: v2},
	}}}
	for _, tt := range []struct{ format, want string }{
		{"text", "2026-01-20  level  senior → staff ("},
		{"markdown", "# History of " + path + " · A plan &lt;b&gt;bold&lt;/b&gt; (Ana Souza)"},
		{"markdown", "- open since 2026-01-05  Scope the &lt;migration&gt; (project)"},
		{"json", `"field": "level",`},
	} {
		ios, _, out, errOut := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Today: func() civil.Date { return civil.New(2026, 2, 1) }, History: fake}
		cmd := NewCmdHistory(f, nil)
		cmd.SetArgs([]string{path, "--format", tt.format})
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%s: %v\n%s", tt.format, err, errOut)
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%s: missing %q in\n%s", tt.format, tt.want, out)
		}
		if errOut.Len() != 0 {
			t.Errorf("%s: stderr %q", tt.format, errOut)
		}
	}
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
