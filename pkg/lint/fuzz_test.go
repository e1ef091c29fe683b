package lint

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// FuzzLint runs the parser and every rule on arbitrary bytes. Lint must
// never crash (a rule panic is a bug even though the engine contains it),
// never hang, and every finding must point inside the file.
func FuzzLint(f *testing.F) {
	for _, pattern := range []string{"../../examples/*.md", "../../examples/team/*.md", "testdata/*.md",
		"../../testdata/lint-corpus/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(clean))
	f.Add([]byte("---\nroadmap: 1\n---\n<!-- roadmap-disable RM0 -->\n## Next 30 days\n- [ ] x — due 2026-13-45\n"))
	f.Add([]byte("---\nroadmap: 1\nkind: explore\ncurrent:\n  ladder: teachr\n  level: x\n---\n## Gap\n| Dimension | Evidence |\n|---|---|\n| Scope | TBD |\n" +
		"## Candidates\n### PM\n- Talk to:\n  - <name>, Ana and Bo\n## Nxt 30 days\n* [X] a 📅 2026-01-01\n  1) [ ] b — due Fri 2026-1-2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		var fs []Finding
		var err error
		var lines int
		go func() {
			defer close(done)
			doc := roadmap.Parse("f.md", data)
			lines = doc.LineCount()
			fs, err = (&Linter{Today: today}).Lint(doc, History{})
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("lint did not finish in 2s on %q", data)
		}
		if err != nil {
			t.Fatalf("a rule crashed: %v", err)
		}
		for _, f := range fs {
			if f.Line < 1 || f.Line > lines || f.Column < 1 || f.EndLine < f.Line || f.EndLine > lines ||
				(f.EndLine == f.Line && f.EndColumn <= f.Column) {
				t.Fatalf("finding outside the file (%d lines): %+v", lines, f)
			}
		}
	})
}
