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
