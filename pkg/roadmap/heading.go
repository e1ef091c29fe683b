package roadmap

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/ascii"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// sectionAliases maps normalised headings to section keys: the names the
// method uses and the synonyms people clearly mean by them. README's file
// format section lists them all (a test keeps the two in step).
var sectionAliases = map[string]string{
	"target": SectionTarget, "target role": SectionTarget, "the target": SectionTarget, "my target": SectionTarget,
	"target position": SectionTarget, "goal": SectionTarget, "the goal": SectionTarget, "my goal": SectionTarget,
	"goal role": SectionTarget,

	"gap": SectionGap, "the gap": SectionGap, "gaps": SectionGap, "the gaps": SectionGap, "gap analysis": SectionGap,
	"skills gap": SectionGap,

	"next 30 days": SectionNext30Days, "the next 30 days": SectionNext30Days, "30 days": SectionNext30Days,
	"first 30 days": SectionNext30Days, "30-day plan": SectionNext30Days, "30 day plan": SectionNext30Days,
	"30-day actions": SectionNext30Days, "30 day actions": SectionNext30Days, "next month": SectionNext30Days,
	"the next month": SectionNext30Days, "this month": SectionNext30Days, "next four weeks": SectionNext30Days,
	"next 4 weeks": SectionNext30Days, "the next four weeks": SectionNext30Days, "now": SectionNext30Days,

	"next quarter": SectionQuarter, "the next quarter": SectionQuarter, "quarter": SectionQuarter,
	"this quarter": SectionQuarter, "next 90 days": SectionQuarter, "90-day plan": SectionQuarter,
	"90 day plan": SectionQuarter, "next 3 months": SectionQuarter, "next three months": SectionQuarter,
	"the next three months": SectionQuarter, "the quarter ahead": SectionQuarter, "next": SectionQuarter,

	"years 2-3": SectionLongTerm, "year 2-3": SectionLongTerm, "years 2 to 3": SectionLongTerm,
	"years two to three": SectionLongTerm, "years 2 and 3": SectionLongTerm, "years two and three": SectionLongTerm,
	"2-3 years": SectionLongTerm, "long term": SectionLongTerm, "long-term": SectionLongTerm,
	"longer term": SectionLongTerm, "longer-term": SectionLongTerm, "long range": SectionLongTerm,
	"long-range": SectionLongTerm, "beyond year 1": SectionLongTerm, "beyond year one": SectionLongTerm,
	"later": SectionLongTerm,

	"review log": SectionReviewLog, "reviews": SectionReviewLog, "review history": SectionReviewLog,
	"review notes": SectionReviewLog, "check-ins": SectionReviewLog, "check-in log": SectionReviewLog,
	"progress log": SectionReviewLog,

	"bridge work": SectionBridgeWork, "bridge": SectionBridgeWork, "bridge plan": SectionBridgeWork,
	"bridging work": SectionBridgeWork, "bridge milestones": SectionBridgeWork, "transition plan": SectionBridgeWork,

	"decision": SectionDecision, "the decision": SectionDecision, "stay or switch": SectionDecision,
	"stay or go": SectionDecision, "stay or leave": SectionDecision, "switch or stay": SectionDecision,
	"the choice": SectionDecision, "decision point": SectionDecision,

	"candidates": SectionCandidates, "candidate roles": SectionCandidates, "candidate paths": SectionCandidates,
	"roles to explore": SectionCandidates, "options": SectionCandidates, "the options": SectionCandidates,

	"assessment": SectionAssessment, "self-assessment": SectionAssessment, "ratings": SectionAssessment,
	"self assessment": SectionAssessment,
}

// aliasIndex is sectionAliases by canonical form (canonHeading): what a
// heading is looked up in.
var aliasIndex = func() map[string]string {
	out := make(map[string]string, len(sectionAliases))
	for a, k := range sectionAliases {
		out[canonHeading(a)] = k
	}
	return out
}()

// aliasJoined is aliasIndex with the spaces taken out: "## Reviewlog",
// "## Nextquarter".
var aliasJoined = func() map[string]string {
	out := make(map[string]string, len(aliasIndex))
	for a, k := range aliasIndex {
		out[strings.ReplaceAll(a, " ", "")] = k
	}
	return out
}()

// variantOf is the key of the alias a canonical heading is a variant of:
// the same words run together ("Reviewlog"), or its last word singular
// for plural or plural for singular ("Next 30 day", "Review logs"). "" when
// none.
func variantOf(h string) string {
	if len(h) < 5 || len(h) > 40 {
		return ""
	}
	if strings.IndexByte(h, ' ') < 0 {
		if k, ok := aliasJoined[h]; ok {
			return k // "Reviewlog"
		}
		return "" // one word: "Goals" is not "Goal"'s plural here
	}
	if t, ok := strings.CutSuffix(h, "s"); ok {
		if k, ok := aliasIndex[t]; ok {
			return k
		}
	}
	return aliasIndex[h+"s"]
}

// numberWords are the numbers a heading may spell out ("Next thirty
// days" is "Next 30 days", "Years two to three" is "Years 2 to 3") and
// the spans it may abbreviate ("Next qtr").
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirty": "30", "sixty": "60", "ninety": "90",
	// abbreviations of the spans: "Next qtr", "Next 4 wks", "Yrs 2-3"
	"qtr": "quarter", "wks": "weeks", "yrs": "years", "yr": "year", "mos": "months", "mths": "months",
}

// canonHeading is a normalised heading in the one spelling headings are
// compared in: numbers in digits ("thirty" is "30") and spans in full
// ("qtr" is "quarter"), a hyphen inside a
// word a space ("Review-log", "30-day", "long-term"; a range "2-3" stays),
// and a number run into its unit split from it ("30days").
func canonHeading(h string) string {
	if !needsCanon(h) {
		return h
	}
	var b strings.Builder
	for i, w := range strings.Split(h, " ") {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, part := range strings.Split(w, "-") {
			if d, ok := numberWords[part]; ok {
				part = d
			}
			if j > 0 {
				if isDigitEnd(b.String()) && part != "" && isDigit(part[0]) {
					b.WriteByte('-') // "2-3": a range
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(splitNumberUnit(part))
		}
	}
	return b.String()
}

// needsCanon is a quick test: most headings have no hyphen, no digit run
// into letters and no number word.
func needsCanon(h string) bool {
	for i := 1; i < len(h); i++ {
		if isDigit(h[i-1]) && 'a' <= h[i] && h[i] <= 'z' {
			return true
		}
		// a hyphen inside a word; "2-3" is a range
		if h[i] == '-' && !(isDigit(h[i-1]) && i+1 < len(h) && isDigit(h[i+1])) {
			return true
		}
	}
	for _, w := range strings.Fields(h) {
		if _, ok := numberWords[w]; ok {
			return true
		}
	}
	return false
}

func isDigitEnd(s string) bool { return s != "" && isDigit(s[len(s)-1]) }

// splitNumberUnit splits "30days" into "30 days"; "q1", "h2", "2027"
// and "1st" stay.
func splitNumberUnit(w string) string {
	i := 0
	for i < len(w) && isDigit(w[i]) {
		i++
	}
	if i < 2 || i == len(w) {
		return w
	}
	switch w[i:] {
	case "st", "nd", "rd", "th", "s":
		return w // "2nd", "1990s"
	}
	return w[:i] + " " + w[i:]
}

// SectionNames are the headings the format itself writes, by key: what a
// "did you mean" suggests.
var SectionNames = map[string]string{
	SectionTarget: "Target", SectionGap: "Gap", SectionNext30Days: "Next 30 days", SectionQuarter: "Next quarter",
	SectionLongTerm: "Years 2–3 (hypothesis)", SectionReviewLog: "Review log", SectionBridgeWork: "Bridge work",
	SectionDecision: "Decision", SectionCandidates: "Candidates", SectionAssessment: "Assessment",
}

// looseSingles are the one-word aliases that still name their section
// inside a longer heading ("## Skills gap to close", "## Target companies");
// other single words ("reviews", "options", "goal") are too common in
// headings about something else.
var looseSingles = map[string]bool{"gap": true, "gaps": true, "target": true, "bridge": true, "decision": true, "candidates": true,
	"assessment": true}

// aliasWords are the aliases that may be found inside a longer heading,
// split into words, longest first.
var aliasWords = func() [][]string {
	var out [][]string
	for a := range aliasIndex {
		if w := headingWords(a); len(w) > 1 || looseSingles[a] {
			out = append(out, w)
		}
	}
	// Longest first; equal lengths in a fixed order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && lessWords(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

func lessWords(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return strings.Join(a, " ") < strings.Join(b, " ")
}

// SectionKey returns the key a heading's text stands for, or "": the
// heading is a known name after normalisation ("## 3. Next 30 days 🎯"),
// or holds one as whole words ("## Next 30 days: what I will ship").
func SectionKey(heading string) string {
	key, _ := sectionMatch(heading)
	return key
}

// isSectionAlias reports whether a heading is exactly a section's name.
func isSectionAlias(heading string) bool {
	_, exact := sectionMatch(heading)
	return exact
}

// sectionMatch finds the section a heading names, and whether it is the
// whole heading (exact) or words inside it.
func sectionMatch(heading string) (key string, exact bool) {
	h := canonHeading(normalizeHeading(heading))
	if k, ok := aliasIndex[h]; ok {
		return k, true
	}
	if k := variantOf(h); k != "" {
		return k, true
	}
	words := headingWords(h)
	if len(words) == 0 {
		return "", false
	}
	if isQuarterName(words) {
		return SectionQuarter, false // "## Q1 2027"
	}
	best, bestAt := "", len(words)
	for _, a := range aliasWords {
		if len(a) > len(words) {
			continue
		}
		if at := indexWords(words, a); at >= 0 && at < bestAt {
			best, bestAt = aliasIndex[strings.Join(a, " ")], at
		}
	}
	if best == "" && strings.Contains(strings.ToLower(heading), "hypothes") {
		// "## 2027–2028 (hypothesis)": the later years named, marked as
		// the method marks years 2–3.
		return SectionLongTerm, false
	}
	return best, false
}

// isQuarterName reports whether a heading is a quarter's name: "Q1",
// "Q1 2027", "2027 Q1".
func isQuarterName(words []string) bool {
	q := 0
	for _, w := range words {
		switch {
		case len(w) == 2 && w[0] == 'q' && '1' <= w[1] && w[1] <= '4':
			q++
		case len(w) == 4 && allDigits(w):
		default:
			return false
		}
	}
	return q == 1
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func indexWords(words, sub []string) int {
	for i := 0; i+len(sub) <= len(words); i++ {
		j := 0
		for j < len(sub) && words[i+j] == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// headingWords splits a normalised heading into words; hyphens and
// apostrophes stay inside them ("30-day", "i'll"), a possessive goes
// ("quarter's" is "quarter").
func headingWords(h string) []string {
	words := strings.FieldsFunc(h, func(r rune) bool {
		return !ascii.IsWordRune(r) && r != '-' && r != '\''
	})
	for i, w := range words {
		words[i] = strings.Trim(strings.TrimSuffix(w, "'s"), "-'")
	}
	return words
}

// headingReplacer is built once: building a Replacer costs more than using it.
var headingReplacer = strings.NewReplacer("–", "-", "—", "-", "‑", "-", "*", "", "_", " ", "`", "", "&", " and ", "’", "'")

// normalizeHeading lower-cases a heading and drops what decorates it:
// emphasis, emoji and symbols, a leading number ("3.", "II)", "Step 2:"),
// parenthesised asides, and trailing punctuation.
func normalizeHeading(h string) string {
	h = strings.ToLower(h)
	h = headingReplacer.Replace(h)
	h = dropParenthesized(h)
	h = dropSymbols(h)
	h = strings.Join(strings.Fields(h), " ")
	h = dropNumbering(h)
	h = strings.TrimRight(h, " :.!?,;-|/")
	h = strings.TrimLeft(h, " :.!?,;-|/#")
	// "2 - 3" is "2-3".
	if strings.Contains(h, " - ") || strings.Contains(h, "- ") || strings.Contains(h, " -") {
		h = joinDigitRanges(h)
	}
	return h
}

// dropSymbols removes emoji, pictographs and their joiners and selectors.
func dropSymbols(h string) string {
	clean := true
	for _, r := range h {
		if r >= utf8.RuneSelf && isDecoration(r) {
			clean = false
			break
		}
	}
	if clean {
		return h
	}
	var b strings.Builder
	for _, r := range h {
		if r >= utf8.RuneSelf && isDecoration(r) {
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDecoration(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Me, r) || (r >= 0xFE00 && r <= 0xFE0F) || r == '→' || r == '·' || r == '•' || r == '|'
}

// dropNumbering removes a leading "3.", "3)", "III.", "A.", "Step 3:",
// "Part 2 -" from a normalised heading; "30 days" keeps its number.
func dropNumbering(h string) string {
	rest := h
	for _, w := range []string{"step ", "part ", "section ", "phase "} {
		if strings.HasPrefix(rest, w) {
			rest = rest[len(w):]
			break
		}
	}
	i := 0
	for i < len(rest) && '0' <= rest[i] && rest[i] <= '9' {
		i++
	}
	if i == 0 {
		for i < len(rest) && strings.IndexByte("ivxlc", rest[i]) >= 0 {
			i++
		}
		if i == 0 && len(rest) > 1 && 'a' <= rest[0] && rest[0] <= 'z' && (rest[1] == '.' || rest[1] == ')') {
			i = 1
		}
	}
	if i == 0 || i >= len(rest) {
		return h
	}
	j := i
	switch {
	case rest[j] == '.' || rest[j] == ')' || rest[j] == ':':
		j++
	case rest != h && rest[j] == ' ': // "step 3 next 30 days"
	case strings.HasPrefix(rest[j:], " - "):
		j += 2
	default:
		return h
	}
	if j < len(rest) && rest[j] != ' ' {
		return h // "3.5 years" is not numbering
	}
	return strings.TrimLeft(rest[j:], " -:")
}

func joinDigitRanges(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); i++ {
		if h[i] == ' ' || h[i] == '-' {
			j := i
			for j < len(h) && h[j] == ' ' {
				j++
			}
			if j < len(h) && h[j] == '-' && i > 0 && isDigit(h[i-1]) {
				k := j + 1
				for k < len(h) && h[k] == ' ' {
					k++
				}
				if k < len(h) && isDigit(h[k]) {
					b.WriteByte('-')
					i = k - 1
					continue
				}
			}
		}
		b.WriteByte(h[i])
	}
	return b.String()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// dropParenthesized removes "(…)" groups and the spaces before them:
// "Years 2-3 (hypothesis)" is "Years 2-3". An unclosed "(" stays.
func dropParenthesized(h string) string {
	if strings.IndexByte(h, '(') < 0 {
		return h
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(h, '(')
		if open < 0 {
			break
		}
		closing := strings.IndexByte(h[open:], ')')
		if closing < 0 {
			break
		}
		b.WriteString(strings.TrimRight(h[:open], " \t\n\f\r"))
		h = h[open+closing+1:]
	}
	b.WriteString(h)
	return b.String()
}

// assignSectionKeys gives each section its key once the whole body is
// read: headings that are exactly a known name first, then headings that
// hold one among other words, each key to its first section. A second
// exact heading of a key is reported; a second loose one is just another
// section. A heading left without a key that resembles a missing section
// records it in Near, for the rule that misses the section to point there.
func (p *parser) assignSectionKeys() {
	type match struct {
		key   string
		exact bool
	}
	matches := make([]match, len(p.doc.Sections))
	taken := map[string]bool{}
	for i, s := range p.doc.Sections {
		k, exact := sectionMatch(s.Heading)
		matches[i] = match{k, exact}
		if k == "" || !exact {
			continue
		}
		if taken[k] {
			p.problem(s.Pos, SeverityWarning, "duplicate-section",
				fmt.Sprintf("a second %q section; only the first is read", s.Heading),
				"merge the two sections into one")
			continue
		}
		taken[k] = true
		s.Key = k
	}
	for i, s := range p.doc.Sections {
		if m := matches[i]; m.key != "" && !m.exact && !taken[m.key] {
			taken[m.key] = true
			s.Key = m.key
		}
	}
	type nearness struct {
		key  string
		typo bool
	}
	seen := map[string]nearness{} // a heading written many times is measured once
	for i, s := range p.doc.Sections {
		if s.Key != "" || matches[i].key != "" {
			continue
		}
		n, ok := seen[s.Heading]
		if !ok && len(seen) == maxNearHeadings {
			break // a file of this many unknown headings is not a plan to hint at
		}
		if !ok {
			n.key, n.typo = nearSection(s.Heading)
			seen[s.Heading] = n
		}
		if near, typo := n.key, n.typo; near != "" && !taken[near] {
			s.Near, s.Misspelt = near, typo
		}
	}
}

// maxNearHeadings bounds the unknown headings measured against the known
// names for a "did you mean": a roadmap has a dozen headings, and a file
// of a hundred thousand must not cost a distance table each.
const maxNearHeadings = 64

// nearHints are words that show which section a heading was meant to be
// when it names none: "## Actions this week", "## Future".
var nearHints = []struct {
	word, key string
}{
	{"month", SectionNext30Days}, {"weeks", SectionNext30Days}, {"week", SectionNext30Days}, {"30", SectionNext30Days},
	{"actions", SectionNext30Days}, {"steps", SectionNext30Days}, {"todo", SectionNext30Days},
	{"quarter", SectionQuarter}, {"90", SectionQuarter}, {"quarterly", SectionQuarter},
	{"years", SectionLongTerm}, {"future", SectionLongTerm}, {"hypothesis", SectionLongTerm},
	{"review", SectionReviewLog}, {"check-in", SectionReviewLog}, {"retro", SectionReviewLog},
	{"gap", SectionGap}, {"skills", SectionGap}, {"missing", SectionGap},
	{"role", SectionTarget}, {"aim", SectionTarget},
	{"bridging", SectionBridgeWork}, {"milestones", SectionBridgeWork},
	{"decide", SectionDecision}, {"choice", SectionDecision},
	{"candidate", SectionCandidates}, {"roles", SectionCandidates},
}

// nearSection is the key of the known section a heading resembles: a
// misspelt name ("Nxt 30 days", typo true), or a word that only one
// section is about.
func nearSection(heading string) (key string, typo bool) {
	h := normalizeHeading(heading)
	if h == "" {
		return "", false
	}
	if a := suggest.Nearest(h, nearNames); a != "" {
		// "Next 60 days" is near "Next 30 days" but names another span:
		// a hint, not a misspelling to rename.
		return sectionAliases[a], digitsOf(a) == digitsOf(h)
	}
	for _, w := range headingWords(h) {
		for _, hint := range nearHints {
			if w == hint.word {
				return hint.key, false
			}
		}
	}
	return "", false
}

// nearNames are the aliases a misspelt heading is compared with, sorted
// so that the suggestion does not depend on map order.
var nearNames = func() []string {
	var out []string
	for a := range sectionAliases {
		// "Now", "Next" and "Later" are read when written, but too short
		// and common to be what a misspelling meant.
		if len(a) >= 4 && a != "next" && a != "later" {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}()

func digitsOf(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b = append(b, s[i])
		}
	}
	return string(b)
}
