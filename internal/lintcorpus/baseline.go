package lintcorpus

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/lint"
)

// Baseline is the recorded score the test guards: no figure may fall below
// it. It is rewritten with UPDATE_BASELINE=1, meant only ever to rise.
type Baseline struct {
	Comment string `json:"comment"`
	Files   int    `json:"files"`
	// Correct files expect no warning or error; Silent is how many of them
	// got none.
	Correct int          `json:"correct"`
	Silent  int          `json:"silent"`
	All     RuleScore    `json:"all"`
	Rules   []*RuleScore `json:"rules"`
}

// RuleScore is one rule's row.
type RuleScore struct {
	Rule     string `json:"rule"`
	Name     string `json:"name,omitempty"`
	Expected int    `json:"expected"`
	Strict   Counts `json:"strict"`
	Loose    Counts `json:"loose"`
	// Figures, rounded to 4 places: strictPrecision, strictRecall,
	// loosePrecision, looseRecall.
	StrictPrecision float64 `json:"strictPrecision"`
	StrictRecall    float64 `json:"strictRecall"`
	LoosePrecision  float64 `json:"loosePrecision"`
	LooseRecall     float64 `json:"looseRecall"`
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }

func newRuleScore(rule, name string, expected int, strict, loose Counts) *RuleScore {
	return &RuleScore{
		Rule: rule, Name: name, Expected: expected, Strict: strict, Loose: loose,
		StrictPrecision: round(strict.Precision()), StrictRecall: round(strict.Recall()),
		LoosePrecision: round(loose.Precision()), LooseRecall: round(loose.Recall()),
	}
}

// NewBaseline turns a result into the figures to record. name gives a
// rule's readable name.
func NewBaseline(r *Result, name func(string) string) *Baseline {
	b := &Baseline{
		Comment: "Accuracy of roadmap lint on testdata/lint-corpus, guarded by internal/lintcorpus. " +
			"Raise with UPDATE_BASELINE=1 go test ./internal/lintcorpus when figures rise; never lower it to make a change pass.",
		Files: r.Files, Correct: r.Correct, Silent: r.Silent,
	}
	expectedAll := 0
	for _, id := range r.RuleIDs() {
		b.Rules = append(b.Rules, newRuleScore(id, name(id), r.Expected[id], *r.Strict[id], *r.Loose[id]))
		expectedAll += r.Expected[id]
	}
	b.All = *newRuleScore("all", "", expectedAll, Total(r.Strict), Total(r.Loose))
	return b
}

// Marshal is the baseline file's text.
func (b *Baseline) Marshal() []byte {
	out, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		panic(err) // plain structs: cannot fail
	}
	return append(out, '\n')
}

// ParseBaseline reads a baseline file.
func ParseBaseline(data []byte) (*Baseline, error) {
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, err
	}
	return &b, nil
}

func (b *Baseline) rule(id string) *RuleScore {
	if id == "all" {
		return &b.All
	}
	for _, r := range b.Rules {
		if r.Rule == id {
			return r
		}
	}
	return nil
}

// A Change is one figure that moved between the baseline and now.
type Change struct {
	Rule, Figure string
	Was, Now     float64
	WasOf, NowOf string // the counts behind the figure, "3 of 4 faults found"
	Count        bool   // Was and Now are counts, not shares
}

func (c Change) String() string {
	verb := "fell"
	if c.Now > c.Was {
		verb = "rose"
	}
	if c.Count {
		return fmt.Sprintf("%s %s %s from %s to %s", c.Rule, c.Figure, verb, c.WasOf, c.NowOf)
	}
	return fmt.Sprintf("%s %s %s from %.3f (%s) to %.3f (%s)", c.Rule, c.Figure, verb, c.Was, c.WasOf, c.Now, c.NowOf)
}

// Compare lists the figures of now that fell below, and those that rose
// above, the baseline. A rule the baseline does not know counts as one
// with no finding and no fault (every figure 1), so a new rule's false
// alarms are a fall.
func Compare(base, now *Baseline) (fell, rose []Change) {
	ids := []string{"all"}
	for _, r := range now.Rules {
		ids = append(ids, r.Rule)
	}
	for _, r := range base.Rules {
		if now.rule(r.Rule) == nil {
			ids = append(ids, r.Rule)
		}
	}
	for _, id := range ids {
		was, cur := base.rule(id), now.rule(id)
		if was == nil {
			was = newRuleScore(id, "", 0, Counts{}, Counts{})
		}
		if cur == nil {
			cur = newRuleScore(id, "", 0, Counts{}, Counts{})
		}
		figs := []struct {
			name     string
			was, now float64
			wasOf    string
			nowOf    string
		}{
			{"strict precision", was.StrictPrecision, cur.StrictPrecision, pOf(was.Strict), pOf(cur.Strict)},
			{"strict recall", was.StrictRecall, cur.StrictRecall, rOf(was.Strict), rOf(cur.Strict)},
			{"loose precision", was.LoosePrecision, cur.LoosePrecision, pOf(was.Loose), pOf(cur.Loose)},
			{"loose recall", was.LooseRecall, cur.LooseRecall, rOf(was.Loose), rOf(cur.Loose)},
		}
		for _, f := range figs {
			c := Change{Rule: id, Figure: f.name, Was: f.was, Now: f.now, WasOf: f.wasOf, NowOf: f.nowOf}
			switch {
			case f.now < f.was-1e-9:
				fell = append(fell, c)
			case f.now > f.was+1e-9:
				rose = append(rose, c)
			}
		}
	}
	silent := Change{Rule: "correct files", Figure: "with no warning or error", Count: true,
		Was: float64(base.Silent), Now: float64(now.Silent),
		WasOf: fmt.Sprintf("%d of %d", base.Silent, base.Correct), NowOf: fmt.Sprintf("%d of %d", now.Silent, now.Correct)}
	switch {
	case now.Silent < base.Silent:
		fell = append(fell, silent)
	case now.Silent > base.Silent:
		rose = append(rose, silent)
	}
	return fell, rose
}

func pOf(c Counts) string { return fmt.Sprintf("%d of %d findings right", c.TP, c.TP+c.FP) }
func rOf(c Counts) string { return fmt.Sprintf("%d of %d faults found", c.TP, c.TP+c.FN) }

// Table is the per-rule table in Markdown, as README publishes it.
func (b *Baseline) Table() string {
	return b.TableFor("[testdata/lint-corpus/](testdata/lint-corpus/)")
}

// TableFor is the table for the corpus in dir (Markdown text).
func (b *Baseline) TableFor(dir string) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "Measured on %d roadmaps in %s: %d correct, %d with %d labelled faults.\n",
		b.Files, dir, b.Correct, b.Files-b.Correct, b.All.Expected)
	fmt.Fprintf(&sb, "Correct files on which lint raises no warning or error: %d of %d.\n\n", b.Silent, b.Correct)
	sb.WriteString("| rule | faults | strict found / false alarms / missed | precision | recall | loose found / false alarms / missed | precision | recall |\n")
	sb.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|\n")
	row := func(r *RuleScore, label string) {
		fmt.Fprintf(&sb, "| %s | %d | %d / %d / %d | %s | %s | %d / %d / %d | %s | %s |\n", label, r.Expected,
			r.Strict.TP, r.Strict.FP, r.Strict.FN, pct(r.Strict.TP, r.Strict.TP+r.Strict.FP), pct(r.Strict.TP, r.Strict.TP+r.Strict.FN),
			r.Loose.TP, r.Loose.FP, r.Loose.FN, pct(r.Loose.TP, r.Loose.TP+r.Loose.FP), pct(r.Loose.TP, r.Loose.TP+r.Loose.FN))
	}
	for _, r := range b.Rules {
		label := r.Rule
		if r.Name != "" {
			label += " " + r.Name
		}
		row(r, label)
	}
	row(&b.All, "**all rules**")
	if missing := b.unmeasured(); len(missing) > 0 {
		fmt.Fprintf(&sb, "\nNot measured yet (no labelled fault in the corpus): %s.\n", strings.Join(missing, ", "))
	}
	return sb.String()
}

// unmeasured lists the rules lint has that the baseline has no row for.
func (b *Baseline) unmeasured() []string {
	have := map[string]bool{}
	for _, r := range b.Rules {
		have[r.Rule] = true
	}
	var out []string
	for _, r := range lint.Rules() {
		if !have[r.ID] {
			out = append(out, r.ID+" "+r.Name)
		}
	}
	return out
}

// pct prints a share, or – when there is nothing to divide.
func pct(n, of int) string {
	if of == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", math.Floor(100*float64(n)/float64(of)))
}
