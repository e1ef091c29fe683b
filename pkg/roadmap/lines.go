package roadmap

// LineStart is the Position of the first character of a 1-based line
// (after the BOM on line 1), clamped to the file; its Offset is where an
// edit inserts a line before it.
func (d *Document) LineStart(n int) Position {
	if d.src == nil {
		return Position{Line: 1, Column: 1}
	}
	return d.src.lineStart(n)
}
