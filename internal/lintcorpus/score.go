package lintcorpus

import (
	"sort"
)

// Got is one finding the linter reported.
type Got struct {
	Rule     string
	Line     int
	Severity string
	Message  string
}

// File is one corpus file with its labels and what the linter said.
type File struct {
	Name   string
	Doc    *Structure
	Labels *Labels
	Got    []Got
}

// Counts are one rule's tallies under one way of matching.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision is TP/(TP+FP): the share of findings that are real faults.
// With no finding at all nothing false was said, so it is 1.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN): the share of real faults found. With no fault to
// find nothing was missed, so it is 1.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Miss is a false positive (a finding no label expects) or a false
// negative (a labelled fault the linter did not report), under strict
// matching, with what a reader needs to act on it.
type Miss struct {
	File     string
	Line     int
	Rule     string
	Text     string // the roadmap line
	Negative bool   // a fault not found; else a false alarm
	Label    *Label // the expect label (negative), or the quiet label the finding broke
	Got      *Got   // the finding (positive)
	// Loose is set when the miss is matched loosely: the rule fired (or
	// was expected) elsewhere in the same block or section.
	Loose bool
}

// Result is the corpus's score.
type Result struct {
	Strict, Loose map[string]*Counts // by rule
	Misses        []Miss
	Files         int
	// Correct files have no expected warning or error; Silent are those
	// of them on which the linter raised no warning or error either.
	Correct, Silent int
	Expected        map[string]int // labelled faults by rule
}

// Score matches every file's findings against its labels. Strict: same
// rule, same line. Loose: same rule, and the finding lies in the block of
// the expected line (Structure.Region). Each finding and each label is
// matched at most once, so a fault reported twice is one true positive
// and one false positive.
func Score(files []*File) *Result {
	r := &Result{Strict: map[string]*Counts{}, Loose: map[string]*Counts{}, Expected: map[string]int{}}
	get := func(m map[string]*Counts, rule string) *Counts {
		if m[rule] == nil {
			m[rule] = &Counts{}
		}
		return m[rule]
	}
	for _, f := range files {
		r.Files++
		exp := f.Labels.Expected()
		correct, silent := true, true
		for _, e := range exp {
			r.Expected[e.Rule]++
			get(r.Strict, e.Rule)
			get(r.Loose, e.Rule)
			if !e.Info() {
				correct = false
			}
		}
		for _, g := range f.Got {
			get(r.Strict, g.Rule)
			get(r.Loose, g.Rule)
			if g.Severity != "info" {
				silent = false
			}
		}
		strictE, strictG := match(exp, f.Got, func(e Label, g Got) bool { return e.Line == g.Line })
		looseE, looseG := match(exp, f.Got, func(e Label, g Got) bool { return f.Doc.Region(e.Line, g.Line) })
		for i, e := range exp {
			if strictE[i] {
				get(r.Strict, e.Rule).TP++
			} else {
				get(r.Strict, e.Rule).FN++
				e := e
				r.Misses = append(r.Misses, Miss{File: f.Name, Line: e.Line, Rule: e.Rule, Text: f.Doc.Text(e.Line), Negative: true, Label: &e, Loose: looseE[i]})
			}
			if looseE[i] {
				get(r.Loose, e.Rule).TP++
			} else {
				get(r.Loose, e.Rule).FN++
			}
		}
		for i, g := range f.Got {
			if !strictG[i] {
				get(r.Strict, g.Rule).FP++
				g := g
				m := Miss{File: f.Name, Line: g.Line, Rule: g.Rule, Text: f.Doc.Text(g.Line), Got: &g, Loose: looseG[i]}
				for _, q := range f.Labels.Items {
					if q.Quiet && q.Rule == g.Rule && q.Line == g.Line {
						q := q
						m.Label = &q
					}
				}
				r.Misses = append(r.Misses, m)
			}
			if !looseG[i] {
				get(r.Loose, g.Rule).FP++
			}
		}
		if correct {
			r.Correct++
			if silent {
				r.Silent++
			}
		}
	}
	sort.SliceStable(r.Misses, func(i, j int) bool {
		a, b := r.Misses[i], r.Misses[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return r
}

// Info reports whether the label expects an info finding (its reason
// starts with "info:"), which a correct file may carry.
func (l Label) Info() bool { return len(l.Reason) >= 5 && l.Reason[:5] == "info:" }

// match pairs labels with findings of the same rule for which same holds,
// exact lines first and then the nearest, each at most once.
func match(exp []Label, got []Got, same func(Label, Got) bool) (matchedE, matchedG []bool) {
	matchedE, matchedG = make([]bool, len(exp)), make([]bool, len(got))
	for i, e := range exp {
		for j, g := range got {
			if !matchedG[j] && g.Rule == e.Rule && g.Line == e.Line {
				matchedE[i], matchedG[j] = true, true
				break
			}
		}
	}
	for i, e := range exp {
		if matchedE[i] {
			continue
		}
		best := -1
		for j, g := range got {
			if matchedG[j] || g.Rule != e.Rule || !same(e, g) {
				continue
			}
			if best < 0 || abs(g.Line-e.Line) < abs(got[best].Line-e.Line) {
				best = j
			}
		}
		if best >= 0 {
			matchedE[i], matchedG[best] = true, true
		}
	}
	return matchedE, matchedG
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Total sums the counts over every rule.
func Total(m map[string]*Counts) Counts {
	var t Counts
	for _, c := range m {
		t.add(*c)
	}
	return t
}

// RuleIDs returns the rules with a label or a finding, sorted.
func (r *Result) RuleIDs() []string {
	var ids []string
	for id := range r.Strict {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
