package ladder

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustBuiltIn(t *testing.T) *Set {
	t.Helper()
	s, err := BuiltIn()
	if err != nil {
		t.Fatalf("built-in ladders: %v", err)
	}
	return s
}

// TestBuiltInComplete walks every embedded level and fails on any gap: an
// empty field, a salary without source or year, a missing next step.
func TestBuiltInComplete(t *testing.T) {
	s := mustBuiltIn(t)
	if n := len(s.Tracks()); n < 15 {
		t.Fatalf("want at least fifteen built-in tracks, got %d", n)
	}
	for _, tr := range s.Tracks() {
		if tr.Origin != OriginBuiltIn {
			t.Errorf("%s: origin %q", tr.ID, tr.Origin)
		}
		if tr.Title == "" || tr.Description == "" {
			t.Errorf("%s: title or description empty", tr.ID)
		}
		for i, l := range tr.Levels {
			ref := l.Ref()
			for name, v := range map[string]string{
				"title": l.Title, "years": l.Years, "scope": l.Scope,
				"mentorship": l.Mentorship, "visibility": l.Visibility,
			} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s: %s is empty", ref, name)
				}
			}
			if len(l.Aliases) == 0 {
				t.Errorf("%s: no aliases", ref)
			}
			if l.Kind != KindIC && l.Kind != KindManagement {
				t.Errorf("%s: kind %q", ref, l.Kind)
			}
			if l.MinYears() < 0 {
				t.Errorf("%s: years %q do not start with a number", ref, l.Years)
			}
			if len(l.Skills) < 3 {
				t.Errorf("%s: want at least 3 skills, got %d", ref, len(l.Skills))
			}
			if len(l.Milestones) < 2 {
				t.Errorf("%s: want at least 2 milestones, got %d", ref, len(l.Milestones))
			}
			if i < len(tr.Levels)-1 && len(l.Next) == 0 {
				t.Errorf("%s: no next level", ref)
			}
			sal := l.Salary
			if sal == nil {
				t.Errorf("%s: no salary", ref)
				continue
			}
			if sal.Source == "" || sal.Year < 2000 || sal.Currency != "USD" || sal.Region != "US" ||
				sal.Basis == "" || sal.Band == "" || sal.Note == "" || sal.Low <= 0 {
				t.Errorf("%s: incomplete salary %+v", ref, *sal)
			}
			if !strings.Contains(sal.Source, "BLS OEWS May 2024") {
				t.Errorf("%s: salary source %q is not the documented one", ref, sal.Source)
			}
		}
		// Neighbouring levels must differ in every dimension the gap
		// command will diff.
		for i := 1; i < len(tr.Levels); i++ {
			a, b := tr.Levels[i-1], tr.Levels[i]
			if a.Scope == b.Scope || a.Mentorship == b.Mentorship || a.Visibility == b.Visibility ||
				strings.Join(a.Skills, "|") == strings.Join(b.Skills, "|") ||
				strings.Join(a.Milestones, "|") == strings.Join(b.Milestones, "|") {
				t.Errorf("%s and %s are not different enough", a.Ref(), b.Ref())
			}
		}
	}
}

// The senior level of every track (senior manager for managers) offers
// moves in all four categories.
func TestSeniorMovesCoverFourCategories(t *testing.T) {
	s := mustBuiltIn(t)
	for _, ref := range []string{
		"software-engineer/senior", "engineering-manager/senior-manager", "product-manager/senior",
		"product-designer/senior", "data-scientist/senior", "site-reliability-engineer/senior",
	} {
		l, err := s.Level(ref)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, m := range s.Paths(l) {
			got[m.Category]++
			if m.Title == "" || m.Requires == "" || m.Tradeoffs == "" {
				t.Errorf("%s: incomplete move %+v", ref, m)
			}
		}
		for _, c := range Categories {
			if got[c] == 0 {
				t.Errorf("%s: no %s move", ref, c)
			}
		}
	}
	// The software engineer's adjacent moves name the roles the method lists.
	l, _ := s.Level("software-engineer/senior")
	var titles []string
	for _, m := range s.Paths(l) {
		titles = append(titles, strings.ToLower(m.Title))
	}
	all := strings.Join(titles, ";")
	for _, want := range []string{"staff", "architect", "engineering manager", "product manager",
		"technical program manager", "developer relations", "solutions", "site reliability",
		"founder", "consultant", "teacher"} {
		if !strings.Contains(all, want) {
			t.Errorf("software-engineer/senior: no move mentioning %q in %s", want, all)
		}
	}
}

func TestLevelLookup(t *testing.T) {
	s := mustBuiltIn(t)
	cases := map[string]string{
		"software-engineer/senior":             "software-engineer/senior",
		"software-engineer/L5":                 "software-engineer/senior",
		"Software-Engineer/ic3":                "software-engineer/senior",
		"software-engineer/Senior":             "software-engineer/senior",
		"software-engineer/staff engineer":     "software-engineer/staff",
		"software-engineer/l10":                "software-engineer/fellow",
		"engineering-manager/CTO":              "engineering-manager/cto",
		"product-manager/apm":                  "product-manager/associate",
		"site-reliability-engineer/Senior SRE": "site-reliability-engineer/senior",
	}
	for in, want := range cases {
		l, err := s.Level(in)
		if err != nil {
			t.Errorf("Level(%q): %v", in, err)
			continue
		}
		if l.Ref() != want {
			t.Errorf("Level(%q) = %s, want %s", in, l.Ref(), want)
		}
	}
	if _, err := s.Level("senior"); err == nil {
		t.Error("a bare level is not a reference")
	}
}

func TestUnknownSuggests(t *testing.T) {
	s := mustBuiltIn(t)
	_, err := s.Track("sofware-engineer")
	var u *UnknownError
	if !errors.As(err, &u) {
		t.Fatalf("want UnknownError, got %v", err)
	}
	if u.Suggestion() != "software-engineer" {
		t.Errorf("suggestion = %q", u.Suggestion())
	}
	if !strings.Contains(err.Error(), `did you mean "software-engineer"?`) || !strings.Contains(err.Error(), "data-scientist") {
		t.Errorf("message = %s", err)
	}
	_, err = s.Level("software-engineer/staf")
	if err == nil || !strings.Contains(err.Error(), `did you mean "staff"?`) {
		t.Errorf("level suggestion: %v", err)
	}
	_, err = s.Track("zzzzzzzzzzzz")
	if err == nil || !strings.HasPrefix(err.Error(), `unknown track "zzzzzzzzzzzz" (known tracks: software-engineer, `) {
		t.Errorf("a far-off name gets no suggestion, and no colon before the list: %v", err)
	}
	_, err = s.Level("software-engineer/L99")
	if err == nil || !strings.HasPrefix(err.Error(), `unknown level "L99" in software-engineer (known levels: entry, `) {
		t.Errorf("a far-off level: %v", err)
	}
}

// Rank abbreviations are read out before the distance: "sr-manager" is
// senior-manager, not manager (a rank below, nearer by edit distance), and
// a suggestion keeps the rank written ("jr-manager" is not senior-manager).
func TestSuggestReadsRanks(t *testing.T) {
	em := []string{"manager", "senior-manager", "director", "senior-director", "vp"}
	for name, want := range map[string][2]string{ // nearest, unique
		"sr-manager":     {"senior-manager", "senior-manager"},
		"Sr. Manager":    {"senior-manager", "senior-manager"},
		"snr-manager":    {"senior-manager", "senior-manager"},
		"sr-director":    {"senior-director", "senior-director"},
		"mgr":            {"manager", "manager"},
		"jr-manager":     {"", ""},
		"senoir-manager": {"senior-manager", "senior-manager"},
		"manger":         {"manager", "manager"},
	} {
		if got := [2]string{Nearest(name, em), Unique(name, em)}; got != want {
			t.Errorf("%q: nearest, unique = %q, want %q", name, got, want)
		}
	}
	if got := Expand("sr-manager"); got != "senior-manager" {
		t.Errorf("Expand = %q", got)
	}
	if got := Expand("staff"); got != "staff" {
		t.Errorf("Expand changed an id with no abbreviation: %q", got)
	}
}

func TestBetween(t *testing.T) {
	tr, _ := mustBuiltIn(t).Track("software-engineer")
	ls, err := tr.Between("mid", "L6")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	if got := strings.Join(ids, ","); got != "mid,senior,staff" {
		t.Errorf("Between = %s", got)
	}
	if all, _ := tr.Between("", ""); len(all) != len(tr.Levels) {
		t.Errorf("empty bounds should give every level")
	}
	if _, err := tr.Between("staff", "mid"); err == nil {
		t.Error("reversed bounds should fail")
	}
}

func TestNextIsCrossTrack(t *testing.T) {
	l, err := mustBuiltIn(t).Level("software-engineer/senior")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"software-engineer/staff", "engineering-manager/manager", "product-manager/pm",
		"technical-program-manager/senior", "developer-advocate/senior", "solutions-architect/senior",
		"site-reliability-engineer/senior", "security-engineer/senior", "ml-engineer/senior"}
	if strings.Join(l.Next, " ") != strings.Join(want, " ") {
		t.Errorf("next = %v", l.Next)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const customSWE = `track: software-engineer
title: Acme engineering ladder
levels:
  - id: e1
    title: Engineer
    aliases: [L1]
    next: [e2]
  - id: e2
    title: Senior Engineer
    next: [engineering-manager/manager, platform/p1]
`

const customPlatform = `track: platform
title: Platform engineer
levels:
  - id: p1
    title: Platform Engineer
    salary:
      currency: USD
      region: US
      basis: total
      low: 150000
      high: ~
      source: Acme internal bands
      year: 2026
`

func TestRepositoryOverridesAndAdds(t *testing.T) {
	root := t.TempDir()
	writeFile(t, root, ConfigFile, "rules: {}\n")
	writeFile(t, root, "ladders/swe.yaml", customSWE)
	writeFile(t, root, "ladders/platform.yml", customPlatform)
	writeFile(t, root, "ladders/README.txt", "not a ladder")
	sub := filepath.Join(root, "team", "alice")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Load(Options{StartDir: sub})
	if err != nil {
		t.Fatal(err)
	}
	swe, err := s.Track("software-engineer")
	if err != nil {
		t.Fatal(err)
	}
	if swe.Title != "Acme engineering ladder" || len(swe.Levels) != 2 {
		t.Errorf("override not applied: %s, %d levels", swe.Title, len(swe.Levels))
	}
	if !strings.HasSuffix(swe.Origin, filepath.Join("ladders", "swe.yaml")) {
		t.Errorf("origin = %s", swe.Origin)
	}
	p, err := s.Level("platform/p1")
	if err != nil {
		t.Fatal(err)
	}
	if p.Salary == nil || p.Salary.High != nil || p.Salary.Basis != "total" {
		t.Errorf("salary = %+v", p.Salary)
	}
	// One track added to the built-in ones, one replaced.
	if n, want := len(s.Tracks()), len(mustBuiltIn(t).Tracks())+1; n != want {
		t.Errorf("want %d tracks, got %d", want, n)
	}
	// Built-in tracks that pointed at removed software-engineer levels
	// drop those references instead of failing.
	em, err := s.Level("engineering-manager/manager")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range em.Next {
		if strings.HasPrefix(n, "software-engineer/") {
			t.Errorf("dangling reference kept: %s", n)
		}
	}
	// The built-ins themselves are untouched by the override.
	b := mustBuiltIn(t)
	if tr, _ := b.Track("software-engineer"); len(tr.Levels) != 8 {
		t.Errorf("built-in software-engineer changed: %d levels", len(tr.Levels))
	}
	// Without a .roadmap.yaml no repository ladders are found.
	if FindRepoDir(t.TempDir()) != "" {
		t.Error("found ladders without a .roadmap.yaml")
	}
	// An explicit directory works the same.
	s2, err := Load(Options{Dir: filepath.Join(root, "ladders")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Track("platform"); err != nil {
		t.Error(err)
	}
	if _, err := Load(Options{Dir: filepath.Join(root, "nope")}); err == nil {
		t.Error("missing --ladders dir should fail")
	}
}

func TestBadFilesNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, content, want string
	}{
		{"syntax", "track: x\ntitle: X\n  levels: y\n", "bad.yaml:3: invalid YAML"},
		{"unknown key", "track: x\ntitle: X\nlevles: []\n", `bad.yaml:3:1: unknown key "levles" in the track (did you mean "levels"?)`},
		{"missing levels", "track: x\ntitle: X\n", `bad.yaml:1:1: missing required key "levels"`},
		{"bad next", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    next: [b]\n", `bad.yaml:6:12: "b" does not name a known level`},
		{"bad cross next", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    next: [software-engineer/senoir]\n", `did you mean "senior"?`},
		{"salary no source", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    salary:\n      currency: USD\n      region: US\n      basis: base\n      low: 1\n      year: 2024\n", `bad.yaml:7:7: missing required key "source" in salary: no figure without a named public source`},
		{"salary text", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    salary: {currency: USD, region: US, basis: base, low: \"$1\", source: s, year: 2024}\n", "must be a whole number"},
		{"dup level", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n  - id: a\n    title: B\n", `bad.yaml:6:5: duplicate level id "a" (first at line 4)`},
		{"bad move", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    moves:\n      - {category: sideways, title: T, requires: r, tradeoffs: t}\n", "category must be one of ic, management, adjacent, outside"},
		{"empty", "", "empty ladder file"},
		{"bad level kind", "track: x\ntitle: X\nlevels:\n  - {id: a, title: A, kind: boss}\n", `bad.yaml:4:29: kind must be "ic" (individual contributor) or "management", not "boss"`},
		{"topcoded text", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    salary: {currency: USD, region: US, basis: base, low: 1, topcoded: yes please, source: s, year: 2024}\n", "topcoded must be true or false"},
		{"management as ic", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    moves:\n      - {category: ic, title: Boss, to: b, requires: r, tradeoffs: t}\n  - {id: b, title: B, kind: management}\n",
			`bad.yaml:7:20: "Boss" is filed as an IC move but x/b is a management level (use category: management)`},
		{"ic to management as adjacent", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    moves:\n      - {category: adjacent, title: EM, to: engineering-manager/manager, requires: r, tradeoffs: t}\n",
			`"EM" leads from an IC level to the management level engineering-manager/manager (use category: management)`},
		{"ic as management", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    moves:\n      - {category: management, title: SWE, to: software-engineer/staff, requires: r, tradeoffs: t}\n",
			`"SWE" is filed as a management move but software-engineer/staff is an IC level (use category: adjacent)`},
		{"outside with a level", "track: x\ntitle: X\nlevels:\n  - id: a\n    title: A\n    moves:\n      - {category: outside, title: Quit, to: software-engineer/staff, requires: r, tradeoffs: t}\n",
			`an outside move leaves the ladders, but "Quit" leads to software-engineer/staff (use category adjacent, or drop ` + "`to:`)"},
		{"bad id", "track: X Y\ntitle: X\nlevels: [{id: a, title: A}]\n", "bad.yaml:1:8: track id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "bad.yaml", c.content)
			_, err := Load(Options{Dir: dir})
			if err == nil {
				t.Fatal("want an error")
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("want *FileError, got %T %v", err, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if !strings.Contains(err.Error(), filepath.Join(dir, "bad.yaml")) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// A level's own kind overrides its track's; moves are filed by it, and a
// top-coded band reads as what it is.
func TestLevelKindAndTopcode(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "data.yaml", `track: data
title: Data
levels:
  - id: senior
    title: Senior
    next: [lead]
    moves:
      - {category: management, title: Manager, to: manager, requires: r, tradeoffs: t}
  - id: manager
    title: Manager
    kind: management
    salary: {currency: USD, region: US, basis: base, occupation: 11-3021 Computer and Information Systems Managers,
             low: 216220, high: 239200, band: p75-p90, topcoded: true, source: BLS OEWS May 2024, year: 2024}
  - id: lead
    title: Lead
    salary: {currency: USD, region: US, basis: base, low: 239200, band: p90+, topcoded: true, source: BLS OEWS May 2024, year: 2024}
`)
	s, err := Load(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	senior, _ := s.Level("data/senior")
	mgr, _ := s.Level("data/manager")
	lead, _ := s.Level("data/lead")
	if senior.Kind != KindIC || mgr.Kind != KindManagement {
		t.Errorf("kinds = %s, %s", senior.Kind, mgr.Kind)
	}
	if senior.IsTop() || !mgr.IsTop() || !lead.IsTop() {
		t.Errorf("IsTop = %v %v %v", senior.IsTop(), mgr.IsTop(), lead.IsTop())
	}
	moves := s.Paths(senior)
	if len(moves) != 2 || moves[0].To != "data/lead" || moves[0].Category != CategoryIC || moves[0].Written ||
		moves[0].Tradeoffs != "" || moves[1].Category != CategoryManagement || !moves[1].Written {
		t.Errorf("moves = %+v", moves)
	}
	if got := strings.Join(senior.Next, " "); got != "data/manager data/lead" {
		t.Errorf("next = %s", got)
	}
	if got := mgr.Salary.Text(); got != "$216,220 - $239,200 or more (USD base; p75-p90 of 11-3021 Computer and Information Systems Managers; BLS OEWS May 2024; the upper figure is the top code)" {
		t.Errorf("text = %s", got)
	}
	if got := lead.Salary.Range(); got != "at or above the BLS top code ($239,200)" {
		t.Errorf("range = %s", got)
	}
	if NoticeFor(lead.Salary) != Notice || NoticeFor(nil) != "" {
		t.Errorf("notice for BLS figures = %q", NoticeFor(lead.Salary))
	}
	own := &Salary{Source: "Acme bands"}
	if NoticeFor(own, lead.Salary) != Notice+" "+OtherNotice || NoticeFor(own) != OtherNotice {
		t.Errorf("notice with own figures = %q", NoticeFor(own, lead.Salary))
	}
}

func TestMinYears(t *testing.T) {
	for in, want := range map[string]int{"5-8": 5, "15+": 15, "0-2": 0, "": -1, "about 3": -1, "12–16": 12} {
		if got := (&Level{Years: in}).MinYears(); got != want {
			t.Errorf("MinYears(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestParseAnchorsAndAliases(t *testing.T) {
	src := `track: x
title: X
levels:
  - id: a
    title: A
    salary: &bls
      currency: USD
      region: US
      basis: base
      low: 10
      high: 20
      source: Somewhere
      year: 2024
  - id: b
    title: B
    salary: *bls
`
	tr, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Levels[1].Salary == nil || tr.Levels[1].Salary.Source != "Somewhere" {
		t.Errorf("alias not resolved: %+v", tr.Levels[1].Salary)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(customPlatform))
	f.Add([]byte("track: x\ntitle: X\nlevels:\n  - {id: a, title: A, next: [b], moves: [{category: ic, title: T, requires: r, tradeoffs: t}]}\n"))
	f.Add([]byte(customSWE))
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := Parse("fuzz.yaml", data)
		if err == nil && (tr.ID == "" || len(tr.Levels) == 0) {
			t.Fatalf("accepted a track without id or levels")
		}
	})
}
