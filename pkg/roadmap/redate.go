package roadmap

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// SetActionDue returns the edit that makes action index (1-based) due on
// date: the date after its "due" or "by" is replaced, a placeholder value
// ("due TBD") becomes the date, and an action with no due clause gets
// " — due DATE" at the end of its own text. Nothing else of the item
// changes, so its wording, marker and nested lines stay as written.
func (d *Document) SetActionDue(index int, date civil.Date) (Edit, error) {
	if err := d.editable(); err != nil {
		return Edit{}, err
	}
	if index < 1 || index > len(d.Actions) {
		return Edit{}, d.editErr(fmt.Sprintf("there is no action %d (the Next 30 days section has %s)", index, countActions(len(d.Actions))))
	}
	if date.IsZero() {
		return Edit{}, d.editErr(fmt.Sprintf("action %d: no date to give it", index))
	}
	a := d.Actions[index-1]
	what := fmt.Sprintf("make action %d due %s", index, date)
	text := []byte(date.String())
	if !a.DuePos.IsZero() {
		n := len(a.DueText)
		if n == 0 {
			n = len(a.Due.String())
		}
		off := a.DuePos.Offset
		// The bytes replaced must be the value the parser read, or the
		// edit would land somewhere else in the line.
		if a.Due.IsZero() && a.DueText == "" || off < 0 || off+n > len(d.Raw) ||
			(a.DueText != "" && string(d.Raw[off:off+n]) != a.DueText) ||
			(a.DueText == "" && string(d.Raw[off:off+n]) != a.Due.String()) {
			return Edit{}, d.editErr(fmt.Sprintf("line %d: cannot find action %d's due date", a.DuePos.Line, index))
		}
		return Edit{Start: off, End: off + n, Text: text, What: what}, nil
	}
	at := d.rawLineEnd(a.End.Line)
	if a.End.IsZero() {
		at = d.rawLineEnd(a.Pos.Line)
	}
	return Edit{Start: at, End: at, Text: []byte(" — due " + date.String()), What: what}, nil
}
