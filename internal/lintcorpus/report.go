package lintcorpus

import (
	"fmt"
	"sort"
	"strings"
)

// vagueTags are classes of writing whose misses are judgement calls of the
// vague package (phrases, names, targets); every other class is a matter of
// reading the document.
var vagueTags = map[string]bool{"phrase": true, "script": true, "target": true, "concrete": true, "hedge": true, "name": true}

// vagueRules are judged by the vague package when no tag says otherwise.
var vagueRules = map[string]bool{"RM003": true, "RM005": true, "RM008": true, "RM020": true}

// Owner says which helper a miss is most likely for: "vague" for
// concreteness and naming, "model" for the document model and the rules.
func (m Miss) Owner() string {
	tags := m.Tags()
	for _, t := range tags {
		if vagueTags[t] {
			return "vague"
		}
	}
	if len(tags) > 0 && tags[0] != "untagged" {
		return "model"
	}
	if vagueRules[m.Rule] {
		return "vague"
	}
	return "model"
}

// Tags are the label's classes, or "untagged" for a finding on a line no
// label mentions.
func (m Miss) Tags() []string {
	if m.Label != nil && len(m.Label.Tags) > 0 {
		return m.Label.Tags
	}
	return []string{"untagged"}
}

// Misses renders every false positive and false negative as Markdown,
// per rule and then per class of writing.
func Misses(r *Result, name func(string) string) string {
	var sb strings.Builder
	byRule := map[string][]Miss{}
	for _, m := range r.Misses {
		byRule[m.Rule] = append(byRule[m.Rule], m)
	}
	var rules []string
	for id := range byRule {
		rules = append(rules, id)
	}
	sort.Strings(rules)
	owners := map[string]map[string]int{}
	for _, m := range r.Misses {
		o := m.Owner()
		if owners[o] == nil {
			owners[o] = map[string]int{}
		}
		owners[o][m.Rule]++
	}
	sb.WriteString("## Misses by owner (strict)\n\n")
	for _, o := range []string{"model", "vague"} {
		var parts []string
		for _, id := range rules {
			if n := owners[o][id]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", id, n))
			}
		}
		fmt.Fprintf(&sb, "- **%s**: %s\n", o, orNone(strings.Join(parts, ", ")))
	}
	for _, id := range rules {
		ms := byRule[id]
		fn, fp := 0, 0
		for _, m := range ms {
			if m.Negative {
				fn++
			} else {
				fp++
			}
		}
		title := id
		if n := name(id); n != "" {
			title += " " + n
		}
		fmt.Fprintf(&sb, "\n## %s: %d missed, %d false alarms\n", title, fn, fp)
		for _, neg := range []bool{true, false} {
			groups := map[string][]Miss{}
			for _, m := range ms {
				if m.Negative == neg {
					k := strings.Join(m.Tags(), ", ")
					groups[k] = append(groups[k], m)
				}
			}
			var keys []string
			for k := range groups {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				what := "False alarms"
				if neg {
					what = "Missed"
				}
				fmt.Fprintf(&sb, "\n### %s, [%s] (for %s)\n", what, k, groups[k][0].Owner())
				for _, m := range groups[k] {
					loose := ""
					if m.Loose {
						loose = " (loose match: reported elsewhere in the block)"
						if !neg {
							loose = " (loose match: a labelled fault is in the block)"
						}
					}
					fmt.Fprintf(&sb, "- `%s:%d` `%s`%s\n", m.File, m.Line, strings.TrimSpace(m.Text), loose)
					if neg {
						fmt.Fprintf(&sb, "  - expected: %s\n", m.Label.Reason)
					} else {
						fmt.Fprintf(&sb, "  - got %s: %s\n", m.Got.Severity, m.Got.Message)
						if m.Label != nil {
							fmt.Fprintf(&sb, "  - must stay quiet: %s\n", m.Label.Reason)
						}
					}
				}
			}
		}
	}
	return sb.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
