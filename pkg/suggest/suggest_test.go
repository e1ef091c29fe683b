package suggest

import (
	"math/rand/v2"
	"testing"
)

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

// The bounded distance agrees with the full one wherever it is within the
// bound, and says "further" (bound+1) everywhere else.
func TestDistanceWithinAgreesWithLevenshtein(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcdé林 -")
	word := func() string {
		r := make([]rune, rng.IntN(12))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return string(r)
	}
	for range 20000 {
		a, b, bound := word(), word(), rng.IntN(6)-1
		full := levenshtein(a, b)
		got := distanceWithin(a, b, bound)
		if full <= bound && got != full || full > bound && got != bound+1 {
			t.Fatalf("distanceWithin(%q, %q, %d) = %d, full distance %d", a, b, bound, got, full)
		}
	}
}
