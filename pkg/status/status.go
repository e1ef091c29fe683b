// Package status summarises a team's roadmaps, one row each: whose plan it
// is, what it aims at, the next checkpoint and how overdue it is, and how
// many lint errors it has; sorted so the most urgent comes first.
package status

import (
	"sort"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Row is one roadmap's status.
type Row struct {
	File   string `json:"file"`
	Owner  string `json:"owner"`
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Target Target `json:"target"`
	// Next is the checkpoint that needs attention: the heaviest overdue
	// review, else the earliest coming one; nil when none can be computed
	// (no start date, or a file the parser could not read).
	Next *Next `json:"next"`
	// Overdue is how many days Next is past due; 0 when it is not.
	Overdue  int `json:"overdueDays"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// Assessment is the roadmap's latest assessment entry
	// (docs/assessment.md); nil when it has none.
	Assessment *roadmap.Assessment `json:"assessment"`
}

// Target is the role the roadmap aims at.
type Target struct {
	Role  string     `json:"role"`
	Level string     `json:"level"`
	By    civil.Date `json:"by"`
}

// Next is a checkpoint: check-in, quarterly, rewrite or target.
type Next struct {
	Kind    string     `json:"kind"`
	Cadence string     `json:"cadence,omitempty"`
	Due     civil.Date `json:"due"`
}

// NewRow builds a document's row from its lint findings and history.
func NewRow(doc *roadmap.Document, hist lint.History, findings []lint.Finding, today civil.Date) Row {
	fm := doc.Frontmatter
	r := Row{
		File: doc.Path, Owner: fm.Owner, Title: fm.Title, Kind: fm.Kind,
		Target: Target{Role: fm.Target.Role.Role, Level: fm.Target.Level, By: fm.Target.By},
	}
	s := lint.Summarize(findings)
	r.Errors, r.Warnings = s.Error, s.Warning
	if doc.Fatal() {
		return r
	}
	if a, ok := doc.LatestAssessment(); ok {
		r.Assessment = &a
	}
	sched := cadence.Schedule(doc, cadence.Options{LastReview: hist.Reviews})
	cp, ok := cadence.Overdue(sched, today)
	if ok {
		r.Overdue = cp.Overdue(today)
	} else if cp, ok = cadence.Next(sched, today); !ok {
		return r
	}
	r.Next = &Next{Kind: cp.Kind, Cadence: cp.Cadence, Due: cp.Due}
	return r
}

// Sort orders rows by urgency: the most overdue first, then the most lint
// errors, then the soonest checkpoint, then by file.
func Sort(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		if a.Errors != b.Errors {
			return a.Errors > b.Errors
		}
		if (a.Next == nil) != (b.Next == nil) {
			return a.Next != nil
		}
		if a.Next != nil && !a.Next.Due.Equal(b.Next.Due) {
			return a.Next.Due.Before(b.Next.Due)
		}
		return a.File < b.File
	})
}

// Label names a checkpoint for people: "monthly check-in", "target date".
func (n *Next) Label() string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case cadence.Target:
		return "target date"
	case cadence.Quarterly:
		return strings.TrimSpace(n.Cadence + " review")
	}
	return strings.TrimSpace(n.Cadence + " " + n.Kind)
}
