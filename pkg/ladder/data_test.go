package ladder

// Tests of the built-in ladder data itself: the salary figures against a
// copy of the reference table, the level-to-percentile rule, typical
// years, kinds, moves and repeated text. They hold every file in data/,
// including tracks added later, to the rules in docs/ladders.md.

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TopCode is the highest annual wage BLS prints in the May 2024 OEWS
// release; a cell at or above it is shown as "#".
const TopCode = 239200

// percentile is one cell of the reference table.
type percentile struct {
	value    int
	topcoded bool
}

// referenceTable reads testdata/bls-oews-may-2024.md, a copy of the
// reference every built-in figure must come from: SOC code → title and
// the p10, p25, median, p75 and p90 annual wages.
func referenceTable(t *testing.T) map[string]refRow {
	t.Helper()
	f, err := os.Open("testdata/bls-oews-may-2024.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile(`^\| (\d\d-\d{4}) \| ([^|]+) \|((?: [^|]+ \|){5}) [^|]+ \|$`)
	out := map[string]refRow{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := row.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		r := refRow{title: strings.TrimSpace(m[2])}
		cells := strings.Split(strings.Trim(m[3], " |"), "|")
		for i, c := range cells {
			c = strings.TrimSpace(c)
			p := percentile{}
			if strings.HasPrefix(c, ">=") {
				p.topcoded = true
				c = strings.TrimSpace(strings.TrimPrefix(c, ">="))
			}
			v, err := strconv.Atoi(strings.NewReplacer("$", "", ",", "").Replace(c))
			if err != nil {
				t.Fatalf("reference cell %q: %v", c, err)
			}
			p.value = v
			r.p[i] = p
		}
		out[m[1]] = r
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 30 {
		t.Fatalf("read %d occupations from the reference table, want 30", len(out))
	}
	return out
}

type refRow struct {
	title string
	p     [5]percentile // p10, p25, p50, p75, p90
}

var bandIndex = map[string]int{"p10": 0, "p25": 1, "p50": 2, "p75": 3, "p90": 4}

// Bands the rule uses, in rung order.
var icBands = []string{"p10-p25", "p25-p50", "p50-p75", "p75-p90", "p90+"}
var mgmtBands = []string{"p25-p50", "p50-p75", "p75-p90", "p90+"}

// TestSalaryFiguresInReference checks every built-in band's figures
// against the reference table: the occupation exists with that title, the
// band's figures are its percentiles, and a top-coded figure is marked.
func TestSalaryFiguresInReference(t *testing.T) {
	ref := referenceTable(t)
	for _, tr := range mustBuiltIn(t).Tracks() {
		for _, l := range tr.Levels {
			s := l.Salary
			if s == nil {
				t.Errorf("%s: no salary", l.Ref())
				continue
			}
			if s.Source != "BLS OEWS May 2024" || s.Year != 2024 || s.Currency != "USD" || s.Region != "US" || s.Basis != "base" {
				t.Errorf("%s: want source \"BLS OEWS May 2024\", year 2024, USD, US, base; got %q %d %s %s %s",
					l.Ref(), s.Source, s.Year, s.Currency, s.Region, s.Basis)
			}
			code, title, _ := strings.Cut(s.Occupation, " ")
			r, ok := ref[code]
			if !ok {
				t.Errorf("%s: occupation %q is not in the reference table", l.Ref(), s.Occupation)
				continue
			}
			if title != r.title {
				t.Errorf("%s: occupation title %q, the reference says %q", l.Ref(), title, r.title)
			}
			if s.Note == "" {
				t.Errorf("%s: salary has no note", l.Ref())
			}
			lo, hi, err := bandCells(s.Band)
			if err != nil {
				t.Errorf("%s: %v", l.Ref(), err)
				continue
			}
			want := r.p[lo]
			if s.High == nil {
				// p90+: a floor; top-coded when the p90 is.
				if s.Low != want.value || s.Topcoded != want.topcoded {
					t.Errorf("%s: %s of %s is %d (top-coded %v), data says low %d topcoded %v",
						l.Ref(), s.Band, code, want.value, want.topcoded, s.Low, s.Topcoded)
				}
				continue
			}
			if hi < 0 {
				t.Errorf("%s: band %s has no upper percentile but high is set", l.Ref(), s.Band)
				continue
			}
			if want.topcoded {
				t.Errorf("%s: the low end of %s of %s is top-coded: write the band as p90+ with no high", l.Ref(), s.Band, code)
			}
			up := r.p[hi]
			if s.Low != want.value || *s.High != up.value || s.Topcoded != up.topcoded {
				t.Errorf("%s: %s of %s is %d-%d (top-coded %v), data says %d-%d topcoded %v",
					l.Ref(), s.Band, code, want.value, up.value, up.topcoded, s.Low, *s.High, s.Topcoded)
			}
		}
	}
}

// bandCells reads "p25-p50" as (1, 2) and "p90+" as (4, -1).
func bandCells(band string) (lo, hi int, err error) {
	if a, ok := strings.CutSuffix(band, "+"); ok {
		if i, ok := bandIndex[a]; ok {
			return i, -1, nil
		}
	}
	if a, b, ok := strings.Cut(band, "-"); ok {
		i, iok := bandIndex[a]
		j, jok := bandIndex[b]
		if iok && jok && i < j {
			return i, j, nil
		}
	}
	return 0, 0, fmt.Errorf("band %q is not one of %s", band, strings.Join(icBands, ", "))
}

var (
	aboveDirectorRe = regexp.MustCompile(`(?i)\b(VP|Vice President|Chief|Senior Director)\b`)
	directorRe      = regexp.MustCompile(`(?i)\b(Director|Head)\b`)
)

// TestPercentileRule applies docs/ladders.md's level-to-percentile rule
// to every track: the n-th IC level gets the n-th IC band (p90+ for every
// level above staff), all on one occupation; management levels use one
// management occupation, start at p25-p50 (first-line manager), never go
// down, directors and heads get p75-p90, VPs, chiefs and senior directors
// p90+.
func TestPercentileRule(t *testing.T) {
	for _, tr := range mustBuiltIn(t).Tracks() {
		occ := map[string]string{}
		icN, lastMgmt := 0, -1
		for _, l := range tr.Levels {
			s := l.Salary
			if s == nil {
				continue
			}
			if o, ok := occ[l.Kind]; ok && o != s.Occupation {
				t.Errorf("%s: %s levels of one track use one occupation: %q, then %q", l.Ref(), l.Kind, o, s.Occupation)
			}
			occ[l.Kind] = s.Occupation
			if l.Kind == KindIC {
				want := icBands[min(icN, len(icBands)-1)]
				if s.Band != want {
					t.Errorf("%s: IC level %d of the track gets %s, data says %s", l.Ref(), icN+1, want, s.Band)
				}
				icN++
				continue
			}
			i := indexOf(mgmtBands, s.Band)
			switch {
			case i < 0:
				t.Errorf("%s: management band %q is not one of %v", l.Ref(), s.Band, mgmtBands)
			case lastMgmt < 0 && i != 0:
				t.Errorf("%s: the first management level of a track is a first-line manager, p25-p50; data says %s", l.Ref(), s.Band)
			case i < lastMgmt:
				t.Errorf("%s: management band %s is below the level before it", l.Ref(), s.Band)
			case aboveDirectorRe.MatchString(l.Title) && s.Band != "p90+":
				t.Errorf("%s: %q is above director: p90+, data says %s", l.Ref(), l.Title, s.Band)
			case !aboveDirectorRe.MatchString(l.Title) && directorRe.MatchString(l.Title) && s.Band != "p75-p90":
				t.Errorf("%s: %q is a director: p75-p90, data says %s", l.Ref(), l.Title, s.Band)
			}
			lastMgmt = i
		}
		if o := occ[KindManagement]; o != "" && !strings.HasPrefix(o, "11-") {
			t.Errorf("%s: management levels use a management occupation (11-...), not %q", tr.ID, o)
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestYearsIncrease: along each track the typical years never go down,
// and among the levels of one kind they go strictly up.
func TestYearsIncrease(t *testing.T) {
	for _, tr := range mustBuiltIn(t).Tracks() {
		prev := -1
		prevKind := map[string]*Level{}
		for _, l := range tr.Levels {
			y := l.MinYears()
			if y < 0 {
				t.Errorf("%s: years %q does not start with a number (write \"5-8\" or \"15+\")", l.Ref(), l.Years)
				continue
			}
			if y < prev {
				t.Errorf("%s: typical years %q start below the level before it", l.Ref(), l.Years)
			}
			if p := prevKind[l.Kind]; p != nil && y <= p.MinYears() {
				t.Errorf("%s: typical years %q do not rise above %s (%q)", l.Ref(), l.Years, p.ID, p.Years)
			}
			prev, prevKind[l.Kind] = y, l
		}
	}
}

// TestNoManagementLevelAsICMove: every move, written or not, is filed by
// the kind of the level it leads to.
func TestNoManagementLevelAsICMove(t *testing.T) {
	s := mustBuiltIn(t)
	for _, tr := range s.Tracks() {
		for _, l := range tr.Levels {
			for _, m := range s.Paths(l) {
				if m.To == "" {
					continue
				}
				to, err := s.Level(m.To)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case to.Kind == KindManagement && m.Category == CategoryIC:
					t.Errorf("%s: %q leads to the management level %s but is shown as an IC move", l.Ref(), m.Title, m.To)
				case to.Kind == KindIC && m.Category == CategoryManagement:
					t.Errorf("%s: %q leads to the IC level %s but is shown as a management move", l.Ref(), m.Title, m.To)
				}
			}
		}
	}
}

// TestMovesFromEveryLevel: every level has written moves: two or more
// from each level up to staff (and from managers below director), at
// least one above; the built-ins never use the `next` shorthand; the
// senior level of every track has moves in all four categories.
func TestMovesFromEveryLevel(t *testing.T) {
	s := mustBuiltIn(t)
	for _, tr := range s.Tracks() {
		hasSenior := false
		for _, l := range tr.Levels {
			moves := s.Paths(l)
			min := 1
			if sal := l.Salary; sal != nil && (sal.Band != "p90+" && !(l.Kind == KindManagement && sal.Band == "p75-p90")) {
				min = 2
			}
			if len(moves) < min {
				t.Errorf("%s: %d moves, want at least %d", l.Ref(), len(moves), min)
			}
			for _, m := range moves {
				if !m.Written {
					t.Errorf("%s: move to %s comes from `next:`; write it as a move with requires and tradeoffs", l.Ref(), m.To)
				}
			}
			if !l.IsTop() {
				up := false
				for _, m := range moves {
					if to, err := s.Level(m.To); err == nil && to.Track == tr && to.Kind == l.Kind && tr.Index(to) > tr.Index(l) {
						up = true
					}
				}
				if !up {
					t.Errorf("%s: no move to the next %s level of its own track", l.Ref(), l.Kind)
				}
			}
			if l.ID == "senior" {
				hasSenior = true
				got := map[string]bool{}
				for _, m := range moves {
					got[m.Category] = true
				}
				for _, c := range Categories {
					if !got[c] {
						t.Errorf("%s: no %s move (a senior level has moves in all four categories)", l.Ref(), c)
					}
				}
			}
		}
		if !hasSenior && tr.Kind == KindIC {
			t.Errorf("%s: an IC track has a level with id senior", tr.ID)
		}
	}
}

// sentenceRe ends a sentence at ., ! or ? followed by a space and a
// capital letter (so "e.g. a", "U.S. national" and "2.5 years" stay whole).
var sentenceRe = regexp.MustCompile(`([.!?])\s+([A-Z0-9"(])`)

// sentences splits text into normalised sentences.
func sentences(text string) []string {
	text = sentenceRe.ReplaceAllString(strings.Join(strings.Fields(text), " "), "$1\n$2")
	var out []string
	for _, s := range strings.Split(text, "\n") {
		s = strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ".!?;:"))
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TestNoRepeatedSentences: no sentence of a level's text or of a move's
// requirements and trade-offs appears twice anywhere in the built-in
// ladders: not within a level, not across levels, not across tracks.
// Salary notes are exempt (the rule's wording repeats by design).
func TestNoRepeatedSentences(t *testing.T) {
	seen := map[string]string{}
	check := func(where, text string) {
		for _, s := range sentences(text) {
			if prev, dup := seen[s]; dup {
				t.Errorf("%s repeats a sentence of %s: %q", where, prev, s)
				continue
			}
			seen[s] = where
		}
	}
	for _, tr := range mustBuiltIn(t).Tracks() {
		check(tr.ID+" description", tr.Description)
		for _, l := range tr.Levels {
			ref := l.Ref()
			check(ref+" scope", l.Scope)
			check(ref+" mentorship", l.Mentorship)
			check(ref+" visibility", l.Visibility)
			for _, x := range l.Skills {
				check(ref+" skills", x)
			}
			for _, x := range l.Milestones {
				check(ref+" milestones", x)
			}
			for _, m := range l.Moves {
				check(fmt.Sprintf("%s move %q requires", ref, m.Title), m.Requires)
				check(fmt.Sprintf("%s move %q tradeoffs", ref, m.Title), m.Tradeoffs)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	got := sentences("Leads a team. Ships, e.g. a migration; and more!  Then: U.S. national pay.")
	want := []string{"leads a team", "ships, e.g. a migration; and more", "then: u.s. national pay"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q", got)
	}
}
