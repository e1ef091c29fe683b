package vague

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// roadmapTexts are every text of a realistic ~75-line roadmap (the promotion
// example) that a lint run could hand to this package: frontmatter target
// fields, every section's items and paragraphs, action titles, gap details
// and evidence.
func roadmapTexts(b *testing.B) (all, titles []string) {
	d, err := roadmap.Load("../../../examples/promotion.md")
	if err != nil {
		b.Fatal(err)
	}
	all = append(all, d.Frontmatter.Target.Role.Role, d.Frontmatter.Target.Industry)
	for _, s := range d.Sections {
		for _, it := range s.Items {
			all = append(all, it.Text)
		}
		for _, p := range s.Paragraphs {
			all = append(all, p.Text)
		}
	}
	for _, a := range d.Actions {
		all = append(all, a.Title)
		titles = append(titles, a.Title)
	}
	for _, g := range d.Gap {
		all = append(all, g.Detail, g.Evidence)
	}
	return all, titles
}

// BenchmarkRoadmap: one roadmap's worth of matching, all three lists over
// every text plus NamesPerson on the actions, as lint does it. 2,000 files
// cost 2,000 times ns/op.
func BenchmarkRoadmap(b *testing.B) {
	texts, titles := roadmapTexts(b)
	m := Default()
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			m.Target(t)
			m.Action(t)
			m.Hedges(t)
		}
		for _, t := range titles {
			NamesPerson(t)
		}
	}
	b.ReportMetric(float64(len(texts)), "texts/op")
}

// BenchmarkRoadmapOnePass is the same with Find(AllLists): one tokenization
// per text instead of three.
func BenchmarkRoadmapOnePass(b *testing.B) {
	texts, _ := roadmapTexts(b)
	m := Default()
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			m.Find(t, AllLists)
		}
	}
}

// BenchmarkVagueAction: a text that matches, so the concreteness test and
// the result slice are paid for.
func BenchmarkVagueAction(b *testing.B) {
	m := Default()
	text := "Try to learn more about Kafka and network more with people in the industry, maybe"
	b.ReportAllocs()
	for b.Loop() {
		m.Find(text, AllLists)
	}
}

func BenchmarkCompile(b *testing.B) {
	l := Builtin()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLintLoad is what pkg/lint asks of this package per roadmap: vague
// targets in the title, role and Target section; hedges in the role, the
// Target section, the gap items and the open actions; vague verbs in the
// open action titles; NamesPerson on the person actions.
func BenchmarkLintLoad(b *testing.B) {
	d, err := roadmap.Load("../../../examples/promotion.md")
	if err != nil {
		b.Fatal(err)
	}
	var targets, hedges, actions, persons []string
	fm := d.Frontmatter
	targets = append(targets, fm.Title, fm.Target.Role.Role)
	hedges = append(hedges, fm.Target.Role.Role)
	if s := d.Section(roadmap.SectionTarget); s != nil {
		for _, p := range s.Paragraphs {
			targets, hedges = append(targets, p.Text), append(hedges, p.Text)
		}
	}
	for _, g := range d.Gap {
		hedges = append(hedges, g.Text)
	}
	for _, a := range d.Actions {
		hedges, actions = append(hedges, a.Text), append(actions, a.Title)
		if a.Kind == roadmap.ActionPerson {
			persons = append(persons, a.Title)
		}
	}
	m := Default()
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range targets {
			m.Target(t)
		}
		for _, t := range hedges {
			m.Hedges(t)
		}
		for _, t := range actions {
			m.Action(t)
		}
		for _, t := range persons {
			NamesPerson(t)
		}
	}
	b.ReportMetric(float64(len(targets)+len(hedges)+len(actions)+len(persons)), "calls/op")
}

// BenchmarkCorpusLoad is what lint asks of this package on every roadmap of
// the examples and the lint corpus (90 files written by people, in many
// styles and scripts): targets, hedges, action titles and person actions,
// as BenchmarkLintLoad does for one file.
func BenchmarkCorpusLoad(b *testing.B) {
	var files []string
	for _, g := range []string{"../../../examples/*.md", "../../../examples/team/*.md", "../../../testdata/lint-corpus/*.md"} {
		m, err := filepath.Glob(g)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, m...)
	}
	type call struct {
		list List // 0: NamesPerson
		text string
	}
	var calls []call
	add := func(l List, text string) {
		if text != "" {
			calls = append(calls, call{l, text})
		}
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := roadmap.Parse(f, src)
		if d.Frontmatter.Roadmap == 0 {
			continue
		}
		fm := d.Frontmatter
		add(ListTargets, fm.Title)
		add(ListTargets, fm.Target.Role.Role)
		add(ListHedges, fm.Target.Role.Role)
		if s := d.Section(roadmap.SectionTarget); s != nil {
			for _, p := range s.Paragraphs {
				add(ListTargets, p.Text)
				add(ListHedges, p.Text)
			}
			for _, it := range s.Items {
				add(ListTargets, it.Text)
				add(ListHedges, it.Text)
			}
		}
		for _, g := range d.Gap {
			add(ListHedges, g.Text)
		}
		for _, a := range d.Actions {
			add(ListHedges, a.Text)
			add(ListActions, a.Title)
			if a.Kind == roadmap.ActionPerson {
				add(0, a.Title)
			}
		}
	}
	m := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, c := range calls {
			if c.list == 0 {
				NamesPerson(c.text)
			} else {
				m.Find(c.text, c.list)
			}
		}
	}
	b.ReportMetric(float64(len(calls)), "calls/op")
}
