package roadmap

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/atomicfile"
	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Edit replaces the bytes Raw[Start:End] of a document with Text. An edit
// with Start == End inserts. Offsets are into the original file's bytes
// (Document.Raw, BOM included), as in Position.Offset.
type Edit struct {
	Start, End int
	Text       []byte
	// What says what the edit does ("tick action 2"), for messages.
	What string
}

// EditError is an edit that cannot be made on a document.
type EditError struct {
	Path string
	Msg  string
}

func (e *EditError) Error() string { return safetext.Name(e.Path) + ": " + e.Msg }

// ApplyEdits returns raw with every edit applied; raw itself is not
// modified. Edits may come in any order but must lie inside raw and must
// not overlap; inserts at the same offset are applied in the order given.
// Every byte outside the edited ranges is copied unchanged.
func ApplyEdits(raw []byte, edits []Edit) ([]byte, error) {
	sorted := SortEdits(edits)
	size := len(raw)
	prevEnd := 0
	for i, e := range sorted {
		if e.Start < 0 || e.End < e.Start || e.End > len(raw) {
			return nil, fmt.Errorf("edit %q: range %d..%d is outside the file (%d bytes)", e.What, e.Start, e.End, len(raw))
		}
		if i > 0 && e.Start < prevEnd {
			return nil, fmt.Errorf("edits %q and %q overlap", sorted[i-1].What, e.What)
		}
		prevEnd = e.End
		size += len(e.Text) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	at := 0
	for _, e := range sorted {
		out = append(out, raw[at:e.Start]...)
		out = append(out, e.Text...)
		at = e.End
	}
	return append(out, raw[at:]...), nil
}

// SortEdits returns a copy of edits in file order: by start, inserts
// before a replacement at the same offset, and otherwise as given.
func SortEdits(edits []Edit) []Edit {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End-sorted[i].Start == 0 && sorted[j].End-sorted[j].Start > 0
	})
	return sorted
}

// Newline is the file's line ending: "\r\n" for a CRLF file, "\r" for
// one whose lines end in a lone carriage return (old Mac files), else
// "\n". Text an edit inserts uses it, so a file keeps its line endings.
func (d *Document) Newline() string {
	switch {
	case d.CRLF:
		return "\r\n"
	case bytes.IndexByte(d.Raw, '\r') >= 0 && bytes.IndexByte(d.Raw, '\n') < 0:
		return "\r"
	}
	return "\n"
}

// NewReview is a review-log entry to append.
type NewReview struct {
	Date civil.Date
	// Kind is one of the Review* constants.
	Kind string
	// Notes become the entry's list items, one line each.
	Notes []string
}

// Heading is the entry's heading text, "YYYY-MM-DD · kind".
func (r NewReview) Heading() string { return r.Date.String() + " · " + r.Kind }

// AppendReview returns the edit that appends r at the end of the Review
// log section, or, when the file has none, a new "## Review log" section
// at the end of the file with a blank line before it.
func (d *Document) AppendReview(r NewReview) (Edit, error) {
	if err := d.editable(); err != nil {
		return Edit{}, err
	}
	if r.Date.IsZero() {
		return Edit{}, d.editErr("a review entry needs a date")
	}
	if !contains(ReviewKinds, r.Kind) {
		return Edit{}, d.editErr(fmt.Sprintf("review kind %q is not one of %s", r.Kind, strings.Join(ReviewKinds, ", ")))
	}
	for _, n := range r.Notes {
		if err := d.oneLine("review note", n); err != nil {
			return Edit{}, err
		}
	}
	nl := d.Newline()
	var entry strings.Builder
	entry.WriteString("### " + r.Heading())
	for _, n := range r.Notes {
		entry.WriteString(nl + "- " + n)
	}
	what := "append review entry " + r.Heading()
	if s := d.Section(SectionReviewLog); s != nil {
		at := d.rawLineEnd(s.EndLine)
		return Edit{Start: at, End: at, Text: []byte(nl + entry.String()), What: what}, nil
	}
	at, text := d.appendAtEnd("## Review log" + nl + entry.String())
	return Edit{Start: at, End: at, Text: []byte(text), What: what + " in a new Review log section"}, nil
}

// TickAction returns the edit that marks action index (1-based, as `show`
// numbers them) done: the one byte between its brackets becomes "x".
// ok is false, with no edit, when the action is already done.
func (d *Document) TickAction(index int) (e Edit, ok bool, err error) {
	if err := d.editable(); err != nil {
		return Edit{}, false, err
	}
	if index < 1 || index > len(d.Actions) {
		return Edit{}, false, d.editErr(fmt.Sprintf("there is no action %d (the Next 30 days section has %s)", index, countActions(len(d.Actions))))
	}
	a := d.Actions[index-1]
	off := a.Checkbox.Offset
	if a.Checkbox.IsZero() || off < 1 || off+1 >= len(d.Raw) || d.Raw[off-1] != '[' || d.Raw[off+1] != ']' {
		return Edit{}, false, d.editErr(fmt.Sprintf("line %d: cannot find action %d's checkbox", a.Pos.Line, index))
	}
	switch d.Raw[off] {
	case 'x', 'X':
		return Edit{}, false, nil
	case ' ':
		return Edit{Start: off, End: off + 1, Text: []byte("x"), What: fmt.Sprintf("tick action %d", index)}, true, nil
	}
	return Edit{}, false, d.editErr(fmt.Sprintf("line %d: action %d's checkbox holds %q", a.Pos.Line, index, d.Raw[off]))
}

// ReplaceActions returns the edits that put actions (each the text after
// "[ ] ") in place of the Next 30 days section's task items, as open
// tasks. The first old item's lines become the new items, written with its
// list marker and indentation; the other old items' lines are removed.
// Everything else in the section (notes, other list items, nested lists)
// stays. A section without task items gets the new ones after its
// content; a file without the section gets one, before the Next quarter,
// Years 2–3 or Review log section, else at the end.
func (d *Document) ReplaceActions(actions []string) ([]Edit, error) {
	if err := d.editable(); err != nil {
		return nil, err
	}
	if len(actions) == 0 {
		return nil, d.editErr("no actions to pin")
	}
	for _, a := range actions {
		if err := d.oneLine("action", a); err != nil {
			return nil, err
		}
	}
	nl := d.Newline()
	items := func(prefix string) string {
		lines := make([]string, len(actions))
		for i, a := range actions {
			lines[i] = prefix + "[ ] " + a
		}
		return strings.Join(lines, nl)
	}
	what := fmt.Sprintf("pin %d actions", len(actions))

	s := d.Section(SectionNext30Days)
	if s == nil {
		body := "## Next 30 days" + nl + items("- ")
		for _, key := range []string{SectionQuarter, SectionLongTerm, SectionReviewLog} {
			if next := d.Section(key); next != nil {
				at := d.rawLineStart(next.Pos.Line)
				return []Edit{{Start: at, End: at, Text: []byte(body + nl + nl), What: what + " in a new Next 30 days section"}}, nil
			}
		}
		at, text := d.appendAtEnd(body)
		return []Edit{{Start: at, End: at, Text: []byte(text), What: what + " in a new Next 30 days section"}}, nil
	}
	if len(d.Actions) == 0 {
		at := d.rawLineEnd(s.EndLine)
		sep := nl
		if s.EndLine > s.Pos.Line {
			sep = nl + nl
		}
		return []Edit{{Start: at, End: at, Text: []byte(sep + items("- ")), What: what}}, nil
	}
	first := d.Actions[0]
	start := d.rawLineStart(first.Pos.Line)
	prefix := "- "
	if off := first.Checkbox.Offset - 1; off > start && off <= len(d.Raw) {
		if p := string(d.Raw[start:off]); strings.TrimSpace(p) != "" && !strings.ContainsAny(p, "\r\n") {
			prefix = p
		}
	}
	edits := []Edit{{Start: start, End: d.rawLineEnd(first.End.Line), Text: []byte(items(prefix)), What: what}}
	for _, a := range d.Actions[1:] {
		from, to := d.rawLineStart(a.Pos.Line), d.rawLineEnd(a.End.Line)
		if a.End.Line < d.LineCount() {
			to = d.rawLineStart(a.End.Line + 1) // with its line ending
		}
		edits = append(edits, Edit{Start: from, End: to, What: fmt.Sprintf("remove old action %d", a.Index)})
	}
	return edits, nil
}

// appendAtEnd returns where and what to insert to add block at the end of
// the file after a blank line, keeping whether the file ends with a newline.
func (d *Document) appendAtEnd(block string) (int, string) {
	nl := d.Newline()
	raw := d.Raw
	n := d.LineCount()
	endsWithNewline := len(raw) > 0 && (raw[len(raw)-1] == '\n' || raw[len(raw)-1] == '\r')
	switch {
	case !endsWithNewline:
		return len(raw), nl + nl + block
	case n >= 2 && len(trimSpaceBytes(d.src.lineText(n-1))) == 0:
		return len(raw), block + nl // already ends with a blank line
	}
	return len(raw), nl + block + nl
}

// rawLineStart is the offset in Raw of the first byte of a 1-based line.
func (d *Document) rawLineStart(line int) int {
	starts := d.src.rawStarts
	if line < 1 {
		return starts[0]
	}
	if line > len(starts) {
		return len(d.Raw)
	}
	return starts[line-1]
}

// rawLineEnd is the offset in Raw just past a line's last character,
// before its line ending.
func (d *Document) rawLineEnd(line int) int {
	starts := d.src.rawStarts
	if line < 1 {
		line = 1
	}
	if line >= len(starts) {
		return len(d.Raw)
	}
	end := starts[line]
	if end > 0 && d.Raw[end-1] == '\n' {
		end--
		if end > 0 && d.Raw[end-1] == '\r' {
			end--
		}
	} else if end > 0 && d.Raw[end-1] == '\r' {
		end--
	}
	return end
}

// editable refuses to edit a document the parser could not read through.
func (d *Document) editable() error {
	if d.src == nil {
		return d.editErr("the document was not parsed from a file")
	}
	if d.Fatal() {
		return d.editErr("the file cannot be read as a roadmap, so it cannot be edited safely (run `roadmap show " + safetext.ShellQuote(d.Path) + "` to see why)")
	}
	return nil
}

func (d *Document) oneLine(what, s string) error {
	if strings.TrimSpace(s) == "" {
		return d.editErr("an empty " + what)
	}
	if strings.ContainsAny(s, "\r\n") {
		return d.editErr(fmt.Sprintf("%s %q spans several lines (give it as one line)", what, s))
	}
	if !utf8.ValidString(s) {
		return d.editErr(fmt.Sprintf("%s %q is not valid UTF-8", what, s))
	}
	return nil
}

func (d *Document) editErr(msg string) error { return &EditError{Path: d.Path, Msg: msg} }

func countActions(n int) string {
	if n == 1 {
		return "1 action"
	}
	return fmt.Sprintf("%d actions", n)
}

// ChangedError is a refusal to write: the file on disk is no longer what
// the edit was computed from (another program or person changed it).
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return safetext.Name(e.Path) + ": the file changed on disk while it was being edited, so nothing was written (re-run the command to apply it to the new content)"
}

// WriteEdited replaces the file at path with data, atomically, by the
// rules of package atomicfile (a symbolic link is written through; mode,
// owner and group are kept; a read-only or hard-linked file is refused),
// unless the file's bytes are no longer original: then it writes nothing
// and returns a *ChangedError. The comparison is made just before the
// rename. Nothing is written either when data would not read back as
// well as original did (see CheckReadBack).
func WriteEdited(path string, original, data []byte) error {
	if err := CheckReadBack(path, original, data); err != nil {
		return err
	}
	return atomicfile.WriteFileChecked(path, data, 0o644, func() error {
		current, err := boundedread.File(path, MaxFileBytes)
		if errors.Is(err, fs.ErrNotExist) {
			return &ChangedError{Path: path}
		}
		var be *boundedread.Error
		if errors.As(err, &be) && be.Kind == boundedread.TooLarge {
			return &ChangedError{Path: path}
		}
		if err != nil {
			return fileError(path, err)
		}
		if !bytes.Equal(current, original) {
			return &ChangedError{Path: path}
		}
		return nil
	})
}

// CheckReadBack refuses an edit whose result every command would then
// refuse or misread: a file over MaxFileBytes, or one that parses with a
// problem the original did not have (a date outside the years the format
// allows, a nesting cap, an unreadable entry). The edit's own text is
// held to the limits the parser applies to what it reads.
func CheckReadBack(path string, original, data []byte) error {
	if err := CheckEditSize(path, data); err != nil {
		return err
	}
	before := problemCounts(Parse(path, original))
	after := Parse(path, data)
	seen := map[string]int{}
	for _, p := range after.Problems {
		key := string(p.Severity) + " " + p.Code
		seen[key]++
		if seen[key] > before[key] {
			return &EditError{Path: path, Msg: fmt.Sprintf("the edit would write what cannot be read back (line %d: %s), so nothing was written", p.Pos.Line, p.Message)}
		}
	}
	return nil
}

// CheckEditSize refuses an edit whose result is over the size a roadmap
// may be, before anything parses it.
func CheckEditSize(path string, data []byte) error {
	if len(data) > MaxFileBytes {
		return &EditError{Path: path, Msg: fmt.Sprintf("the edit would make the file %s, over the %s a roadmap may be, so nothing was written (move old review-log entries to another file first)",
			boundedread.FormatSize(int64(len(data))), boundedread.FormatSize(MaxFileBytes))}
	}
	return nil
}

func problemCounts(d *Document) map[string]int {
	n := map[string]int{}
	for _, p := range d.Problems {
		n[string(p.Severity)+" "+p.Code]++
	}
	return n
}
