package review

import (
	"reflect"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// TestActionNotesReadWhatRecordWrites: the notes a record adds about the
// actions it replaced or kept read back as the actions' titles, whatever
// brackets a title holds.
func TestActionNotesReadWhatRecordWrites(t *testing.T) {
	d := load(t, "../../examples/promotion.md") // action 1 done; 2 due 12-04; 3 due 12-11
	var titles []string
	for _, a := range d.Actions {
		titles = append(titles, a.Title)
	}
	last := func(p *Plan) []ActionNote {
		t.Helper()
		nd := roadmap.Parse(d.Path, p.Result)
		return ActionNotes(nd.Reviews[len(nd.Reviews)-1])
	}

	pinned, err := PlanRecord(d, Record{Date: day("2026-12-16"), Kind: "check-in", Done: []int{2}, Actions: []string{
		"Draft the stage 2 cutover plan (project) — due 2026-12-30",
		"Start the Kafka course (course) — due 2027-01-10",
		"Ask Hana Kim about her design doc (person) — due 2027-01-14",
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []ActionNote{{NoteDone, titles[0]}, {NoteDone, titles[1]}, {NoteDropped, titles[2]}}
	if got := last(pinned); !reflect.DeepEqual(got, want) {
		t.Errorf("pinned: %q\nwant %q", got, want)
	}

	kept, err := PlanRecord(d, Record{Date: day("2026-12-20"), Kind: "check-in", KeepActions: true})
	if err != nil {
		t.Fatal(err)
	}
	want = []ActionNote{{NoteKept, titles[1]}, {NoteKept, titles[2]}}
	if got := last(kept); !reflect.DeepEqual(got, want) {
		t.Errorf("kept: %q\nwant %q", got, want)
	}

	// Files recorded before the note said "Dropped:" read the same.
	old := roadmap.ReviewEntry{Notes: []roadmap.Item{{Text: "Carried over: Start the Kafka course (due 2026-12-01)"}}}
	if got, want := ActionNotes(old), []ActionNote{{NoteDropped, "Start the Kafka course"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("old note: %q\nwant %q", got, want)
	}

	plain := roadmap.ReviewEntry{Notes: []roadmap.Item{{Text: "On track: the draft is out."}, {Text: "Done:"}}}
	if got := ActionNotes(plain); len(got) != 0 {
		t.Errorf("a note that is not about an action: %q", got)
	}
}
