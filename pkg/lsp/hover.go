package lsp

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/roadmapcli/roadmap/docs"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// hover explains what is under the cursor: the findings there (message
// first, then the rule's page), else a ladder or level value (the track,
// or the level's title, scope and salary band with its source).
func (s *Server) hover(p TextDocumentPositionParams) *Hover {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.current(p.TextDocument.URI)
	if d == nil {
		return nil
	}
	line, col := d.text.runeColumn(p.Position)
	var parts []string
	var first *Range
	for _, f := range d.findings {
		if !covers(f.Line, f.Column, f.EndLine, f.EndColumn, line, col) {
			continue
		}
		parts = append(parts, findingHover(f))
		if first == nil {
			r := Range{Start: d.text.runePosition(f.Line, f.Column), End: d.text.runePosition(f.EndLine, f.EndColumn)}
			first = &r
		}
	}
	if len(parts) > 0 {
		return &Hover{Contents: MarkupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}, Range: first}
	}
	fm := d.parsed.Frontmatter
	for _, block := range []struct {
		name string
		role roadmap.Role
	}{{"current", fm.Current}, {"target", fm.Target.Role}} {
		for _, key := range []string{"ladder", "level"} {
			sp, ok := fm.Spans[block.name+"."+key]
			if !ok || !covers(sp.Start.Line, sp.Start.Column, sp.End.Line, sp.End.Column, line, col) {
				continue
			}
			set := s.ladderSet(d)
			text := ""
			if key == "ladder" {
				text = trackHover(set, block.role.Ladder)
			} else {
				text = levelHover(set, block.role.Ladder, block.role.Level)
			}
			r := Range{Start: d.text.runePosition(sp.Start.Line, sp.Start.Column), End: d.text.runePosition(sp.End.Line, sp.End.Column)}
			return &Hover{Contents: MarkupContent{Kind: "markdown", Value: text}, Range: &r}
		}
	}
	return nil
}

// covers reports whether line:col lies in the span (its end included, so
// the cursor just after a word still counts).
func covers(line, col, endLine, endCol, atLine, atCol int) bool {
	if atLine < line || (atLine == line && atCol < col) {
		return false
	}
	return atLine < endLine || (atLine == endLine && atCol <= endCol)
}

func findingHover(f lint.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s): %s", f.RuleRef(), f.Severity, f.Message)
	if f.Hint != "" {
		fmt.Fprintf(&b, "\n\nHow to fix: %s", f.Hint)
	}
	if page, ok := docs.RulePage(f.Rule); ok {
		b.WriteString("\n\n---\n\n")
		b.WriteString(strings.TrimSpace(page))
	}
	return b.String()
}

// ladderSet is the ladders in effect for d: the built-in ones and the
// repository's own (ladders/ beside the nearest .roadmap.yaml). Called
// with s.mu held.
func (s *Server) ladderSet(d *document) *ladder.Set {
	dir := ""
	if d.path != "" {
		dir = filepath.Dir(d.path)
	}
	if set, ok := s.ladders[dir]; ok {
		return set
	}
	var set *ladder.Set
	var err error
	if dir != "" {
		set, err = ladder.Load(ladder.Options{StartDir: dir})
		if err != nil {
			s.logf("ladders for %s: %v (using the built-in ones)", dir, err)
		}
	}
	if set == nil {
		set, err = ladder.BuiltIn()
		if err != nil {
			s.logf("built-in ladders: %v", err)
			return nil
		}
	}
	s.ladders[dir] = set
	return set
}

func unknownHover(err error) string {
	var ue *ladder.UnknownError
	if errors.As(err, &ue) {
		msg := fmt.Sprintf("`%s` is not a %s in the ladders in effect", ue.Name, ue.Kind)
		if ue.Context != "" {
			msg = fmt.Sprintf("`%s` is not a level of `%s`", ue.Name, ue.Context)
		}
		if sug := ue.Suggestion(); sug != "" {
			msg += fmt.Sprintf(": did you mean `%s`?", sug)
		}
		return msg + "\n\nKnown: " + strings.Join(ue.Known, ", ")
	}
	return err.Error()
}

func trackHover(set *ladder.Set, id string) string {
	if set == nil {
		return "no ladders could be read"
	}
	t, err := set.Track(id)
	if err != nil {
		return unknownHover(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (`%s`, %s, %s)", t.Title, t.ID, t.Kind, t.Origin)
	if t.Description != "" {
		b.WriteString("\n\n" + t.Description)
	}
	b.WriteString("\n\nLevels: ")
	for i, l := range t.Levels {
		if i > 0 {
			b.WriteString(" → ")
		}
		fmt.Fprintf(&b, "`%s` %s", l.ID, l.Title)
	}
	return b.String()
}

func levelHover(set *ladder.Set, track, level string) string {
	if set == nil {
		return "no ladders could be read"
	}
	if track == "" {
		return "set `ladder:` beside `level:` to see the level on its ladder"
	}
	t, err := set.Track(track)
	if err != nil {
		return unknownHover(err)
	}
	l, err := t.Level(level)
	if err != nil {
		return unknownHover(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (`%s`)", l.Title, l.Ref())
	if l.Years != "" {
		fmt.Fprintf(&b, ", typically %s years of experience", l.Years)
	}
	if l.Scope != "" {
		b.WriteString("\n\nScope: " + l.Scope)
	}
	if l.Salary != nil {
		notice := ladder.Notice
		if t.Origin != ladder.OriginBuiltIn {
			notice = ladder.OtherNotice
		}
		b.WriteString("\n\nSalary: " + l.Salary.Text() + "\n\n*" + notice + "*")
	} else {
		b.WriteString("\n\nSalary: no band in this ladder.")
	}
	return b.String()
}
