package lintcorpus

import (
	"strings"
	"testing"
)

const sample = `---
roadmap: 1
title: T
target:
  role: Staff Engineer
  companies: [A, B]
---

# T

## Gap
- **Scope**
  - today: one service
  - Evidence: the migration
* **Skills:** design.
Evidence on a lazy line.

A paragraph
on two lines.

## Next 30 days
1. [ ] First — due 2026-11-30
2. [ ] Second,
   due 2026-12-01
`

func TestStructureBlocks(t *testing.T) {
	s := Parse([]byte(sample))
	for _, c := range []struct {
		line        int
		first, last int
	}{
		{1, 1, 7}, {7, 1, 7}, // fences: the whole frontmatter
		{2, 2, 2}, {3, 3, 3},
		{4, 4, 6}, {6, 4, 6}, // target with its nested keys
		{11, 11, 20},               // a heading: its section
		{12, 12, 14}, {14, 12, 14}, // an item with sub-bullets
		{15, 15, 16}, {16, 15, 16}, // * bullet with a lazy continuation
		{18, 18, 19}, // a paragraph
		{22, 22, 22}, {23, 23, 24}, {24, 23, 24},
	} {
		if f, l := s.Block(c.line); f != c.first || l != c.last {
			t.Errorf("line %d %q: block %d–%d, want %d–%d", c.line, s.Text(c.line), f, l, c.first, c.last)
		}
	}
	if !s.Region(13, 11) {
		t.Errorf("the Gap heading is not in the region of a line inside Gap")
	}
	if f, l := s.Block(9); f != 9 || l != 9 {
		t.Errorf("the title's block is %d–%d, want only its line", f, l)
	}
	if s.Region(13, 9) {
		t.Errorf("a finding on the title is in the region of a gap item")
	}
	if s.Region(13, 22) {
		t.Errorf("an action is in the region of a gap item")
	}
}

func TestStructureCRLFAndBOM(t *testing.T) {
	raw := "\xEF\xBB\xBF" + strings.ReplaceAll(sample, "\n", "\r\n")
	s := Parse([]byte(raw))
	if s.Text(2) != "roadmap: 1" {
		t.Errorf("line 2 = %q", s.Text(2))
	}
	if f, l := s.Block(13); f != 12 || l != 14 {
		t.Errorf("CRLF item block %d–%d, want 12–14", f, l)
	}
}

func TestStructureTOML(t *testing.T) {
	s := Parse([]byte("+++\nroadmap = 1\ntitle = \"T\"\n[target]\nrole = \"Staff\"\ncompanies = \"A\"\n+++\n# T\n"))
	if f, l := s.Block(6); f != 4 || l != 6 {
		t.Errorf("a key in a TOML table: block %d–%d, want the table 4–6", f, l)
	}
	if f, l := s.Block(2); f != 2 || l != 2 {
		t.Errorf("a top-level TOML key: block %d–%d, want 2–2", f, l)
	}
}

func TestScoreStrictAndLoose(t *testing.T) {
	doc := Parse([]byte(sample))
	labels := &Labels{Items: []Label{
		{Line: 13, Rule: "RM010", Reason: "x"}, // found on the item's first line: loose only
		{Line: 23, Rule: "RM006", Reason: "x"}, // found exactly
		{Line: 22, Rule: "RM005", Reason: "x"}, // not found
		{Line: 15, Rule: "RM020", Reason: "x", Quiet: true},
	}}
	f := &File{Name: "f.md", Doc: doc, Labels: labels, Got: []Got{
		{Rule: "RM010", Line: 12, Severity: "error"},
		{Rule: "RM006", Line: 23, Severity: "error"},
		{Rule: "RM006", Line: 24, Severity: "error"}, // the same fault twice: one is false
		{Rule: "RM020", Line: 15, Severity: "warning"},
	}}
	r := Score([]*File{f})
	check := func(what string, got Counts, want Counts) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %+v, want %+v", what, got, want)
		}
	}
	check("strict RM010", *r.Strict["RM010"], Counts{FP: 1, FN: 1})
	check("loose RM010", *r.Loose["RM010"], Counts{TP: 1})
	check("strict RM006", *r.Strict["RM006"], Counts{TP: 1, FP: 1})
	check("loose RM006", *r.Loose["RM006"], Counts{TP: 1, FP: 1})
	check("strict RM005", *r.Strict["RM005"], Counts{FN: 1})
	check("strict RM020", *r.Strict["RM020"], Counts{FP: 1})
	var quiet *Miss
	for i, m := range r.Misses {
		if m.Rule == "RM020" {
			quiet = &r.Misses[i]
		}
	}
	if quiet == nil || quiet.Label == nil || !quiet.Label.Quiet {
		t.Errorf("a finding on a quiet line does not carry its quiet label: %+v", quiet)
	}
	if r.Correct != 0 {
		t.Errorf("a file with expected faults counted as correct")
	}
}

func TestCompare(t *testing.T) {
	base := &Baseline{Rules: []*RuleScore{newRuleScore("RM005", "", 4, Counts{TP: 3, FN: 1}, Counts{TP: 3, FN: 1})}, Silent: 2, Correct: 3}
	now := &Baseline{Rules: []*RuleScore{
		newRuleScore("RM005", "", 4, Counts{TP: 2, FN: 2}, Counts{TP: 4}),
		newRuleScore("RM023", "", 0, Counts{FP: 1}, Counts{FP: 1}), // a new rule with a false alarm
	}, Silent: 2, Correct: 3}
	fell, rose := Compare(base, now)
	var f, r []string
	for _, c := range fell {
		f = append(f, c.Rule+" "+c.Figure)
	}
	for _, c := range rose {
		r = append(r, c.Rule+" "+c.Figure)
	}
	if got, want := strings.Join(f, "; "), "RM005 strict recall; RM023 strict precision; RM023 loose precision"; got != want {
		t.Errorf("fell = %q, want %q", got, want)
	}
	if got, want := strings.Join(r, "; "), "RM005 loose recall"; got != want {
		t.Errorf("rose = %q, want %q", got, want)
	}
}

func TestParseLabels(t *testing.T) {
	l, err := ParseLabels("x.labels", []byte("# c\ntoday 2026-11-21\nexpect 3 RM005 \"Sharpen my \\\"Go\\\"\" a bare topic [phrase, new-words]\nquiet 4 RM008 \"สมชาย\" Thai\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) != 2 || l.Items[0].Anchor != `Sharpen my "Go"` || l.Items[0].Reason != "a bare topic" ||
		strings.Join(l.Items[0].Tags, "|") != "phrase|new-words" || !l.Items[1].Quiet {
		t.Errorf("parsed %+v", l.Items)
	}
	for _, bad := range []string{
		"expect 3 RM005 \"x\" y\n",                       // no today
		"today 2026-11-21\nexpect 3 RM005 x y\n",         // anchor not quoted
		"today 2026-11-21\nexpect 3 RM005 \"x\"\n",       // no reason
		"today 2026-11-21\nexpect three RM005 \"x\" y\n", // no line
		"today 2026-13-01\n",                             // bad date
	} {
		if _, err := ParseLabels("x.labels", []byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	doc := Parse([]byte("a\nb\n"))
	l, _ = ParseLabels("x.labels", []byte("today 2026-11-21\nexpect 2 RM005 \"a\" wrong line\n"))
	if err := l.Check("x.labels", doc); err == nil || !strings.Contains(err.Error(), `does not contain "a"`) {
		t.Errorf("a drifted anchor: %v", err)
	}
}
