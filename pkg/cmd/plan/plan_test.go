package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/plan/icstest"
	"github.com/roadmapcli/roadmap/pkg/report"
)

func day(s string) func() civil.Date {
	return func() civil.Date {
		d, err := civil.Parse(s)
		if err != nil {
			panic(err)
		}
		return d
	}
}

func TestNewCmdPlanFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{"r.md"}, want: Options{File: "r.md", Format: "text", StdinName: "<stdin>"}},
		{args: []string{"-", "--stdin-filename", "mine.md", "--format", "ICS"}, want: Options{File: "-", Format: "ics", StdinName: "mine.md"}},
		{args: []string{"r.md", "--format", "mermaid"}, want: Options{File: "r.md", Format: "mermaid", StdinName: "<stdin>"}},
		{args: []string{}, wantErr: "plan takes exactly one FILE (or - for standard input), got 0"},
		{args: []string{"a.md", "b.md"}, wantErr: "got 2"},
		{args: []string{"r.md", "--format", "csv"}, wantErr: `valid values are "text", "markdown", "json", "ics", "mermaid"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmdPlan(&cmdutil.Factory{IOStreams: ios, Today: day("2026-11-21")}, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.File != tt.want.File || got.Format != tt.want.Format || got.StdinName != tt.want.StdinName {
				t.Errorf("options = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func run(t *testing.T, file, format, today string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	err := planRun(&Options{IO: ios, Today: day(today), File: file, Format: format, StdinName: "<stdin>"})
	return out.String(), errOut.String(), err
}

func examples(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../../examples/*.md")
	team, _ := filepath.Glob("../../../examples/team/*.md")
	for _, f := range team {
		if filepath.Base(f) != "README.md" {
			files = append(files, f)
		}
	}
	if len(files) < 5 {
		t.Fatalf("examples not found: %v", files)
	}
	return files
}

// The calendar export parses back under a strict reader, every event has
// its required properties, and UIDs are unique within a run and the same
// across runs, also after time passes and statuses change.
func TestICSExamples(t *testing.T) {
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			first, _, err := run(t, f, report.FormatICS, "2026-11-21")
			if err != nil {
				t.Fatal(err)
			}
			cal, err := icstest.Parse([]byte(first))
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range map[string]string{"VERSION": "2.0", "CALSCALE": "GREGORIAN", "PRODID": "-//roadmapcli//roadmap//EN"} {
				if ps := cal.Get(name); len(ps) != 1 || ps[0].Value != want {
					t.Errorf("%s = %+v", name, ps)
				}
			}
			uids, err := icstest.CheckEvents(cal)
			if err != nil {
				t.Fatal(err)
			}
			// 3 actions and 4 cadence checkpoints; a stall's decision or an
			// exploration's pick date, or a career change's 4 bridge phases
			// and its job search.
			want := map[string]int{"promotion.md": 7, "oluwaseun-adeyemi.md": 7, "stalled.md": 8, "ines-carvalho.md": 8,
				"explore.md": 8, "career-change.md": 12, "career-change-designer.md": 12, "marcus-feld.md": 11}[filepath.Base(f)]
			if len(uids) != want {
				t.Errorf("%d events, want %d", len(uids), want)
			}
			alarms := 0
			for _, ev := range cal.Children {
				if seq := ev.Get("SEQUENCE")[0].Value; seq != "20778" {
					t.Errorf("SEQUENCE %s, want 20778 (the days from 1970-01-01 to 2026-11-21)", seq)
				}
				for _, al := range ev.Children {
					alarms++
					desc, _ := icstest.UnescapeText(al.Get("DESCRIPTION")[0].Value)
					if al.Get("TRIGGER")[0].Value != "-PT15H" || !strings.HasPrefix(desc, "Tomorrow: the ") || !strings.Contains(desc, "\n1. ") {
						t.Errorf("alarm %q %q", al.Get("TRIGGER")[0].Value, desc)
					}
				}
			}
			if alarms != 3 {
				t.Errorf("%d alarms, want one for each of the 3 reviews", alarms)
			}
			title := cal.Get("X-WR-CALNAME")[0].Value
			for _, ev := range cal.Children {
				sum, _ := icstest.UnescapeText(ev.Get("SUMMARY")[0].Value)
				if !strings.HasPrefix(sum, title) {
					t.Errorf("summary %q does not name the roadmap %q", sum, title)
				}
				if ev.Get("DTSTAMP")[0].Value != "20261121T000000Z" {
					t.Errorf("DTSTAMP = %q, want it from --today", ev.Get("DTSTAMP")[0].Value)
				}
			}
			again, _, _ := run(t, f, report.FormatICS, "2026-11-21")
			if again != first {
				t.Error("two runs on the same day differ")
			}
			later, _, _ := run(t, f, report.FormatICS, "2027-02-01")
			cal2, err := icstest.Parse([]byte(later))
			if err != nil {
				t.Fatal(err)
			}
			uids2, err := icstest.CheckEvents(cal2)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(uids, " ") != strings.Join(uids2, " ") {
				t.Errorf("UIDs changed over time:\n%v\n%v", uids, uids2)
			}
		})
	}
}

// Ticking an action, moving its date or rewording it keeps its UID (the
// calendar updates the event); the roadmap's path does not matter.
func TestICSUIDsSurviveEdits(t *testing.T) {
	src, err := os.ReadFile("../../../examples/promotion.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	edited := strings.NewReplacer("- [ ] Finish chapters 1–5", "- [x] Finish chapters 1–6", "due 2026-12-11", "due 2026-12-14",
		"Ask Samuel Achebe (Staff Engineer, Risk) for a 15-minute chat", "Ask Samuel Achebe (Staff Engineer, Risk) for a 20-minute call").Replace(string(src))
	if strings.Count(edited, "1–6") != 1 || !strings.Contains(edited, "20-minute call") {
		t.Fatal("the example changed: the edits no longer apply")
	}
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "sub-b.md")
	if err := os.WriteFile(a, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	uidsOf := func(file string) []string {
		out, _, err := run(t, file, report.FormatICS, "2026-11-21")
		if err != nil {
			t.Fatal(err)
		}
		cal, err := icstest.Parse([]byte(out))
		if err != nil {
			t.Fatal(err)
		}
		uids, err := icstest.CheckEvents(cal)
		if err != nil {
			t.Fatal(err)
		}
		return uids
	}
	if x, y := uidsOf(a), uidsOf(b); strings.Join(x, " ") != strings.Join(y, " ") {
		t.Errorf("UIDs differ after ticking and moving actions:\n%v\n%v", x, y)
	}
}

func TestJSONShape(t *testing.T) {
	out, _, err := run(t, "../../../examples/promotion.md", report.FormatJSON, "2026-11-21")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"file", "title", "owner", "target", "today", "window", "actions", "nextQuarter", "longTerm", "checkpoints", "next", "due"} {
		if _, ok := v[k]; !ok {
			t.Errorf("no %q in %s", k, out)
		}
	}
	w := v["window"].(map[string]any)
	if w["daysLeft"].(float64) != 25 || w["expired"].(bool) {
		t.Errorf("window = %v", w)
	}
	acts := v["actions"].([]any)
	if len(acts) != 3 || acts[0].(map[string]any)["status"] != "done" || acts[1].(map[string]any)["daysLeft"].(float64) != 13 {
		t.Errorf("actions = %v", acts)
	}
	if v["due"] != nil {
		t.Errorf("due = %v, want null", v["due"])
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	if err := os.WriteFile(bad, []byte("---\nroadmap: 1\ntitle: T\nkind: promotion\nstarted: soon\ntarget: {role: X}\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, bad, report.FormatText, "2026-11-21")
	var ie *cmdutil.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "bad.md:5:10: started:") {
		t.Errorf("error = %v, want an input error at bad.md:5:10", err)
	}
	_, _, err = run(t, filepath.Join(dir, "missing.md"), report.FormatText, "2026-11-21")
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("error = %v", err)
	}
}

func TestStdinAndColour(t *testing.T) {
	src, err := os.ReadFile("../../../examples/stalled.md")
	if err != nil {
		t.Fatal(err)
	}
	ios, in, out, _ := iostreams.Test()
	in.Write(src)
	ios.SetStdoutTTY(true)
	ios.SetColorEnabled(true)
	ios.SetTerminalWidth(60)
	if err := planRun(&Options{IO: ios, Today: day("2026-11-21"), File: "-", StdinName: "mine.md", Format: report.FormatText}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, "mine.md") || !strings.Contains(s, "\x1b[") {
		t.Errorf("stdin name or colour missing:\n%s", s)
	}
	for _, l := range strings.Split(s, "\n") {
		plain := l
		for strings.Contains(plain, "\x1b[") {
			i := strings.Index(plain, "\x1b[")
			j := strings.IndexByte(plain[i:], 'm')
			plain = plain[:i] + plain[i+j+1:]
		}
		if n := len([]rune(plain)); n > 60 {
			t.Errorf("line of %d columns on a 60-column terminal: %q", n, plain)
		}
	}
	// Not a terminal: no colour.
	text, _, _ := run(t, "../../../examples/stalled.md", report.FormatText, "2026-11-21")
	if strings.Contains(text, "\x1b[") {
		t.Error("colour without a terminal")
	}
}

// The checkpoints' dates stand in one column, two spaces after the
// longest name, as the other columns are apart (a bridge phase's name ran
// into its date).
func TestCheckpointDatesAlign(t *testing.T) {
	out, _, err := run(t, "../../../examples/career-change.md", "text", "2026-11-21")
	if err != nil {
		t.Fatal(err)
	}
	_, cps, _ := strings.Cut(out, "\nCheckpoints\n")
	cps, _, _ = strings.Cut(cps, "\n\n")
	col, rows, bridge := -1, 0, false
	for _, l := range strings.Split(cps, "\n") {
		if strings.HasPrefix(l, "      ") {
			continue // a basis line under its checkpoint
		}
		i := strings.Index(l, " 20")
		if i < 0 {
			t.Fatalf("no date in %q", l)
		}
		at := report.Width(l[:i])
		if !strings.HasSuffix(l[:i], " ") {
			t.Errorf("one space between the name and the date: %q", l)
		}
		if col >= 0 && at != col {
			t.Errorf("the date of %q is at column %d, the others at %d", l, at, col)
		}
		col, rows, bridge = at, rows+1, bridge || strings.Contains(l, "–")
	}
	if rows < 4 || !bridge {
		t.Fatalf("read %d checkpoints (a bridge phase among them: %v):\n%s", rows, bridge, cps)
	}
}
