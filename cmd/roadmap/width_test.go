package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/report"
)

// TestTextFitsTheWidth: piped, with no COLUMNS, show, review and plan fit
// their text to 80 columns as every command does (prose wraps under
// itself), on every shipped example. A command to paste is the one line
// allowed to run over: it is never broken.
func TestTextFitsTheWidth(t *testing.T) {
	root, _ := filepath.Abs("../..")
	t.Chdir(root)
	files, _ := filepath.Glob("examples/*.md")
	team, _ := filepath.Glob("examples/team/*.md")
	files = append(files, team...)
	if len(files) < 6 {
		t.Fatalf("found %d examples", len(files))
	}
	for _, f := range files {
		if filepath.Base(f) == "README.md" {
			continue
		}
		for _, cmd := range [][]string{{"show", f}, {"review", f}, {"plan", f}} {
			out, _ := runRoadmap(t, append(cmd, "--today", "2026-12-20"), "")
			for i, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "roadmap ") {
					continue
				}
				if w := report.Width(l); w > 79 {
					t.Errorf("roadmap %s, line %d is %d columns wide:\n%s", strings.Join(cmd, " "), i+1, w, l)
				}
			}
		}
	}
}
