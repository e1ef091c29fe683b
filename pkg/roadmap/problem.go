package roadmap

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Severity of a problem the parser found.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Problem is something wrong with a roadmap that the parser noticed: a bad
// frontmatter value, an unknown key, a review heading it cannot read. Lint
// reports problems as RM001 findings; `show` refuses a document with errors.
type Problem struct {
	Pos      Position `json:"-"`
	Severity Severity `json:"severity"`
	// Code names the kind of problem, stable for scripts: "yaml-syntax",
	// "unknown-key", "wrong-type", "bad-date", ...
	Code    string `json:"code"`
	Message string `json:"message"`
	// Hint says how to fix it.
	Hint string `json:"hint,omitempty"`
	// Fatal problems stop the parse: the rest of the document is unknown.
	Fatal bool `json:"fatal,omitempty"`
	// Path is the frontmatter key path the problem is about ("kind",
	// "target.companies"), when it is about one: a fix edits the value
	// there, and a rule that reads that value leaves it to RM001
	// (Document.FieldProblem), so one fault is one finding.
	Path string `json:"-"`
	// Suggestion is the one correct replacement for the value at Path as
	// written in the file ("promotion", "2026-01-05", "[Stripe]"), only
	// when exactly one exists; fixes apply it.
	Suggestion string `json:"-"`
	// Value is the value as written, for a placeholder problem.
	Value string `json:"-"`
}

// CodePlaceholder marks a frontmatter value that is a placeholder where a
// date, a duration or a kind belongs ("started: TBD"): lint reports it as
// RM021, not RM001.
const CodePlaceholder = "placeholder"

// Line and Column are flattened into the JSON form.
func (p Problem) Line() int   { return p.Pos.Line }
func (p Problem) Column() int { return p.Pos.Column }

// Format renders "FILE:LINE:COL: message (hint)".
func (p Problem) Format(file string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", safetext.Name(file), p.Pos.Line, p.Pos.Column)
	if p.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	if p.Hint != "" {
		fmt.Fprintf(&b, " (%s)", p.Hint)
	}
	return b.String()
}

// ParseError is the error form of a document's error-severity problems.
type ParseError struct {
	File     string
	Problems []Problem
}

func (e *ParseError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Format(e.File)
	}
	return strings.Join(lines, "\n")
}
