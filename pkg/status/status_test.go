package status

import (
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func date(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

const plan = `---
roadmap: 1
title: T
owner: Ana Souza
kind: promotion
started: 2026-09-01
target:
  role: Staff Engineer
  level: staff
  by: 2028-06-30
---
## Review log
### 2026-10-01 · check-in
- ok
`

func TestNewRowPicksOverdueThenNext(t *testing.T) {
	doc := roadmap.Parse("ana.md", []byte(plan))
	r := NewRow(doc, lint.History{}, nil, date("2026-10-20"))
	if r.Next == nil || r.Next.Kind != "check-in" || r.Next.Due.String() != "2026-11-01" || r.Overdue != 0 {
		t.Errorf("before anything is due: %+v %+v", r, r.Next)
	}
	r = NewRow(doc, lint.History{}, nil, date("2026-12-05"))
	if r.Next == nil || r.Next.Kind != "quarterly" || r.Overdue != 4 {
		t.Errorf("quarterly due 2026-12-01 is 4 days overdue on 2026-12-05 (it outranks the check-in): %+v %+v", r, r.Next)
	}
	if got := r.Next.Label(); got != "quarterly review" {
		t.Errorf("label = %q", got)
	}
	hist := lint.History{Reviews: map[string]civil.Date{"check-in": date("2026-12-02"), "quarterly": date("2026-12-02")}}
	r = NewRow(doc, hist, nil, date("2026-12-05"))
	if r.Overdue != 0 || r.Next.Due.String() != "2027-01-02" {
		t.Errorf("a review commit on 2026-12-02 resets the clocks: %+v %+v", r, r.Next)
	}
	r = NewRow(doc, lint.History{}, []lint.Finding{{Severity: lint.Error}, {Severity: lint.Warning}, {Severity: lint.Error}}, date("2026-10-20"))
	if r.Errors != 2 || r.Warnings != 1 || r.Owner != "Ana Souza" || r.Target.Level != "staff" {
		t.Errorf("row = %+v", r)
	}
}

func TestSortByUrgency(t *testing.T) {
	next := func(d string) *Next { return &Next{Kind: "check-in", Due: date(d)} }
	rows := []Row{
		{File: "e.md"},
		{File: "d.md", Next: next("2026-12-20")},
		{File: "c.md", Next: next("2026-12-01")},
		{File: "b.md", Next: next("2026-12-20"), Errors: 3},
		{File: "a.md", Next: next("2026-10-01"), Overdue: 10},
		{File: "f.md", Next: next("2026-09-01"), Overdue: 40},
	}
	Sort(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.File)
	}
	if s := strings.Join(got, " "); s != "f.md a.md b.md c.md d.md e.md" {
		t.Errorf("order = %s", s)
	}
}
