// Package civil is a calendar date without a time of day or a time zone:
// a roadmap's "due 2026-11-20" is a day, wherever its owner is.
package civil

import (
	"errors"
	"fmt"
	"time"
)

// Layout is the only date format roadmaps use: ISO 8601 calendar dates.
const Layout = "2006-01-02"

// Date is a day in the proleptic Gregorian calendar. The zero value means
// "no date".
type Date struct {
	t time.Time // always midnight UTC
}

// Of returns the date of t in t's own location.
func Of(t time.Time) Date {
	y, m, d := t.Date()
	return New(y, m, d)
}

// New builds a date; out-of-range days normalise as time.Date does.
func New(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// MinYear and MaxYear bound the dates a roadmap may hold: a plan's
// dates are this century's, and the bound keeps every date four digits
// long wherever it is written (files, ICS calendars).
const (
	MinYear = 1900
	MaxYear = 2999
)

// ErrOutOfRange is a well-formed date whose year is outside MinYear to
// MaxYear.
var ErrOutOfRange = errors.New("year out of range")

// Parse reads YYYY-MM-DD strictly (no times, no other layouts), in the
// years MinYear to MaxYear.
func Parse(s string) (Date, error) {
	t, err := time.Parse(Layout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	if y := t.Year(); y < MinYear || y > MaxYear {
		return Date{}, fmt.Errorf("%q is outside the years %d to %d that dates may use: %w", s, MinYear, MaxYear, ErrOutOfRange)
	}
	return Date{t}, nil
}

// InRange reports whether d lies in the years MinYear to MaxYear (the
// zero Date does not).
func (d Date) InRange() bool {
	y := d.t.Year()
	return !d.IsZero() && y >= MinYear && y <= MaxYear
}

// ParseYearFirst reads a date written year first with unpadded or
// other-separated parts ("2026-1-5", "2026/01/05", "2026.1.5"): the forms
// that have exactly one reading as YYYY-MM-DD. Day-first and month-first
// forms ("05/01/2026") are ambiguous and never read. ok is false when s is
// not such a date or the date does not exist.
func ParseYearFirst(s string) (Date, bool) {
	if len(s) < 8 || len(s) > 10 {
		return Date{}, false
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return Date{}, false
	}
	var parts [3]int
	n, digits := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			parts[n] = parts[n]*10 + int(c-'0')
			digits++
		case c == sep && n < 2 && digits > 0:
			n++
			digits = 0
			continue
		default:
			return Date{}, false
		}
		if (n == 0 && digits > 4) || (n > 0 && digits > 2) {
			return Date{}, false
		}
	}
	if n != 2 || digits == 0 || s[4] != sep {
		return Date{}, false
	}
	y, m, d := parts[0], parts[1], parts[2]
	date := New(y, time.Month(m), d)
	if m < 1 || m > 12 || d < 1 || date.t.Day() != d || !date.InRange() {
		return Date{}, false
	}
	return date, true
}

// Today is the date today in the local time zone.
func Today() Date { return Of(time.Now()) }

func (d Date) IsZero() bool         { return d.t.IsZero() }
func (d Date) Time() time.Time      { return d.t }
func (d Date) AddDays(n int) Date   { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) Before(o Date) bool   { return d.t.Before(o.t) }
func (d Date) After(o Date) bool    { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool    { return d.t.Equal(o.t) }
func (d Date) Compare(o Date) int   { return d.t.Compare(o.t) }
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }
func (d Date) Year() int            { return d.t.Year() }

// String is YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(Layout)
}

// MarshalText makes dates YYYY-MM-DD in JSON.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; an empty string is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// AddMonths moves n calendar months, keeping the day of the month where it
// exists and clamping to the month's last day where it does not: a plan
// started on 31 August has its quarterly review on 30 November, not on
// 1 December (time.AddDate would normalise the overflow forward).
func (d Date) AddMonths(n int) Date {
	y, m, day := d.t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.AddDate(0, 0, min(day, last)-1)}
}
