package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// Inline control comments, after markdownlint's grammar:
//
//	<!-- roadmap-disable RM007 -->            off from this line on (all rules without IDs)
//	<!-- roadmap-enable RM007 -->             on again from this line (all rules without IDs)
//	<!-- roadmap-disable-next-line RM005 -->  off for the next line only
//	<!-- roadmap-disable-line RM005 -->       off for this line only
//
// Rules are named by ID or name. A disable placed before the first heading
// of the body also covers the frontmatter, where HTML comments cannot go.
var controlRe = regexp.MustCompile(`<!--\s*roadmap-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->`)

var controlMarker = []byte("roadmap-")

type control struct {
	line   int
	verb   string
	rules  map[string]bool // by rule ID; nil means every rule
	column int
}

type suppressions struct {
	controls []control
	// problems are findings about the comments themselves (an unknown rule).
	problems []Finding
}

func parseSuppressions(doc *roadmap.Document) suppressions {
	var s suppressions
	if !bytes.Contains(doc.Raw, controlMarker) {
		return s
	}
	bodyStart := doc.Frontmatter.EndLine + 1
	firstHeading := doc.TitlePos.Line
	if len(doc.Sections) > 0 && (firstHeading == 0 || doc.Sections[0].Pos.Line < firstHeading) {
		firstHeading = doc.Sections[0].Pos.Line
	}
	for n := bodyStart; n <= doc.LineCount(); n++ {
		text := doc.LineText(n)
		if !strings.Contains(text, "roadmap-") {
			continue
		}
		for _, m := range controlRe.FindAllStringSubmatchIndex(text, -1) {
			c := control{line: n, verb: text[m[2]:m[3]], column: utf8.RuneCountInString(text[:m[0]]) + 1}
			if c.verb == "disable" && (firstHeading == 0 || n < firstHeading) {
				c.line = 1
			}
			names := strings.FieldsFunc(text[m[4]:m[5]], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
			if len(names) > 0 {
				c.rules = map[string]bool{}
			}
			for _, name := range names {
				r := Lookup(name)
				if r == nil {
					hint := "name rules by ID (RM005) or name (action-concrete); `roadmap lint --list-rules` lists them"
					if sug := suggest.Nearest(name, ruleNames()); sug != "" {
						hint = fmt.Sprintf("did you mean %s? %s", sug, hint)
					}
					rule := Lookup(idDocumentValid)
					s.problems = append(s.problems, Finding{
						File: doc.Path, Line: n, Column: c.column, EndLine: n,
						EndColumn: c.column + utf8.RuneCountInString(text[m[0]:m[1]]),
						Rule:      rule.ID, Name: rule.Name, Severity: Warning,
						Message: fmt.Sprintf("unknown rule %q in a roadmap-%s comment", name, c.verb), Hint: hint,
					})
					continue
				}
				c.rules[r.ID] = true
			}
			s.controls = append(s.controls, c)
		}
	}
	return s
}

func (c control) covers(r *Rule) bool { return c.rules == nil || c.rules[r.ID] }

// suppressed reports whether rule r is turned off on line.
func (s suppressions) suppressed(r *Rule, line int) bool {
	off := false
	for _, c := range s.controls {
		if !c.covers(r) {
			continue
		}
		switch c.verb {
		case "disable-line":
			if c.line == line {
				return true
			}
		case "disable-next-line":
			if c.line+1 == line {
				return true
			}
		case "disable":
			if c.line <= line {
				off = true
			}
		case "enable":
			if c.line <= line {
				off = false
			}
		}
	}
	return off
}
