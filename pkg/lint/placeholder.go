package lint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

const placeholderHint = "replace it with your own words"

// checkPlaceholder (RM021) reports what was left to fill in, once each:
// a slot anywhere ("[TODO: …]", "[fill in]", "<company>"); a value, item,
// label's content, Evidence or due date that is only a placeholder
// ("TBD", "???", "…"). The other rules leave what is unfilled to it.
func checkPlaceholder(c *Context) {
	seen := map[[2]int]bool{}
	slotLine := map[int]bool{}
	add := func(start, end roadmap.Position, text string) {
		key := [2]int{start.Line, start.Column}
		if seen[key] {
			return
		}
		seen[key] = true
		hint := placeholderHint
		if roadmap.IsDateFormat(text) {
			hint = "write the date itself, in digits: the format is the placeholder"
		}
		if strings.HasPrefix(text, "[TODO:") || strings.HasPrefix(text, "[[TODO:") {
			hint += "; `roadmap init` left it for you to fill"
		}
		c.Report(start, end, "placeholder left unfilled: "+clip(text), hint)
	}
	// A unit that holds a slot has the slot reported, not itself.
	report := func(start, end roadmap.Position, text string) {
		if !slotLine[start.Line] {
			add(start, end, text)
		}
	}
	// A list of nothing but placeholders is one finding, its slots
	// included: the lines it is written on are its.
	listLine := map[int]bool{}
	for _, p := range c.Doc.Problems {
		if lines := c.listLines(p); p.Code == roadmap.CodePlaceholder && len(lines) > 0 {
			add(p.Pos, roadmap.Position{}, p.Value)
			for _, l := range lines {
				listLine[l] = true
			}
		}
	}
	c.slotLines(func(start, end roadmap.Position, text string) {
		if listLine[start.Line] {
			return
		}
		add(start, end, text)
		slotLine[start.Line] = true // the slot is the placeholder, not the line's item
	})
	for _, p := range c.Doc.Problems {
		if p.Code == roadmap.CodePlaceholder && !listLine[p.Pos.Line] {
			report(p.Pos, roadmap.Position{}, p.Value)
		}
	}
	eachFrontmatterString(c.Doc.Frontmatter, func(path, value string) {
		if roadmap.StartsWithPlaceholder(value) {
			report(c.valuePos(path, value, 0), c.valuePos(path, value, len(value)), value)
		}
	})
	unit := func(it roadmap.Item, from int) {
		text := prose(it.Text)
		if from <= len(text) && roadmap.IsPlaceholder(text[from:]) {
			start := from + len(text[from:]) - len(strings.TrimLeft(text[from:], " \t"))
			report(it.PosOf(start), it.PosOf(len(text)), strings.TrimSpace(it.Text[from:]))
		}
	}
	var walk func(it roadmap.Item)
	walk = func(it roadmap.Item) {
		for _, sp := range roadmap.FindLabelledPlaceholders(it.Text) {
			report(it.PosOf(sp[0]), it.PosOf(sp[1]), it.Text[sp[0]:sp[1]])
		}
		unit(it, 0)
		if l, ok := roadmap.ReadLabel(it.Text); ok && l.End < len(it.Text) {
			unit(it, l.End)
		}
		for _, ch := range it.Children {
			walk(ch)
		}
	}
	for _, s := range c.Doc.Sections {
		for _, it := range s.Paragraphs {
			walk(it)
		}
		for _, it := range s.Items {
			walk(it)
		}
		for _, it := range s.Subheadings {
			unit(it, 0)
		}
	}
	for _, a := range c.Doc.Actions {
		if a.DueText != "" {
			report(a.DuePos, roadmap.Position{}, a.DueText)
		}
		if roadmap.IsPlaceholder(prose(a.Title)) {
			if i := strings.Index(a.Text, strings.TrimSpace(a.Title)); i >= 0 && a.Title != "" {
				report(a.PosOf(i), a.PosOf(i+len(strings.TrimSpace(a.Title))), a.Title)
			}
		}
	}
	if e := c.Doc.Exploration; e != nil {
		// "Talk to: Nathan Curtis (EightShapes), TBD": a person left to name
		for _, cand := range e.Candidates {
			for _, p := range cand.Contacts {
				if t := strings.TrimSpace(prose(p.Text)); t != "" && roadmap.IsPlaceholder(t) {
					i := strings.Index(p.Text, strings.TrimLeft(t, " "))
					report(p.PosOf(max(i, 0)), p.PosOf(max(i, 0)+len(t)), t)
				}
			}
		}
	}
	for _, g := range c.Doc.Gap {
		if unfilledNote(g.Detail) {
			if i := strings.Index(g.Text, g.Detail); i >= 0 {
				report(g.PosOf(i), g.PosOf(i+len(g.Detail)), g.Detail)
			} else {
				report(g.Pos, roadmap.Position{}, g.Detail)
			}
		}
		if unfilledNote(g.Evidence) {
			report(c.textAfter(g.EvidencePos, g.Evidence), roadmap.Position{}, g.Evidence)
		}
	}
}

// listLines are the lines of a frontmatter list that a placeholder
// problem is about (the parser keeps its items' positions), or nil for a
// problem about one value.
func (c *Context) listLines(p roadmap.Problem) []int {
	fields := c.Doc.Frontmatter.Fields
	if p.Path == "" {
		return nil
	}
	var out []int
	for i := 0; ; i++ {
		pos, ok := fields[fmt.Sprintf("%s.%d", p.Path, i)]
		if !ok {
			break
		}
		out = append(out, pos.Line)
	}
	if len(out) > 0 {
		out = append(out, p.Pos.Line)
	}
	return out
}

// slotLines reports the slots on every line of the file, outside code
// blocks and HTML comments.
func (c *Context) slotLines(report func(start, end roadmap.Position, text string)) {
	fence := ""
	inComment := false
	for n := 1; n <= c.Doc.LineCount(); n++ {
		raw := c.Doc.LineBytes(n)
		i := 0
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t') {
			i++
		}
		t := raw[i:]
		fenceLine := len(t) >= 3 && (t[0] == '`' || t[0] == '~')
		if fence == "" && !inComment && !fenceLine && !maySlot(raw) {
			continue // most lines: nothing to look at
		}
		line := string(raw)
		if n > c.Doc.Frontmatter.EndLine {
			switch {
			case fence != "":
				if bytes.HasPrefix(t, []byte(fence)) {
					fence = ""
				}
				continue
			case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
				fence = string(t[:3])
				continue
			}
		}
		if inComment {
			end := strings.Index(line, "-->")
			if end < 0 {
				continue
			}
			line = strings.Repeat(" ", end+3) + line[end+3:]
			inComment = false
		}
		if i := strings.LastIndex(line, "<!--"); i >= 0 && !strings.Contains(line[i:], "-->") {
			line = line[:i]
			inComment = true
		}
		if strings.IndexByte(line, '[') < 0 && strings.IndexByte(line, '<') < 0 && !strings.Contains(line, "___") {
			continue
		}
		// Columns count runes from the last slot on, not from the line's
		// start each time: a line of many slots stays linear.
		prevOff, prevCol := 0, 1
		for _, sp := range roadmap.FindPlaceholders(line) {
			if line[sp[0]] == '[' && c.linkDefined(line[sp[0]+1:sp[1]-1]) {
				continue // "[here]" with "[here]: https://…" below is a link
			}
			if n <= c.Doc.Frontmatter.EndLine && flowList(line, sp) {
				// "companies: [TBD, Stripe]" is a list, not a slot: its
				// items are judged one by one, a list of nothing but
				// placeholders once (the parser's problem).
				continue
			}
			col := prevCol + utf8.RuneCountInString(line[prevOff:sp[0]])
			prevOff, prevCol = sp[0], col
			report(roadmap.Position{Line: n, Column: col},
				roadmap.Position{Line: n, Column: col + utf8.RuneCountInString(line[sp[0]:sp[1]])}, line[sp[0]:sp[1]])
		}
	}
}

// flowList reports whether the bracketed span sp of a frontmatter line is
// a list of several values ("companies: [TBD, Stripe]"): it opens the
// value and holds a comma.
func flowList(line string, sp [2]int) bool {
	before := strings.TrimRight(line[:sp[0]], " \t")
	return strings.IndexByte(line[sp[0]:sp[1]], ',') >= 0 && (strings.HasSuffix(before, ":") || strings.HasSuffix(before, "="))
}

// maySlot is a quick test for a line that may hold a slot: a '<', or a
// '[' that is not a task box ("[ ]", "[x]").
func maySlot(raw []byte) bool {
	if bytes.IndexByte(raw, '<') >= 0 || bytes.Contains(raw, []byte("___")) {
		return true
	}
	for i := bytes.IndexByte(raw, '['); i >= 0; {
		if !(i+2 < len(raw) && raw[i+2] == ']' && (raw[i+1] == ' ' || raw[i+1] == 'x' || raw[i+1] == 'X')) {
			return true
		}
		j := bytes.IndexByte(raw[i+1:], '[')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// linkDefined reports whether the body defines a link reference named
// label ("[here]: https://…"), in any case.
func (c *Context) linkDefined(label string) bool {
	want := strings.ToLower(strings.TrimSpace(label))
	if c.shared == nil {
		return linkLabels(c.Doc)[want]
	}
	if c.shared.linkLabels == nil {
		c.shared.linkLabels = linkLabels(c.Doc)
	}
	return c.shared.linkLabels[want]
}

// linkLabels are the body's link reference definitions ("[here]: https://…"),
// lower-cased: read once per document, not once per bracket.
func linkLabels(doc *roadmap.Document) map[string]bool {
	labels := map[string]bool{}
	for n := doc.Frontmatter.EndLine + 1; n <= doc.LineCount(); n++ {
		t := bytes.TrimLeft(doc.LineBytes(n), " ")
		if len(t) == 0 || t[0] != '[' {
			continue
		}
		if k := bytes.Index(t, []byte("]:")); k > 0 && len(t) > k+2 {
			labels[strings.ToLower(string(t[1:k]))] = true
		}
	}
	return labels
}

// eachFrontmatterString calls fn with each of the header's free-text
// values that is set, and its key.
func eachFrontmatterString(fm roadmap.Frontmatter, fn func(path, value string)) {
	for _, f := range [...]struct{ path, value string }{
		{"title", fm.Title}, {"owner", fm.Owner},
		{"current.role", fm.Current.Role}, {"current.ladder", fm.Current.Ladder}, {"current.level", fm.Current.Level},
		{"target.role", fm.Target.Role.Role}, {"target.ladder", fm.Target.Ladder}, {"target.level", fm.Target.Level},
		{"target.industry", fm.Target.Industry},
		{"cadence.checkin", fm.Cadence.Checkin}, {"cadence.review", fm.Cadence.Review}, {"cadence.rewrite", fm.Cadence.Rewrite},
	} {
		if f.value != "" {
			fn(f.path, f.value)
		}
	}
	for i, co := range fm.Target.Companies {
		if co != "" {
			fn(fmt.Sprintf("target.companies.%d", i), co)
		}
	}
}

// unfilled reports whether an item (sub-bullets included) is a
// placeholder or holds a slot: RM021's to report, so the rules that read
// items leave it alone. Several rules ask it of the same items: the
// answer is kept for the document.
func (c *Context) unfilled(it roadmap.Item) bool {
	if c.shared == nil {
		return unfilled(it)
	}
	if v, ok := c.shared.unfilled[it.Pos.Offset]; ok {
		return v
	}
	v := unfilled(it)
	if c.shared.unfilled == nil {
		c.shared.unfilled = map[int]bool{}
	}
	c.shared.unfilled[it.Pos.Offset] = v
	return v
}

func unfilled(it roadmap.Item) bool {
	text := prose(it.Full().Text)
	if len(roadmap.FindPlaceholders(text)) > 0 || roadmap.IsPlaceholder(text) || len(roadmap.FindLabelledPlaceholders(text)) > 0 {
		return true
	}
	if l, ok := roadmap.ReadLabel(text); ok && roadmap.IsPlaceholder(text[l.End:]) {
		return true
	}
	return false
}

// onlyPlaceholder reports whether an item is nothing but placeholders
// (after its label): a phrase rule has nothing to read in it. An item that
// only holds one ("at <company>") is still read, around the slot.
func onlyPlaceholder(it roadmap.Item) bool {
	text := prose(it.Full().Text)
	if roadmap.IsPlaceholder(text) {
		return true
	}
	l, ok := roadmap.ReadLabel(text)
	return ok && roadmap.IsPlaceholder(text[l.End:])
}

// inSlot reports whether text[start:end] overlaps a placeholder slot.
func inSlot(text string, start, end int) bool {
	for _, sp := range roadmap.FindPlaceholders(text) {
		if start < sp[1] && sp[0] < end {
			return true
		}
	}
	return false
}

// unfilledAction is unfilled for an action, whose title (without its kind
// marker and due date) may be all placeholder: "- [ ] TBD (course)".
func (c *Context) unfilledAction(a roadmap.Action) bool {
	return c.unfilled(a.Item) || roadmap.IsPlaceholder(prose(a.Title))
}

// unfilledValue is unfilled for a frontmatter value.
func unfilledValue(v string) bool {
	return len(roadmap.FindPlaceholders(v)) > 0 || roadmap.StartsWithPlaceholder(v)
}

// clip shortens a long placeholder for the message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 200 {
		return s
	}
	r := []rune(s)
	return string(r[:199]) + "…"
}

// textAfter is where text starts on the line of pos, at or after pos (the
// value after a label); pos itself when it is not there.
func (c *Context) textAfter(pos roadmap.Position, text string) roadmap.Position {
	line := c.Doc.LineText(pos.Line)
	from := 0
	for col := 1; col < pos.Column && from < len(line); col++ {
		_, size := utf8.DecodeRuneInString(line[from:])
		from += size
	}
	first := strings.Fields(text)
	if len(first) == 0 {
		return pos
	}
	i := strings.Index(line[from:], first[0])
	if i < 0 {
		return pos
	}
	return roadmap.Position{Line: pos.Line, Column: pos.Column + utf8.RuneCountInString(line[from:from+i])}
}
