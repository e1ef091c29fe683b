package roadmap

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzEdit: on any document, building and applying the edits of a review
// record (append an entry, tick an action or pin three new ones) never
// panics or hangs; an edit is either refused with an error or lies inside
// the file; every byte outside the edited ranges is unchanged; inserted
// text uses the file's line ending; a BOM stays; and the result parses.
// Seeds: the examples, the parser's seeds, and testdata/fuzz/FuzzEdit.
func FuzzEdit(f *testing.F) {
	for _, pattern := range []string{"../../examples/*.md", "../../examples/*/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data, "On track: the proposal is accepted.", uint8(1), false)
				f.Add(bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), "Carried over: x (due 2026-12-01)", uint8(2), true)
			}
		}
	}
	f.Add([]byte(good), "note", uint8(0), true)
	f.Add(append([]byte("\ufeff"), strings.ReplaceAll(good, "\n", "\r\n")...), "note", uint8(3), false)
	f.Add([]byte("---\nroadmap: 1\n---\n"), "n", uint8(0), true)
	f.Add([]byte("---\nroadmap: 1\n---\n## Next 30 days\n- [ ] a\n- [ ] b"), "n", uint8(1), true)
	f.Add([]byte("---\nroadmap: 1\n---\n## Review log\n```\n### 2026-01-01 · check-in\n"), "n", uint8(0), false)
	f.Add([]byte("---\nroadmap: 1\n---\r## Next 30 days\r- [ ] a\r\n> - [ ] b\n"), "n\r", uint8(5), true)
	f.Add([]byte("---\nroadmap: 1\n"), "n", uint8(0), false)
	f.Fuzz(func(t *testing.T, raw []byte, note string, sel uint8, pin bool) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			fuzzEdit(t, raw, note, sel, pin)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("HANG on %q", raw)
		}
	})
}

func fuzzEdit(t *testing.T, raw []byte, note string, sel uint8, pin bool) {
	original := append([]byte(nil), raw...)
	d := Parse("fuzz.md", raw)
	kind := ReviewKinds[int(sel)%len(ReviewKinds)]
	var edits []Edit
	e, err := d.AppendReview(NewReview{Date: date("2026-12-01"), Kind: kind, Notes: []string{note}})
	wantErr := d.Fatal() || strings.TrimSpace(note) == "" || strings.ContainsAny(note, "\r\n") || !utf8.ValidString(note)
	if (err != nil) != wantErr {
		t.Fatalf("AppendReview: err = %v, want an error: %v", err, wantErr)
	}
	if err == nil {
		edits = append(edits, e)
	}
	if pin {
		es, err := d.ReplaceActions(pinned)
		if (err != nil) != d.Fatal() {
			t.Fatalf("ReplaceActions: err = %v (fatal document: %v)", err, d.Fatal())
		}
		edits = append(es, edits...)
	} else if len(d.Actions) > 0 {
		i := int(sel)%len(d.Actions) + 1
		tick, ok, err := d.TickAction(i)
		switch {
		case err != nil && !d.Fatal():
			t.Fatalf("TickAction(%d): %v", i, err)
		case ok:
			if tick.End-tick.Start != 1 || raw[tick.Start] != ' ' {
				t.Fatalf("tick %+v does not replace one space", tick)
			}
			edits = append(edits, tick)
		case err == nil && !d.Actions[i-1].Done:
			t.Fatalf("open action %d not ticked", i)
		}
	}
	if sel%2 == 0 {
		a, err := d.AppendAssessment(NewAssessment{Date: date("2026-12-01"), Ratings: []NewRating{
			{Label: "Skills", Self: int(sel)%RatingMax + 1, Manager: 2, Reason: note}, {Label: "Scope", Self: 1}}})
		wantErr := d.Fatal() || strings.ContainsAny(note, "\r\n") || !utf8.ValidString(note)
		if (err != nil) != wantErr {
			t.Fatalf("AppendAssessment: err = %v, want an error: %v", err, wantErr)
		}
		if err == nil {
			edits = append(edits, a)
		}
	}
	out, err := ApplyEdits(raw, edits)
	if err != nil {
		t.Fatalf("ApplyEdits: %v", err)
	}
	if !bytes.Equal(raw, original) {
		t.Fatalf("the original bytes were modified")
	}
	checkPreserved(t, raw, out, edits)
	checkEncoding(t, d, out, edits)
	nd := Parse("fuzz.md", out)
	if len(edits) > 0 && !d.Fatal() && nd.Fatal() {
		t.Fatalf("a readable file became unreadable: %v\n%q", nd.Err(), out)
	}
}
