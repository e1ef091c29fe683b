package ladder

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
)

func factory() (*cmdutil.Factory, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	return &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}, out, errOut
}

// run executes `ladder <args>` in-process with no repository ladders
// unless --ladders is given.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	f, out, _ := factory()
	cmd := NewCmdLadder(f)
	// Keep the tests hermetic: search for .roadmap.yaml from an empty dir.
	empty := t.TempDir()
	list := NewCmdList(f, func(o *ListOptions) error { o.StartDir = empty; return listRun(o) })
	show := NewCmdShow(f, func(o *ShowOptions) error { o.StartDir = empty; return showRun(o) })
	cmd.ResetCommands()
	cmd.AddCommand(list, show)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return out.String(), err
}

func TestShowFlagsParse(t *testing.T) {
	f, _, _ := factory()
	var got *ShowOptions
	cmd := NewCmdShow(f, func(o *ShowOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"software-engineer", "--from", "L5", "--to", "staff", "--columns", "Level, title,salary", "--format", "MARKDOWN"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Track != "software-engineer" || got.From != "L5" || got.To != "staff" || got.Format != "markdown" ||
		strings.Join(got.Columns, ",") != "level,title,salary" || got.StartDir != "." {
		t.Errorf("options = %+v", got)
	}

	cmd = NewCmdShow(f, func(o *ShowOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"x"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if len(got.Columns) != 0 || got.Format != "table" {
		t.Errorf("defaults = %+v (no --columns: showRun picks the track's defaults)", got)
	}

	cmd = NewCmdShow(f, func(o *ShowOptions) error { return nil })
	cmd.SetArgs([]string{"x", "--columns", "level,skils"})
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `did you mean "skills"?`) {
		t.Errorf("bad column: %v", err)
	}
}

func TestListFormats(t *testing.T) {
	out, err := run(t, "list", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var j ListJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Tracks) < 6 || j.Tracks[0].ID != "software-engineer" || j.Tracks[0].Origin != "built-in" || len(j.Tracks[0].Levels) != 8 {
		t.Errorf("list json = %+v", j)
	}
	out, err = run(t, "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"software-engineer", "engineering-manager", "product-manager", "product-designer", "data-scientist", "site-reliability-engineer"} {
		if !strings.Contains(out, id) {
			t.Errorf("list is missing %s:\n%s", id, out)
		}
	}
}

var (
	rowRe  = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
	cellRe = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
)

func gfmRows(t *testing.T, md string) [][]string {
	t.Helper()
	var buf bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, r := range rowRe.FindAllStringSubmatch(buf.String(), -1) {
		var cells []string
		for _, c := range cellRe.FindAllStringSubmatch(r[1], -1) {
			cells = append(cells, html.UnescapeString(c[1]))
		}
		rows = append(rows, cells)
	}
	return rows
}

func TestShowMarkdownIsAGFMTable(t *testing.T) {
	out, err := run(t, "show", "software-engineer", "--format", "markdown", "--columns", "level,title,aliases,years,scope,skills,mentorship,visibility,milestones,salary,next")
	if err != nil {
		t.Fatal(err)
	}
	rows := gfmRows(t, out)
	if len(rows) != 9 {
		t.Fatalf("want header + 8 rows, got %d:\n%s", len(rows), out)
	}
	for i, r := range rows {
		if len(r) != 11 {
			t.Errorf("row %d has %d cells", i, len(r))
		}
	}
	if !strings.Contains(out, ladder.Notice) || !strings.Contains(rows[1][9], "BLS OEWS May 2024") || !strings.Contains(rows[1][9], "2024)") {
		t.Errorf("salary cells must carry source and year, and the notice must be printed:\n%s", out)
	}
}

const pipeLadder = `track: pipes
title: Pipes | and more
levels:
  - id: one
    title: "A | B"
    scope: "left | right \\| escaped"
    skills: ["x | y", z]
    next: [two]
  - id: two
    title: Two
`

func TestShowMarkdownEscapesPipes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pipes.yaml"), []byte(pipeLadder), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "show", "pipes", "--ladders", dir, "--format", "markdown", "--columns", "level,title,scope,skills,salary")
	if err != nil {
		t.Fatal(err)
	}
	rows := gfmRows(t, out)
	if len(rows) != 3 {
		t.Fatalf("rows = %d\n%s", len(rows), out)
	}
	for i, r := range rows {
		if len(r) != 5 {
			t.Errorf("row %d: %d cells %q\n%s", i, len(r), r, out)
		}
	}
	if rows[1][1] != "A | B" || rows[1][2] != `left | right \| escaped` || rows[1][3] != "x | y; z" || rows[1][4] != "no published figure" {
		t.Errorf("cells = %q", rows[1])
	}
}

func TestShowJSON(t *testing.T) {
	out, err := run(t, "show", "software-engineer", "--from", "staff", "--to", "L8", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"track", "levels", "notice"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("missing key %q", k)
		}
	}
	var j ShowJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Levels) != 3 || j.Levels[0].Ref != "software-engineer/staff" || j.Levels[2].ID != "principal" {
		t.Fatalf("levels = %+v", j.Levels)
	}
	s := j.Levels[1].Salary
	if s == nil || s.High != nil || !s.Indicative || s.Year != 2024 || s.Source == "" {
		t.Errorf("open-ended salary = %+v", s)
	}
	if !strings.Contains(out, `"high": null`) || !strings.Contains(out, `"milestones": [`) {
		t.Errorf("json shape:\n%s", out)
	}
}

// A track with IC and management levels shows the kind by default.
func TestShowKindColumn(t *testing.T) {
	out, err := run(t, "show", "product-manager", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "level,title,kind,scope,") || !strings.Contains(out, "\ndirector,Director of Product,management,") {
		t.Errorf("mixed track:\n%s", out)
	}
	out, err = run(t, "show", "software-engineer", "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "level,title,scope,") {
		t.Errorf("one-kind track:\n%.200s", out)
	}
}

func TestShowCSV(t *testing.T) {
	out, err := run(t, "show", "engineering-manager", "--format", "csv", "--columns", "level,salary")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "level,salary_low,salary_high,salary_currency,salary_region,salary_basis,salary_band,salary_source,salary_year,salary_notice," +
		"salary_occupation,salary_topcoded,salary_note"
	if strings.Join(recs[0], ",") != want {
		t.Errorf("header = %v", recs[0])
	}
	if len(recs) != 7 || recs[1][1] != "134350" || recs[1][2] != "171200" || recs[6][2] != "" || recs[1][8] != "2024" ||
		recs[1][9] != ladder.Notice || recs[1][10] != "11-3021 Computer and Information Systems Managers" ||
		recs[1][11] != "false" || recs[6][11] != "true" || !strings.HasPrefix(recs[1][12], "First-line manager") {
		t.Errorf("records = %q", recs)
	}
}

func TestShowErrors(t *testing.T) {
	_, err := run(t, "show", "sofware-engineer")
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `did you mean "software-engineer"?`) {
		t.Errorf("unknown track: %v", err)
	}
	_, err = run(t, "show", "software-engineer", "--from", "staff", "--to", "mid")
	if !errors.As(err, &fe) {
		t.Errorf("reversed range: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("track: x\ntitle: X\nlevels:\n  - id: a\n    titel: A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = run(t, "list", "--ladders", dir)
	var ie *cmdutil.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "bad.yaml:5:5: unknown key \"titel\"") {
		t.Errorf("bad file: %v", err)
	}
	if cmdutil.ExitCode(err) != 2 {
		t.Errorf("exit code = %d", cmdutil.ExitCode(err))
	}
}

func TestCompletion(t *testing.T) {
	f, _, _ := factory()
	cmd := NewCmdShow(f, nil)
	got, _ := CompleteTrack(cmd, nil, "soft")
	if len(got) != 1 || !strings.HasPrefix(got[0], "software-engineer\t") {
		t.Errorf("track completion = %q", got)
	}
	got, _ = CompleteLevelRef(cmd, nil, "data-scientist/s")
	if len(got) != 2 || !strings.HasPrefix(got[0], "data-scientist/senior\t") {
		t.Errorf("level completion = %q", got)
	}
	got, _ = completeLevelOfArg(cmd, []string{"product-manager"}, "")
	if len(got) != 8 || !strings.HasPrefix(got[0], "associate\t") {
		t.Errorf("--from completion = %q", got)
	}
}
