package gap

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdGapFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{"r.md"}, want: Options{File: "r.md", Format: "table"}},
		{args: []string{"-", "--format", "json", "--stdin-filename", "x.md"}, want: Options{File: "-", Format: "json"}},
		{args: []string{"--ladder", "software-engineer", "--from", "senior", "--to", "staff"},
			want: Options{Ladder: "software-engineer", From: "senior", To: "staff", Format: "table"}},
		{args: []string{"--from", "software-engineer/senior", "--to", "engineering-manager/manager", "--format", "markdown"},
			want: Options{From: "software-engineer/senior", To: "engineering-manager/manager", Format: "markdown"}},
		{args: []string{}, wantErr: "give a roadmap FILE, two levels with --from and --to"},
		{args: []string{"--from", "senior"}, wantErr: "--to is missing"},
		// --to alone: what one level expects.
		{args: []string{"--ladder", "software-engineer", "--to", "staff"},
			want: Options{Ladder: "software-engineer", To: "staff", Format: "table"}},
		{args: []string{"--to", "software-engineer/staff"}, want: Options{To: "software-engineer/staff", Format: "table"}},
		{args: []string{"r.md", "--to", "staff"}, wantErr: "with FILE the levels come from its frontmatter"},
		{args: []string{"a.md", "b.md"}, wantErr: "gap takes at most one FILE"},
		{args: []string{"r.md", "--format", "csv"}, wantErr: `valid values are "table", "markdown", "json"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmdGap(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
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
			if got.File != tt.want.File || got.Format != tt.want.Format || got.Ladder != tt.want.Ladder ||
				got.From != tt.want.From || got.To != tt.want.To {
				t.Errorf("options = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func run(t *testing.T, opts Options) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO = ios
	if opts.Format == "" {
		opts.Format = "table"
	}
	if opts.StdinName == "" {
		opts.StdinName = "<stdin>"
	}
	err := gapRun(&opts)
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

// Every example shows the four dimensions and milestones side by side;
// the one that leaves mentorship out is flagged, the others are not.
func TestExamplesJSON(t *testing.T) {
	for _, f := range examples(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out, stderr, err := run(t, Options{File: f, Format: "json"})
			if err != nil || stderr != "" {
				t.Fatalf("%v %s", err, stderr)
			}
			var v View
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatal(err)
			}
			var dims []string
			for _, d := range v.Dimensions {
				dims = append(dims, d.Dimension)
				if len(d.Current) == 0 || len(d.Target) == 0 || d.Roadmap == nil {
					t.Errorf("%s: %+v", d.Dimension, d)
				}
			}
			if got := strings.Join(dims, ","); got != "skills,scope,mentorship,visibility,milestones" {
				t.Errorf("dimensions = %s", got)
			}
			wantFlagged := ""
			if filepath.Base(f) == "career-change-designer.md" {
				wantFlagged = "mentorship"
				if d := v.Dimensions[2].Roadmap; d.Status != "not-applicable" || !strings.HasPrefix(d.Reason, "I already mentor") {
					t.Errorf("mentorship = %+v", d)
				}
			}
			if got := strings.Join(v.Flagged, ","); got != wantFlagged {
				t.Errorf("flagged = %q, want %q", got, wantFlagged)
			}
			if v.File == nil || *v.File != f {
				t.Errorf("file = %v", v.File)
			}
		})
	}
}

// A table fits the terminal it is printed on, and a pipe gets 80 columns.
func TestTableFitsTheTerminal(t *testing.T) {
	for _, width := range []int{0, 70, 100, 160} {
		ios, _, out, _ := iostreams.Test()
		limit := 80
		if width > 0 {
			ios.SetStdoutTTY(true)
			ios.SetTerminalWidth(width)
			limit = width
		}
		err := gapRun(&Options{IO: ios, File: "../../../examples/career-change-designer.md", Format: "table"})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(out.String(), "\n") {
			if n := utf8.RuneCountInString(l); n > limit {
				t.Errorf("width %d: a line of %d columns: %q", width, n, l)
			}
		}
		if !strings.Contains(out.String(), "Flagged: 1 of 5") {
			t.Errorf("width %d: no flag summary:\n%s", width, out.String())
		}
	}
}

func TestMarkdownEscapesPipes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "r.md")
	src := "---\nroadmap: 1\ntitle: T\nkind: promotion\nstarted: 2026-11-02\n" +
		"current: {ladder: software-engineer, level: senior}\ntarget: {role: Staff, ladder: software-engineer, level: staff}\n---\n" +
		"## Gap\n- **Skills:** a | b design. Evidence: the a|b doc.\n- **Domain:** payments.\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, Options{File: file, Format: "markdown"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `a \| b design.`) || !strings.Contains(out, `the a\|b doc.`) {
		t.Errorf("pipes not escaped:\n%s", out)
	}
	for _, want := range []string{"- **scope**: not in the roadmap's Gap section", "**Also in the Gap section**", "- **Domain** (line 11): payments."} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	noLevel := filepath.Join(dir, "nolevel.md")
	src := "---\nroadmap: 1\ntitle: T\nkind: promotion\nstarted: 2026-11-02\ncurrent:\n  role: Senior\n  ladder: software-engineer\n  level: senoir\ntarget: {role: Staff, level: staff}\n---\n"
	if err := os.WriteFile(noLevel, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var flagErr *cmdutil.FlagError
	var inputErr *cmdutil.InputError
	tests := []struct {
		name  string
		opts  Options
		input bool
		want  string
	}{
		{"unknown track", Options{Ladder: "softwre-engineer", From: "senior", To: "staff"}, false,
			`unknown track "softwre-engineer": did you mean "software-engineer"? (known tracks: software-engineer, engineering-manager`},
		{"unknown level", Options{Ladder: "software-engineer", From: "senior", To: "stafff"}, false,
			`--to: unknown level "stafff" in software-engineer: did you mean "staff"?`},
		{"no track", Options{From: "senior", To: "staff"}, false, `--from "senior" names no track`},
		{"no track for --to alone", Options{To: "staff"}, false, `--to "staff" names no track`},
		{"bare --to takes --from's track", Options{From: "data-scientist/senior", To: "stafff"}, false,
			`--to: unknown level "stafff" in data-scientist`},
		{"wrong level in the roadmap", Options{File: noLevel}, true,
			`nolevel.md:9:10: current.level: unknown level "senoir" in software-engineer: did you mean "senior"?`},
		{"missing file", Options{File: filepath.Join(dir, "none.md")}, true, "none.md: no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := run(t, tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if tt.input && !errors.As(err, &inputErr) {
				t.Errorf("%T is not an input error", err)
			}
			if !tt.input && !errors.As(err, &flagErr) {
				t.Errorf("%T is not a usage error", err)
			}
		})
	}
}

func TestStepsBetween(t *testing.T) {
	out, _, err := run(t, Options{Ladder: "software-engineer", From: "senior", To: "principal"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Path: senior → staff → senior-staff → principal", "(2 levels between, listed", "Levels between", "| staff ", "| senior-staff "} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "roadmap's gap") || strings.Contains(out, "Flagged") {
		t.Error("no roadmap columns without a roadmap")
	}
	js, _, _ := run(t, Options{Ladder: "software-engineer", From: "senior", To: "principal", Format: "json"})
	var v View
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Between) != 2 || len(v.Dimensions[0].Between) != 2 || v.Dimensions[0].Roadmap != nil || v.File != nil {
		t.Errorf("view = %+v", v)
	}
}

// The salary notes read alike: when one level's name is too long to lead
// its note (senior-manager), every level's name has a line of its own.
func TestSalaryNotesReadAlike(t *testing.T) {
	out, _, err := run(t, Options{Ladder: "engineering-manager", From: "senior-manager", To: "director"})
	if err != nil {
		t.Fatal(err)
	}
	_, notes, ok := strings.Cut(out, "\nSalary notes\n")
	if !ok {
		t.Fatalf("no salary notes in:\n%s", out)
	}
	if !strings.HasPrefix(notes, "  senior-manager:\n    ") || !strings.Contains(notes, "\n  director:\n    Director: ") {
		t.Errorf("the notes are laid out two ways:\n%s", notes)
	}
}
