package roadmap

import (
	"testing"
)

// Spans are what fixes splice at: each must cover exactly the value as
// written, in the original bytes (BOM and CRLF included).
func TestFrontmatterSpans(t *testing.T) {
	for _, prefix := range []string{"", "\xEF\xBB\xBF"} {
		for _, nl := range []string{"\n", "\r\n"} {
			src := prefix + lines(nl,
				"---",
				"roadmap: 1",
				`title: "Path to Staff: the plan"   # quoted`,
				"kind: promotin",
				"started: 2026-1-5",
				"target:",
				"  role: 'Staff Engineer ''II'''",
				"  level: staff # a comment",
				"  companies: [Stripe, \"Adyen\"]",
				"  industry: |",
				"    fintech",
				"cadance:",
				"  checkin: monthly",
				"---",
				"# Plan",
			)
			doc := Parse("r.md", []byte(src))
			fm := doc.Frontmatter
			for path, want := range map[string]string{
				"roadmap":            "1",
				"title":              `"Path to Staff: the plan"`,
				"target.role":        `'Staff Engineer ''II'''`,
				"target.level":       "staff",
				"target.companies.0": "Stripe",
				"target.companies.1": `"Adyen"`,
			} {
				sp, ok := fm.Spans[path]
				if !ok {
					t.Errorf("%q: no span for %s", src, path)
					continue
				}
				if got := string(doc.Raw[sp.Start.Offset:sp.End.Offset]); got != want {
					t.Errorf("%q: span of %s = %q, want %q", src, path, got, want)
				}
			}
			if _, ok := fm.Spans["target.industry"]; ok {
				t.Errorf("a block scalar has a span")
			}
			if _, ok := fm.Spans["target.companies"]; ok {
				t.Errorf("a list has a span")
			}
			if sp := fm.KeySpans["cadance"]; string(doc.Raw[sp.Start.Offset:sp.End.Offset]) != "cadance" {
				t.Errorf("key span of the unknown key cadance = %+v", sp)
			}
			got := map[string]string{}
			for _, p := range doc.Problems {
				got[p.Code+" "+p.Path] = p.Suggestion
			}
			for k, want := range map[string]string{
				"bad-value kind":      "promotion",
				"bad-date started":    "2026-01-05",
				"unknown-key cadance": "cadence",
			} {
				if s, ok := got[k]; !ok || s != want {
					t.Errorf("%q: problem %q suggests %q (present %v), want %q; all: %v", src, k, s, ok, want, got)
				}
			}
		}
	}
}

func TestProblemSuggestions(t *testing.T) {
	for _, c := range []struct{ header, code, path, want string }{
		{"companies: Stripe", "wrong-type", "target.companies", "[Stripe]"},
		{`companies: "Acme, Inc."`, "wrong-type", "target.companies", `["Acme, Inc."]`},
		{"companies: Stripe, Adyen", "wrong-type", "target.companies", ""}, // one name or two?
		{"by: 2026-13-01", "bad-date", "target.by", ""},
		{"by: 01/05/2027", "bad-date", "target.by", ""},
		{"by: 2027/5/1", "bad-date", "target.by", "2027-05-01"},
		{"levle: staff", "unknown-key", "target.levle", "level"},
		{"lvl: staff\n  level: staff", "unknown-key", "target.lvl", ""}, // level is already set
	} {
		src := "---\nroadmap: 1\ntitle: T\nkind: promotion\nstarted: 2026-11-02\ntarget:\n  role: R\n  " + c.header + "\n---\n# T\n"
		doc := Parse("r.md", []byte(src))
		found := false
		for _, p := range doc.Problems {
			if p.Code == c.code && p.Path == c.path {
				found = true
				if p.Suggestion != c.want {
					t.Errorf("%s: suggestion %q, want %q", c.header, p.Suggestion, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s problem on %s in %+v", c.header, c.code, c.path, doc.Problems)
		}
	}
	doc := Parse("r.md", []byte("---\ntitle: T\n---\n# T\n"))
	for _, p := range doc.Problems {
		if p.Code == "missing-key" && p.Path == "roadmap" && p.Suggestion != "1" {
			t.Errorf("missing roadmap key suggests %q", p.Suggestion)
		}
	}
}

func TestTOMLHasNoSpans(t *testing.T) {
	doc := Parse("r.md", []byte("+++\nroadmap = 1\nkind = \"kind\"\n+++\n# T\n"))
	if len(doc.Frontmatter.Spans) != 0 {
		t.Errorf("TOML spans %v: its decoder keeps no columns, so none can be trusted", doc.Frontmatter.Spans)
	}
}

func lines(nl string, ls ...string) string {
	s := ""
	for _, l := range ls {
		s += l + nl
	}
	return s
}

func TestSectionHeadingsReadAsTheirKey(t *testing.T) {
	for _, s := range SectionHeadings {
		if got := SectionKey(s.Heading); got != s.Key {
			t.Errorf("%q reads as section %q, want %q", s.Heading, got, s.Key)
		}
	}
	if len(FrontmatterKeys("target")) == 0 || FrontmatterKeys("target.by") != nil {
		t.Errorf("FrontmatterKeys: target %v, target.by %v", FrontmatterKeys("target"), FrontmatterKeys("target.by"))
	}
}

func TestHeadingSpelling(t *testing.T) {
	for _, c := range []struct{ heading, key, want string }{
		{"Nxt 30 days", SectionNext30Days, "Next 30 days"},
		{"next 30 dys", SectionNext30Days, "Next 30 days"},
		{"Revew log", SectionReviewLog, "Review log"},
		{"Long trem", SectionLongTerm, "Long term"},
		{"Next 30 days", SectionNext30Days, ""},        // not misspelt
		{"This week's actions", SectionNext30Days, ""}, // a resemblance
		{"3. Nxt 30 days", SectionNext30Days, ""},      // numbering would be lost
		{"Nxt 30 days 🎯", SectionNext30Days, ""},
		{"Revew log", SectionGap, ""}, // not that section
	} {
		if got := HeadingSpelling(c.heading, c.key); got != c.want {
			t.Errorf("HeadingSpelling(%q, %s) = %q, want %q", c.heading, c.key, got, c.want)
		}
	}
}
