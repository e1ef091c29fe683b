// Package ladder holds role ladders: tracks of levels from entry to
// executive, what each level expects, what proves it, what it pays, and
// where it commonly leads. Built-in ladders are embedded YAML; a repository
// may add tracks or replace built-in ones with its own ladders/*.yaml.
package ladder

import (
	"fmt"
	"sort"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// Level kinds: an individual contributor or a manager of people. A track
// has a kind, the default of its levels; a level may set its own (a data
// science track has IC rungs and management rungs). Moves are filed by
// the kind of the level they lead to.
const (
	KindIC         = "ic"
	KindManagement = "management"
)

// Move categories, in the order they are shown.
const (
	CategoryIC         = "ic"
	CategoryManagement = "management"
	CategoryAdjacent   = "adjacent"
	CategoryOutside    = "outside"
)

// Categories lists the move categories in display order.
var Categories = []string{CategoryIC, CategoryManagement, CategoryAdjacent, CategoryOutside}

// CategoryTitle is the human name of a move category.
func CategoryTitle(c string) string {
	switch c {
	case CategoryIC:
		return "Individual contributor"
	case CategoryManagement:
		return "Management"
	case CategoryAdjacent:
		return "Adjacent roles"
	case CategoryOutside:
		return "Outside moves"
	}
	return c
}

// Notice says what the built-in salary figures are and are not. It is
// printed under every table that shows them, in every format.
const Notice = "Salaries are indicative only: BLS OEWS May 2024 annual wages for the occupation named, " +
	"US national, all industries, base wages without equity or annual bonus. Which percentiles a level gets " +
	"is this tool's mapping, not a BLS figure (docs/ladders.md). Pay at one company, in one city, can be far from it."

// OtherNotice is added when a repository's own ladder supplies figures
// from another source.
const OtherNotice = "Figures from a repository's own ladders are what their source says they are: check its year and basis."

// Origin values for built-in tracks.
const OriginBuiltIn = "built-in"

// Set is every known track: the built-in ones, with a repository's
// ladders added or overriding them.
type Set struct {
	tracks []*Track
	byID   map[string]*Track
}

// Track is one ladder: a role from entry to executive.
type Track struct {
	ID          string
	Title       string
	Kind        string // KindIC or KindManagement
	Description string
	Levels      []*Level
	// Origin is "built-in" or the path of the repository file it came from.
	Origin string
	// File is the file the track was read from (for embedded data,
	// "ladders/<name>.yaml" inside the binary).
	File string
	Line int
}

// Level is one rung of a track.
type Level struct {
	ID         string
	Title      string
	Aliases    []string
	Years      string // typical years of experience, e.g. "0-2", "15+"
	Scope      string
	Skills     []string
	Mentorship string
	Visibility string
	Milestones []string // evidence that someone operates at the level
	Salary     *Salary
	// Next is every level this one leads to, resolved and absolute
	// ("track/level"): the `to` of its written moves, then the levels of
	// the older `next` shorthand that no move names.
	Next  []string
	Moves []Move

	// Kind is KindIC or KindManagement: the level's own `kind`, else its
	// track's.
	Kind string

	Track *Track // the track the level belongs to

	line     int
	nextRefs []pos
}

// Salary is an indicative annual range with its source.
type Salary struct {
	Currency string // ISO 4217, e.g. "USD"
	Region   string // e.g. "US"
	Basis    string // "base" or "total"
	// Occupation is the surveyed occupation the figures describe, as
	// "SOC-CODE Title" ("15-1212 Information Security Analysts"); empty
	// for a company's own bands.
	Occupation string
	Low        int
	High       *int   // nil means "and above"
	Band       string // the percentile band the range spans, e.g. "p50-p75"
	// Topcoded says the upper figure (High, or Low when there is no
	// High) is the survey's reporting cap, not a measured value: the real
	// figure is at or above it. BLS prints nothing at or above $239,200.
	Topcoded bool
	Source   string // a named public source
	Year     int    // the year the figures refer to
	Note     string // how the figures were chosen for this level
}

// Move is a next step from a level, with what it needs and what it costs.
type Move struct {
	Category  string // one of Categories
	Title     string
	To        string // optional level ref "track/level"
	Requires  string
	Tradeoffs string
	// Written is false for a move made from the `next` shorthand: its
	// requirements are the target's milestones and it has no trade-offs.
	Written bool

	toPos, catPos pos
}

type pos struct {
	raw       string
	file      string
	line, col int
}

// MinYears is the lower bound of the level's typical years ("5-8" is 5,
// "15+" is 15), or -1 when Years does not start with a number.
func (l *Level) MinYears() int {
	n, digits := 0, 0
	for _, r := range strings.TrimSpace(l.Years) {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
		digits++
	}
	if digits == 0 {
		return -1
	}
	return n
}

// Ref is the level's absolute reference, "track/level".
func (l *Level) Ref() string { return l.Track.ID + "/" + l.ID }

// Tracks returns every track, sorted by id.
func (s *Set) Tracks() []*Track { return s.tracks }

// IDs returns the track ids, sorted.
func (s *Set) IDs() []string {
	ids := make([]string, len(s.tracks))
	for i, t := range s.tracks {
		ids[i] = t.ID
	}
	return ids
}

// Track finds a track by id (case-insensitive). The error lists the known
// ids and suggests the nearest one.
func (s *Set) Track(id string) (*Track, error) {
	if t, ok := s.byID[strings.ToLower(strings.TrimSpace(id))]; ok {
		return t, nil
	}
	return nil, &UnknownError{Kind: "track", Name: id, Known: s.IDs()}
}

// Level resolves "track/level", where level is an id, an alias (L5, IC3,
// "Senior") or a title, matched case-insensitively.
func (s *Set) Level(ref string) (*Level, error) {
	trackID, levelName, ok := strings.Cut(ref, "/")
	if !ok || trackID == "" || levelName == "" {
		return nil, fmt.Errorf("%q is not a level reference: write TRACK/LEVEL, e.g. software-engineer/senior", ref)
	}
	t, err := s.Track(trackID)
	if err != nil {
		return nil, err
	}
	return t.Level(levelName)
}

// Level finds a level of the track by id, alias or title (case-insensitive).
func (t *Track) Level(name string) (*Level, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, l := range t.Levels {
		if strings.ToLower(l.ID) == n {
			return l, nil
		}
	}
	for _, l := range t.Levels {
		for _, a := range l.Aliases {
			if strings.ToLower(a) == n {
				return l, nil
			}
		}
	}
	for _, l := range t.Levels {
		if strings.ToLower(l.Title) == n {
			return l, nil
		}
	}
	return nil, &UnknownError{Kind: "level", Name: name, Known: t.LevelIDs(), Context: t.ID}
}

// LevelIDs lists the track's level ids in ladder order.
func (t *Track) LevelIDs() []string {
	ids := make([]string, len(t.Levels))
	for i, l := range t.Levels {
		ids[i] = l.ID
	}
	return ids
}

// Index is the position of the level in its track (0 = entry).
func (t *Track) Index(l *Level) int {
	for i, x := range t.Levels {
		if x == l {
			return i
		}
	}
	return -1
}

// Between returns the levels from..to inclusive, in ladder order. Empty
// from means the first level, empty to the last. from above to is an error.
func (t *Track) Between(from, to string) ([]*Level, error) {
	lo, hi := 0, len(t.Levels)-1
	if from != "" {
		l, err := t.Level(from)
		if err != nil {
			return nil, err
		}
		lo = t.Index(l)
	}
	if to != "" {
		l, err := t.Level(to)
		if err != nil {
			return nil, err
		}
		hi = t.Index(l)
	}
	if lo > hi {
		return nil, fmt.Errorf("level %q comes after %q in %s: swap --from and --to", t.Levels[lo].ID, t.Levels[hi].ID, t.ID)
	}
	return t.Levels[lo : hi+1], nil
}

// UnknownError is an unknown track or level. It lists the known names and
// suggests the nearest one.
type UnknownError struct {
	Kind    string // "track" or "level"
	Name    string
	Known   []string
	Context string // the track, for levels
}

func (e *UnknownError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", e.Kind, e.Name)
	if e.Context != "" {
		fmt.Fprintf(&b, " in %s", e.Context)
	}
	if s := Nearest(e.Name, e.Known); s != "" {
		fmt.Fprintf(&b, ": did you mean %q?", s)
	}
	fmt.Fprintf(&b, " (known %ss: %s)", e.Kind, strings.Join(e.Known, ", "))
	return b.String()
}

// Suggestion is the nearest known name, or "".
func (e *UnknownError) Suggestion() string { return Nearest(e.Name, e.Known) }

// Nearest returns the known name closest to name when it is a plausible
// typo or prefix, else "". The abbreviations of ranks are read out first
// (Expand): "sr-manager" is senior-manager, not the manager a rank below
// that is nearer by edit distance.
func Nearest(name string, known []string) string {
	return sameRank(name, suggest.Nearest(Expand(name), known))
}

// Unique is Nearest when it is the only plausible answer (what a fix may
// write), else "".
func Unique(name string, known []string) string {
	return sameRank(name, suggest.Unique(Expand(name), known))
}

// rankWords are the words of an id that name a rank: a suggestion must
// keep the one written ("jr-manager" is not senior-manager, two letters
// away).
var rankWords = []string{"junior", "senior", "principal", "associate", "staff", "lead", "entry", "mid", "distinguished"}

// sameRank is sug, or "" when name names a rank that sug does not.
func sameRank(name, sug string) string {
	if sug == "" {
		return ""
	}
	exp, s := "-"+strings.ToLower(Expand(name))+"-", "-"+strings.ToLower(sug)+"-"
	for _, r := range rankWords {
		if strings.Contains(exp, "-"+r+"-") && !strings.Contains(s, "-"+r+"-") {
			return ""
		}
	}
	return sug
}

// abbreviations are the short forms of ranks and roles people write in
// ids: "sr-manager", "jr-engineer", "snr", "mgr".
var abbreviations = map[string]string{
	"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "mgr": "manager", "dir": "director",
	"assoc": "associate", "princ": "principal", "swe": "software-engineer", "sre": "site-reliability-engineer",
}

// Expand writes out the abbreviations in an id, part by part ("sr-manager"
// is "senior-manager", "Sr. Manager" is "senior-manager"); an id without
// one is returned as it is.
func Expand(name string) string {
	parts := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '-' || r == '_' || r == ' ' || r == '.' })
	changed := false
	for i, p := range parts {
		if full, ok := abbreviations[p]; ok && full != p {
			parts[i], changed = full, true
		}
	}
	if !changed {
		return name
	}
	return strings.Join(parts, "-")
}

// Paths returns the moves from a level: its written moves, then every
// `next` level no move names (requirements: that level's milestones; no
// trade-offs are made up for it), in category order.
func (s *Set) Paths(l *Level) []Move {
	var out []Move
	seen := map[string]bool{}
	for _, m := range l.Moves {
		out = append(out, m)
		if m.To != "" {
			seen[m.To] = true
		}
	}
	for _, ref := range l.Next {
		if seen[ref] {
			continue
		}
		to, err := s.Level(ref)
		if err != nil {
			continue
		}
		out = append(out, Move{
			Category: CategoryFor(l, to),
			Title:    to.Title,
			To:       ref,
			Requires: strings.Join(to.Milestones, "; "),
		})
	}
	order := map[string]int{}
	for i, c := range Categories {
		order[c] = i
	}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].Category] < order[out[j].Category] })
	return out
}

// CategoryFor files a move between two levels by their kinds: to a
// management level from an IC one is management, the reverse is IC; on
// one track a move keeps its kind; across tracks between levels of one
// kind it is an adjacent role.
func CategoryFor(from, to *Level) string {
	switch {
	case to.Kind == KindManagement && from.Kind != KindManagement:
		return CategoryManagement
	case to.Kind == KindIC && from.Kind == KindManagement:
		return CategoryIC
	case from.Track.ID == to.Track.ID && to.Kind == KindManagement:
		return CategoryManagement
	case from.Track.ID == to.Track.ID:
		return CategoryIC
	}
	return CategoryAdjacent
}

// IsTop is true when no level of the same kind comes after l on its
// track: every move from it is lateral or leaves the track.
func (l *Level) IsTop() bool {
	t := l.Track
	for i := t.Index(l) + 1; i < len(t.Levels); i++ {
		if t.Levels[i].Kind == l.Kind {
			return false
		}
	}
	return true
}
