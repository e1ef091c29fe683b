package suggest

import "testing"

func TestNearest(t *testing.T) {
	known := []string{"promotion", "career-change", "stalled", "explore", "level", "ladder"}
	for in, want := range map[string]string{
		"promotoin": "promotion", // transposition
		"promo":     "promotion", // prefix
		"levle":     "level",
		"Explore":   "explore", // case
		"hobbies":   "",        // nothing close
		"":          "",
		"c":         "", // one letter is no prefix to go by
		"lev":       "level",
	} {
		if got := Nearest(in, known); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnique(t *testing.T) {
	cadences := []string{"weekly", "biweekly", "fortnightly", "monthly", "bimonthly", "quarterly", "half-yearly", "semiannual", "yearly", "annual", "annually"}
	for in, want := range map[string]string{
		"montly":    "monthly",
		"quartely":  "quarterly",
		"Yearyl":    "yearly",
		"annu":      "", // a prefix of annual and annually
		"sometimes": "",
		"weekly":    "weekly",
		"bimonthy":  "bimonthly",
		"":          "",
	} {
		if got := Unique(in, cadences); got != want {
			t.Errorf("Unique(%q) = %q, want %q", in, got, want)
		}
	}
	// Two names one edit away: no single answer.
	if got := Unique("cat", []string{"bat", "car"}); got != "" {
		t.Errorf("Unique(cat) = %q, want none (bat and car tie)", got)
	}
}
