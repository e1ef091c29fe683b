package civil

import (
	"errors"
	"testing"
)

func TestAddMonthsClampsToTheMonthEnd(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-08-31", 3, "2026-11-30"},
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2026-11-16", 1, "2026-12-16"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-05-31", 12, "2027-05-31"},
	} {
		d, err := Parse(tc.from)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.AddMonths(tc.n).String(); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

func TestParseYearFirst(t *testing.T) {
	for in, want := range map[string]string{
		"2026-1-5":   "2026-01-05",
		"2026-01-5":  "2026-01-05",
		"2026/12/31": "2026-12-31",
		"2026.2.28":  "2026-02-28",
		"2026-01-05": "2026-01-05",
		"2026-2-30":  "", // no such day
		"2026-13-1":  "",
		"2026-0-1":   "",
		"05/01/2026": "", // day or month first: two readings
		"2026-1/5":   "", // mixed separators
		"2026--5":    "",
		"2026-1-5x":  "",
		"26-1-5":     "",
		"2026-001-5": "",
	} {
		d, ok := ParseYearFirst(in)
		got := ""
		if ok {
			got = d.String()
		}
		if got != want {
			t.Errorf("ParseYearFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseYearRange(t *testing.T) {
	for s, ok := range map[string]bool{"1900-01-01": true, "2999-12-31": true, "1899-12-31": false, "3000-01-01": false, "9999-12-31": false, "0001-01-01": false} {
		_, err := Parse(s)
		if (err == nil) != ok {
			t.Errorf("Parse(%q): err = %v", s, err)
		}
		if !ok && !errors.Is(err, ErrOutOfRange) {
			t.Errorf("Parse(%q): err = %v, want ErrOutOfRange", s, err)
		}
	}
	if _, ok := ParseYearFirst("3000-1-1"); ok {
		t.Errorf("ParseYearFirst read a year past 2999")
	}
	if New(3000, 1, 1).InRange() || !New(2026, 11, 21).InRange() || (Date{}).InRange() {
		t.Errorf("InRange")
	}
}
