package roadmap

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// What format 1 defines, for editors and tools that offer it while a
// person types: the frontmatter keys under each parent, and the heading
// each section is written with in the method's words.

// FrontmatterKeys returns the keys format 1 defines under parent: "" for
// the top level, "current", "target" or "cadence"; nil for anything else.
func FrontmatterKeys(parent string) []string {
	switch parent {
	case "":
		return topKeys
	case "current":
		return roleKeys
	case "target":
		return targetKeys
	case "cadence":
		return cadenceKeys
	}
	return nil
}

// SectionHeading is one section in a roadmap's order, with the heading
// the format writes for it (SectionNames).
type SectionHeading struct {
	Key, Heading string
	// Kind limits the section to one roadmap kind; "" means every kind.
	Kind string
}

// SectionHeadings lists the sections in the order a roadmap has them.
var SectionHeadings = func() []SectionHeading {
	order := []SectionHeading{
		{Key: SectionTarget}, {Key: SectionCandidates, Kind: KindExplore}, {Key: SectionGap},
		{Key: SectionBridgeWork, Kind: KindCareerChange}, {Key: SectionDecision, Kind: KindStalled},
		{Key: SectionNext30Days}, {Key: SectionQuarter}, {Key: SectionLongTerm}, {Key: SectionAssessment},
		{Key: SectionReviewLog},
	}
	for i := range order {
		order[i].Heading = SectionNames[order[i].Key]
	}
	return order
}()

// HeadingSpelling is the heading text to write in place of heading when
// it is a misspelling of exactly one name of section key ("Nxt 30 days"
// is "Next 30 days", "Long trem" is "Long term"), else "". A heading with
// anything around the name (numbering, emoji, an aside, other words) gets
// none: rewriting it would lose that, and a resemblance ("This week's
// actions") is not a misspelling.
func HeadingSpelling(heading, key string) string {
	h := strings.TrimSpace(heading)
	for _, r := range h {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '-' || r == '–' || r == '\'') {
			return ""
		}
	}
	n := normalizeHeading(h)
	alias := suggest.Unique(n, nearNames)
	if alias == "" || alias == n || sectionAliases[alias] != key {
		return ""
	}
	if name := SectionNames[key]; normalizeHeading(name) == alias {
		return name
	}
	if r, size := utf8.DecodeRuneInString(h); unicode.IsUpper(r) && size > 0 {
		return strings.ToUpper(alias[:1]) + alias[1:]
	}
	return alias
}
