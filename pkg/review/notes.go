package review

import (
	"regexp"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// The notes a record adds to its review-log entry about the actions it
// replaced or kept, so nothing is lost from the file: Plan.Carried writes
// them, ActionNotes reads them back.
//
// An unfinished action a record replaces is dropped from the list (history
// says "dropped"), so its note says so: it used to read "Carried over:",
// which a reader took for "still on my list". Files written then are read
// back the same.
const (
	NoteDone    = "Done: "
	NoteDropped = "Dropped: "
	NoteKept    = "Kept: "

	noteDroppedOld = "Carried over: "
)

// ActionNote is one of those notes, read back.
type ActionNote struct {
	// Prefix is NoteDone, NoteDropped or NoteKept.
	Prefix string
	// Title is the action's title as the record wrote it.
	Title string
}

// noteTail is the due-date remark after a dropped or kept title:
// "(due 2026-12-01)", "(no due date)", "(due 2026-11-20, now 2026-12-20)".
var noteTail = regexp.MustCompile(` \((?:due \d{4}-\d{2}-\d{2}|no due date)(?:, now \d{4}-\d{2}-\d{2})?\)$`)

// ActionNotes reads the action notes of a review-log entry, in order.
func ActionNotes(e roadmap.ReviewEntry) []ActionNote {
	var out []ActionNote
	for _, n := range e.Notes {
		text := strings.TrimSpace(n.Text)
		for _, p := range []string{NoteDone, NoteDropped, NoteKept, noteDroppedOld} {
			if title, ok := strings.CutPrefix(text, p); ok {
				if p == noteDroppedOld {
					p = NoteDropped
				}
				if p != NoteDone {
					title = noteTail.ReplaceAllString(title, "")
				}
				if title = strings.TrimSpace(title); title != "" {
					out = append(out, ActionNote{Prefix: p, Title: title})
				}
				break
			}
		}
	}
	return out
}
