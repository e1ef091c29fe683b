package vague

import (
	"testing"
	"unicode/utf8"
)

// FuzzMatch: any text, through every matcher and test, never panics, and
// every match lies inside the text on rune boundaries, in order, without
// overlapping another match of its list.
func FuzzMatch(f *testing.F) {
	for _, c := range vagueTable {
		f.Add(c.text)
	}
	m := Default()
	f.Fuzz(func(t *testing.T, text string) {
		all := m.Find(text, AllLists)
		last := map[List]int{}
		prevStart := 0
		for _, g := range all {
			checkMatch(t, text, g)
			if g.Start < prevStart {
				t.Fatalf("matches out of order: %+v", all)
			}
			prevStart = g.Start
			if g.Start < last[g.List] {
				t.Fatalf("overlapping %s matches: %+v", g.List, all)
			}
			last[g.List] = g.End
		}
		n := len(m.Target(text)) + len(m.Action(text)) + len(m.Hedges(text))
		if n != len(all) {
			t.Fatalf("Find(all) found %d, the three matchers %d", len(all), n)
		}
		if ok, why := Concrete(text); ok != (why != "") {
			t.Fatalf("Concrete(%q) = %v, %q", text, ok, why)
		}
		if ok, why := Named(text); ok != (why != "") {
			t.Fatalf("Named(%q) = %v, %q", text, ok, why)
		}
		NamesPerson(text)
	})
}

// FuzzCompile: any phrase either fails with a *PhraseError or compiles into
// a matcher whose matches hold the same invariants.
func FuzzCompile(f *testing.F) {
	f.Add("learn more about", "Learn more about Kafka")
	f.Add("!next-level", "a next-level role")
	f.Add("talk to @", "talk to Priya")
	f.Add("be more …", "be more visible")
	f.Add("~don’t know", "I don't know yet")
	f.Add("c++", "c++")
	f.Add("", "")
	f.Add("naïve", "NAÏVE plan")
	f.Fuzz(func(t *testing.T, phrase, text string) {
		m, err := Compile(Lists{Targets: []string{phrase}, Actions: []string{phrase}, Hedges: []string{phrase}})
		if err != nil {
			if _, ok := err.(*PhraseError); !ok {
				t.Fatalf("Compile(%q): %T %v", phrase, err, err)
			}
			return
		}
		if !utf8.ValidString(phrase) {
			t.Fatalf("Compile accepted invalid UTF-8 %q", phrase)
		}
		for _, g := range m.Find(text, AllLists) {
			checkMatch(t, text, g)
		}
	})
}
