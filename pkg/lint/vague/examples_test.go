package vague

import (
	"path/filepath"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// exampleFiles are the repository's good roadmaps: they must lint clean.
func exampleFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"../../../examples/*.md", "../../../examples/team/*.md"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}

// lintTexts are the texts the lint rules give this package: targets, action
// titles, gap details and evidence.
type lintText struct {
	where string
	text  string
}

func lintTexts(d *roadmap.Document) []lintText {
	var out []lintText
	add := func(where, text string) {
		if text != "" {
			out = append(out, lintText{where, text})
		}
	}
	add("target.role", d.Frontmatter.Target.Role.Role)
	add("target.industry", d.Frontmatter.Target.Industry)
	if s := d.Section(roadmap.SectionTarget); s != nil {
		for _, p := range s.Paragraphs {
			add("target paragraph", p.Text)
		}
		for _, it := range s.Items {
			add("target item", it.Text)
		}
	}
	for _, a := range d.Actions {
		add("action title", a.Title)
	}
	for _, g := range d.Gap {
		add("gap detail", g.Detail)
		add("gap evidence", g.Evidence)
	}
	return out
}

func TestExamplesHaveNoVagueLanguage(t *testing.T) {
	files := exampleFiles(t)
	if len(files) < 7 {
		t.Fatalf("found %d example roadmaps, want the 4 kinds and the 3 team files", len(files))
	}
	m := Default()
	for _, f := range files {
		d, err := roadmap.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		if d.Frontmatter.Roadmap == 0 {
			continue // a README, not a roadmap
		}
		texts := lintTexts(d)
		if len(texts) < 10 {
			t.Errorf("%s: only %d texts to check; did the parse fail?", f, len(texts))
		}
		for _, x := range texts {
			for _, mt := range m.Find(x.text, AllLists) {
				t.Errorf("%s: %s: %s phrase %q matched %q in %q", f, x.where, mt.List, mt.Phrase, x.text[mt.Start:mt.End], x.text)
			}
		}
		persons := 0
		for _, a := range d.Actions {
			if a.Kind != roadmap.ActionPerson {
				continue
			}
			persons++
			if !NamesPerson(a.Title) {
				t.Errorf("%s: person action %d names nobody: %q", f, a.Index, a.Title)
			}
		}
		if persons == 0 {
			t.Errorf("%s: no person action", f)
		}
	}
}
