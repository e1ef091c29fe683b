package historytest

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Plan returns n commits of one plan kept for years: a commit every two
// days from 2024-01-01, each a small edit of the kind people make. Every
// fifteenth (a month) is a check-in recorded as `roadmap review --record
// --commit` records it (the actions replaced, the unfinished ones dropped
// and noted); the others tick an action or edit the gap; every forty-fifth (a
// quarter) adds an Assessment entry, every hundredth changes the target
// date. The file grows as its logs do, to about 13 KB at 500 commits (a
// busy plan: 500 commits is three years of edits every other day).
// Benchmarks and the history timing read it.
func Plan(n int) []Commit {
	start := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	p := &plan{by: 2026, actions: newActions(0)}
	out := make([]Commit, 0, n)
	for i := 0; i < n; i++ {
		when := start.AddDate(0, 0, 2*i)
		day := when.Format("2006-01-02")
		subject := fmt.Sprintf("ana: edit %d", i)
		switch {
		case i > 0 && i%100 == 0:
			p.by++
			subject = "re-plan: target date " + fmt.Sprint(p.by)
		case i%15 == 14:
			p.record(day, i)
			subject = "review: check-in " + day
		case i%15 == 4:
			p.done[0] = true
		case i%15 == 9:
			p.done[2] = true
		default:
			p.gapEdits++
		}
		if i%45 == 44 {
			p.assess(day, i)
		}
		out = append(out, Commit{Time: when, Subject: subject, Content: p.text()})
	}
	return out
}

type plan struct {
	by       int
	actions  []string
	done     [3]bool
	log      strings.Builder
	ratings  strings.Builder
	gapEdits int
	pinned   int
}

func newActions(k int) []string {
	return []string{
		fmt.Sprintf("Ship stage %d of the Ledger migration with Priya Nair (project)", k+1),
		fmt.Sprintf("Finish module %d of the Kafka Fundamentals course (course)", k+1),
		fmt.Sprintf("Ask engineer %d on the Risk team about their design review (person)", k+1),
	}
}

// record logs a check-in that replaces the actions: the ticked one is
// done, the others are dropped.
func (p *plan) record(day string, i int) {
	fmt.Fprintf(&p.log, "### %s · check-in\n- On track: step %d of the plan.\n", day, i)
	for j, a := range p.actions {
		title := strings.TrimSuffix(a, a[strings.LastIndex(a, " ("):])
		if p.done[j] {
			fmt.Fprintf(&p.log, "- Done: %s\n", title)
		} else {
			fmt.Fprintf(&p.log, "- Dropped: %s (no due date)\n", title)
		}
	}
	p.pinned++
	p.actions, p.done = newActions(p.pinned), [3]bool{}
}

func (p *plan) assess(day string, i int) {
	s := 1 + i/100%5
	fmt.Fprintf(&p.ratings, "### %s · with Lucía Fernández\n- Skills: self %d, manager %d\n- Scope: self %d, manager %d — entry %d\n- Mentorship: self %d\n- Visibility: self %d, manager %d\n",
		day, s, s, s, max(s-1, 1), i, s, s, s)
}

func (p *plan) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, `---
roadmap: 1
title: Path to Staff Engineer
owner: Ana Souza
kind: promotion
started: 2024-01-01
horizon: 3y
current:
  role: Senior Software Engineer
  ladder: software-engineer
  level: senior
target:
  role: Staff Software Engineer
  ladder: software-engineer
  level: staff
  industry: B2B SaaS
  companies: [Datadog, Atlassian, Stripe]
  by: %d-06-30
---

# Path to Staff Engineer

## Target
Staff Software Engineer at a B2B SaaS company such as Datadog, Atlassian or
Stripe, owning a platform initiative across three teams.

## Gap
- **Skills:** I design inside one service (revision %d).
  Evidence: the Ledger migration design doc and its rollout plan.
- **Scope:** I own one service; staff engineers own initiatives across teams.
  Evidence: lead the Ledger migration across Payments, Invoicing and Reconciliation.
- **Mentorship:** I review code but mentor nobody on purpose.
  Evidence: mentor Diego Alvarez through his first design doc.
- **Visibility:** Outside Payments, few people know what I ship.
  Evidence: two posts on the engineering blog and a talk at the all-hands.

## Next 30 days
`, p.by, p.gapEdits)
	for j, a := range p.actions {
		box := " "
		if p.done[j] {
			box = "x"
		}
		fmt.Fprintf(&b, "- [%s] %s\n", box, a)
	}
	b.WriteString(`
## Next quarter
- The Ledger migration's next stage live for 10% of merchants.

## Years 2–3 (hypothesis)
- Staff engineer owning the ledger platform.

## Assessment
`)
	b.WriteString(p.ratings.String())
	b.WriteString("\n## Review log\n")
	b.WriteString(p.log.String())
	return b.String()
}

// FastImport is the `git fast-import` stream that commits commits to
// path on refs/heads/main, one process for any number of commits.
func FastImport(path string, commits []Commit) []byte {
	var b bytes.Buffer
	for i, c := range commits {
		author := c.Author
		if author == "" {
			author = "Ana Souza"
		}
		fmt.Fprintf(&b, "commit refs/heads/main\nmark :%d\ncommitter %s <ana@example.com> %d +0000\n", i+1, author, c.Time.Unix())
		fmt.Fprintf(&b, "data %d\n%s\n", len(c.Subject), c.Subject)
		if i > 0 {
			fmt.Fprintf(&b, "from :%d\n", i)
		}
		if c.Removed {
			fmt.Fprintf(&b, "D %s\n\n", path)
			continue
		}
		fmt.Fprintf(&b, "M 100644 inline %s\ndata %d\n%s\n", path, len(c.Content), c.Content)
	}
	return b.Bytes()
}
