package lint

import (
	"fmt"
	"runtime/debug"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// idLadderKnown is the one rule that reads the ladders.
const idLadderKnown = "RM022"

// Linter runs the catalogue over documents. It is safe for concurrent use.
type Linter struct {
	Today civil.Date
	// Config sets severities and extra phrases; nil means the defaults.
	Config *Config
	// Only, when set, runs just these rules (by id), at the severities
	// the configuration gives: for a caller that answers for a few rules,
	// as review --record does for the 30-day window's.
	Only map[string]bool
}

// RulePanic reports a rule that crashed on a file. The other rules' findings
// for the file are still returned; the run must end with exit 2.
type RulePanic struct {
	File  string
	Rule  *Rule
	Value any
	Stack []byte
}

func (e *RulePanic) Error() string {
	return fmt.Sprintf("%s: rule %s/%s crashed: %v (this is a bug in roadmap: please report it with the file attached; "+
		"until it is fixed, turn the rule off for this file with <!-- roadmap-disable %s -->)",
		e.File, e.Rule.ID, e.Rule.Name, e.Value, e.Rule.ID)
}

// Lint checks one parsed document. It returns the findings not suppressed
// in the file, sorted, and a *RulePanic if a rule crashed.
func (l *Linter) Lint(doc *roadmap.Document, hist History) ([]Finding, error) {
	matcher := vague.Default()
	if l.Config != nil && l.Config.matcher != nil {
		matcher = l.Config.matcher
	}
	sup := parseSuppressions(doc)
	shared := &docShared{}
	unread := doc.Fatal() || !doc.Frontmatter.Decoded
	var out []Finding
	var crash error
	var ladders *ladder.Set
	for _, r := range catalogue {
		if l.Only != nil && !l.Only[r.ID] {
			continue
		}
		sev := r.Severity
		if l.Config != nil {
			if s, ok := l.Config.Rules[r.ID]; ok {
				sev = s
			}
		}
		if sev == Off {
			continue
		}
		// A file whose frontmatter could not be read (none at all, a syntax
		// error, never closed) gets only RM001: every other rule would
		// report what is merely unread.
		if r.ID != idDocumentValid && (unread || !r.appliesTo(doc.Frontmatter.Kind)) {
			continue
		}
		// Loading the ladders costs more than linting a file: only for
		// the rule that reads them. A bad ladder file is the run's error
		// (Run), and RM022 is skipped.
		if r.ID == idLadderKnown && ladders == nil {
			ladders, _ = laddersFor(l.Config)
		}
		c := &Context{Doc: doc, Today: l.Today, Vague: matcher, History: hist, Ladders: ladders, rule: r, severity: sev, shared: shared}
		if err := runRule(r, c); err != nil && crash == nil {
			crash = err
		}
		for _, f := range c.findings {
			if !sup.suppressed(r, f.Line) {
				out = append(out, f)
			}
		}
	}
	for _, f := range sup.problems {
		if sev := l.severityOf(idDocumentValid); sev != Off {
			f.Severity = min(f.Severity, sev)
			out = append(out, f)
		}
	}
	// One copy of each line however many findings it has: a long line
	// with thousands of findings must not cost a copy per finding.
	lines := map[int]string{}
	for i := range out {
		text, ok := lines[out[i].Line]
		if !ok {
			text = doc.LineText(out[i].Line)
			lines[out[i].Line] = text
		}
		out[i].Context = text
	}
	SortFindings(out)
	return out, crash
}

func (l *Linter) severityOf(id string) Severity {
	if l.Config != nil {
		if s, ok := l.Config.Rules[id]; ok {
			return s
		}
	}
	return Lookup(id).Severity
}

func runRule(r *Rule, c *Context) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &RulePanic{File: c.Doc.Path, Rule: r, Value: v, Stack: debug.Stack()}
		}
	}()
	r.check(c)
	return nil
}
