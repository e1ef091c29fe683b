package roadmap

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

func TestApplyEdits(t *testing.T) {
	raw := []byte("0123456789")
	tests := []struct {
		name  string
		edits []Edit
		want  string
		err   string
	}{
		{"none", nil, "0123456789", ""},
		{"insert at start", []Edit{{Start: 0, End: 0, Text: []byte("a")}}, "a0123456789", ""},
		{"insert at end", []Edit{{Start: 10, End: 10, Text: []byte("z")}}, "0123456789z", ""},
		{"replace one byte", []Edit{{Start: 3, End: 4, Text: []byte("x")}}, "012x456789", ""},
		{"delete", []Edit{{Start: 2, End: 5}}, "0156789", ""},
		{"any order", []Edit{{Start: 8, End: 9, Text: []byte("B")}, {Start: 1, End: 2, Text: []byte("A")}}, "0A234567B9", ""},
		{"adjacent", []Edit{{Start: 2, End: 4, Text: []byte("x")}, {Start: 4, End: 6, Text: []byte("y")}}, "01xy6789", ""},
		{"inserts at one offset keep their order", []Edit{{Start: 5, End: 5, Text: []byte("a")}, {Start: 5, End: 5, Text: []byte("b")}}, "01234ab56789", ""},
		{"insert before a replacement at its start", []Edit{{Start: 5, End: 7, Text: []byte("R")}, {Start: 5, End: 5, Text: []byte("i")}}, "01234iR789", ""},
		{"overlap", []Edit{{Start: 2, End: 5, What: "a"}, {Start: 4, End: 6, What: "b"}}, "", `edits "a" and "b" overlap`},
		{"insert inside a replacement", []Edit{{Start: 2, End: 5, What: "a"}, {Start: 3, End: 3, What: "b"}}, "", "overlap"},
		{"past the end", []Edit{{Start: 9, End: 11, What: "a"}}, "", "outside the file"},
		{"negative", []Edit{{Start: -1, End: 0, What: "a"}}, "", "outside the file"},
		{"reversed", []Edit{{Start: 5, End: 4, What: "a"}}, "", "outside the file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ApplyEdits(raw, tt.edits)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if string(raw) != "0123456789" {
				t.Errorf("input modified: %q", raw)
			}
		})
	}
}

// checkPreserved is the byte-preservation property: walking the original
// and the result side by side, every byte outside an edited range is
// equal, and each edit's text stands exactly where the edit was.
func checkPreserved(t testing.TB, raw, out []byte, edits []Edit) {
	t.Helper()
	at, o := 0, 0
	for _, e := range SortEdits(edits) {
		keep := raw[at:e.Start]
		if !bytes.HasPrefix(out[o:], keep) {
			t.Fatalf("bytes %d..%d before %q changed", at, e.Start, e.What)
		}
		o += len(keep)
		if !bytes.HasPrefix(out[o:], e.Text) {
			t.Fatalf("edit %q: its text is not at output offset %d", e.What, o)
		}
		o += len(e.Text)
		at = e.End
	}
	if !bytes.Equal(out[o:], raw[at:]) {
		t.Fatalf("bytes %d..%d after the last edit changed", at, len(raw))
	}
}

// checkEncoding: a CRLF file gets only CRLF line endings in what is
// inserted, an LF file no CR, and a BOM stays first.
func checkEncoding(t testing.TB, d *Document, out []byte, edits []Edit) {
	t.Helper()
	for _, e := range edits {
		text := string(e.Text)
		if d.CRLF {
			if strings.Count(text, "\n") != strings.Count(text, "\r\n") || strings.Count(text, "\r") != strings.Count(text, "\r\n") {
				t.Fatalf("edit %q in a CRLF file inserts a bare line ending: %q", e.What, text)
			}
		} else if strings.Contains(text, "\r") {
			t.Fatalf("edit %q in an LF file inserts a CR: %q", e.What, text)
		}
	}
	if d.HasBOM != bytes.HasPrefix(out, bom) {
		t.Fatalf("BOM lost or added (had one: %v)", d.HasBOM)
	}
}

type exampleDoc struct {
	name string
	raw  []byte
}

// exampleDocs are every roadmap in examples/ and examples/team/, each also
// as CRLF, with a BOM, and with both.
func exampleDocs(t *testing.T) []exampleDoc {
	t.Helper()
	var out []exampleDoc
	for _, pattern := range []string{"../../examples/*.md", "../../examples/*/*.md"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if Parse(name, raw).Err() != nil {
				continue // the team README is not a roadmap
			}
			crlf := bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))
			out = append(out,
				exampleDoc{name, raw},
				exampleDoc{name + " (CRLF)", crlf},
				exampleDoc{name + " (BOM)", append(append([]byte{}, bom...), raw...)},
				exampleDoc{name + " (BOM, CRLF)", append(append([]byte{}, bom...), crlf...)})
		}
	}
	if len(out) < 4*7 {
		t.Fatalf("found %d example variants, want the 7 roadmaps in 4 variants each", len(out))
	}
	return out
}

func date(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// apply applies edits, checks the preservation and encoding properties,
// and returns the re-parsed result.
func apply(t *testing.T, d *Document, edits ...Edit) *Document {
	t.Helper()
	out, err := ApplyEdits(d.Raw, edits)
	if err != nil {
		t.Fatal(err)
	}
	checkPreserved(t, d.Raw, out, edits)
	checkEncoding(t, d, out, edits)
	nd := Parse(d.Path, out)
	if err := nd.Err(); err != nil {
		t.Fatalf("the edited file no longer parses:\n%v\n%s", err, out)
	}
	if nd.CRLF != d.CRLF || nd.HasBOM != d.HasBOM {
		t.Fatalf("encoding changed: CRLF %v -> %v, BOM %v -> %v", d.CRLF, nd.CRLF, d.HasBOM, nd.HasBOM)
	}
	return nd
}

func sameReviews(t *testing.T, before, after []ReviewEntry) {
	t.Helper()
	if len(after) < len(before) {
		t.Fatalf("%d review entries, had %d", len(after), len(before))
	}
	for i, r := range before {
		a := after[i]
		if a.Date != r.Date || a.Kind != r.Kind || a.Heading.Text != r.Heading.Text || len(a.Notes) != len(r.Notes) {
			t.Fatalf("review %d changed: %+v -> %+v", i, r, a)
		}
		for j := range r.Notes {
			if a.Notes[j].Text != r.Notes[j].Text {
				t.Fatalf("review %d note %d changed: %q -> %q", i, j, r.Notes[j].Text, a.Notes[j].Text)
			}
		}
	}
}

func sectionTexts(d *Document, except ...string) map[string][]string {
	m := map[string][]string{}
	for _, s := range d.Sections {
		if contains(except, s.Key) {
			continue
		}
		for _, it := range append(append([]Item{}, s.Items...), s.Paragraphs...) {
			m[s.Heading] = append(m[s.Heading], it.Text)
		}
	}
	return m
}

func sameSections(t *testing.T, before, after *Document, except ...string) {
	t.Helper()
	b, a := sectionTexts(before, except...), sectionTexts(after, except...)
	if fmt.Sprint(b) != fmt.Sprint(a) {
		t.Fatalf("sections other than %v changed:\nbefore %v\nafter  %v", except, b, a)
	}
}

func TestAppendReviewOnExamples(t *testing.T) {
	for _, ex := range exampleDocs(t) {
		t.Run(ex.name, func(t *testing.T) {
			d := Parse(ex.name, ex.raw)
			r := NewReview{Date: date("2026-12-01"), Kind: ReviewQuarterly, Notes: []string{"On track: the proposal is accepted.", "Carried over: ask Priya (due 2026-12-04)"}}
			e, err := d.AppendReview(r)
			if err != nil {
				t.Fatal(err)
			}
			if e.Start != e.End {
				t.Fatalf("appending replaces bytes %d..%d; it must only insert", e.Start, e.End)
			}
			nd := apply(t, d, e)
			if len(nd.Reviews) != len(d.Reviews)+1 {
				t.Fatalf("%d review entries, want %d", len(nd.Reviews), len(d.Reviews)+1)
			}
			sameReviews(t, d.Reviews, nd.Reviews)
			last := nd.Reviews[len(nd.Reviews)-1]
			if last.Date != r.Date || last.Kind != r.Kind || len(last.Notes) != 2 || last.Notes[1].Text != r.Notes[1] {
				t.Fatalf("new entry = %+v", last)
			}
			if want := "### 2026-12-01 · quarterly"; nd.LineText(last.Heading.Pos.Line) != want {
				t.Errorf("heading line %q, want %q", nd.LineText(last.Heading.Pos.Line), want)
			}
			sameSections(t, d, nd, SectionReviewLog)
			if len(nd.Actions) != len(d.Actions) {
				t.Errorf("actions changed")
			}
		})
	}
}

func TestTickActionOnExamples(t *testing.T) {
	for _, ex := range exampleDocs(t) {
		t.Run(ex.name, func(t *testing.T) {
			d := Parse(ex.name, ex.raw)
			for _, a := range d.Actions {
				e, ok, err := d.TickAction(a.Index)
				if err != nil {
					t.Fatal(err)
				}
				if a.Done {
					if ok {
						t.Fatalf("action %d is done, yet an edit was made", a.Index)
					}
					continue
				}
				if !ok || e.End-e.Start != 1 || string(e.Text) != "x" || d.Raw[e.Start] != ' ' {
					t.Fatalf("tick %d = %+v; want the one space inside the brackets replaced by x", a.Index, e)
				}
				nd := apply(t, d, e)
				for i, b := range nd.Actions {
					want := d.Actions[i].Done || i == a.Index-1
					if b.Done != want || b.Title != d.Actions[i].Title || b.Due != d.Actions[i].Due {
						t.Fatalf("after ticking %d, action %d = %+v", a.Index, i+1, b)
					}
				}
				sameReviews(t, d.Reviews, nd.Reviews)
			}
		})
	}
}

var pinned = []string{
	"Draft the stage 2 cutover plan with Elena Petrova (project) — due 2026-12-20",
	"Start the \"Fundamentals of Data Engineering\" course, chapters 1–3 (course) — due 2026-12-24",
	"Ask Hana Kim (Invoicing) for 15 minutes about her design doc (person) — due 2026-12-28",
}

func checkPinned(t *testing.T, d, nd *Document) {
	t.Helper()
	if len(nd.Actions) != len(pinned) {
		t.Fatalf("%d actions after pinning, want %d:\n%s", len(nd.Actions), len(pinned), nd.Raw)
	}
	for i, a := range nd.Actions {
		if a.Done || a.Text != pinned[i] {
			t.Fatalf("action %d = %q (done %v), want %q open", i+1, a.Text, a.Done, pinned[i])
		}
	}
	sameSections(t, d, nd, SectionNext30Days, SectionReviewLog)
	sameReviews(t, d.Reviews, nd.Reviews)
	// Nothing but the task items left the section.
	if s, ns := d.Section(SectionNext30Days), nd.Section(SectionNext30Days); s != nil {
		var keep, got []string
		for _, it := range s.Items {
			if !it.Task {
				keep = append(keep, it.Text)
			}
		}
		for _, it := range ns.Items {
			if !it.Task {
				got = append(got, it.Text)
			}
		}
		if fmt.Sprint(keep) != fmt.Sprint(got) || len(s.Paragraphs) != len(ns.Paragraphs) {
			t.Fatalf("other content of the section changed: %q -> %q", keep, got)
		}
	}
}

func TestReplaceActionsOnExamples(t *testing.T) {
	for _, ex := range exampleDocs(t) {
		t.Run(ex.name, func(t *testing.T) {
			d := Parse(ex.name, ex.raw)
			edits, err := d.ReplaceActions(pinned)
			if err != nil {
				t.Fatal(err)
			}
			checkPinned(t, d, apply(t, d, edits...))

			// With a review entry in the same edit, as `review --record` does.
			e, err := d.AppendReview(NewReview{Date: date("2026-12-16"), Kind: ReviewCheckin, Notes: []string{"Pinned the next three."}})
			if err != nil {
				t.Fatal(err)
			}
			nd := apply(t, d, append(edits, e)...)
			checkPinned(t, d, nd)
			if len(nd.Reviews) != len(d.Reviews)+1 {
				t.Fatalf("the entry is missing")
			}
			if got := nd.WindowStart(); got != date("2026-12-16") {
				t.Errorf("window starts %s, want the new entry's date", got)
			}

			// Ticks and an entry together.
			edits = []Edit{e}
			for _, a := range d.Actions {
				if tick, ok, err := d.TickAction(a.Index); err != nil {
					t.Fatal(err)
				} else if ok {
					edits = append(edits, tick)
				}
			}
			nd = apply(t, d, edits...)
			for _, a := range nd.Actions {
				if !a.Done {
					t.Errorf("action %d not ticked", a.Index)
				}
			}
		})
	}
}

// cut removes the lines of the section with the given heading.
func cut(t *testing.T, doc, heading string) string {
	t.Helper()
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("no %q", heading)
	}
	j := strings.Index(doc[i+1:], "\n## ")
	if j < 0 {
		return doc[:i+1]
	}
	return doc[:i+1] + doc[i+1+j+1:]
}

func TestEditsCreateMissingSections(t *testing.T) {
	noLog := strings.TrimRight(cut(t, good, "## Review log"), "\n") + "\n"
	noPlan := cut(t, good, "## Next 30 days")
	tests := []struct {
		name string
		doc  string
		// wantTail is how the file ends after the entry is appended.
		wantTail string
	}{
		{"no review log", noLog, "- Lead the platform group's storage roadmap.\n\n## Review log\n### 2026-12-01 · check-in\n- Started the log.\n"},
		{"no review log, no final newline", strings.TrimRight(noLog, "\n"), "roadmap.\n\n## Review log\n### 2026-12-01 · check-in\n- Started the log."},
		{"no review log, ends with a blank line", noLog + "\n", "roadmap.\n\n## Review log\n### 2026-12-01 · check-in\n- Started the log.\n"},
		{"no review log, CRLF", strings.ReplaceAll(noLog, "\n", "\r\n"), "roadmap.\r\n\r\n## Review log\r\n### 2026-12-01 · check-in\r\n- Started the log.\r\n"},
		{"review log last, no final newline", strings.TrimRight(good, "\n"), "- On track.\n### 2026-12-01 · check-in\n- Started the log."},
		{"only frontmatter", good[:strings.Index(good, "\n# ")+1], "---\n\n## Review log\n### 2026-12-01 · check-in\n- Started the log.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("r.md", []byte(tt.doc))
			e, err := d.AppendReview(NewReview{Date: date("2026-12-01"), Kind: ReviewCheckin, Notes: []string{"Started the log."}})
			if err != nil {
				t.Fatal(err)
			}
			nd := apply(t, d, e)
			if !strings.HasSuffix(string(nd.Raw), tt.wantTail) {
				t.Errorf("file ends\n%q\nwant\n%q", nd.Raw[max(0, len(nd.Raw)-len(tt.wantTail)-20):], tt.wantTail)
			}
			if len(nd.Reviews) != len(d.Reviews)+1 {
				t.Errorf("%d entries, want %d", len(nd.Reviews), len(d.Reviews)+1)
			}
		})
	}

	t.Run("no Next 30 days section", func(t *testing.T) {
		d := Parse("r.md", []byte(noPlan))
		edits, err := d.ReplaceActions(pinned)
		if err != nil {
			t.Fatal(err)
		}
		nd := apply(t, d, edits...)
		checkPinned(t, d, nd)
		if s := nd.Section(SectionNext30Days); s == nil || nd.Sections[2] != s {
			t.Errorf("the new section is not third (before Next quarter): %+v", nd.Sections)
		}
	})
	t.Run("no Next 30 days and no review log: both at the end", func(t *testing.T) {
		doc := cut(t, cut(t, cut(t, cut(t, noPlan, "## Review log"), "## Next quarter"), "## Years 2–3 (hypothesis)"), "## Gap")
		d := Parse("r.md", []byte(doc))
		edits, err := d.ReplaceActions(pinned)
		if err != nil {
			t.Fatal(err)
		}
		e, err := d.AppendReview(NewReview{Date: date("2026-12-01"), Kind: ReviewReplan})
		if err != nil {
			t.Fatal(err)
		}
		nd := apply(t, d, append(edits, e)...)
		checkPinned(t, d, nd)
		if len(nd.Reviews) != 1 || nd.Reviews[0].Kind != ReviewReplan {
			t.Fatalf("reviews = %+v\n%s", nd.Reviews, nd.Raw)
		}
	})
	t.Run("a section without tasks", func(t *testing.T) {
		doc := strings.Replace(noPlan, "## Next quarter", "## Next 30 days\nTo be pinned at the next check-in.\n\n## Next quarter", 1)
		d := Parse("r.md", []byte(doc))
		edits, err := d.ReplaceActions(pinned)
		if err != nil {
			t.Fatal(err)
		}
		nd := apply(t, d, edits...)
		checkPinned(t, d, nd)
		if !strings.Contains(string(nd.Raw), "To be pinned at the next check-in.\n\n- [ ] Draft") {
			t.Errorf("want the items after a blank line:\n%s", nd.Raw)
		}
	})
}

func TestReplaceActionsKeepsMarkerAndOtherContent(t *testing.T) {
	doc := strings.Replace(good, "## Next 30 days\n", "## Next 30 days\nThree actions, pinned at the check-in.\n\n", 1)
	doc = strings.ReplaceAll(doc, "\n- [ ] ", "\n* [ ] ")
	doc = strings.ReplaceAll(doc, "\n- [x] ", "\n* [x] ")
	d := Parse("r.md", []byte(doc))
	edits, err := d.ReplaceActions(pinned)
	if err != nil {
		t.Fatal(err)
	}
	nd := apply(t, d, edits...)
	checkPinned(t, d, nd)
	s := string(nd.Raw)
	for _, want := range []string{
		"Three actions, pinned at the check-in.\n\n* [ ] Draft the stage 2",
		"(person) — due 2026-12-28\n  - a nested note that is not an action\n\n## Next quarter",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
}

func TestEditErrors(t *testing.T) {
	d := Parse("r.md", []byte(good))
	if _, _, err := d.TickAction(4); err == nil || err.Error() != "r.md: there is no action 4 (the Next 30 days section has 3 actions)" {
		t.Errorf("tick 4: %v", err)
	}
	if _, _, err := d.TickAction(0); err == nil {
		t.Errorf("tick 0: no error")
	}
	if _, err := d.AppendReview(NewReview{Date: date("2026-12-01"), Kind: "monthly"}); err == nil {
		t.Errorf("unknown kind accepted")
	}
	if _, err := d.AppendReview(NewReview{Kind: ReviewCheckin}); err == nil {
		t.Errorf("no date accepted")
	}
	if _, err := d.AppendReview(NewReview{Date: date("2026-12-01"), Kind: ReviewCheckin, Notes: []string{"two\nlines"}}); err == nil || !strings.Contains(err.Error(), "spans several lines") {
		t.Errorf("multi-line note: %v", err)
	}
	if _, err := d.ReplaceActions([]string{"a", " ", "c"}); err == nil || !strings.Contains(err.Error(), "an empty action") {
		t.Errorf("empty action: %v", err)
	}
	if _, err := d.ReplaceActions(nil); err == nil {
		t.Errorf("no actions accepted")
	}
	broken := Parse("b.md", []byte("---\nroadmap: 1\n"))
	if _, err := broken.AppendReview(NewReview{Date: date("2026-12-01"), Kind: ReviewCheckin}); err == nil || !strings.Contains(err.Error(), "cannot be edited safely") {
		t.Errorf("unterminated frontmatter: %v", err)
	}
	// The command the message suggests quotes the path for the shell.
	hostile := Parse("$(touch PWNED).md", []byte("---\nroadmap: 1\n"))
	if _, err := hostile.AppendReview(NewReview{Date: date("2026-12-01"), Kind: ReviewCheckin}); err == nil || !strings.Contains(err.Error(), "(run `roadmap show '$(touch PWNED).md'` to see why)") {
		t.Errorf("hint for a hostile name: %v", err)
	}
	if _, err := (&Document{Path: "x.md"}).ReplaceActions(pinned); err == nil {
		t.Errorf("unparsed document accepted")
	}
}

func TestWriteEdited(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.md")
	if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteEdited(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Fatalf("content %q", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}

	// Someone else wrote meanwhile: refused, their content kept.
	err := WriteEdited(path, []byte("old\n"), []byte("mine\n"))
	var ce *ChangedError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "r.md: the file changed on disk") || !strings.Contains(err.Error(), "re-run") {
		t.Fatalf("err = %v, want a ChangedError", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("content %q, want the other writer's kept", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries in the directory, want only the file", len(entries))
	}

	// Deleted meanwhile: refused too, nothing created.
	gone := filepath.Join(dir, "gone.md")
	if err := WriteEdited(gone, []byte("x"), []byte("y")); err == nil {
		t.Errorf("writing a missing file succeeded")
	}
	if _, err := os.Stat(gone); err == nil {
		t.Errorf("a missing file was created")
	}

	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link.md")
		if err := os.Symlink("r.md", link); err != nil {
			t.Fatal(err)
		}
		if err := WriteEdited(link, []byte("new\n"), []byte("via link\n")); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the symbolic link was replaced by a file")
		}
		if got, _ := os.ReadFile(path); string(got) != "via link\n" {
			t.Errorf("target holds %q", got)
		}
	}
}
