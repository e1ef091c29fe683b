package ascii

import (
	"regexp"
	"strings"
	"testing"
)

func TestIsWordByteIsRegexpWord(t *testing.T) {
	w := regexp.MustCompile(`^\w$`)
	for c := 0; c < 256; c++ {
		if got, want := IsWordByte(byte(c)), w.MatchString(string([]byte{byte(c)})); got != want {
			t.Errorf("IsWordByte(%d) = %v, want %v", c, got, want)
		}
	}
}

func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   int
	}{
		{"I have EVIDENCE", "evidence", 7}, {"Due 2026", "due", 0}, {"nothing", "due", -1}, {"", "x", -1}, {"abc", "", 0},
	} {
		if got := IndexFold(tc.s, tc.sub); got != tc.want {
			t.Errorf("IndexFold(%q, %q) = %d, want %d", tc.s, tc.sub, got, tc.want)
		}
		if tc.want >= 0 && !strings.EqualFold(tc.s[tc.want:tc.want+len(tc.sub)], tc.sub) {
			t.Errorf("IndexFold(%q, %q) points at the wrong place", tc.s, tc.sub)
		}
	}
}
