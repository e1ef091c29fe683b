package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// WriteFindingsText writes one line per finding:
//
//	path:12:3: error RM005/action-concrete: message (hint)
//
// the form editors and CI log matchers read. Colour only when cs enables it.
func WriteFindingsText(w io.Writer, fs []lint.Finding, cs *iostreams.ColorScheme) error {
	for _, f := range fs {
		sev := f.Severity.String()
		switch f.Severity {
		case lint.Error:
			sev = cs.Red(sev)
		case lint.Warning:
			sev = cs.Yellow(sev)
		default:
			sev = cs.Cyan(sev)
		}
		line := fmt.Sprintf("%s:%d:%d: %s %s: %s", safetext.Name(f.File), f.Line, f.Column, sev, cs.Bold(f.RuleRef()), safetext.Line(f.Message))
		if f.Hint != "" {
			line += " " + cs.Dim("("+safetext.Line(f.Hint)+")")
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// FindingsSummary is the line a person reads at the end of a run on a
// terminal: "2 errors, 1 warning in 2 of 5 files".
func FindingsSummary(files int, fs []lint.Finding, cs *iostreams.ColorScheme) string {
	checked := Plural(files, "file", "files")
	if len(fs) == 0 {
		return cs.Green("✓") + " " + checked + " checked: no problems"
	}
	s := lint.Summarize(fs)
	var parts []string
	for _, p := range []struct {
		n         int
		one, many string
		color     func(string) string
	}{
		{s.Error, "error", "errors", cs.Red},
		{s.Warning, "warning", "warnings", cs.Yellow},
		{s.Info, "info", "info", cs.Cyan},
	} {
		if p.n > 0 {
			parts = append(parts, p.color(Plural(p.n, p.one, p.many)))
		}
	}
	withFindings := map[string]bool{}
	for _, f := range fs {
		withFindings[f.File] = true
	}
	return fmt.Sprintf("%s in %d of %s", strings.Join(parts, ", "), len(withFindings), checked)
}

// Plural writes a count with its noun: "1 file", "3 files".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// LintJSON is the stable shape of `roadmap lint --format json`
// (docs/lint-json.md).
type LintJSON struct {
	Files    int            `json:"files"`
	Findings []lint.Finding `json:"findings"`
	Summary  lint.Summary   `json:"summary"`
}

// WriteFindingsJSON writes the stable JSON object; findings is never null.
// The findings are written one at a time (see writeJSONStreaming).
func WriteFindingsJSON(w io.Writer, files int, fs []lint.Finding) error {
	head := LintJSON{Files: files, Findings: []lint.Finding{}, Summary: lint.Summarize(fs)}
	return writeJSONStreaming(w, head, "findings", len(fs), func(i int) any { return fs[i] })
}

// WriteFindingsGitHub writes GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request:
//
//	::error file=a.md,line=3,col=5,endLine=3,endColumn=9,title=RM005/action-concrete::message
func WriteFindingsGitHub(w io.Writer, fs []lint.Finding) error {
	for _, f := range fs {
		cmd := "error"
		switch f.Severity {
		case lint.Warning:
			cmd = "warning"
		case lint.Info:
			cmd = "notice"
		}
		msg := f.Message
		if f.Hint != "" {
			msg += " (" + f.Hint + ")"
		}
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			cmd, escapeGitHubProperty(f.File), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeGitHubProperty(f.RuleRef()), escapeGitHubData(msg))
		if err != nil {
			return err
		}
	}
	return nil
}

// GitHub's runner decodes these escapes (actions/toolkit, command.ts):
// data escapes %, CR and LF; property values also escape : and ,.
var (
	gitHubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	gitHubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeGitHubData(s string) string     { return gitHubData.Replace(s) }
func escapeGitHubProperty(s string) string { return gitHubProperty.Replace(s) }
