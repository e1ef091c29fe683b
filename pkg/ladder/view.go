package ladder

import (
	"fmt"
	"strconv"
	"strings"
)

// Money formats an amount with thousands separators: "$79,850" for USD,
// "EUR 50,000" for other currencies.
func Money(currency string, amount int) string {
	s := strconv.Itoa(amount)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if currency == "USD" {
		return "$" + b.String()
	}
	return currency + " " + b.String()
}

// Range is the amount range: "$79,850 - $103,050" or "$211,450 and above".
func (s *Salary) Range() string {
	if s.High == nil {
		return Money(s.Currency, s.Low) + " and above"
	}
	return Money(s.Currency, s.Low) + " - " + Money(s.Currency, *s.High)
}

// Text is the salary as one line that always carries its source and year:
// "$79,850 - $103,050 USD base, p10-p25 (BLS OEWS May 2024, 15-1252
// Software Developers; 2024)".
func (s *Salary) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", s.Range(), s.Currency, s.Basis)
	if s.Band != "" {
		fmt.Fprintf(&b, ", %s", s.Band)
	}
	fmt.Fprintf(&b, " (%s; %d)", s.Source, s.Year)
	return b.String()
}

// TrackJSON is the stable JSON shape of a track (documented in
// docs/ladders.md).
type TrackJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Kind        string   `json:"kind"`
	Description string   `json:"description"`
	Origin      string   `json:"origin"`
	Levels      []string `json:"levels"`
}

// LevelJSON is the stable JSON shape of a level.
type LevelJSON struct {
	Ref        string      `json:"ref"`
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Aliases    []string    `json:"aliases"`
	Years      string      `json:"years"`
	Scope      string      `json:"scope"`
	Skills     []string    `json:"skills"`
	Mentorship string      `json:"mentorship"`
	Visibility string      `json:"visibility"`
	Milestones []string    `json:"milestones"`
	Salary     *SalaryJSON `json:"salary"`
	Next       []string    `json:"next"`
	Moves      []MoveJSON  `json:"moves"`
}

// SalaryJSON is the stable JSON shape of a salary range. High is null when
// the range is open ("and above"). Indicative is always true.
type SalaryJSON struct {
	Currency   string `json:"currency"`
	Region     string `json:"region"`
	Basis      string `json:"basis"`
	Low        int    `json:"low"`
	High       *int   `json:"high"`
	Band       string `json:"band"`
	Source     string `json:"source"`
	Year       int    `json:"year"`
	Note       string `json:"note"`
	Indicative bool   `json:"indicative"`
}

// MoveJSON is the stable JSON shape of a move. To is null when the move
// leads outside the known ladders.
type MoveJSON struct {
	Category  string  `json:"category"`
	Title     string  `json:"title"`
	To        *string `json:"to"`
	Requires  string  `json:"requires"`
	Tradeoffs string  `json:"tradeoffs"`
}

// JSON returns the track's stable JSON shape.
func (t *Track) JSON() TrackJSON {
	return TrackJSON{ID: t.ID, Title: t.Title, Kind: t.Kind, Description: t.Description,
		Origin: t.Origin, Levels: t.LevelIDs()}
}

// JSON returns the level's stable JSON shape (empty lists, never null).
func (l *Level) JSON() LevelJSON {
	j := LevelJSON{
		Ref: l.Ref(), ID: l.ID, Title: l.Title, Years: l.Years, Scope: l.Scope,
		Mentorship: l.Mentorship, Visibility: l.Visibility,
		Aliases: nonNil(l.Aliases), Skills: nonNil(l.Skills), Milestones: nonNil(l.Milestones),
		Next: nonNil(l.Next), Moves: []MoveJSON{},
	}
	if s := l.Salary; s != nil {
		j.Salary = &SalaryJSON{Currency: s.Currency, Region: s.Region, Basis: s.Basis, Low: s.Low,
			High: s.High, Band: s.Band, Source: s.Source, Year: s.Year, Note: s.Note, Indicative: true}
	}
	for _, m := range l.Moves {
		j.Moves = append(j.Moves, m.JSON())
	}
	return j
}

// JSON returns the move's stable JSON shape.
func (m Move) JSON() MoveJSON {
	j := MoveJSON{Category: m.Category, Title: m.Title, Requires: m.Requires, Tradeoffs: m.Tradeoffs}
	if m.To != "" {
		to := m.To
		j.To = &to
	}
	return j
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Complete returns completion candidates for a track id or a TRACK/LEVEL
// reference starting with prefix. Without a "/" in prefix and withLevels
// set, it offers "track/" stems as well as full references.
func (s *Set) Complete(prefix string, withLevels bool) []string {
	var out []string
	p := strings.ToLower(prefix)
	for _, t := range s.tracks {
		if !withLevels {
			if strings.HasPrefix(t.ID, p) {
				out = append(out, t.ID+"\t"+t.Title)
			}
			continue
		}
		for _, l := range t.Levels {
			if strings.HasPrefix(l.Ref(), p) {
				out = append(out, l.Ref()+"\t"+l.Title)
			}
		}
	}
	return out
}
