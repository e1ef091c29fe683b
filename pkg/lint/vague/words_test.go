package vague

import (
	"io/fs"
	"strings"
	"testing"
)

// Every entry of a word set must be one lower-case token as the tokenizer
// reads it, or it can never match.
func TestWordSetsAreSingleTokens(t *testing.T) {
	files, err := fs.Glob(dataFS, "data/words/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no word sets embedded: %v", err)
	}
	for _, f := range files {
		b, _ := dataFS.ReadFile(f)
		entries := ParseList(string(b))
		if len(entries) == 0 {
			t.Errorf("%s is empty", f)
		}
		seen := map[string]bool{}
		for _, e := range entries {
			s := getScratch(e)
			ok := len(s.toks) == 1 && s.toks[0].start == 0 && s.toks[0].end == len(e) && s.word(0) == e
			putScratch(s)
			if !ok {
				t.Errorf("%s: %q is not one lower-case word as the tokenizer reads it", f, e)
			}
			if seen[e] {
				t.Errorf("%s: %q twice", f, e)
			}
			seen[e] = true
		}
	}
}

// No word set is spelt in Go any more: the data files are the one place.
func TestWordSetsLoaded(t *testing.T) {
	for name, w := range map[string]wordSet{"numbers": numberWords, "topics": genericWords, "imperatives": imperatives} {
		if len(w) < 10 {
			t.Errorf("%s: %d words", name, len(w))
		}
	}
	if !genericWords.has("leadership") || genericWords.has("#") || strings.Contains(strings.Join(keys(stopWords), " "), "#") {
		t.Error("word sets not read as data")
	}
}

func keys(w wordSet) []string {
	out := make([]string, 0, len(w))
	for k := range w {
		out = append(out, k)
	}
	return out
}
