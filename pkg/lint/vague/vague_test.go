package vague

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

func TestOffsetsPointIntoTheTextAsGiven(t *testing.T) {
	m := Default()
	for _, c := range []struct {
		text, list string
		want       []string // text[Start:End] of each match
	}{
		{"**Improve** communication", "action", []string{"Improve"}},
		{"Inês will “maybe” — no: Inês will maybe ask", "hedges", []string{"maybe"}},
		{"Grow: LEARN   More\tAbout Kafka", "action", []string{"LEARN   More\tAbout"}},
		{"Look into *next-level* things", "target", []string{"next-level"}},
		{"Ça va? Peut-être. Hopefully, «various» teams", "hedges", []string{"Peut-être", "Hopefully", "various"}},
		{"I’d say hopefully; it’s various", "hedges", []string{"hopefully", "various"}},
	} {
		var got []Match
		switch c.list {
		case "action":
			got = m.Action(c.text)
		case "target":
			got = m.Target(c.text)
		case "hedges":
			got = m.Hedges(c.text)
		}
		var spans []string
		for _, g := range got {
			checkMatch(t, c.text, g)
			spans = append(spans, c.text[g.Start:g.End])
		}
		if strings.Join(spans, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s(%q) matched %q, want %q", c.list, c.text, spans, c.want)
		}
	}
}

func checkMatch(t testing.TB, text string, g Match) {
	t.Helper()
	if g.Start < 0 || g.Start >= g.End || g.End > len(text) {
		t.Fatalf("match %+v out of range in %q (len %d)", g, text, len(text))
	}
	if !runeBoundary(text, g.Start) || !runeBoundary(text, g.End) {
		t.Fatalf("match %+v not on rune boundaries in %q", g, text)
	}
	if g.Phrase == "" || g.List == 0 || g.Mode == 0 {
		t.Fatalf("match %+v lacks its phrase, list or mode", g)
	}
}

// runeBoundary: i is where a rune starts as Go decodes the text (a stray
// byte of invalid UTF-8 counts as one rune), or the end.
func runeBoundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			break
		}
	}
	return false
}

func TestWordBoundaries(t *testing.T) {
	m, err := Compile(Lists{Actions: []string{"!improve", "!try to", "!next level", "!don't know"}})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]int{
		"improve":                     1,
		"Improve.":                    1,
		"improvement":                 0, // no stemming
		"improved":                    0,
		"self-improve":                0, // not the tail of a compound
		"improve-ment":                0, // nor its head
		"trying to":                   0, // "trying" is not "try"
		"try to":                      1,
		"try. To":                     0, // not across a sentence
		"try, to":                     0,
		"try (to":                     0,
		"try\nto":                     1, // lines of one item are joined
		"next-level":                  1, // a hyphen matches a space
		"next -- level":               0,
		"I DON’T KNOW":                1, // curly apostrophe, any case
		"`improve`":                   0, // code
		`"improve"`:                   0, // quoted
		"[improve](https://x.y/z)":    0, // link text
		"https://example.com/improve": 0,
		"*Improve Everything*":        0, // an italic title
		"*improve*":                   1, // emphasis, not a title
		"improve improve":             2,
	} {
		if got := len(listed(m.Action(text))); got != want {
			t.Errorf("Action(%q): %d matches, want %d", text, got, want)
		}
	}
}

func TestLongestPhraseWins(t *testing.T) {
	m, err := Compile(Lists{Actions: []string{"!learn more", "!learn more about", "!more"}})
	if err != nil {
		t.Fatal(err)
	}
	got := m.Action("learn more about Kafka")
	if len(got) != 1 || got[0].Phrase != "learn more about" {
		t.Fatalf("got %+v, want one match of the longest phrase", got)
	}
}

func TestCompileErrorsNameThePhrase(t *testing.T) {
	for _, bad := range []string{
		"", "   ", "!", "~", "@", "...", "…", "! @",
		"c++", `learn "more"`, "*improve*", "learn/more", "be more!", "(maybe)",
		"one two three four five six seven eight nine",
		"multi\nline", string([]byte{'b', 0xff, 'd'}),
	} {
		_, err := Compile(Lists{Hedges: []string{"maybe", bad}})
		var pe *PhraseError
		if !errors.As(err, &pe) {
			t.Errorf("Compile(%q): err = %v, want a *PhraseError", bad, err)
			continue
		}
		if pe.Phrase != bad || pe.List != ListHedges || pe.Index != 1 {
			t.Errorf("Compile(%q): error names %q in %s at %d", bad, pe.Phrase, pe.List, pe.Index)
		}
		if !strings.Contains(err.Error(), "hedges") {
			t.Errorf("Compile(%q): %q does not name the list", bad, err)
		}
	}
	for _, good := range []string{"next-level", "don't", "be more …", "be more ...", "talk to @", "!maybe", "~ok", "  spaced   out  ", "naïve"} {
		if _, err := Compile(Lists{Actions: []string{good}}); err != nil {
			t.Errorf("Compile(%q): %v", good, err)
		}
	}
	if _, err := Compile(Lists{Actions: []string{"1:1"}}); err == nil {
		t.Error(`Compile("1:1") accepted a phrase whose ':' could never match`)
	}
}

func TestMarkersAndModes(t *testing.T) {
	m, err := Compile(Lists{
		Targets: []string{"a new role", "!dream job", "~get promoted"},
		Actions: []string{"improve", "!rethink", "talk to @", "be more …"},
		Hedges:  []string{"maybe", "~some"},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		fn, text string
		want     int
	}{
		{"target", "a new role by 2027-01-01", 1}, // targets need a name
		{"target", "a new role as Staff Engineer", 0},
		{"target", "my dream job at Stripe Payments", 1}, // always
		{"target", "get promoted by 2027-01-01", 0},      // ~: a date counts
		{"action", "improve latency by 20%", 0},
		{"action", "rethink the on-call rotation by 2027-01-01", 1},
		{"action", "talk to Priya", 0},
		{"action", "talk to everyone", 1},
		{"action", "be more visible", 1},
		{"hedges", "maybe by 2027-01-01", 1}, // hedges are always vague
		{"hedges", "some people", 1},
		{"hedges", "some 15 people", 0},
	} {
		var got []Match
		switch c.fn {
		case "target":
			got = m.Target(c.text)
		case "action":
			got = m.Action(c.text)
		case "hedges":
			got = m.Hedges(c.text)
		}
		if len(got) != c.want {
			t.Errorf("%s(%q) = %+v, want %d matches", c.fn, c.text, got, c.want)
		}
	}
	if got := m.Target("dream job"); len(got) != 1 || got[0].Mode != Always || got[0].Phrase != "dream job" {
		t.Errorf("Target(dream job) = %+v, want Mode Always and the phrase without its marker", got)
	}
	if got := m.Action("be more visible"); len(got) != 1 || got[0].Phrase != "be more" {
		t.Errorf("a trailing … is documentation only: got %+v", got)
	}
}

func TestWithAddsAndOverrides(t *testing.T) {
	base := Builtin()
	n := len(base.Actions)
	l := base.With(Lists{Actions: []string{"!improve", "circle back on"}, Hedges: []string{"in theory"}})
	if len(base.Actions) != n {
		t.Fatal("With changed its receiver")
	}
	if len(l.Actions) != n+2 || len(l.Targets) != len(base.Targets) || len(l.Hedges) != len(base.Hedges)+1 {
		t.Fatalf("With: %d/%d/%d phrases", len(l.Targets), len(l.Actions), len(l.Hedges))
	}
	m, err := Compile(l)
	if err != nil {
		t.Fatal(err)
	}
	text := "Improve p99 latency from 800 ms to 300 ms"
	if len(Default().Action(text)) != 0 {
		t.Fatalf("built-in: %q should be concrete", text)
	}
	if got := m.Action(text); len(got) != 1 || got[0].Mode != Always {
		t.Errorf("config \"!improve\" should override the built-in mode: %+v", got)
	}
	if got := m.Action("Circle back on it"); len(got) != 1 {
		t.Errorf("extra action phrase not matched: %+v", got)
	}
	if got := m.Hedges("in theory, yes"); len(got) != 1 {
		t.Errorf("extra hedge not matched: %+v", got)
	}
	// the built-in lists must be a fresh copy each time
	b := Builtin()
	b.Actions[0] = "changed"
	if Builtin().Actions[0] == "changed" {
		t.Error("Builtin returned shared slices")
	}
}

func TestBuiltinLists(t *testing.T) {
	b := Builtin()
	for name, l := range map[string][]string{"targets": b.Targets, "actions": b.Actions, "hedges": b.Hedges} {
		if len(l) < 30 {
			t.Errorf("%s: only %d phrases", name, len(l))
		}
	}
	// the phrases DESIGN.md names must be in the lists
	m := Default()
	for _, c := range []struct{ text, fn string }{
		{"something more strategic", "target"}, {"a leadership role", "target"},
		{"next level", "target"}, {"get promoted", "target"},
		{"learn more", "action"}, {"network more", "action"}, {"get better at", "action"},
		{"improve", "action"}, {"work on", "action"}, {"look into", "action"},
		{"try to", "action"}, {"be more", "action"},
		{"maybe", "hedges"}, {"somehow", "hedges"}, {"hopefully", "hedges"}, {"various", "hedges"},
	} {
		var got []Match
		switch c.fn {
		case "target":
			got = m.Target(c.text)
		case "action":
			got = m.Action(c.text)
		default:
			got = m.Hedges(c.text)
		}
		if len(got) != 1 || got[0].Start != 0 || got[0].End != len(c.text) {
			t.Errorf("%s list does not flag %q: %+v", c.fn, c.text, got)
		}
	}
	if Default() != Default() {
		t.Error("Default compiles more than once")
	}
}

func TestParseList(t *testing.T) {
	got := ParseList("# comment\n\n  learn more  \nimprove # trailing comment\r\n!next level\n#\n")
	want := []string{"learn more", "improve", "!next level"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("ParseList = %q, want %q", got, want)
	}
}

func TestFindAllListsInOnePass(t *testing.T) {
	text := "Maybe work on something more strategic"
	got := Default().Find(text, AllLists)
	var lists []string
	for _, g := range got {
		lists = append(lists, g.List.String()+":"+g.Phrase)
	}
	want := "hedges:maybe actions:work on targets:something more strategic"
	if strings.Join(lists, " ") != want {
		t.Errorf("Find = %q, want %q", lists, want)
	}
	if Default().Find("", AllLists) != nil || Default().Find("nothing here at all", AllLists) != nil {
		t.Error("no match must be nil")
	}
	var nilM *Matcher
	if nilM.Find("maybe", AllLists) != nil {
		t.Error("a nil Matcher finds nothing")
	}
}

func TestConcurrentUse(t *testing.T) {
	m := Default()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				for _, c := range vagueTable {
					for _, x := range m.Find(c.text, AllLists) {
						if x.End > len(c.text) {
							t.Errorf("bad match %+v", x)
						}
					}
					NamesPerson(c.text)
					Concrete(c.text)
				}
			}
		}()
	}
	wg.Wait()
}

func TestNoAllocationsWithoutMatches(t *testing.T) {
	m := Default()
	texts := []string{
		"Scope the Ledger v3 proposal (problem, three options, staged rollout) and review it with Elena Petrova (Principal Engineer)",
		`Finish chapters 1–5 of "The Staff Engineer's Path" by Tanya Reilly and write a one-page note on technical vision`,
		"Improve p99 latency of the search API from 800 ms to 300 ms",
	}
	for _, text := range texts {
		m.Find(text, AllLists) // warm the pool
		if n := testing.AllocsPerRun(100, func() { m.Find(text, AllLists) }); n > 0 {
			t.Errorf("Find(%q): %.1f allocations per run, want 0", text, n)
		}
	}
}

func TestNamesPersonByTeamAndRole(t *testing.T) {
	for text, want := range map[string]bool{
		"Shadow the Payments tech lead for one week":   true,
		"Ask the Ledger staff engineer for a review":   true,
		"Ask the staff engineer for a review":          false,
		"Ask the Staff Engineer for a review":          false,
		"Talk to the team lead about something senior": false,
	} {
		if got := NamesPerson(text); got != want {
			t.Errorf("NamesPerson(%q) = %v, want %v", text, got, want)
		}
	}
}

// listed drops the judged matches: what the phrase lists alone found.
func listed(ms []Match) []Match {
	var out []Match
	for _, m := range ms {
		if !m.Judged {
			out = append(out, m)
		}
	}
	return out
}
