package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gap"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

var today = civil.New(2026, 11, 21)

func examples(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"../../examples/*.md", "../../examples/team/*.md"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if filepath.Base(f) != "README.md" {
				out = append(out, f)
			}
		}
	}
	if len(out) < 8 {
		t.Fatalf("only %d examples", len(out))
	}
	return out
}

// page builds and renders the page of a roadmap, with the built-in ladders.
func page(t *testing.T, path string, raw []byte) (*Page, []byte) {
	t.Helper()
	doc := roadmap.Parse(path, raw)
	if err := doc.Err(); err != nil {
		t.Fatal(err)
	}
	in := Input{Doc: doc, Today: today}
	set, err := ladder.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	in.Comparison, in.LadderNote = Compare(set, doc)
	p := Build(in)
	var buf bytes.Buffer
	if err := WritePage(&buf, p); err != nil {
		t.Fatal(err)
	}
	return p, buf.Bytes()
}

func parse(t *testing.T, b []byte) *html.Node {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func find(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	walk(n, func(x *html.Node) {
		if x.Type == html.ElementNode && x.DataAtom == a {
			out = append(out, x)
		}
	})
	return out
}

// findTag finds elements by name, for SVG elements x/net/html knows by
// name only.
func findTag(n *html.Node, name string) []*html.Node {
	var out []*html.Node
	walk(n, func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == name {
			out = append(out, x)
		}
	})
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// TestPageStructure checks every example's page as a document: one h1 and
// the sections in order, no script and nothing fetched, a text alternative
// for every chart, unique ids, the ratings and actions of the file.
func TestPageStructure(t *testing.T) {
	for _, path := range examples(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, out := page(t, path, raw)
			doc := parse(t, out)
			checkSelfContained(t, doc)
			checkAccessible(t, doc)

			if h := find(doc, atom.H1); len(h) != 1 || text(h[0]) != p.Title {
				t.Errorf("h1 = %v, want one %q", len(h), p.Title)
			}
			var h2 []string
			for _, h := range find(doc, atom.H2) {
				h2 = append(h2, text(h))
			}
			// The kind's own section follows the gap: the heart of a
			// career change, a stall or an exploration.
			own := map[string]string{roadmap.KindCareerChange: "Bridge work|", roadmap.KindStalled: "Decision|",
				roadmap.KindExplore: "Candidates|"}[p.Kind]
			want := "Where I stand|The gap, beside the ladder|" + own + "Next 30 days|Next quarter (a sketch)|Years 2–3 (a hypothesis)|Timeline|Keeping the plan alive"
			if strings.Join(h2, "|") != want {
				t.Errorf("sections = %q", h2)
			}
			if html := find(doc, atom.Html); len(html) != 1 || must(attr(html[0], "lang")) != "en" {
				t.Errorf("no <html lang=en>")
			}

			// The ratings table has the latest entry's numbers, row by row.
			d := roadmap.Parse(path, raw)
			a, ok := d.LatestAssessment()
			if !ok {
				t.Fatal("every example has an assessment")
			}
			var rows []string
			for _, tbl := range find(doc, atom.Table) {
				if c, _ := attr(tbl, "class"); c == "ratings" {
					for _, tr := range find(tbl, atom.Tr)[1:] {
						var cells []string
						for c := tr.FirstChild; c != nil; c = c.NextSibling {
							if c.Type == html.ElementNode {
								cells = append(cells, text(c))
							}
						}
						rows = append(rows, strings.Join(cells, " "))
					}
				}
			}
			if len(rows) != len(a.Ratings) {
				t.Fatalf("ratings table has %d rows, the entry %d", len(rows), len(a.Ratings))
			}
			for i, r := range a.Ratings {
				want := r.Label
				if r.Disconnect() >= roadmap.DisconnectGap {
					want += fmt.Sprintf(" %d apart", r.Disconnect())
				}
				want += " " + num(r.Self) + " " + num(r.Manager)
				if !strings.HasPrefix(rows[i], want) {
					t.Errorf("rating row %d = %q, want it to start %q", i, rows[i], want)
				}
			}

			// The three actions, each with its status.
			var actions []*html.Node
			for _, ol := range find(doc, atom.Ol) {
				if c, _ := attr(ol, "class"); c == "actions" {
					actions = find(ol, atom.Li)
				}
			}
			if len(actions) != len(d.Actions) {
				t.Fatalf("%d actions on the page, %d in the file", len(actions), len(d.Actions))
			}
			for i, li := range actions {
				status := text(li.FirstChild)
				if d.Actions[i].Done != (status == "done") {
					t.Errorf("action %d shows %q", i+1, status)
				}
			}

			// The gap table has a row per ladder dimension.
			for _, tbl := range find(doc, atom.Table) {
				if c, _ := attr(tbl, "class"); strings.HasPrefix(c, "gap") {
					if n := len(find(tbl, atom.Tr)) - 1; n < len(gap.Dimensions) {
						t.Errorf("gap table has %d rows", n)
					}
				}
			}
		})
	}
}

// TestKindSections: each kind's section shows what its reader in
// pkg/roadmap reads (the one show, lint and plan use): a career change's
// phases with their dates and artifacts and the job search, a stall's
// points each marked with the option it weighs and the date to decide
// by, an exploration's roles with the people to talk to and the pick date.
func TestKindSections(t *testing.T) {
	load := func(name string) (*roadmap.Document, *html.Node) {
		raw, err := os.ReadFile("../../examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		_, out := page(t, name, raw)
		return roadmap.Parse(name, raw), parse(t, out)
	}
	section := func(doc *html.Node, id string) *html.Node {
		for _, s := range find(doc, atom.Section) {
			if v, _ := attr(s, "aria-labelledby"); v == id {
				return s
			}
		}
		t.Fatalf("no section %s", id)
		return nil
	}
	rows := func(n *html.Node) []string {
		var out []string
		for _, tr := range find(n, atom.Tr)[1:] {
			out = append(out, text(tr))
		}
		return out
	}

	d, doc := load("career-change.md")
	b := d.Bridge
	got := rows(section(doc, "h-bridge"))
	if len(got) != len(b.Milestones)+1 {
		t.Fatalf("bridge rows = %d, want %d phases and the search:\n%s", len(got), len(b.Milestones), strings.Join(got, "\n"))
	}
	for i, m := range b.Milestones {
		for _, want := range []string{m.Start.String() + " to " + m.End.String(), m.Artifact} {
			if !strings.Contains(got[i], want) {
				t.Errorf("phase %d = %q, want %q in it", i+1, got[i], want)
			}
		}
	}
	if !strings.HasPrefix(got[0], "Months 1–2 ended") || !strings.Contains(got[1], "under way") || !strings.Contains(got[2], "coming") {
		t.Errorf("phase states: %q", got[:3])
	}
	if s := got[len(got)-1]; !strings.HasPrefix(s, "Job search coming2027-05-01 to 2027-08-31") || !strings.Contains(s, "offer by 2027-08-31") {
		t.Errorf("search row = %q", s)
	}

	d, doc = load("stalled.md")
	sec := section(doc, "h-decision")
	var points []string
	for _, li := range find(sec, atom.Li) {
		points = append(points, text(li))
	}
	if len(points) != len(d.Decision.Points) || !strings.HasPrefix(points[1], "stay Stay if, by 2027-01-29") ||
		!strings.HasPrefix(points[2], "switch Switch if the charter") || !strings.HasPrefix(points[0], "Stay at Basketly and engineer") {
		t.Errorf("decision points = %q", points)
	}
	if s := text(sec); !strings.Contains(s, "Decide by 2027-02-26 (in 97 days)") {
		t.Errorf("decision section = %q", s)
	}

	d, doc = load("explore.md")
	sec = section(doc, "h-candidates")
	got = rows(sec)
	if len(got) != len(d.Exploration.Candidates) || !strings.HasPrefix(got[0], "Engineering Manager, Infrastructure (front-runner)Aisha Bello (EM, Storage)") {
		t.Errorf("candidates = %q", got)
	}
	if n := len(find(sec, atom.Li)); n != 9 {
		t.Errorf("%d people to talk to, the file names 9", n)
	}
	if s := text(sec); !strings.Contains(s, "Pick the target by 2027-03-12 (in 111 days)") {
		t.Errorf("candidates section = %q", s)
	}

	// A promotion has no such section.
	_, doc = load("promotion.md")
	for _, s := range find(doc, atom.Section) {
		if c, _ := attr(s, "class"); c == "own" {
			t.Error("a promotion page has a kind section")
		}
	}
}

func must(s string, _ bool) string { return s }

func num(n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprint(n)
}

// checkSelfContained: no script, no external resource, styles inline, and
// a content security policy that forbids fetching anything.
func checkSelfContained(t *testing.T, doc *html.Node) {
	t.Helper()
	if s := find(doc, atom.Script); len(s) > 0 {
		t.Errorf("%d <script> elements", len(s))
	}
	for _, a := range []atom.Atom{atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Base, atom.Form} {
		if n := find(doc, a); len(n) > 0 {
			t.Errorf("%d <%s> elements", len(n), a)
		}
	}
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") || k == "src" || k == "href" || k == "srcset" || k == "xlink:href" {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
			if k == "style" {
				t.Errorf("<%s style=…>: styles belong in the one stylesheet", n.Data)
			}
		}
	})
	csp := false
	for _, m := range find(doc, atom.Meta) {
		if v, _ := attr(m, "http-equiv"); v == "Content-Security-Policy" {
			c, _ := attr(m, "content")
			csp = strings.Contains(c, "default-src 'none'")
		}
	}
	if !csp {
		t.Errorf("no Content-Security-Policy meta with default-src 'none'")
	}
	styles := find(doc, atom.Style)
	if len(styles) != 1 || !strings.Contains(text(styles[0]), "@media print") || !strings.Contains(text(styles[0]), "prefers-color-scheme: dark") {
		t.Errorf("want one stylesheet with print and dark-mode rules")
	}
	if strings.Contains(text(styles[0]), "@import") || strings.Contains(text(styles[0]), "url(") || strings.Contains(text(styles[0]), "@font-face") {
		t.Errorf("the stylesheet fetches something")
	}
}

// checkAccessible: every chart is an image with a title and a description
// it points at; ids are unique; headings do not skip a level; tables have
// header cells.
func checkAccessible(t *testing.T, doc *html.Node) {
	t.Helper()
	ids := map[string]*html.Node{}
	walk(doc, func(n *html.Node) {
		if id, ok := attr(n, "id"); ok && n.Type == html.ElementNode {
			if ids[id] != nil {
				t.Errorf("id %q is used twice", id)
			}
			ids[id] = n
		}
	})
	svgs := findTag(doc, "svg")
	if len(svgs) < 3 {
		t.Errorf("%d charts, want the radar, the timeline and the sparkline", len(svgs))
	}
	for _, s := range svgs {
		if r, _ := attr(s, "role"); r != "img" {
			t.Errorf("an svg without role=img")
		}
		refs, _ := attr(s, "aria-labelledby")
		parts := strings.Fields(refs)
		if len(parts) != 2 {
			t.Errorf("svg aria-labelledby=%q, want a title and a description", refs)
			continue
		}
		for i, id := range parts {
			n := ids[id]
			want := []string{"title", "desc"}[i]
			if n == nil || n.Data != want || len(text(n)) < 10 {
				t.Errorf("svg labelled by %q: no <%s> with text", id, want)
			}
		}
	}
	level := 1
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || len(n.Data) != 2 || n.Data[0] != 'h' || n.Data[1] < '1' || n.Data[1] > '6' {
			return
		}
		l := int(n.Data[1] - '0')
		if l > level+1 {
			t.Errorf("heading <%s> %q skips a level", n.Data, text(n))
		}
		level = l
	})
	for _, tbl := range find(doc, atom.Table) {
		if len(find(tbl, atom.Th)) == 0 {
			t.Errorf("a table without header cells")
		}
	}
}

// hostile is text that would be markup, script or template syntax if it
// were not escaped.
const hostile = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'</style></title></textarea>]]>{{.}}&amp;x`

// TestHostileTextIsEscaped puts hostile text in every field the page
// shows: the browser's parser must read it back as the same text, with no
// element, attribute or script coming from it.
func TestHostileTextIsEscaped(t *testing.T) {
	y := func(s string) string {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
	}
	h := func(tag string) string { return tag + " " + hostile }
	src := `---
roadmap: 1
title: ` + y(h("title")) + `
owner: ` + y(h("owner")) + `
kind: promotion
started: 2026-08-31
horizon: 2y
current:
  role: ` + y(h("current")) + `
  ladder: ` + y(h("ladder")) + `
  level: ` + y(h("level")) + `
target:
  role: ` + y(h("target")) + `
  ladder: software-engineer
  level: ` + y(h("tlevel")) + `
  industry: ` + y(h("industry")) + `
  companies: [` + y(h("company1")) + `, ` + y(h("company2")) + `]
  by: 2028-08-31
---

# H1

## Target
` + h("prose") + ` ` + "`" + h("code") + "`" + `

## Gap
- **Skills:** ` + h("skills") + ` Evidence: ` + h("evidence") + `
- **` + "Domain &lt;b&gt;" + `:** ` + h("domain") + ` Evidence: ` + h("domainev") + `

## Next 30 days
- [ ] ` + h("action1") + ` (project) — due 2026-12-01
- [x] ` + h("action2") + ` (course) — due 2026-12-02
- [ ] [` + h("action3") + `](javascript:alert(3)) (person) — due 2026-12-03

## Next quarter
- ` + h("quarter") + `

## Years 2–3 (hypothesis)
- ` + h("years") + `

## Assessment
### 2026-11-16 · ` + h("note") + `
- Skills: self 3, manager 1 — ` + h("reason") + `
- Domain &lt;b&gt;: self 2

## Review log
### 2026-11-16 · check-in
- ` + h("review") + `
`
	p, out := page(t, "dir/"+h("file")+".md", []byte(src))
	doc := parse(t, out)
	checkSelfContained(t, doc)
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "img" || n.Data == "textarea" || n.Data == "script") {
			t.Errorf("an element <%s> came from the file's text", n.Data)
		}
	})
	all := text(doc)
	for _, field := range []string{"title", "owner", "current", "target", "industry", "company1", "company2", "prose", "code",
		"skills", "evidence", "domain", "domainev", "action1", "action2", "action3", "quarter", "years", "note", "reason", "file"} {
		if !strings.Contains(all, strings.Join(strings.Fields(h(field)), " ")) {
			t.Errorf("the %s text is not on the page as text:\n%s", field, all)
		}
	}
	// The <title> element and the SVG descriptions carry it as text too.
	if ti := find(doc, atom.Title); len(ti) == 0 || !strings.HasPrefix(text(ti[0]), "title <script>") {
		t.Errorf("<title> = %q", text(ti[0]))
	}
	if p.Radar == nil || !strings.Contains(p.Radar.Desc, "Domain &lt;b&gt;: self 2") {
		t.Errorf("radar description = %q", p.Radar.Desc)
	}
	if p.LadderNote == "" {
		t.Errorf("unknown levels should leave a note")
	}

	// The standalone SVG is well-formed XML with the same text.
	var buf bytes.Buffer
	a, _ := roadmap.Parse("r.md", []byte(src)).LatestAssessment()
	if err := WriteRadarSVG(&buf, NewRadar(RadarInput{Assessment: &a, TargetLevel: h("tlevel"), Size: RadarFull})); err != nil {
		t.Fatal(err)
	}
	checkXML(t, buf.Bytes(), h("tlevel"))
}

func checkXML(t *testing.T, b []byte, want string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var chars strings.Builder
	elements := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, b)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			elements++
			if x.Name.Local == "script" || x.Name.Local == "foreignObject" {
				t.Errorf("<%s> in the SVG", x.Name.Local)
			}
			for _, a := range x.Attr {
				if strings.HasPrefix(a.Name.Local, "on") || a.Name.Local == "href" {
					t.Errorf("attribute %s in the SVG", a.Name.Local)
				}
			}
		case xml.CharData:
			chars.Write(x)
		}
	}
	if elements < 10 {
		t.Errorf("%d elements", elements)
	}
	if want != "" && !strings.Contains(chars.String(), want) {
		t.Errorf("the SVG's text does not contain %q", want)
	}
}

func TestRadarSVGOfEveryExample(t *testing.T) {
	for _, path := range examples(t) {
		d, err := roadmap.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := d.LatestAssessment()
		var buf bytes.Buffer
		r := NewRadar(RadarInput{Assessment: &a, TargetLevel: d.Frontmatter.Target.Level, Size: RadarFull})
		if err := WriteRadarSVG(&buf, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("<?xml")) || !bytes.Contains(buf.Bytes(), []byte(`xmlns="http://www.w3.org/2000/svg"`)) {
			t.Errorf("%s: not a standalone SVG", path)
		}
		checkXML(t, buf.Bytes(), "")
		// One dot per rating given, self and manager.
		want := 0
		for _, rt := range a.Ratings {
			want += boolInt(rt.Self > 0) + boolInt(rt.Manager > 0)
		}
		if got := len(r.Self.Dots) + len(r.Manager.Dots); got != want {
			t.Errorf("%s: %d dots, want %d", path, got, want)
		}
	}
}
