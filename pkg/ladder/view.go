package ladder

import (
	"fmt"
	"github.com/roadmapcli/roadmap/pkg/safetext"
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

// Range is the amount range: "$79,850 - $103,050", "$211,450 and above"
// (a floor: the source publishes nothing higher), "$216,220 - $239,200 or
// more" (the upper figure is a top code) or "at or above the BLS top code
// ($239,200)" (the whole band is above what the source reports).
func (s *Salary) Range() string {
	switch {
	case s.Topcoded && s.High == nil:
		return fmt.Sprintf("at or above the %s top code (%s)", s.surveyName(), Money(s.Currency, s.Low))
	case s.High == nil:
		return Money(s.Currency, s.Low) + " and above"
	case s.Topcoded:
		return Money(s.Currency, s.Low) + " - " + Money(s.Currency, *s.High) + " or more"
	}
	return Money(s.Currency, s.Low) + " - " + Money(s.Currency, *s.High)
}

// surveyName is "BLS" for BLS figures, else a neutral word.
func (s *Salary) surveyName() string {
	if strings.HasPrefix(s.Source, "BLS") {
		return "BLS"
	}
	return "survey's"
}

// Text is the salary as one line that always carries its basis and
// source: "$133,080 - $169,000 (USD base; p50-p75 of 15-1252 Software
// Developers; BLS OEWS May 2024)". The year is added when the source does
// not already name it.
func (s *Salary) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s %s", s.Range(), s.Currency, s.Basis)
	switch {
	case s.Band != "" && s.Occupation != "":
		fmt.Fprintf(&b, "; %s of %s", s.Band, s.Occupation)
	case s.Band != "":
		fmt.Fprintf(&b, "; %s", s.Band)
	case s.Occupation != "":
		fmt.Fprintf(&b, "; %s", s.Occupation)
	}
	fmt.Fprintf(&b, "; %s", s.Source)
	if y := strconv.Itoa(s.Year); !strings.Contains(s.Source, y) {
		fmt.Fprintf(&b, ", %s", y)
	}
	if s.Topcoded && s.High != nil {
		b.WriteString("; the upper figure is the top code")
	}
	b.WriteString(")")
	return b.String()
}

// IsBLS is true for figures from the BLS OEWS survey, which the built-in
// ladders use and Notice describes.
func (s *Salary) IsBLS() bool { return strings.HasPrefix(s.Source, "BLS OEWS") }

// NoticeFor is the notice printed under every table that shows salaries:
// what the BLS figures are and are not, and, when a repository's own
// ladder supplies other figures, that those are as their source states.
// It is "" when no salary is shown.
func NoticeFor(salaries ...*Salary) string {
	bls, other := false, false
	for _, s := range salaries {
		switch {
		case s == nil:
		case s.IsBLS():
			bls = true
		default:
			other = true
		}
	}
	switch {
	case bls && other:
		return Notice + " " + OtherNotice
	case bls:
		return Notice
	case other:
		return OtherNotice
	}
	return ""
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
	Kind       string      `json:"kind"`
	Salary     *SalaryJSON `json:"salary"`
	Next       []string    `json:"next"`
	Moves      []MoveJSON  `json:"moves"`
}

// SalaryJSON is the stable JSON shape of a salary range. High is null when
// the range is open ("and above"). Indicative is always true; Text is the
// range as the table prints it.
type SalaryJSON struct {
	Currency   string `json:"currency"`
	Region     string `json:"region"`
	Basis      string `json:"basis"`
	Occupation string `json:"occupation"`
	Low        int    `json:"low"`
	High       *int   `json:"high"`
	Band       string `json:"band"`
	Topcoded   bool   `json:"topcoded"`
	Source     string `json:"source"`
	Year       int    `json:"year"`
	Note       string `json:"note"`
	Text       string `json:"text"`
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
	// Written is false for a move made from the `next` shorthand.
	Written bool `json:"written"`
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
		Mentorship: l.Mentorship, Visibility: l.Visibility, Kind: l.Kind,
		Aliases: nonNil(l.Aliases), Skills: nonNil(l.Skills), Milestones: nonNil(l.Milestones),
		Next: nonNil(l.Next), Moves: []MoveJSON{},
	}
	j.Salary = l.Salary.JSON()
	for _, m := range l.Moves {
		j.Moves = append(j.Moves, m.JSON())
	}
	return j
}

// JSON returns the salary's stable JSON shape (nil for no salary).
func (s *Salary) JSON() *SalaryJSON {
	if s == nil {
		return nil
	}
	return &SalaryJSON{Currency: s.Currency, Region: s.Region, Basis: s.Basis, Occupation: s.Occupation,
		Low: s.Low, High: s.High, Band: s.Band, Topcoded: s.Topcoded, Source: s.Source, Year: s.Year,
		Note: s.Note, Text: s.Text(), Indicative: true}
}

// JSON returns the move's stable JSON shape.
func (m Move) JSON() MoveJSON {
	j := MoveJSON{Category: m.Category, Title: m.Title, Requires: m.Requires, Tradeoffs: m.Tradeoffs, Written: m.Written}
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
// reference starting with prefix (the title made safe to print: a shell
// shows it as it is). Without a "/" in prefix and withLevels
// set, it offers "track/" stems as well as full references.
func (s *Set) Complete(prefix string, withLevels bool) []string {
	var out []string
	p := strings.ToLower(prefix)
	for _, t := range s.tracks {
		if !withLevels {
			if strings.HasPrefix(t.ID, p) {
				out = append(out, t.ID+"\t"+safetext.Line(t.Title))
			}
			continue
		}
		for _, l := range t.Levels {
			if strings.HasPrefix(l.Ref(), p) {
				out = append(out, l.Ref()+"\t"+safetext.Line(l.Title))
			}
		}
	}
	return out
}
