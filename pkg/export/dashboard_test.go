package export

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/status"
)

func rowsOf(t *testing.T, sources map[string]string) []status.Row {
	t.Helper()
	var rows []status.Row
	for path, src := range sources {
		doc := roadmap.Parse(path, []byte(src))
		rows = append(rows, status.NewRow(doc, lint.History{}, nil, today))
	}
	status.Sort(rows)
	return rows
}

func TestDashboard(t *testing.T) {
	sources := map[string]string{}
	for _, p := range examples(t) {
		if strings.Contains(p, "/team/") {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sources[p] = string(b)
		}
	}
	d := NewDashboard(rowsOf(t, sources), "examples/team", today)
	if len(d.Rows) != 3 || d.Rated != 3 {
		t.Fatalf("%d rows, %d rated", len(d.Rows), d.Rated)
	}
	// The team example's shared gaps: visibility and mentorship, all three.
	var got []string
	for _, w := range d.Weakest {
		got = append(got, w.Dimension+" "+w.Average+" "+names(w.Low))
	}
	want := []string{
		"visibility 1.7 Oluwaseun Adeyemi, Marcus Feld and Inês Carvalho",
		"mentorship 2.0 Oluwaseun Adeyemi, Marcus Feld and Inês Carvalho",
		"scope 2.0 Marcus Feld and Inês Carvalho",
		"skills 2.3 Marcus Feld",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("weakest =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var buf bytes.Buffer
	if err := WriteDashboard(&buf, d); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, buf.Bytes())
	checkSelfContained(t, doc)
	checkAccessible(t, doc)
	var h2 []string
	for _, h := range find(doc, atom.H2) {
		h2 = append(h2, text(h))
	}
	if strings.Join(h2, "|") != "People, most urgent first|Where the team is weakest" {
		t.Errorf("sections = %q", h2)
	}
	var people []string
	for _, tbl := range find(doc, atom.Table) {
		if c, _ := attr(tbl, "class"); c == "team stack" {
			for _, tr := range find(tbl, atom.Tr)[1:] {
				if len(findTag(tr, "svg")) != 1 {
					t.Errorf("row %q has no radar", text(tr))
				}
				people = append(people, text(find(tr, atom.Th)[0]))
			}
		}
	}
	// Most urgent first: the soonest checkpoint (nobody is overdue).
	if len(people) != 3 || !strings.HasPrefix(people[0], "Oluwaseun Adeyemi") || !strings.HasPrefix(people[2], "Inês Carvalho") {
		t.Errorf("people = %q", people)
	}
	if !strings.Contains(text(doc), "scope: 2+ apart") {
		t.Errorf("Marcus's disconnect is not shown")
	}
}

func TestDashboardEscapesAndEmpty(t *testing.T) {
	src := `---
roadmap: 1
title: ` + `"` + strings.ReplaceAll(hostile, `"`, `\"`) + `"` + `
owner: "` + strings.ReplaceAll(hostile, `"`, `\"`) + `"
kind: promotion
started: 2026-08-31
target: {role: "role ` + strings.ReplaceAll(hostile, `"`, `\"`) + `", level: "lvl ` + strings.ReplaceAll(hostile, `"`, `\"`) + `"}
---
## Assessment
### 2026-11-01
- D <script>x</script><b onclick=y>: self 1, manager 4
`
	d := NewDashboard(rowsOf(t, map[string]string{"x/" + hostile + ".md": src}), hostile, today)
	var buf bytes.Buffer
	if err := WriteDashboard(&buf, d); err != nil {
		t.Fatal(err)
	}
	doc := parse(t, buf.Bytes())
	checkSelfContained(t, doc)
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "script" || n.Data == "textarea") {
			t.Errorf("an element <%s> came from the file's text", n.Data)
		}
	})
	all := text(doc)
	for _, want := range []string{hostile, "role " + hostile, "x/" + hostile + ".md", "D <script>x</script><b onclick=y>"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q is not on the page as text", want)
		}
	}
	if len(d.Weakest) != 1 || d.Weakest[0].Dimension != "d <script>x</script><b onclick=y>" {
		t.Errorf("weakest = %+v", d.Weakest)
	}

	empty := NewDashboard(nil, "nowhere", today)
	buf.Reset()
	if err := WriteDashboard(&buf, empty); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text(parse(t, buf.Bytes())), "No roadmaps found under nowhere") {
		t.Errorf("an empty dashboard does not say so")
	}
}
