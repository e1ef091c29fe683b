package civil

import (
	"fmt"
	"testing"
)

func TestFindDates(t *testing.T) {
	for s, want := range map[string]string{
		"due 2026-11-20":                        "[[4 14]]",
		"2026-11-20 and 2027-1-5.":              "[[0 10] [15 23]]",
		"v2026-11-20, 2026-11-20x, 12026-11-20": "[]",
		"_2026-11-20_ (2026-11-20)":             "[[1 11] [14 24]]",
		"2026-123-01 2026-12-011 2026-12":       "[]",
		"—2026-11-20— é2026-11-20":              "[[3 13]]",
		"":                                      "[]",
	} {
		got := FindDates(s)
		if fmt.Sprint(got) != want && !(want == "[]" && got == nil) {
			t.Errorf("FindDates(%q) = %v, want %s", s, got, want)
		}
	}
	if got := Dates("from 2026-11-20 to 2026-02-30 by 2027-01-05"); fmt.Sprint(got) != "[2026-11-20 2027-01-05]" {
		t.Errorf("Dates skips what is not a real day: %v", got)
	}
}
