package review

import (
	"bytes"
	"fmt"
	"strings"
)

// UnifiedDiff returns the difference from a to b in unified format
// (`diff -u`): "--- oldName" and "+++ newName" headers, then hunks with
// context lines around each change. Lines keep their own endings (a CRLF
// file's lines end in "\r\n" in the diff too, as GNU diff prints them), and
// a last line without a newline is followed by "\ No newline at end of
// file", so `patch` and `git apply` can apply the result. Equal inputs
// give "".
func UnifiedDiff(oldName, newName string, a, b []byte, context int) string {
	if bytes.Equal(a, b) {
		return ""
	}
	x, y := splitLines(a), splitLines(b)
	ops := diffLines(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks(ops, context) {
		writeHunk(&out, h, x, y)
	}
	return out.String()
}

// splitLines cuts s after every "\n", keeping the endings.
func splitLines(s []byte) []string {
	var lines []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, string(s))
			break
		}
		lines = append(lines, string(s[:i+1]))
		s = s[i+1:]
	}
	return lines
}

type opKind byte

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// op is one line of the edit script: x[i] kept as y[j], x[i] deleted, or
// y[j] inserted.
type op struct {
	kind opKind
	i, j int
}

// maxEditDistance bounds the exact search; beyond it the changed middle
// is shown as deleted and inserted whole (still a correct diff).
const maxEditDistance = 1000

// diffLines is Myers' O(ND) algorithm on the lines that differ, after the
// common head and tail are set aside.
func diffLines(x, y []string) []op {
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var ops []op
	for k := 0; k < pre; k++ {
		ops = append(ops, op{opEqual, k, k})
	}
	ops = append(ops, myers(x[pre:len(x)-suf], y[pre:len(y)-suf], pre, pre)...)
	for k := 0; k < suf; k++ {
		ops = append(ops, op{opEqual, len(x) - suf + k, len(y) - suf + k})
	}
	return ops
}

// myers returns the shortest edit script from x to y; offsets ox, oy are
// added to the line numbers it reports.
func myers(x, y []string, ox, oy int) []op {
	n, m := len(x), len(y)
	whole := func() []op {
		ops := make([]op, 0, n+m)
		for i := range n {
			ops = append(ops, op{opDelete, ox + i, oy})
		}
		for j := range m {
			ops = append(ops, op{opInsert, ox + n, oy + j})
		}
		return ops
	}
	if n == 0 || m == 0 {
		return whole()
	}
	limit := min(n+m, maxEditDistance)
	offset := limit + 1
	v := make([]int, 2*limit+3)
	// trace[d] is v[-d-1..d+1] as it was before step d.
	var trace [][]int
	found := -1
	for d := 0; d <= limit && found < 0; d++ {
		trace = append(trace, append([]int(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				i = v[offset+k+1] // down: insert y[j]
			} else {
				i = v[offset+k-1] + 1 // right: delete x[i]
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			v[offset+k] = i
			if i >= n && j >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return whole()
	}
	// Walk back from (n, m) to (0, 0) through the saved frontiers.
	var rev []op
	i, j := n, m
	for d := found; d >= 0; d-- {
		snap := trace[d]
		get := func(k int) int { return snap[k+d+1] }
		k := i - j
		pk := k - 1
		if k == -d || (k != d && get(k-1) < get(k+1)) {
			pk = k + 1
		}
		pi := get(pk)
		pj := pi - pk
		for i > pi && j > pj {
			i, j = i-1, j-1
			rev = append(rev, op{opEqual, ox + i, oy + j})
		}
		if d > 0 {
			if i == pi {
				rev = append(rev, op{opInsert, ox + pi, oy + pj})
			} else {
				rev = append(rev, op{opDelete, ox + pi, oy + pj})
			}
		}
		i, j = pi, pj
	}
	ops := make([]op, len(rev))
	for k := range rev {
		ops[k] = rev[len(rev)-1-k]
	}
	return ops
}

// hunk is a run of ops with its context.
type hunk struct{ ops []op }

// hunks groups the changes with up to context equal lines around each,
// merging changes whose contexts touch.
func hunks(ops []op, context int) []hunk {
	var out []hunk
	start, end := -1, -1
	for k, o := range ops {
		if o.kind == opEqual {
			continue
		}
		from := max(0, k-context)
		if start >= 0 && from <= end+1 {
			end = min(len(ops)-1, k+context)
			continue
		}
		if start >= 0 {
			out = append(out, hunk{ops[start : end+1]})
		}
		start, end = from, min(len(ops)-1, k+context)
	}
	if start >= 0 {
		out = append(out, hunk{ops[start : end+1]})
	}
	return out
}

func writeHunk(w *strings.Builder, h hunk, x, y []string) {
	first := h.ops[0]
	oldStart, newStart := first.i, first.j
	oldLen, newLen := 0, 0
	for _, o := range h.ops {
		switch o.kind {
		case opEqual:
			oldLen++
			newLen++
		case opDelete:
			oldLen++
		case opInsert:
			newLen++
		}
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", rangeOf(oldStart, oldLen), rangeOf(newStart, newLen))
	for _, o := range h.ops {
		switch o.kind {
		case opEqual:
			writeLine(w, ' ', x[o.i])
		case opDelete:
			writeLine(w, '-', x[o.i])
		case opInsert:
			writeLine(w, '+', y[o.j])
		}
	}
}

// rangeOf is a hunk range as diff writes it: "start,length" with a
// 1-based start, "start" alone for one line, and for no lines the line
// before the hunk.
func rangeOf(start0, length int) string {
	switch length {
	case 0:
		return fmt.Sprintf("%d,0", start0)
	case 1:
		return fmt.Sprintf("%d", start0+1)
	}
	return fmt.Sprintf("%d,%d", start0+1, length)
}

func writeLine(w *strings.Builder, mark byte, line string) {
	w.WriteByte(mark)
	w.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		w.WriteString("\n\\ No newline at end of file\n")
	}
}
