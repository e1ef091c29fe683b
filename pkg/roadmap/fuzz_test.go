package roadmap

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse: the parser never panics, and every position it reports lies
// inside the file and agrees with its byte offset. Seeds are the examples,
// the bad inputs of TestBadInputs, and testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../examples/*.md", "../../examples/*/*.md", "../../testdata/lint-corpus/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(good))
	f.Add([]byte(strings.ReplaceAll(good, "\n", "\r\n")))
	f.Add(append([]byte("\ufeff"), good...))
	f.Add([]byte("+++\nroadmap = 1\n[target]\nrole = \"x\"\n+++\n## Next 30 days\n- [ ] a (person) due 2026-01-01\n"))
	f.Add([]byte("---\nroadmap: 1\n"))
	f.Add([]byte("---\na: &a [1]\nb: *a\n---\n"))
	f.Add([]byte("- [x]\n## Gap\n- **\n"))
	f.Add([]byte("---\nroadmap: 1\n---\n## Assessment\n- a: 1\n### 2026-01-01 x\n- **Skills**: self 3/5 · mgr 9, self 2 (why)\n- : 3\n"))
	f.Add([]byte(good + "\n## Candidates\n- **PM**\n  - Talk to:\n    - Ana, Ben and Chi\n## Decision\nstay or leave, decide by 2027-01-01\n"))
	f.Add([]byte(good + "\n## Bridge work\n### Months 1–2\n- Artifact: x\n* [X] nested\n  1) deeper <company> [fill in]\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		done := make(chan *Document, 1)
		go func() { done <- Parse("fuzz.md", raw) }()
		var d *Document
		select {
		case d = <-done:
		case <-time.After(2 * time.Second):
			t.Fatalf("HANG on %q", raw)
		}
		check := func(what string, p Position) {
			if p.IsZero() {
				return
			}
			checkPosition(t, d, raw, what, p)
		}
		for _, p := range d.Problems {
			check("problem "+p.Code, p.Pos)
		}
		for _, s := range d.Sections {
			check("section", s.Pos)
			if s.EndLine < s.Pos.Line || s.EndLine > d.LineCount() {
				t.Errorf("section %q ends on line %d (starts %d, file has %d)", s.Heading, s.EndLine, s.Pos.Line, d.LineCount())
			}
			for _, top := range append(append(s.Items, s.Paragraphs...), s.Subheadings...) {
				full := top.Full()
				for i := 0; i <= len(full.Text); i += 7 {
					check("item full text", full.PosOf(i))
				}
				check("item last", top.Last())
				for _, it := range append([]Item{top}, top.Descendants()...) {
					check("item", it.Pos)
					check("item end", it.End)
					for i := 0; i <= len(it.Text); i += 7 {
						check("item text", it.PosOf(i))
					}
				}
			}
		}
		for _, a := range d.Actions {
			check("action", a.Pos)
			check("action due", a.DuePos)
			check("action checkbox", a.Checkbox)
		}
		for _, g := range d.Gap {
			check("gap", g.Pos)
			check("gap label", g.LabelPos)
			check("gap evidence", g.EvidencePos)
			check("gap evidence near", g.EvidenceNearPos)
		}
		if b := d.Bridge; b != nil {
			for _, m := range b.Milestones {
				check("milestone", m.Pos)
				check("milestone artifact", m.ArtifactPos)
			}
		}
		if dec := d.Decision; dec != nil {
			check("decision date", dec.DatePos)
		}
		if e := d.Exploration; e != nil {
			check("pick date", e.PickByPos)
			for _, c := range e.Candidates {
				for _, p := range c.Contacts {
					check("contact", p.Pos)
					check("contact end", p.End)
				}
			}
		}
		for _, r := range d.Reviews {
			check("review", r.Heading.Pos)
		}
		for _, a := range d.Assessments {
			check("assessment", a.Heading.Pos)
			for _, r := range a.Ratings {
				check("rating", r.Pos)
				check("self rating", r.SelfPos)
				check("manager rating", r.ManagerPos)
				if r.Self < 0 || r.Self > RatingMax || r.Manager < 0 || r.Manager > RatingMax {
					t.Fatalf("rating out of range: %+v", r)
				}
			}
		}
		for path, p := range d.Frontmatter.Fields {
			check("field "+path, p)
		}
		_ = d.Err()
	})
}

func checkPosition(t *testing.T, d *Document, raw []byte, what string, p Position) {
	t.Helper()
	if p.Line < 1 || p.Line > d.LineCount() {
		t.Fatalf("%s: line %d outside 1..%d", what, p.Line, d.LineCount())
	}
	line := d.LineText(p.Line)
	if p.Column < 1 || p.Column > utf8.RuneCountInString(line)+1 {
		t.Fatalf("%s: column %d outside line %d (%d characters)", what, p.Column, p.Line, utf8.RuneCountInString(line))
	}
	if p.Offset < 0 || p.Offset > len(raw) {
		t.Fatalf("%s: offset %d outside the file (%d bytes)", what, p.Offset, len(raw))
	}
}
