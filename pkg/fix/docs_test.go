package fix

import (
	"slices"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/docs"
	"github.com/roadmapcli/roadmap/pkg/lint"
)

// Each fixable rule's page says what its fix does, and no other page
// claims a fix.
func TestFixableRulesAreDocumented(t *testing.T) {
	for _, r := range lint.Rules() {
		page, _ := docs.RulePage(r.ID)
		has := strings.Contains(page, "\n## Fix\n")
		if fixable := slices.Contains(Rules, r.ID); fixable != has {
			t.Errorf("%s: fixable %v, but its page has a Fix section: %v", r.ID, fixable, has)
		}
	}
}

// The engine fixes findings of the listed rules only.
func TestFixesOnlyListedRules(t *testing.T) {
	for name, lf := range examples(t) {
		for _, m := range mutations {
			loc := m.re.FindSubmatchIndex(lf)
			if loc == nil {
				continue
			}
			res, _ := All(defaultLint, parse(name, splice(lf, loc[0], loc[1], m.repl(submatches(lf, loc)))))
			for _, fx := range res.Applied {
				if !slices.Contains(Rules, fx.Finding.Rule) {
					t.Errorf("%s %s: fixed %s, which is not in Rules", name, m.name, fx.Finding.RuleRef())
				}
			}
		}
	}
}
