// Package docs embeds the lint rules' documentation pages, so
// `roadmap lint --explain RM005` and SARIF output carry the same text as
// docs/rules/RM005.md on the web.
package docs

import (
	"embed"
	"regexp"
)

//go:embed rules/*.md
var rules embed.FS

// ruleIDRe is the form of a rule ID; anything else is never looked up,
// so a name like "../x" cannot reach outside rules/.
var ruleIDRe = regexp.MustCompile(`^RM[0-9]{3}$`)

// RulePage returns the Markdown documentation of a rule by its ID
// ("RM005"), and whether there is one.
func RulePage(id string) (string, bool) {
	if !ruleIDRe.MatchString(id) {
		return "", false
	}
	b, err := rules.ReadFile("rules/" + id + ".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}
