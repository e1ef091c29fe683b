package lint

import (
	"strings"
)

// Rule is one check of the catalogue. Its ID never changes; Name is the
// readable alias ("action-concrete").
type Rule struct {
	ID       string
	Name     string
	Severity Severity
	// Summary is one line: what a roadmap must do to pass.
	Summary string
	// Kinds limits the rule to some roadmap kinds; empty means every kind.
	Kinds []string
	check func(c *Context)
}

// DocURL is where the rule's documentation page lives.
func (r *Rule) DocURL() string {
	return "https://github.com/roadmapcli/roadmap/blob/main/docs/rules/" + r.ID + ".md"
}

func (r *Rule) appliesTo(kind string) bool {
	if len(r.Kinds) == 0 {
		return true
	}
	for _, k := range r.Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Rules returns the catalogue in ID order.
func Rules() []*Rule { return catalogue }

// Lookup finds a rule by ID ("RM005", "rm5" is not accepted) or name
// ("action-concrete"), case-insensitively.
func Lookup(idOrName string) *Rule {
	s := strings.TrimSpace(idOrName)
	for _, r := range catalogue {
		if strings.EqualFold(r.ID, s) || strings.EqualFold(r.Name, s) {
			return r
		}
	}
	return nil
}

// ruleNames lists every ID and name, for "did you mean".
func ruleNames() []string {
	out := make([]string, 0, 2*len(catalogue))
	for _, r := range catalogue {
		out = append(out, r.ID, r.Name)
	}
	return out
}
