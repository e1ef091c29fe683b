package review

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// windowRules are the lint rules a record answers for: a review-log entry
// starts a new 30-day window, so every action's date is judged again
// (RM006), and so is whether anything is left to do in it (RM015).
var windowRules = map[string]bool{"RM006": true, "RM015": true}

// actionRules judge the wording of pinned actions; their findings are
// warnings of the record, not refusals (the words are the person's).
var actionRules = map[string]bool{"RM005": true, "RM007": true, "RM008": true, "RM020": true, "RM021": true}

// lintResult lints the file a record would write with the rules the
// record answers for, as `roadmap lint` would on the record's day with the
// configuration in effect for the file. A
// configuration that cannot be read is lint's to report: the defaults
// apply here.
func lintResult(opts *Options, result []byte, today civil.Date) (*roadmap.Document, []lint.Finding) {
	nd := roadmap.Parse(opts.File, result)
	explicit := ""
	if opts.Getenv != nil {
		explicit = opts.Getenv("ROADMAP_CONFIG")
	}
	cfg, err := (&lint.ConfigResolver{Explicit: explicit}).For(filepath.Dir(opts.File))
	if err != nil {
		cfg = nil
	}
	only := map[string]bool{}
	for id := range windowRules {
		only[id] = true
	}
	for id := range actionRules {
		only[id] = true
	}
	findings, _ := (&lint.Linter{Today: today, Config: cfg, Only: only}).Lint(nd, lint.History{})
	return nd, findings
}

// windowProblems are the findings of the window rules on the result:
// each action's first (RM006, in file order), then the window's (RM015).
func windowProblems(findings []lint.Finding) []lint.Finding {
	var out []lint.Finding
	for _, f := range findings {
		if windowRules[f.Rule] {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rule < out[j].Rule })
	return out
}

// openAfter counts the actions still open once the record's ticks apply.
func openAfter(doc *roadmap.Document, done []int) int {
	ticked := map[int]bool{}
	for _, n := range done {
		ticked[n] = true
	}
	open := 0
	for _, a := range doc.Actions {
		if !a.Done && !ticked[a.Index] {
			open++
		}
	}
	return open
}

// refuseWindow is the refusal of a record that would leave the new window
// failing lint: what lint would say, and the two ways out.
func refuseWindow(doc *roadmap.Document, rec review.Record, problems []lint.Finding) error {
	end := rec.Date.AddDays(roadmap.WindowDays)
	head := fmt.Sprintf("%s: recording on %s starts a new 30-day window (%s to %s)", safetext.Name(doc.Path), rec.Date, rec.Date, end)
	if len(rec.Actions) == 0 && !rec.KeepActions && openAfter(doc, rec.Done) == 0 {
		return fmt.Errorf("%s, and it would hold no action to do: %s. Pin the next three with --action (three times); nothing was written",
			head, problems[0].Message)
	}
	var b strings.Builder
	b.WriteString(head + ", and the current actions would not fit it:\n")
	for _, f := range problems {
		b.WriteString("  " + f.Message + "\n")
	}
	b.WriteString("Pin the next three with --action (three times), or carry the open ones with --keep-actions (they get new due dates inside the window); nothing was written")
	return fmt.Errorf("%s", b.String())
}

// actionWarnings are lint's findings on the pinned actions' wording.
func actionWarnings(nd *roadmap.Document, findings []lint.Finding) []string {
	var out []string
	for _, f := range findings {
		if !actionRules[f.Rule] {
			continue
		}
		for _, a := range nd.Actions {
			if f.Line >= a.Pos.Line && f.Line <= max(a.End.Line, a.Pos.Line) || f.Rule == "RM007" {
				out = append(out, fmt.Sprintf("%s (lint %s)", f.Message, f.Rule))
				break
			}
		}
	}
	return out
}
