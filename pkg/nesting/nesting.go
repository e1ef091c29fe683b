// Package nesting caps how deeply a roadmap's frontmatter and Markdown
// body nest, before the decoders see them: under the size cap, TOML
// inline tables nested 15,000 deep (60 KB) took the TOML decoder 100 s
// and 8 GB, and a list indented 2,000 levels (4 MB) stalled goldmark for
// 26 s. A real roadmap nests three or four levels; anything past the caps
// is refused with its line, so every input under the size cap is read in
// well under a second.
//
// The TOML and Markdown scanners do not parse: they compute a bound that
// is never below the depth the decoder would build (the fuzz tests check
// this against the decoders themselves), and refuse what exceeds the cap.
// YAML is decoded first (go.yaml.in/yaml/v3 bounds its own work: a depth
// limit, alias expansion checks) and its node tree is measured exactly.
package nesting

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

const (
	// MaxFrontmatterDepth caps nesting in the frontmatter: a roadmap's
	// deepest field (target.companies' entries) is at depth 3.
	MaxFrontmatterDepth = 32
	// MaxBodyDepth caps how many lists and block quotes nest, counting
	// two columns of indentation as one level.
	MaxBodyDepth = 32
	// MaxLinkDefinitionWork caps goldmark's link reference definitions
	// work, which grows with the definitions at the start of a paragraph
	// times the paragraph's lines (200 definitions before 260,000 lines
	// of text took half a second).
	MaxLinkDefinitionWork = 5_000_000
)

// Violation is input past a cap.
type Violation struct {
	// Line is 1-based in the text given to the check.
	Line int
	// Code names the cap: "too-deep" or "link-definitions".
	Code string
	Msg  string
	Hint string
}

// YAML measures a decoded YAML document: the first node deeper than
// MaxFrontmatterDepth is a Violation at that node's line (as yaml.v3
// numbers it). Aliases are not followed.
func YAML(root *yaml.Node) *Violation {
	if n := deeperThan(root, 0, MaxFrontmatterDepth); n != nil {
		return frontmatterViolation(n.Line)
	}
	return nil
}

func deeperThan(n *yaml.Node, depth, limit int) *yaml.Node {
	if n == nil {
		return nil
	}
	if depth > limit {
		return n
	}
	next := depth
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		next++
	}
	for _, c := range n.Content {
		if d := deeperThan(c, next, limit); d != nil {
			return d
		}
	}
	return nil
}

func frontmatterViolation(line int) *Violation {
	return &Violation{Line: line, Code: "too-deep",
		Msg:  fmt.Sprintf("the frontmatter nests more than %d levels deep", MaxFrontmatterDepth),
		Hint: "flatten it: a roadmap's header needs three levels, as in target.companies"}
}

// TOML checks TOML frontmatter before it is decoded: the first place
// where tables, arrays, inline tables and dotted keys nest deeper than
// MaxFrontmatterDepth is a Violation.
func TOML(src []byte) *Violation {
	if depth, line := TOMLDepth(src, MaxFrontmatterDepth); depth > MaxFrontmatterDepth {
		return frontmatterViolation(line)
	}
	return nil
}

// TOMLDepth returns a bound on the depth of the value TOML src decodes to
// (a top-level key's value is at depth 1: `a: 1` is 1, `a: [1]` is 2), and the
// line where the bound first exceeds stop (or where it peaks, when it
// never does). The scan stops at the first line past stop.
func TOMLDepth(src []byte, stop int) (depth, line int) {
	type level struct {
		kind byte // 't' the top level or a table header, '{' inline table, '[' array
		base int  // depth of a key's value is base + segments; an array's elements are at base
	}
	stack := []level{{kind: 't'}}
	top := func() *level { return &stack[len(stack)-1] }
	inKey := true // a key may start here
	segs := 0     // segments of the key being read; 0 before it starts
	cur := 0      // depth of the value being read
	ln := 1
	best, bestLine := 0, 1
	arrays := 0 // array-of-tables headers so far: a later header may pass through them
	note := func(d int) bool {
		if d > best {
			best, bestLine = d, ln
		}
		return d > stop
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '\n':
			ln++
			if len(stack) == 1 {
				inKey, segs = true, 0
			}
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			end, lines := skipString(src, i)
			ln += lines
			i = end
			if inKey && segs == 0 {
				segs = 1
			}
		case ' ', '\t', '\r':
		case '=':
			if inKey {
				cur = top().base + max(segs, 1)
				if note(cur) {
					return best, bestLine
				}
				inKey, segs = false, 0
			}
		case '.':
			if inKey {
				segs++
			}
		case '[':
			if inKey && len(stack) == 1 {
				// A table header: [a.b] or [[a.b]].
				d, end, lines := header(src, i, arrays)
				if i+1 < len(src) && src[i+1] == '[' {
					arrays++
				}
				ln += lines
				i = end
				top().base = d
				if note(d) {
					return best, bestLine
				}
				continue
			}
			stack = append(stack, level{kind: '[', base: cur + 1})
			cur++
			if note(cur) {
				return best, bestLine
			}
		case '{':
			stack = append(stack, level{kind: '{', base: cur})
			inKey, segs = true, 0
		case ']', '}':
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			if t := top(); t.kind == '[' {
				cur = t.base
			}
			inKey = false
		case ',':
			switch t := top(); t.kind {
			case '{':
				inKey, segs = true, 0
			case '[':
				cur = t.base
			}
		default:
			if inKey && segs == 0 {
				segs = 1
			}
		}
	}
	return best, bestLine
}

// header reads a table header starting at src[i] == '[' and returns the
// base depth of its keys' values, the index of its last byte, and the
// newlines crossed. The base is its dotted segments, plus one for an array
// of tables, plus one for each earlier array of tables it may pass through
// (`[[a]]` then `[a.b]` puts b inside a's last element).
func header(src []byte, i, arrays int) (depth, end, lines int) {
	array := i+1 < len(src) && src[i+1] == '['
	if array {
		i++
		depth = 1
	}
	segs := 1
	done := func() int { return depth + segs + min(segs, arrays) }
	for i++; i < len(src); i++ {
		switch src[i] {
		case '.':
			segs++
		case '"', '\'':
			e, l := skipString(src, i)
			i, lines = e, lines+l
		case ']':
			if array && i+1 < len(src) && src[i+1] == ']' {
				i++
			}
			return done(), i, lines
		case '\n':
			return done(), i - 1, lines
		}
	}
	return done(), len(src) - 1, lines
}

// skipString returns the index of the last byte of the string starting at
// src[i] (a quote), and the newlines inside it. Basic strings ("...",
// """...""") have backslash escapes; literal ones ('...', ”'...”') do not.
func skipString(src []byte, i int) (end, lines int) {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			switch {
			case src[j] == '\n':
				lines++
			case src[j] == '\\' && q == '"':
				if j+1 < len(src) && src[j+1] == '\n' {
					lines++
				}
				j++
			case src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
				// Up to two more quotes may end the content: """a"""".
				k := j + 3
				for n := 0; n < 2 && k < len(src) && src[k] == q; n++ {
					k++
				}
				return k - 1, lines
			}
		}
		return len(src) - 1, lines
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\n':
			// An unterminated string ends at the line (the decoder reports it).
			return j - 1, lines
		case src[j] == '\\' && q == '"':
			j++
		case src[j] == q:
			return j, lines
		}
	}
	return len(src) - 1, lines
}

// Markdown checks a Markdown body before goldmark parses it. text has LF
// line endings. It refuses a line whose lists and block quotes may nest
// deeper than MaxBodyDepth, and a paragraph whose leading link reference
// definitions would cost goldmark more than MaxLinkDefinitionWork.
func Markdown(text []byte) *Violation {
	line := 1
	firstDef, runLines, runDefs := 0, 0, 0
	flush := func() *Violation {
		if runDefs*runLines > MaxLinkDefinitionWork {
			return &Violation{Line: firstDef, Code: "link-definitions",
				Msg: fmt.Sprintf("%d link reference definitions ([label]: url lines) in a block of %d lines without a blank line are too many for the Markdown parser",
					runDefs, runLines),
				Hint: "put a blank line after the definitions, or keep fewer of them"}
		}
		runLines, runDefs = 0, 0
		return nil
	}
	for start := 0; start < len(text); line++ {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		l := text[start:end]
		start = end + 1
		depth, def, blank := scanLine(l)
		if blank {
			if v := flush(); v != nil {
				return v
			}
			continue
		}
		runLines++
		if def {
			if runDefs == 0 {
				firstDef = line
			}
			runDefs++
		}
		if depth > MaxBodyDepth {
			return &Violation{Line: line, Code: "too-deep",
				Msg:  fmt.Sprintf("lists and block quotes nest more than %d levels deep here (two columns of indentation count as a level)", MaxBodyDepth),
				Hint: "flatten the list: a roadmap needs two or three levels"}
		}
	}
	return flush()
}

// scanLine reads a line's container prefix: whitespace, '>' markers and
// list markers ("-", "*", "+", "1." or "1)" followed by a space, a tab or
// the end of the line). It returns the depth bound, whether what follows
// could start a link reference definition, and whether the line is blank.
func scanLine(l []byte) (depth int, def, blank bool) {
	col, ws, markers := 0, 0, 0
	i := 0
	for i < len(l) {
		c := l[i]
		switch {
		case c == ' ':
			col++
			ws++
			i++
			continue
		case c == '\t':
			w := 4 - col%4
			col += w
			ws += w
			i++
			continue
		case c == '>':
			markers++
			col++
			i++
			continue
		case c == '-' || c == '*' || c == '+':
			if i+1 == len(l) || l[i+1] == ' ' || l[i+1] == '\t' {
				markers++
				col++
				i++
				continue
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j < len(l) && (l[j] == '.' || l[j] == ')') && (j+1 == len(l) || l[j+1] == ' ' || l[j+1] == '\t') {
				markers++
				col += j + 1 - i
				i = j + 1
				continue
			}
		}
		break
	}
	if i == len(l) && markers == 0 {
		return 0, false, true
	}
	if markers > 0 {
		depth = markers + ws/2 + 1
	}
	return depth, startsDefinition(l[i:]), false
}

// startsDefinition reports whether s could be the first line of a link
// reference definition: "[" then a label that does not close, or closes
// with "]:".
func startsDefinition(s []byte) bool {
	if len(s) == 0 || s[0] != '[' {
		return false
	}
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case ']':
			return j+1 < len(s) && s[j+1] == ':'
		}
	}
	return true
}
