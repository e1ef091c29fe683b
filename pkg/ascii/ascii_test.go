package ascii

import (
	"strings"
	"testing"
)

func TestWordCharacters(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true}, {'Z', true}, {'7', true}, {'_', false}, {'-', false}, {' ', false}, {'é', true},
		{'林', true}, {'한', true}, {'Ж', true}, {'ع', true}, {'ह', true}, {'\u0301', true}, {'\u093E', true}, {'\u200D', true}, // combining acute, Devanagari vowel sign aa (Mc), ZWJ
		{'—', false}, {'·', false}, {'🎯', false}, {'\uFFFD', false},
	} {
		if got := IsWordRune(tc.r); got != tc.want {
			t.Errorf("IsWordRune(%q) = %v, want %v", tc.r, got, tc.want)
		}
	}
	s := "—due é林"
	if WordBefore(s, len("—")) || !WordAt(s, len("—")) || WordAt(s, len("—due")) {
		t.Errorf("an em dash is not a word character")
	}
	if !WordBefore(s, len(s)) || !WordAt(s, len("—due ")) || WordAt(s, len(s)) || WordBefore(s, 0) {
		t.Errorf("letters in any script are word characters")
	}
	if WordBefore("(due)", 1) || WordAt("(due)", 4) || !WordBefore("overdue", 4) || !WordAt("dueé", 3) || WordBefore("_due_", 1) || WordAt("_due_", 4) {
		t.Errorf("word boundaries are wrong")
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
	if !HasPrefixFold("DUE 2026", "due") || HasPrefixFold("du", "due") {
		t.Errorf("HasPrefixFold is wrong")
	}
}
