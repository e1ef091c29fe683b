package report

import (
	"bytes"
	"testing"
)

func TestMermaidText(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Scope the RFC", 0, "Scope the RFC"},
		{"Ledger v3: stage 1", 0, "Ledger v3 - stage 1"},
		{"Fix PR #42; then ship", 0, "Fix PR no. 42, then ship"},
		{"two\nlines   and  spaces", 0, "two lines and spaces"},
		{"%% not a comment", 0, "% not a comment"},
		{"", 0, "-"},
		{"A very long action title that goes on and on", 20, "A very long..."},
		{"Ärger über Übergänge, lange Zeilen", 12, "Ärger..."},
		{"Averyveryverylongword", 10, "Averyve..."},
	}
	for _, tt := range tests {
		if got := MermaidText(tt.in, tt.max); got != tt.want {
			t.Errorf("MermaidText(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
	for in, want := range map[string]string{
		"Title the post":   "- Title the post",
		"section 3 review": "- section 3 review",
		"Titles matter":    "Titles matter",
	} {
		if got := mermaidTaskName(in, 0); got != want {
			t.Errorf("mermaidTaskName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGanttWriteMermaid(t *testing.T) {
	g := Gantt{
		Title: "Path to Staff: 2026",
		Sections: []GanttSection{
			{Name: "Next 30 days", Tasks: []GanttTask{
				{Name: "Window", ID: "window", Start: date(t, "2026-11-16"), End: date(t, "2026-12-16")},
				{Name: "Scope: the RFC", ID: "a1", Tags: []string{TagDone}, Start: date(t, "2026-11-16"), End: date(t, "2026-11-20")},
				{Name: "No date", ID: "a2"},
				{Name: "Due before the window", ID: "a3", Tags: []string{TagCrit}, Start: date(t, "2026-11-16"), End: date(t, "2026-11-01")},
			}},
			{Name: "Empty", Tasks: []GanttTask{{Name: "no date"}}},
			{Name: "Checkpoints", Tasks: []GanttTask{
				{Name: "monthly check-in", ID: "checkin", Tags: []string{TagCrit, TagMilestone}, Start: date(t, "2026-12-16")},
			}},
		},
	}
	var buf bytes.Buffer
	if err := g.WriteMermaid(&buf); err != nil {
		t.Fatal(err)
	}
	want := `gantt
  title Path to Staff - 2026
  dateFormat YYYY-MM-DD
  axisFormat %Y-%m-%d
  section Next 30 days
    Window :window, 2026-11-16, 2026-12-17
    Scope - the RFC :done, a1, 2026-11-16, 2026-11-21
    Due before the window :crit, a3, 2026-11-16, 2026-11-17
  section Checkpoints
    monthly check-in :crit, milestone, checkin, 2026-12-16, 0d
`
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}
