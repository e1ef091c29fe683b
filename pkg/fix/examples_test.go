package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

var today = civil.New(2026, 11, 21)

func defaultLint(doc *roadmap.Document) ([]lint.Finding, error) {
	l := lint.Linter{Today: today}
	return l.Lint(doc, lint.History{})
}

// mutation breaks an example the way people do, by plain byte
// substitution (never through the parser), and says what the fix must
// give back: the original unless want says otherwise.
type mutation struct {
	name string
	re   *regexp.Regexp
	// repl rewrites the first match; want, when set, rewrites the
	// original's first match into what the fixed file must be.
	repl, want func(m []string) string
}

func dropThird(s string) string { return s[:2] + s[3:] }

var mutations = []mutation{
	{name: "kind near miss", re: regexp.MustCompile(`(?m)^kind: ([a-z-]+)`),
		repl: func(m []string) string { return "kind: " + dropThird(m[1]) }},
	{name: "cadence near miss", re: regexp.MustCompile(`(?m)^  checkin: monthly\b`),
		repl: func(m []string) string { return "  checkin: montly" }},
	{name: "unpadded date", re: regexp.MustCompile(`(?m)^started: (\d{4})-(\d\d)-(\d\d)\b`),
		repl: func(m []string) string {
			switch {
			case m[2][0] == '0':
				return "started: " + m[1] + "-" + m[2][1:] + "-" + m[3]
			case m[3][0] == '0':
				return "started: " + m[1] + "-" + m[2] + "-" + m[3][1:]
			}
			return "started: " + m[1] + "/" + m[2] + "/" + m[3]
		}},
	{name: "format key missing", re: regexp.MustCompile(`(?m)^roadmap: 1\r?\n`),
		repl: func(m []string) string { return "" }},
	{name: "hypothesis marker missing", re: regexp.MustCompile(`(?m)^## Years 2–3 \(hypothesis\)`),
		repl: func(m []string) string { return "## Years 2–3" }},
	{name: "key misspelled", re: regexp.MustCompile(`(?m)^horizon:`),
		repl: func(m []string) string { return "horizn:" }},
	{name: "section key misspelled", re: regexp.MustCompile(`(?m)^cadence:`),
		repl: func(m []string) string { return "cadance:" }},
	{name: "heading misspelt", re: regexp.MustCompile(`(?m)^## Next quarter\b`),
		repl: func(m []string) string { return "## Nxt quarter" }},
	{name: "gap label misspelt", re: regexp.MustCompile(`\*\*Mentorship:\*\*`),
		repl: func(m []string) string { return "**Mentorsip:**" }},
	{name: "evidence label misspelt", re: regexp.MustCompile(`Evidence:`),
		repl: func(m []string) string { return "Evidance:" }},
	{name: "bridge work heading misspelt", re: regexp.MustCompile(`(?m)^## Bridge work\b`),
		repl: func(m []string) string { return "## Brige work" }},
	{name: "decision heading misspelt", re: regexp.MustCompile(`(?m)^## Decision\b`),
		repl: func(m []string) string { return "## Decison" }},
	{name: "candidates heading misspelt", re: regexp.MustCompile(`(?m)^## Candidates\b`),
		repl: func(m []string) string { return "## Candidtes" }},
	{name: "ladder near miss", re: regexp.MustCompile(`(?m)^  ladder: software-engineer\b`),
		repl: func(m []string) string { return "  ladder: sofware-engineer" }},
	{name: "one company, not a list", re: regexp.MustCompile(`(?m)^  companies: \[([A-Za-z0-9]+), [^\]\r\n]*\]`),
		repl: func(m []string) string { return "  companies: " + m[1] },
		want: func(m []string) string { return "  companies: [" + m[1] + "]" }},
}

// variants are the encodings an edit must keep.
func variants(lf []byte) map[string][]byte {
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	bom := []byte("\xEF\xBB\xBF")
	return map[string][]byte{
		"LF": lf, "CRLF": crlf,
		"BOM+LF": append(append([]byte(nil), bom...), lf...), "BOM+CRLF": append(append([]byte(nil), bom...), crlf...),
	}
}

func examples(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pattern := range []string{"../../examples/*.md", "../../examples/*/*.md"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if roadmap.HasRoadmapKey(raw) {
				out[filepath.ToSlash(f)] = raw
			}
		}
	}
	if len(out) < 5 {
		t.Fatalf("found %d examples", len(out))
	}
	return out
}

// Every example, broken in each fixable way and in each encoding, is
// given back byte for byte by the fixes: they change only their own bytes.
func TestFixesRestoreEveryExample(t *testing.T) {
	restored := map[string]int{}
	for name, lf := range examples(t) {
		for enc, orig := range variants(lf) {
			clean, err := defaultLint(roadmap.Parse(name, orig))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range mutations {
				loc := m.re.FindSubmatchIndex(orig)
				if loc == nil {
					continue
				}
				groups := submatches(orig, loc)
				broken := splice(orig, loc[0], loc[1], m.repl(groups))
				want := orig
				if m.want != nil {
					want = splice(orig, loc[0], loc[1], m.want(groups))
				}
				res, err := All(defaultLint, roadmap.Parse(name, broken))
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Applied) == 0 && len(res.Findings) == len(clean) {
					continue // no rule sees this one here (e.g. the section says it rests on assumptions)
				}
				if len(res.Applied) == 0 {
					t.Errorf("%s %s %s: no fix made; findings %v", name, enc, m.name, rules(res.Findings))
					continue
				}
				if !bytes.Equal(res.Doc.Raw, want) {
					t.Errorf("%s %s %s: the fixes did not give back the original:\n%s", name, enc, m.name,
						firstDifference(want, res.Doc.Raw))
					continue
				}
				if got, err := roadmap.ApplyEdits(broken, res.Edits); err != nil || !bytes.Equal(got, res.Doc.Raw) {
					t.Errorf("%s %s %s: the composed edits do not give the fixed file (%v)", name, enc, m.name, err)
				}
				if m.want == nil && len(res.Findings) != len(clean) {
					t.Errorf("%s %s %s: %d findings left, the example has %d", name, enc, m.name, len(res.Findings), len(clean))
				}
				restored[m.name]++
				restored[m.name+" "+enc]++
			}
		}
	}
	for _, m := range mutations {
		if restored[m.name] < 4 {
			t.Errorf("%s: restored %d example variants; the property needs more to mean anything", m.name, restored[m.name])
		}
		for _, enc := range []string{"LF", "CRLF", "BOM+LF", "BOM+CRLF"} {
			if restored[m.name+" "+enc] == 0 {
				t.Errorf("%s: no %s example restored", m.name, enc)
			}
		}
	}
}

// The suppression offered for any finding inserts its comment and nothing
// else, in the file's own line endings, and silences that finding alone.
func TestSuppressInsertsOnlyItsComment(t *testing.T) {
	checked := 0
	for name, lf := range examples(t) {
		for enc, orig := range variants(lf) {
			for _, m := range mutations {
				loc := m.re.FindSubmatchIndex(orig)
				if loc == nil {
					continue
				}
				broken := splice(orig, loc[0], loc[1], m.repl(submatches(orig, loc)))
				doc := roadmap.Parse(name, broken)
				findings, _ := defaultLint(doc)
				for _, f := range findings {
					fx, ok := Suppress(doc, f)
					if !ok {
						t.Errorf("%s %s: no suppression for %s at line %d", name, enc, f.RuleRef(), f.Line)
						continue
					}
					if len(fx.Edits) != 1 || fx.Edits[0].Start != fx.Edits[0].End {
						t.Fatalf("%s: a suppression is one insertion, got %+v", name, fx.Edits)
					}
					e := fx.Edits[0]
					out, _ := fx.Apply(broken)
					if !bytes.Equal(out[:e.Start], broken[:e.Start]) || !bytes.Equal(out[e.Start+len(e.Text):], broken[e.Start:]) {
						t.Errorf("%s %s: suppressing %s changed bytes outside its comment", name, enc, f.RuleRef())
					}
					if strings.Contains(enc, "CRLF") && bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
						t.Errorf("%s %s: suppressing %s wrote a bare LF", name, enc, f.RuleRef())
					}
					if strings.HasPrefix(enc, "BOM") && !bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
						t.Errorf("%s %s: suppressing %s lost the BOM", name, enc, f.RuleRef())
					}
					if _, _, ok := Check(defaultLint, doc, findings, fx); !ok {
						t.Errorf("%s %s: suppressing %s at line %d (%q) did not silence it alone", name, enc, f.RuleRef(), f.Line, e.Text)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked %d suppressions", checked)
	}
}

func submatches(b []byte, loc []int) []string {
	out := make([]string, len(loc)/2)
	for i := range out {
		if loc[2*i] >= 0 {
			out[i] = string(b[loc[2*i]:loc[2*i+1]])
		}
	}
	return out
}

func splice(b []byte, start, end int, text string) []byte {
	out := append([]byte(nil), b[:start]...)
	out = append(out, text...)
	return append(out, b[end:]...)
}

func rules(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleRef()+":"+f.Code+":"+f.Subject+":"+f.Suggestion)
	}
	return out
}

func firstDifference(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(0, i-40)
	return "want …" + strings.ToValidUTF8(string(want[lo:min(len(want), i+40)]), "?") + "…\n got …" + strings.ToValidUTF8(string(got[lo:min(len(got), i+40)]), "?") + "…"
}

func parse(name string, raw []byte) *roadmap.Document { return roadmap.Parse(name, raw) }
