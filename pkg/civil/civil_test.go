package civil

import "testing"

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
