package roadmap

// span maps a stretch of an Item's Text back to the normalised source.
type span struct {
	textStart int // index into Item.Text
	srcStart  int // offset into the normalised file text
	length    int
}

// itemSource lets an Item map an index in its Text back to the file.
type itemSource struct {
	src   *source
	spans []span
}

// PosOf returns the file position of byte i of the item's Text, so a rule
// can point at the exact word it flags.
func (it Item) PosOf(i int) Position {
	if it.loc == nil || len(it.loc.spans) == 0 {
		return it.Pos
	}
	sp := it.loc.spans[0]
	for _, s := range it.loc.spans {
		if s.textStart <= i {
			sp = s
		}
	}
	d := i - sp.textStart
	if d > sp.length {
		d = sp.length
	}
	if d < 0 {
		d = 0
	}
	return it.loc.src.pos(sp.srcStart + d)
}

// trimPrefix drops the first n bytes of the item's text and returns the
// rest; the map from text to file positions, which the item shares with
// its copies, is shifted in place to match.
func (it Item) trimPrefix(n int) string {
	if it.loc != nil {
		var spans []span
		for _, s := range it.loc.spans {
			switch {
			case s.textStart+s.length < n:
				continue // wholly before the cut
			case s.textStart <= n:
				cut := n - s.textStart
				s = span{textStart: 0, srcStart: s.srcStart + cut, length: s.length - cut}
			default:
				s.textStart -= n
			}
			spans = append(spans, s)
		}
		it.loc.spans = spans
	}
	return it.Text[n:]
}

// Slice is the item cut to Text[i:j], positions kept: the part of an item
// a reader took (the people after "Talk to:", an Evidence's text).
func (it Item) Slice(i, j int) Item {
	i, j = clamp(i, len(it.Text)), clamp(j, len(it.Text))
	if j < i {
		j = i
	}
	out := Item{Text: it.Text[i:j], Pos: it.PosOf(i), End: it.PosOf(j), Marker: it.Marker, level: it.level}
	if it.loc != nil {
		var spans []span
		for _, s := range it.loc.spans {
			start, end := max(s.textStart, i), min(s.textStart+s.length, j)
			if end < start || (end == start && len(spans) > 0) {
				continue
			}
			spans = append(spans, span{textStart: start - i, srcStart: s.srcStart + start - s.textStart, length: end - start})
		}
		out.loc = &itemSource{src: it.loc.src, spans: spans}
	}
	return out
}

// Full is the whole item as one text: its own Text, then each nested item
// at any depth on a line of its own, in file order. PosOf on the result
// maps into the nested lines too, so a rule that reads an item whole still
// points at the line of the sub-bullet it flags.
func (it Item) Full() Item {
	if len(it.Children) == 0 {
		return it
	}
	out := it
	var text []byte
	var spans []span
	var add func(x Item)
	add = func(x Item) {
		if x.Text != "" {
			if len(text) > 0 {
				text = append(text, '\n')
			}
			if x.loc != nil {
				for _, s := range x.loc.spans {
					spans = append(spans, span{textStart: len(text) + s.textStart, srcStart: s.srcStart, length: s.length})
				}
			}
			text = append(text, x.Text...)
		}
		for _, c := range x.Children {
			add(c)
		}
	}
	add(it)
	out.Text = string(text)
	if it.loc != nil {
		out.loc = &itemSource{src: it.loc.src, spans: spans}
	}
	return out
}

// Last is just past the last character of the whole item, nested items
// included (End is the end of its own text).
func (it Item) Last() Position {
	last := it.End
	for _, c := range it.Children {
		if l := c.Last(); l.Line > last.Line || (l.Line == last.Line && l.Column > last.Column) {
			last = l
		}
	}
	return last
}

// Descendants lists the nested items at every depth, in file order.
func (it Item) Descendants() []Item {
	var out []Item
	for _, c := range it.Children {
		out = append(out, c)
		out = append(out, c.Descendants()...)
	}
	return out
}

// IsHeading reports whether the item is a heading (a section's sub-heading).
func (it Item) IsHeading() bool { return it.level > 0 }
