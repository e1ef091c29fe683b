// Package fix turns lint findings into edits: the mechanical fixes that
// have exactly one correct edit (a near-miss value, an unpadded date, a
// single company where a list belongs, a missing marker or format key), and
// for any finding the comment that turns its rule off on its line. `roadmap
// lint --fix` and the language server's quick fixes both use it.
//
// A fix rests on what the finding says (its rule, code, subject and
// suggestion) and on where the document says things are (value spans,
// headings); it never reads the file on its own. Every edit is a byte
// splice on the original bytes, so a BOM, CRLF line endings and every byte
// outside the edit stay as they were, and each fix is checked by parsing
// and linting the result before it is offered.
package fix

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Rules lists the rules some of whose findings have a mechanical fix;
// each one's page in docs/rules says what the fix does.
var Rules = []string{"RM001", "RM004", "RM009", "RM010", "RM011", "RM012", "RM013", "RM017", "RM018", "RM019", "RM022"}

// Fix is one finding's fix: the edits to make, on the document's bytes.
type Fix struct {
	Finding lint.Finding
	// Title says what the fix does, for people ("Change kind to
	// "promotion"").
	Title string
	Edits []roadmap.Edit
	// Suppress is true for the fix that turns the rule off instead of
	// correcting the text.
	Suppress bool
}

// Apply returns raw with the fix's edits made.
func (f Fix) Apply(raw []byte) ([]byte, error) { return roadmap.ApplyEdits(raw, f.Edits) }

// For returns the mechanical fix of finding f in doc, when it has exactly
// one correct edit. Findings that would need invented content (a missing
// title, an action, evidence) or a choice (which of two cadences to change)
// have none. The fix is not yet checked: see Checker.
func For(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	if doc.Fatal() {
		return Fix{}, false
	}
	switch {
	case f.Rule == "RM001" && f.Code == "missing-key":
		return addFormatKey(doc, f)
	case f.Rule == "RM001" && f.Code == "unknown-key":
		return renameKey(doc, f)
	case f.Code == "not-hypothesis":
		return markHypothesis(doc, f)
	}
	if f.Suggestion == "" {
		return Fix{}, false
	}
	if _, ok := doc.Frontmatter.Spans[f.Subject]; ok {
		return replaceValue(doc, f)
	}
	switch f.Code {
	case "heading-near-miss":
		if s := sectionAt(doc, f.Line); s != nil {
			return renameHeading(doc, f, s)
		}
		return Fix{}, false
	case "gap-label-near-miss", "evidence-near-miss":
		return replaceLabel(doc, f)
	}
	return Fix{}, false
}

func one(f lint.Finding, title string, e roadmap.Edit) Fix {
	e.What = title
	return Fix{Finding: f, Title: title, Edits: []roadmap.Edit{e}}
}

// replaceValue writes the suggestion in place of a frontmatter value,
// keeping its quotes when the new value can stay inside them.
func replaceValue(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	sp := doc.Frontmatter.Spans[f.Subject]
	old := string(doc.Raw[sp.Start.Offset:sp.End.Offset])
	text := f.Suggestion
	if sp.Quote != 0 && bare(text) {
		text = string(sp.Quote) + text + string(sp.Quote)
	}
	if text == old || strings.ContainsAny(text, "\r\n") {
		return Fix{}, false
	}
	title := fmt.Sprintf("Change %s from %s to %s", f.Subject, old, text)
	return one(f, title, roadmap.Edit{Start: sp.Start.Offset, End: sp.End.Offset, Text: []byte(text)}), true
}

// bare reports whether s is a word that needs no quotes in YAML and reads
// the same inside them: an id, a date, a number.
func bare(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// renameKey corrects a misspelled frontmatter key to the one known key it
// is a near miss of (the parser suggests one only when that key is not set
// beside it).
func renameKey(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	sp, ok := doc.Frontmatter.KeySpans[f.Subject]
	if !ok || f.Suggestion == "" || sp.Quote != 0 || !bare(f.Suggestion) {
		return Fix{}, false
	}
	old := string(doc.Raw[sp.Start.Offset:sp.End.Offset])
	title := fmt.Sprintf("Rename key %s to %s", old, f.Suggestion)
	return one(f, title, roadmap.Edit{Start: sp.Start.Offset, End: sp.End.Offset, Text: []byte(f.Suggestion)}), true
}

// addFormatKey adds the format version, the one required key whose value
// is never in doubt, as the first field. Other missing keys (title, kind,
// started, target) are the writer's to fill. JSON is left alone: the key
// goes inside the object with a comma only when other fields follow.
func addFormatKey(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	fm := doc.Frontmatter
	if f.Subject != "roadmap" || f.Suggestion == "" || fm.Syntax == "" || fm.Syntax == "json" || fm.EndLine <= fm.StartLine {
		return Fix{}, false
	}
	line := "roadmap: " + f.Suggestion
	if fm.Syntax == "toml" {
		line = "roadmap = " + f.Suggestion
	}
	at := doc.LineStart(fm.StartLine + 1).Offset
	title := fmt.Sprintf("Add %q as the first field", line)
	return one(f, title, roadmap.Edit{Start: at, End: at, Text: []byte(line + doc.Newline())}), true
}

// markHypothesis appends "(hypothesis)" to the Years 2–3 heading.
func markHypothesis(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	s := sectionAt(doc, f.Line)
	if s == nil || s.Key != roadmap.SectionLongTerm {
		return Fix{}, false
	}
	marker := f.Suggestion
	if marker == "" {
		marker = "(hypothesis)"
	}
	line := doc.LineText(s.Pos.Line)
	end := headingEnd(line)
	if end < 0 {
		return Fix{}, false
	}
	if line[end-1] == ':' {
		end-- // "Years 2–3:" becomes "Years 2–3 (hypothesis):"
	}
	text := " " + marker
	at := doc.LineStart(s.Pos.Line).Offset + end
	heading := strings.TrimSpace(line[:end] + text + line[end:])
	title := fmt.Sprintf("Mark years 2–3 as a hypothesis: %s", heading)
	return one(f, title, roadmap.Edit{Start: at, End: at, Text: []byte(text)}), true
}

// renameHeading writes the suggested heading text in place of a heading's
// own text (the "## " and any closing "#"s stay).
func renameHeading(doc *roadmap.Document, f lint.Finding, s *roadmap.Section) (Fix, bool) {
	line := doc.LineText(s.Pos.Line)
	end := headingEnd(line)
	start := headingStart(line)
	if end < 0 || start < 0 || start >= end || strings.ContainsAny(f.Suggestion, "\r\n") {
		return Fix{}, false
	}
	if line[start:end] != strings.TrimSpace(s.Heading) {
		return Fix{}, false // the heading is not written on its line as read
	}
	// Only a bare misspelling is rewritten: numbering, emoji or other
	// words around the name would be lost.
	if roadmap.HeadingSpelling(s.Heading, f.Subject) == "" {
		return Fix{}, false
	}
	base := doc.LineStart(s.Pos.Line).Offset
	title := fmt.Sprintf("Rename heading %q to %q", line[start:end], f.Suggestion)
	return one(f, title, roadmap.Edit{Start: base + start, End: base + end, Text: []byte(f.Suggestion)}), true
}

// replaceLabel corrects a gap item's label that is a misspelling of one
// dimension ("**Mentorsip:**"), or of Evidence ("Evidance:"): the label's
// letters only, where the document read it.
func replaceLabel(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	var old string
	var pos roadmap.Position
	for _, g := range doc.Gap {
		switch {
		case f.Code == "gap-label-near-miss" && g.LabelPos.Line == f.Line && g.LabelPos.Column == f.Column:
			old, pos = g.Label, g.LabelPos
		case f.Code == "evidence-near-miss" && g.EvidenceNearPos.Line == f.Line && g.EvidenceNearPos.Column == f.Column:
			old, pos = g.EvidenceNear, g.EvidenceNearPos
		}
	}
	if old == "" || f.Suggestion == "" || strings.ContainsAny(f.Suggestion, "\r\n*_") {
		return Fix{}, false
	}
	// The label starts at pos or just after its emphasis ("**").
	off := -1
	for k := 0; k <= 2 && pos.Offset+k+len(old) <= len(doc.Raw); k++ {
		if string(doc.Raw[pos.Offset+k:pos.Offset+k+len(old)]) == old {
			off = pos.Offset + k
			break
		}
	}
	if off < 0 {
		return Fix{}, false
	}
	title := fmt.Sprintf("Change the label %s to %s", old, f.Suggestion)
	return one(f, title, roadmap.Edit{Start: off, End: off + len(old), Text: []byte(f.Suggestion)}), true
}

// sectionAt is the section whose heading is on line.
func sectionAt(doc *roadmap.Document, line int) *roadmap.Section {
	for _, s := range doc.Sections {
		if s.Pos.Line == line {
			return s
		}
	}
	return nil
}

// headingStart is the byte index of an ATX heading's text in its line
// (after the "#"s and spaces), 0 for a setext heading's text line; -1 when
// the heading has no text.
func headingStart(line string) int {
	i := 0
	for i < len(line) && line[i] == ' ' && i < 3 {
		i++
	}
	if i < len(line) && line[i] == '#' {
		for i < len(line) && line[i] == '#' {
			i++
		}
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
	}
	if i >= len(line) {
		return -1
	}
	return i
}

// headingEnd is the byte index just past a heading's text in its line:
// before trailing blanks and an ATX closing sequence ("## Gap ##").
func headingEnd(line string) int {
	end := len(strings.TrimRight(line, " \t"))
	if strings.HasPrefix(strings.TrimLeft(line, " "), "#") {
		j := end
		for j > 0 && line[j-1] == '#' {
			j--
		}
		if j < end && j > 0 && (line[j-1] == ' ' || line[j-1] == '\t') {
			end = len(strings.TrimRight(line[:j], " \t"))
		}
	}
	if end <= 0 {
		return -1
	}
	return end
}

// Suppress returns the fix that turns the finding's rule off where it is
// reported: a `roadmap-disable-line` comment at the end of a body line
// (added to one already there), a `roadmap-disable-next-line` comment
// above a heading (a comment inside the heading would change its text),
// and for a frontmatter line, where comments cannot go, a disable and
// enable pair just below the frontmatter, which covers the frontmatter
// alone.
func Suppress(doc *roadmap.Document, f lint.Finding) (Fix, bool) {
	if doc.Fatal() || f.Line < 1 || f.Line > doc.LineCount() {
		return Fix{}, false
	}
	fm := doc.Frontmatter
	nl := doc.Newline()
	mk := func(title string, at int, text string) (Fix, bool) {
		fx := one(f, title, roadmap.Edit{Start: at, End: at, Text: []byte(text)})
		fx.Suppress = true
		return fx, true
	}
	if fm.Syntax != "" && f.Line <= fm.EndLine {
		if fm.EndLine >= doc.LineCount() && !endsWithNewline(doc.Raw) {
			return Fix{}, false
		}
		at := doc.LineStart(fm.EndLine + 1).Offset
		if fm.EndLine+1 > doc.LineCount() {
			at = len(doc.Raw)
		}
		text := fmt.Sprintf("<!-- roadmap-disable %s --><!-- roadmap-enable %s -->", f.Rule, f.Rule) + nl
		return mk(fmt.Sprintf("Disable %s for the frontmatter", f.Rule), at, text)
	}
	line := doc.LineText(f.Line)
	start := doc.LineStart(f.Line).Offset
	if isHeading(doc, f.Line) {
		return mk(fmt.Sprintf("Disable %s for this line", f.Rule), start, fmt.Sprintf("<!-- roadmap-disable-next-line %s -->", f.Rule)+nl)
	}
	if i := strings.Index(line, "<!-- roadmap-disable-line"); i >= 0 {
		if j := strings.Index(line[i:], "-->"); j >= 0 {
			k := i + len(strings.TrimRight(line[i:i+j], " \t"))
			return mk(fmt.Sprintf("Disable %s for this line", f.Rule), start+k, " "+f.Rule)
		}
	}
	end := len(strings.TrimRight(line, " \t"))
	sep := " "
	if end == 0 {
		sep = ""
	}
	return mk(fmt.Sprintf("Disable %s for this line", f.Rule), start+end, fmt.Sprintf("%s<!-- roadmap-disable-line %s -->", sep, f.Rule))
}

func endsWithNewline(raw []byte) bool {
	return len(raw) > 0 && (raw[len(raw)-1] == '\n' || raw[len(raw)-1] == '\r')
}

// isHeading reports whether a line is a heading the document read: the
// title, a section or a sub-heading.
func isHeading(doc *roadmap.Document, line int) bool {
	if doc.TitlePos.Line == line {
		return true
	}
	for _, s := range doc.Sections {
		if s.Pos.Line == line {
			return true
		}
		for _, h := range s.Subheadings {
			if h.Pos.Line == line {
				return true
			}
		}
	}
	return bytes.HasPrefix(bytes.TrimLeft([]byte(doc.LineText(line)), " "), []byte("#"))
}
