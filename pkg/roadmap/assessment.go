package roadmap

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/jsonout"
)

// SectionAssessment is the key of the "## Assessment" section: dated
// entries rating each gap dimension against the target level.
const SectionAssessment = "assessment"

// Ratings are whole numbers on this scale, against the target level: 1 is
// far from it, 5 is working at it already.
const (
	RatingMin = 1
	RatingMax = 5
)

// DisconnectGap is how far apart a self and a manager rating must be to
// count as a disconnect worth a conversation (lint RM023): two points on a
// five-point scale means the two people see different work, not a rounding
// difference.
const DisconnectGap = 2

// Assessment is one dated entry of the Assessment section:
//
//	### 2026-11-16 · with Lucía Fernández
//	- Skills: self 3, manager 3 — designs inside one service
//	- Scope: self 3, manager 1 — cross-team work not started
type Assessment struct {
	Heading Item
	Date    civil.Date
	// Note is the heading's text after the date ("with Lucía Fernández"),
	// "" when there is none.
	Note    string
	Ratings []Rating
}

// Rating is one dimension's ratings in an assessment entry.
type Rating struct {
	Item
	// Dimension is lower-case, as for gap items ("scope"); Label is as
	// written ("Scope of ownership").
	Dimension string
	Label     string
	// Self and Manager are RatingMin..RatingMax, 0 when not given.
	Self, Manager       int
	SelfPos, ManagerPos Position
	// Reason is the text after the ratings ("" when none is given).
	Reason string
}

// Rated reports whether the rating gives both a self and a manager rating.
func (r Rating) Rated() bool { return r.Self > 0 && r.Manager > 0 }

// Disconnect is how far apart the self and manager ratings are (0 when
// either is missing).
func (r Rating) Disconnect() int { return RatingGap(r.Self, r.Manager) }

// RatingGap is how far apart a self and a manager rating are; 0 when
// either is missing (0).
func RatingGap(self, manager int) int {
	if self == 0 || manager == 0 {
		return 0
	}
	if self > manager {
		return self - manager
	}
	return manager - self
}

// Rating returns the entry's rating of a dimension, and whether it has one.
func (a Assessment) Rating(dimension string) (Rating, bool) {
	for _, r := range a.Ratings {
		if r.Dimension == dimension {
			return r, true
		}
	}
	return Rating{}, false
}

// HasManager reports whether any rating in the entry is a manager's.
func (a Assessment) HasManager() bool {
	for _, r := range a.Ratings {
		if r.Manager > 0 {
			return true
		}
	}
	return false
}

// LatestAssessment returns the latest dated entry of the Assessment
// section (of two on one day, the later in the file), and whether there is
// one. The latest entry is the current assessment: gap, export and lint
// read it alone, so an entry rates every dimension it means to.
func (d *Document) LatestAssessment() (Assessment, bool) {
	var best Assessment
	found := false
	for _, a := range d.Assessments {
		if a.Date.IsZero() {
			continue
		}
		if !found || !a.Date.Before(best.Date) {
			best, found = a, true
		}
	}
	return best, found
}

// AssessmentJSON is an entry in the stable shape documented in
// docs/assessment.md.
type AssessmentJSON struct {
	Date    *civil.Date  `json:"date"`
	Note    string       `json:"note"`
	Ratings []RatingJSON `json:"ratings"`
	Line    int          `json:"line"`
	Column  int          `json:"column"`
}

// RatingJSON is one dimension's rating in AssessmentJSON.
type RatingJSON struct {
	Dimension string `json:"dimension"`
	Label     string `json:"label"`
	Self      int    `json:"self"`
	Manager   int    `json:"manager"`
	Reason    string `json:"reason"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
}

// MarshalJSON writes the documented shape wherever an entry is printed
// (show, gap, status), through the one JSON encoding.
func (a Assessment) MarshalJSON() ([]byte, error) { return jsonout.Marshal(a.JSON()) }

// JSON is the entry in its documented JSON shape.
func (a Assessment) JSON() AssessmentJSON {
	v := AssessmentJSON{Note: a.Note, Ratings: []RatingJSON{}, Line: a.Heading.Pos.Line, Column: a.Heading.Pos.Column}
	if !a.Date.IsZero() {
		v.Date = &a.Date
	}
	for _, r := range a.Ratings {
		v.Ratings = append(v.Ratings, RatingJSON{Dimension: r.Dimension, Label: r.Label, Self: r.Self, Manager: r.Manager,
			Reason: r.Reason, Line: r.Pos.Line, Column: r.Pos.Column})
	}
	return v
}

var (
	// plainRatingLabelRe is "Skills:" or "Domain knowledge:" at the start
	// of a rating: words without digits before a colon.
	plainRatingLabelRe = regexp.MustCompile(`^([^\d:*_\[\]]{1,40}?)\s*:\s*`)
	raterRe            = regexp.MustCompile(`(?i)^(self|me|manager|mgr)\b\s*[:=]?\s*`)
	ratingNumberRe     = regexp.MustCompile(`^(\d+)(?:\s*/\s*5\b)?`)
)

// collectAssessments reads the Assessment section: each H3 heading starts
// a dated entry, and each list item after it rates one dimension.
func (p *parser) collectAssessments() {
	s := p.doc.Section(SectionAssessment)
	if s == nil {
		return
	}
	heads, items := s.Subheadings, s.Items
	for i, j := 0, 0; i < len(heads) || j < len(items); {
		if j >= len(items) || (i < len(heads) && heads[i].Pos.Line < items[j].Pos.Line) {
			p.assessmentEntry(heads[i])
			i++
			continue
		}
		it := items[j]
		j++
		n := len(p.doc.Assessments)
		if n == 0 {
			p.problem(it.Pos, SeverityWarning, "assessment-entry",
				"an assessment rating comes before any dated entry",
				"put it under a `### YYYY-MM-DD` heading in the Assessment section")
			continue
		}
		entry := &p.doc.Assessments[n-1]
		r, ok := p.rating(it, entry)
		if ok {
			entry.Ratings = append(entry.Ratings, r)
		}
	}
}

func (p *parser) assessmentEntry(h Item) {
	a := Assessment{Heading: h}
	date, note, ok := datedHeading(h.Text)
	if !ok {
		p.problem(h.Pos, SeverityWarning, "assessment-heading",
			fmt.Sprintf("assessment entry %q does not start with a date", h.Text),
			"write `### YYYY-MM-DD`, then one `- Skills: self 3, manager 2 — why` line per dimension")
	} else {
		d, err := civil.Parse(date)
		if err != nil {
			msg, hint := dateProblem("assessment entry date", date, err)
			p.problem(h.Pos, SeverityWarning, "bad-date", msg, hint)
		}
		a.Date, a.Note = d, note
	}
	p.doc.Assessments = append(p.doc.Assessments, a)
}

const ratingHint = "write `- Skills: self 3, manager 2 — why`: self and manager each from 1 to 5 against the target level, the manager's optional"

// rating reads one rating line of an entry.
func (p *parser) rating(it Item, entry *Assessment) (Rating, bool) {
	r := Rating{Item: it}
	s := it.Text
	at := 0
	if l, ok := ReadLabel(s); ok && l.Emphasised {
		r.Label, at = l.Name, l.End
	} else if m := plainRatingLabelRe.FindStringSubmatch(s); m != nil {
		r.Label = strings.TrimSpace(m[1])
		at = len(m[0])
	}
	if r.Label == "" {
		p.problem(it.Pos, SeverityWarning, "assessment-rating",
			fmt.Sprintf("assessment rating %q names no dimension", clip(s)), ratingHint)
		return r, false
	}
	r.Dimension = dimensionOf(r.Label)
	first := true
	for {
		at = skipRatingSeparators(s, at)
		rest := s[at:]
		who := "self"
		if m := raterRe.FindStringSubmatch(rest); m != nil {
			if w := strings.ToLower(m[1]); w == "manager" || w == "mgr" {
				who = "manager"
			}
			rest = rest[len(m[0]):]
		} else if !first {
			break
		}
		m := ratingNumberRe.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		numAt := len(s) - len(rest)
		pos := it.PosOf(numAt + m[2])
		n, err := strconv.Atoi(rest[m[2]:m[3]])
		if err != nil || n < RatingMin || n > RatingMax {
			p.problem(pos, SeverityWarning, "assessment-rating",
				fmt.Sprintf("the %s rating of %s is %s, outside %d–%d", who, r.Dimension, rest[m[2]:m[3]], RatingMin, RatingMax), ratingHint)
			n = 0
		}
		switch {
		case who == "self" && r.SelfPos.IsZero():
			r.Self, r.SelfPos = n, pos
		case who == "manager" && r.ManagerPos.IsZero():
			r.Manager, r.ManagerPos = n, pos
		default:
			p.problem(pos, SeverityWarning, "assessment-rating",
				fmt.Sprintf("%s has two %s ratings in one line; only the first is read", r.Dimension, who), ratingHint)
		}
		at = numAt + m[1]
		first = false
	}
	if r.SelfPos.IsZero() && r.ManagerPos.IsZero() {
		p.problem(it.Pos, SeverityWarning, "assessment-rating",
			fmt.Sprintf("assessment rating %q gives no number", clip(s)), ratingHint)
		return r, false
	}
	r.Reason = strings.TrimSpace(strings.TrimLeft(s[at:], " \t—–-:;,.("))
	if strings.HasPrefix(strings.TrimSpace(s[at:]), "(") {
		r.Reason = strings.TrimSuffix(r.Reason, ")")
	}
	if prev, dup := entry.Rating(r.Dimension); dup {
		p.problem(it.Pos, SeverityWarning, "assessment-rating",
			fmt.Sprintf("%s is rated twice in the %s assessment (line %d); only the first is read", r.Dimension, entry.Date, prev.Pos.Line),
			"keep one line per dimension in each entry")
		return r, false
	}
	return r, true
}

// skipRatingSeparators skips the spaces and punctuation people put between
// two ratings ("self 3, manager 2", "self 3 / manager 2", "self 3 · mgr 2").
func skipRatingSeparators(s string, i int) int {
	for i < len(s) {
		switch {
		case strings.ContainsRune(" \t,;/|", rune(s[i])):
			i++
		case strings.HasPrefix(s[i:], "·"):
			i += len("·")
		default:
			return i
		}
	}
	return i
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// NewAssessment is an assessment entry to append.
type NewAssessment struct {
	Date civil.Date
	// Note follows the date in the heading ("quarterly"); may be empty.
	Note    string
	Ratings []NewRating
}

// Heading is the entry's heading text: the date, then " · " and the note.
func (a NewAssessment) Heading() string {
	if a.Note == "" {
		return a.Date.String()
	}
	return a.Date.String() + " · " + a.Note
}

// NewRating is one line of a new entry.
type NewRating struct {
	// Label is the dimension as the line names it ("Skills").
	Label         string
	Self, Manager int
	Reason        string
}

// Line is the rating as written: "Skills: self 3, manager 2 — reason".
func (r NewRating) Line() string {
	var parts []string
	if r.Self > 0 {
		parts = append(parts, "self "+strconv.Itoa(r.Self))
	}
	if r.Manager > 0 {
		parts = append(parts, "manager "+strconv.Itoa(r.Manager))
	}
	s := r.Label + ": " + strings.Join(parts, ", ")
	if r.Reason != "" {
		s += " — " + r.Reason
	}
	return s
}

// AppendAssessment returns the edit that appends a dated entry at the end
// of the Assessment section; without one, it adds the section before the
// Review log, else at the end of the file.
func (d *Document) AppendAssessment(a NewAssessment) (Edit, error) {
	if err := d.editable(); err != nil {
		return Edit{}, err
	}
	if a.Date.IsZero() {
		return Edit{}, d.editErr("an assessment entry needs a date")
	}
	if len(a.Ratings) == 0 {
		return Edit{}, d.editErr("an assessment entry needs at least one rating")
	}
	if a.Note != "" {
		if err := d.oneLine("assessment note", a.Note); err != nil {
			return Edit{}, err
		}
	}
	nl := d.Newline()
	var entry strings.Builder
	entry.WriteString("### " + a.Heading())
	for _, r := range a.Ratings {
		if strings.TrimSpace(r.Label) == "" || strings.ContainsAny(r.Label, ":*_") {
			return Edit{}, d.editErr(fmt.Sprintf("dimension %q cannot be written as a rating label", r.Label))
		}
		for _, n := range []int{r.Self, r.Manager} {
			if n != 0 && (n < RatingMin || n > RatingMax) {
				return Edit{}, d.editErr(fmt.Sprintf("rating %d of %s is outside %d–%d", n, r.Label, RatingMin, RatingMax))
			}
		}
		if r.Self == 0 && r.Manager == 0 {
			return Edit{}, d.editErr(fmt.Sprintf("%s has neither a self nor a manager rating", r.Label))
		}
		if err := d.oneLine("rating", r.Line()); err != nil {
			return Edit{}, err
		}
		entry.WriteString(nl + "- " + r.Line())
	}
	what := "append assessment " + a.Date.String()
	if s := d.Section(SectionAssessment); s != nil {
		at := d.rawLineEnd(s.EndLine)
		return Edit{Start: at, End: at, Text: []byte(nl + entry.String()), What: what}, nil
	}
	body := "## Assessment" + nl + entry.String()
	if s := d.Section(SectionReviewLog); s != nil {
		at := d.rawLineStart(s.Pos.Line)
		return Edit{Start: at, End: at, Text: []byte(body + nl + nl), What: what + " in a new Assessment section"}, nil
	}
	at, text := d.appendAtEnd(body)
	return Edit{Start: at, End: at, Text: []byte(text), What: what + " in a new Assessment section"}, nil
}
