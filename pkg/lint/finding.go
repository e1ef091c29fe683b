// Package lint checks roadmaps against the method's rules (Rules lists them):
// a named target, an honest gap with evidence, three concrete dated
// actions, a kept cadence. Every rule reports the same Finding type, which
// every output format prints; the rules know nothing about formats.
package lint

import (
	"fmt"
	"sort"
	"strings"
)

// Severity orders findings: Info < Warning < Error. Off disables a rule.
type Severity int

const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = map[Severity]string{Off: "off", Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string { return severityNames[s] }

// MarshalText writes the severity's name, so JSON carries "error".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, error) {
	for sev, name := range severityNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return sev, nil
		}
	}
	return Off, fmt.Errorf("%q is not a severity: use error, warning, info or off", s)
}

// Finding is one place where a roadmap breaks a rule. Lines and columns are
// 1-based and count characters (runes), in the whole file; EndColumn is
// just past the last character of the span, as in SARIF.
type Finding struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Rule      string   `json:"rule"`
	Name      string   `json:"name"`
	Severity  Severity `json:"severity"`
	Message   string   `json:"message"`
	// Hint says how to fix it; may be empty.
	Hint string `json:"hint,omitempty"`

	// What the rule knows, for fixes (pkg/fix): Code names the kind of
	// fault, stable across wording changes (for RM001 the parser's problem
	// code); Subject is what it is about (a frontmatter key path such as
	// "cadence.checkin", or a section key); Suggestion is the one correct
	// value to write there, set only when exactly one exists.
	Code       string `json:"-"`
	Subject    string `json:"-"`
	Suggestion string `json:"-"`

	// Context is the text of the finding's first line, so SARIF can
	// fingerprint a finding by what it is about rather than where it
	// sits: an alert survives lines added above it.
	Context string `json:"-"`
}

// RuleRef is the "RM005/action-concrete" form people search for.
func (f Finding) RuleRef() string { return f.Rule + "/" + f.Name }

// SortFindings orders findings by file, then position, then rule, so
// output is the same whatever order the workers finished in.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
}

// Summary counts findings by severity.
type Summary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Summarize counts fs.
func Summarize(fs []Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Error++
		case Warning:
			s.Warning++
		case Info:
			s.Info++
		}
	}
	return s
}

// AtLeast counts the findings at or above min.
func AtLeast(fs []Finding, min Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity >= min && min != Off {
			n++
		}
	}
	return n
}
