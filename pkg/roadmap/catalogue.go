package roadmap

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

// SectionHeading is one section as a scaffold writes it.
type SectionHeading struct {
	Key, Heading string
	// Kind limits the section to one roadmap kind; "" means every kind.
	Kind string
}

// SectionHeadings lists the sections in the order a roadmap has them.
var SectionHeadings = []SectionHeading{
	{Key: SectionTarget, Heading: "Target"},
	{Key: SectionCandidates, Heading: "Candidates", Kind: KindExplore},
	{Key: SectionGap, Heading: "Gap"},
	{Key: SectionBridgeWork, Heading: "Bridge work", Kind: KindCareerChange},
	{Key: SectionDecision, Heading: "Decision", Kind: KindStalled},
	{Key: SectionNext30Days, Heading: "Next 30 days"},
	{Key: SectionQuarter, Heading: "Next quarter"},
	{Key: SectionLongTerm, Heading: "Years 2–3 (hypothesis)"},
	{Key: SectionReviewLog, Heading: "Review log"},
}
