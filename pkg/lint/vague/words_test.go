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

// Every class of the lexicon is read from its file, and a word can be in
// several classes at once.
func TestLexiconClasses(t *testing.T) {
	for _, f := range lexiconFiles {
		n := 0
		for _, c := range lexicon {
			if c&f.c != 0 {
				n++
			}
		}
		if n < 3 {
			t.Errorf("class %s: %d words", f.name, n)
		}
	}
	for w, want := range map[string]class{
		"leadership": cTopic, "learning": cGenericVerb, "studies": cGenericVerb, "focussing": cGenericVerb,
		"practised": cGenericVerb, "summarising": cMaking, "with": cMeansPrep | cTopicPrep | cPersonSlot,
		"observability": cAbstract, "doc": cDeliverable, "course": cResource,
	} {
		if got := classOf(w); got&want != want {
			t.Errorf("classOf(%q) = %b, want the bits %b", w, got, want)
		}
	}
	if classOf("#") != 0 || classOf("city")&cAbstract != 0 {
		t.Error("comments or short words read as words")
	}
}

func TestVerbForms(t *testing.T) {
	for v, want := range map[string]string{
		"learn": "learn learns learning learned", "study": "study studies studying studied",
		"practice": "practice practices practicing practiced", "dig": "dig digs diging diged digging digged",
		"focus": "focus focuses focusing focused focussing focussed", "tie": "tie ties tying tied",
		"see": "see sees seeing seed",
	} {
		if got := strings.Join(verbForms(v), " "); got != want {
			t.Errorf("verbForms(%q) = %q, want %q", v, got, want)
		}
	}
}

// The classes fit their 64-bit set, one bit left for cKnown.
func TestClassesFit(t *testing.T) {
	if cVaguePerson >= cKnown || len(lexiconFiles) > 60 {
		t.Fatalf("%d lexicon files: the classes no longer fit a uint64 beside cKnown", len(lexiconFiles))
	}
}
