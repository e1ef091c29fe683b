package fix

import (
	"bytes"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

const header = `---
roadmap: 1
title: Path to Staff Engineer
owner: Kavya Raman
kind: promotion
started: 2026-11-02
horizon: 2y
target:
  role: Staff Software Engineer
  ladder: software-engineer
  level: staff
  industry: B2B payments
  companies: [Stripe, Adyen]
cadence:
  checkin: monthly
---
`

const body = `
# Path to Staff Engineer

## Years 2–3 (hypothesis)
- Principal by 2029.
`

// fixed runs All on src and returns the result's bytes and titles.
func fixed(t *testing.T, src string) (string, []string) {
	t.Helper()
	res, err := All(defaultLint, roadmap.Parse("r.md", []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, fx := range res.Applied {
		titles = append(titles, fx.Title)
	}
	return string(res.Doc.Raw), titles
}

func TestFixes(t *testing.T) {
	for _, c := range []struct {
		name      string
		from, to  string // replaced in header+body to break it
		want      string // what the fix writes back in its place ("" = to itself: left alone)
		wantTitle string
	}{
		{"quoted kind keeps its quotes", "kind: promotion", `kind: "promotoin"`, `kind: "promotion"`, `Change kind from "promotoin" to "promotion"`},
		{"single-quoted cadence", "checkin: monthly", "checkin: 'Montly'", "checkin: 'monthly'", ""},
		{"cadence with a comment", "checkin: monthly", "checkin: montly   # every month", "checkin: monthly   # every month", ""},
		{"unpadded date", "started: 2026-11-02", "started: 2026-11-2", "started: 2026-11-02", "Change started from 2026-11-2 to 2026-11-02"},
		{"slashed date", "started: 2026-11-02", "started: 2026/11/02", "started: 2026-11-02", ""},
		{"one company", "companies: [Stripe, Adyen]", "companies: Stripe", "companies: [Stripe]", "Change target.companies from Stripe to [Stripe]"},
		{"one quoted company", "companies: [Stripe, Adyen]", `companies: "Acme, Inc."`, `companies: ["Acme, Inc."]`, ""},
		{"misspelled key", "horizon: 2y", "horizn: 2y", "horizon: 2y", "Rename key horizn to horizon"},
		{"heading with a closing sequence", "## Years 2–3 (hypothesis)", "## Years 2–3 ##", "## Years 2–3 (hypothesis) ##", "Mark years 2–3 as a hypothesis: ## Years 2–3 (hypothesis) ##"},
		{"heading with a colon", "## Years 2–3 (hypothesis)", "## Long term:", "## Long term (hypothesis):", ""},

		{"ladder near miss", "  ladder: software-engineer", "  ladder: sofware-engineer", "  ladder: software-engineer", "Change target.ladder from sofware-engineer to software-engineer"},
		{"level near miss", "  level: staff", "  level: stafff", "  level: staff", ""},

		// Left alone: no single correct edit.
		{"kind far from every kind", "kind: promotion", "kind: sabbatical", "", ""},
		{"cadence prefix of two", "checkin: monthly", "checkin: annu", "", ""},
		{"cadences out of order", "checkin: monthly", "checkin: yearly", "", ""},
		{"day-first date", "started: 2026-11-02", "started: 02/11/2026", "", ""},
		{"impossible date", "started: 2026-11-02", "started: 2026-2-30", "", ""},
		{"companies with a comma", "companies: [Stripe, Adyen]", "companies: Stripe, Adyen", "", ""},
		{"key near two", "horizon: 2y", "hor: 2y", "", ""},
		{"missing title", "title: Path to Staff Engineer\n", "", "", ""},
		{"ladder far from every ladder", "  ladder: software-engineer", "  ladder: teacher", "", ""},
		{"no years 2–3 section", "## Years 2–3 (hypothesis)\n- Principal by 2029.\n", "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			orig := header + body
			if !strings.Contains(orig, c.from) {
				t.Fatalf("%q not in the document", c.from)
			}
			broken := strings.Replace(orig, c.from, c.to, 1)
			want := broken
			if c.want != "" {
				want = strings.Replace(orig, c.from, c.want, 1)
			}
			got, titles := fixed(t, broken)
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			if c.wantTitle != "" && (len(titles) != 1 || titles[0] != c.wantTitle) {
				t.Errorf("titles %q, want %q", titles, c.wantTitle)
			}
			if c.want == "" && len(titles) > 0 {
				t.Errorf("left alone, yet fixed: %q", titles)
			}
		})
	}
}

func TestAddFormatKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{strings.Replace(header, "roadmap: 1\n", "", 1) + body, header + body},
		{"+++\ntitle = \"T\"\nkind = \"promotion\"\nstarted = 2026-11-02\n[target]\nrole = \"R\"\n+++\n# T\n",
			"+++\nroadmap = 1\ntitle = \"T\"\nkind = \"promotion\"\nstarted = 2026-11-02\n[target]\nrole = \"R\"\n+++\n# T\n"},
		{"\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n# T\r\n", "\xEF\xBB\xBF---\r\nroadmap: 1\r\ntitle: T\r\n---\r\n# T\r\n"},
	} {
		got, _ := fixed(t, c.in)
		if got != c.want {
			t.Errorf("got %q\nwant %q", got, c.want)
		}
	}
	// No frontmatter at all: adding one would be inventing a plan.
	if got, titles := fixed(t, "# Plan\n\n- learn Go\n"); got != "# Plan\n\n- learn Go\n" || len(titles) > 0 {
		t.Errorf("a file without frontmatter was changed: %q %q", got, titles)
	}
}

func TestSuppressPlacement(t *testing.T) {
	src := header + `
# Path to Staff Engineer

## Next 30 days
- [ ] Work on my visibility (project) — due 2026-11-20 <!-- roadmap-disable-line RM007 -->
- [ ] Learn more about Kafka (course) — due 2026-11-24

## Years 2–3
- Principal by 2029.
`
	doc := roadmap.Parse("r.md", []byte(src))
	findings, _ := defaultLint(doc)
	lineOf := func(s string) string { return itoa(strings.Count(src[:strings.Index(src, s)], "\n") + 1) }
	want := map[string]string{
		"RM005:" + lineOf("- [ ] Work on"): "<!-- roadmap-disable-line RM007 RM005 -->", // added to the comment already there
		"RM005:" + lineOf("- [ ] Learn"):   "(course) — due 2026-11-24 <!-- roadmap-disable-line RM005 -->",
		"RM012:" + lineOf("## Years"):      "<!-- roadmap-disable-next-line RM012 -->\n## Years 2–3",
		"RM001:frontmatter":                "---\n<!-- roadmap-disable RM001 --><!-- roadmap-enable RM001 -->\n",
	}
	seen := map[string]bool{}
	for _, f := range findings {
		key := f.Rule + ":" + itoa(f.Line)
		w, ok := want[key]
		if !ok {
			continue
		}
		fx, ok := Suppress(doc, f)
		if !ok {
			t.Errorf("%s: no suppression", key)
			continue
		}
		out, _ := fx.Apply(doc.Raw)
		if !bytes.Contains(out, []byte(w)) {
			t.Errorf("%s: %q not in\n%s", key, w, out)
		}
		if _, _, ok := Check(defaultLint, doc, findings, fx); !ok {
			t.Errorf("%s: the comment did not silence the finding alone", key)
		}
		seen[key] = true
	}
	// RM001 needs a finding in the frontmatter: make one.
	doc2 := roadmap.Parse("r.md", []byte(strings.Replace(src, "horizon: 2y", "horizn: 2y", 1)))
	f2, _ := defaultLint(doc2)
	for _, f := range f2 {
		if f.Rule == "RM001" {
			fx, _ := Suppress(doc2, f)
			out, _ := fx.Apply(doc2.Raw)
			if !bytes.Contains(out, []byte(want["RM001:frontmatter"])) {
				t.Errorf("frontmatter suppression: got\n%s", out)
			}
			if _, _, ok := Check(defaultLint, doc2, f2, fx); !ok {
				t.Errorf("the frontmatter suppression did not silence the finding alone")
			}
			seen["RM001:frontmatter"] = true
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("no finding %s in %v", k, rules(findings))
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// Composed edits on the original give what the edits made one after the
// other gave, whatever they touch.
func TestComposer(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 2000; trial++ {
		orig := []byte(strings.Repeat("abcdefghij", 1+rng.Intn(4)))
		cur := append([]byte(nil), orig...)
		var c composer
		for k := 0; k < 1+rng.Intn(6); k++ {
			s := rng.Intn(len(cur) + 1)
			e := s + rng.Intn(min(4, len(cur)-s)+1)
			text := []byte(strings.Repeat("XY", rng.Intn(3)))
			c.add(cur, roadmap.Edit{Start: s, End: e, Text: text})
			cur = append(append(append([]byte(nil), cur[:s]...), text...), cur[e:]...)
		}
		got, err := roadmap.ApplyEdits(orig, c.edits)
		if err != nil || !bytes.Equal(got, cur) {
			t.Fatalf("trial %d: composed %+v on %q gives %q (%v), want %q", trial, c.edits, orig, got, err, cur)
		}
		for i := 1; i < len(c.edits); i++ {
			if c.edits[i].Start < c.edits[i-1].End {
				t.Fatalf("trial %d: edits overlap: %+v", trial, c.edits)
			}
		}
	}
}

func TestAvailableOffersCheckedFixes(t *testing.T) {
	src := strings.Replace(header, "checkin: monthly", "checkin: montly", 1) + body
	doc := roadmap.Parse("r.md", []byte(src))
	findings, _ := defaultLint(doc)
	var titles []string
	for _, fx := range Available(defaultLint, doc, findings, nil) {
		if fx.Finding.Rule == "RM013" {
			titles = append(titles, fx.Title)
		}
	}
	want := []string{`Change cadence.checkin from montly to monthly`, "Disable RM013 for the frontmatter"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("fixes %q, want %q", titles, want)
	}
}
