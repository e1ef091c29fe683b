package fix

import (
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// LintFunc lints one document the way the caller lints it: the same
// configuration, date and history, so a fix is judged by the rules the
// user sees.
type LintFunc func(doc *roadmap.Document) ([]lint.Finding, error)

// Check applies fx to doc, parses and lints the result, and reports
// whether the fix did what it says: its finding is gone and the document
// reads no worse (no new RM001 finding); a suppression must remove its
// finding and nothing else. It returns the new document and findings.
func Check(lintFn LintFunc, doc *roadmap.Document, before []lint.Finding, fx Fix) (*roadmap.Document, []lint.Finding, bool) {
	raw, err := fx.Apply(doc.Raw)
	if err != nil {
		return nil, nil, false
	}
	next := roadmap.Parse(doc.Path, raw)
	after, err := lintFn(next)
	if err != nil || next.Fatal() {
		return nil, nil, false
	}
	if fx.Suppress {
		return next, after, sameExcept(before, after, fx.Finding)
	}
	for _, g := range after {
		if same(g, fx.Finding) {
			return nil, nil, false
		}
	}
	if count(after, "RM001") > count(before, "RM001") {
		return nil, nil, false
	}
	return next, after, true
}

// same reports whether g is the finding f again, in a changed document:
// the same rule, code and subject when the rule says what it is about,
// else the same rule and message.
func same(g, f lint.Finding) bool {
	if g.Rule != f.Rule {
		return false
	}
	if f.Code != "" || f.Subject != "" {
		return g.Code == f.Code && g.Subject == f.Subject
	}
	return g.Message == f.Message
}

// sameExcept reports whether after holds the findings of before less f,
// by rule and message (lines move when a comment line is inserted).
func sameExcept(before, after []lint.Finding, f lint.Finding) bool {
	counts := map[string]int{}
	key := func(x lint.Finding) string { return x.Rule + "\x00" + x.Message }
	for _, x := range before {
		counts[key(x)]++
	}
	counts[key(f)]--
	for _, x := range after {
		counts[key(x)]--
	}
	for _, n := range counts {
		if n != 0 {
			return false
		}
	}
	return true
}

func count(fs []lint.Finding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

// Available returns the checked fixes for each finding of some (all of
// them when some is nil), where findings are everything linted from doc:
// its mechanical fix when it has one, then the suppression, in finding
// order. A fix that does not pass Check is left out.
func Available(lintFn LintFunc, doc *roadmap.Document, findings, some []lint.Finding) []Fix {
	if some == nil {
		some = findings
	}
	var out []Fix
	for _, f := range some {
		if fx, ok := For(doc, f); ok {
			if _, _, ok := Check(lintFn, doc, findings, fx); ok {
				out = append(out, fx)
			}
		}
		if fx, ok := Suppress(doc, f); ok {
			if _, _, ok := Check(lintFn, doc, findings, fx); ok {
				out = append(out, fx)
			}
		}
	}
	return out
}

// Result is what All did to a document.
type Result struct {
	// Doc is the fixed document (doc itself when nothing was fixed) and
	// Findings what is left in it.
	Doc      *roadmap.Document
	Findings []lint.Finding
	// Applied are the fixes made, in order; each one's edits are on the
	// bytes the previous one left.
	Applied []Fix
	// Edits take the original bytes to Doc.Raw in one go, for an editor:
	// disjoint, in file order.
	Edits []roadmap.Edit
}

// maxFixes bounds the fixes made to one document: each round fixes one
// finding, and a document has a handful.
const maxFixes = 100

// All makes every mechanical fix in doc, one at a time, each checked
// against the findings it leaves, until none is left. Suppressions are
// never made: turning a rule off is the writer's decision.
func All(lintFn LintFunc, doc *roadmap.Document) (*Result, error) {
	findings, err := lintFn(doc)
	if err != nil {
		return nil, err
	}
	res := &Result{Doc: doc, Findings: findings}
	comp := composer{}
	rejected := map[string]bool{}
	for len(res.Applied) < maxFixes {
		progressed := false
		for _, f := range res.Findings {
			fx, ok := For(res.Doc, f)
			if !ok || rejected[fixKey(fx)] {
				continue
			}
			next, after, ok := Check(lintFn, res.Doc, res.Findings, fx)
			if !ok {
				rejected[fixKey(fx)] = true
				continue
			}
			for _, e := range roadmap.SortEdits(fx.Edits) {
				comp.add(res.Doc.Raw, e)
			}
			res.Applied = append(res.Applied, fx)
			res.Doc, res.Findings = next, after
			progressed = true
			break // the findings changed: start again from the new ones
		}
		if !progressed {
			break
		}
	}
	res.Edits = comp.edits
	return res, nil
}

func fixKey(fx Fix) string {
	k := fx.Finding.Rule + "\x00" + fx.Finding.Code + "\x00" + fx.Finding.Subject + "\x00" + fx.Title
	for _, e := range fx.Edits {
		k += "\x00" + string(e.Text)
	}
	return k
}

// composer keeps a sequence of edits, each made on the bytes the ones
// before it left, as one set of disjoint edits on the original bytes.
type composer struct {
	edits []roadmap.Edit // on the original bytes, sorted, disjoint
}

// add records n, an edit on cur: the original bytes with c.edits made.
// An edit that touches or overlaps earlier ones is merged with them.
func (c *composer) add(cur []byte, n roadmap.Edit) {
	type placed struct{ start, end, delta int } // current range, delta before it
	ps := make([]placed, len(c.edits))
	delta := 0
	for i, e := range c.edits {
		ps[i] = placed{start: e.Start + delta, end: e.Start + delta + len(e.Text), delta: delta}
		delta += len(e.Text) - (e.End - e.Start)
	}
	first, last := -1, -1
	insertAt := len(c.edits)
	for i, p := range ps {
		if p.start <= n.End && n.Start <= p.end {
			if first < 0 {
				first = i
			}
			last = i
		}
		if insertAt == len(c.edits) && p.start > n.End {
			insertAt = i
		}
	}
	if first < 0 {
		d := delta
		if insertAt < len(c.edits) {
			d = ps[insertAt].delta
		}
		e := roadmap.Edit{Start: n.Start - d, End: n.End - d, Text: n.Text, What: n.What}
		c.edits = append(c.edits[:insertAt], append([]roadmap.Edit{e}, c.edits[insertAt:]...)...)
		return
	}
	cs, ce := min(n.Start, ps[first].start), max(n.End, ps[last].end)
	os := c.edits[first].Start - (ps[first].start - cs)
	oe := c.edits[last].End + (ce - ps[last].end)
	next := make([]byte, 0, len(cur)+len(n.Text))
	next = append(append(append(next, cur[:n.Start]...), n.Text...), cur[n.End:]...)
	grow := len(n.Text) - (n.End - n.Start)
	merged := roadmap.Edit{Start: os, End: oe, Text: append([]byte(nil), next[cs:ce+grow]...), What: n.What}
	c.edits = append(c.edits[:first], append([]roadmap.Edit{merged}, c.edits[last+1:]...)...)
}
