package roadmap

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/ascii"
	"github.com/roadmapcli/roadmap/pkg/civil"
)

var (
	kindMarkerRe = regexp.MustCompile(`(?i)\(\s*(project|course|person)\s*\)`)
	personWords  = regexp.MustCompile(`(?i)\b(ask|meet|call|email|message|coffee|chat|talk|interview|shadow|pair with|introduce|mentor)\b`)
	courseWords  = regexp.MustCompile(`(?i)\b(course|class|certification|certificate|book|read|reading|workshop|bootcamp|tutorial|lecture|training|study|enrol|enroll|module|lesson)\b`)
)

// action reads a task item of the Next 30 days. Its kind marker and due
// date may be on its first line, a continuation line, or a sub-bullet
// ("  - due 2026-11-20"); the title is the item's own text without them.
func (p *parser) action(it Item, index int) Action {
	a := Action{Item: it, Index: index}
	full := it
	if len(it.Children) > 0 {
		full = it.Full()
	}
	title := it.Text
	if l, ok := ReadLabel(it.Text); ok && isKind(l.Name) {
		// "- [ ] **Course:** Finish chapters 1–3 …": the kind as a label.
		a.Kind, title = strings.ToLower(l.Name), it.Text[l.End:]
	} else if m := findKindMarker(full.Text); m != nil {
		a.Kind = strings.ToLower(m[1])
	} else {
		a.Kind, a.KindInferred = InferActionKind(it.Text), true
	}
	m := findDue(full.Text)
	if m == nil {
		m = findLooseDue(full.Text)
	}
	cut := len(it.Text) - len(title) // the kind label taken off the title
	if m != nil {
		raw := full.Text[m[4]:m[5]]
		a.DuePos = full.PosOf(m[4])
		d, err := civil.Parse(raw)
		if err != nil {
			msg, hint := dateProblem(fmt.Sprintf("action %d: due date", index), raw, err)
			p.problem(a.DuePos, SeverityWarning, "bad-date", msg, hint)
		}
		a.Due = d
		if m[1] <= len(it.Text) && m[0] >= cut {
			title = cutDueClause(it.Text[cut:], m[0]-cut, m[1]-cut)
		}
	} else if at, word := findDueWord(full.Text); at >= 0 {
		a.DueText = word
		a.DuePos = full.PosOf(at)
	}
	if strings.IndexByte(title, '(') >= 0 {
		title = kindMarkerRe.ReplaceAllString(title, "")
	}
	a.Title = strings.TrimRight(strings.Join(strings.Fields(title), " "), " —–-,;")
	return a
}

func isKind(name string) bool {
	switch strings.ToLower(name) {
	case ActionProject, ActionCourse, ActionPerson:
		return true
	}
	return false
}

// findKindMarker is kindMarkerRe's submatch, skipping the expression for
// the texts with no bracket at all.
func findKindMarker(s string) []string {
	if strings.IndexByte(s, '(') < 0 {
		return nil
	}
	return kindMarkerRe.FindStringSubmatch(s)
}

// cutDueClause removes "— due 2026-11-20" (or "(by 2026-11-20)") spanning
// text[start:end] from an action's text, with the dash or brackets around it.
func cutDueClause(text string, start, end int) string {
	before, after := text[:start], text[end:]
	if strings.HasSuffix(strings.TrimRight(before, " "), "(") && strings.HasPrefix(after, ")") {
		before = strings.TrimSuffix(strings.TrimRight(before, " "), "(")
		after = after[1:]
	}
	before = strings.TrimRight(before, " —–-,;:")
	if after != "" && before != "" {
		return before + " " + after
	}
	return before + after
}

// InferActionKind guesses an unmarked action's kind from its wording:
// people are asked, met or called; courses and books are taken or read;
// everything else is taken to be a project.
func InferActionKind(text string) string {
	switch {
	case matchesWord(personWords, text):
		return ActionPerson
	case courseWords.MatchString(text):
		return ActionCourse
	}
	return ActionProject
}

// matchesWord reports whether re matches text somewhere other than inside
// a hyphenated compound: "call" is a person word, "on-call" is not.
func matchesWord(re *regexp.Regexp, text string) bool {
	for _, m := range re.FindAllStringIndex(text, -1) {
		if (m[0] > 0 && text[m[0]-1] == '-') || (m[1] < len(text) && text[m[1]] == '-') {
			continue
		}
		return true
	}
	return false
}

// findDue finds an action's due clause, "due 2026-12-01", "by: 2026-12-01"
// or "due on 2026-12-01" (any case), and returns the indexes a regexp
// submatch would: [whole start, end, keyword start, end, date start, end],
// or nil. By hand because it runs on every action of every file, and the
// regexp it replaces (dueRegexp in the tests, which pin the two together)
// was the largest single cost of lint after YAML and Markdown.
func findDue(s string) []int {
	for i := 0; i < len(s); i++ {
		kw := dueKeywordAt(s, i)
		if kw == 0 {
			continue
		}
		j := skipSpaces(s, i+kw)
		if j < len(s) && s[j] == ':' {
			j = skipSpaces(s, j+1)
		}
		if end := civil.DateAt(s, j); end > 0 {
			return []int{i, end, i, i + kw, j, end}
		}
		if ascii.HasPrefixFold(s[j:], "on") {
			if k := skipSpaces(s, j+2); k > j+2 {
				if end := civil.DateAt(s, k); end > 0 {
					return []int{i, end, i, i + kw, k, end}
				}
			}
		}
	}
	return nil
}

// dueKeywordAt returns the length of "due" or "by" standing as a word at
// s[i:], or 0.
func dueKeywordAt(s string, i int) int {
	c := s[i] | 0x20
	if (c != 'd' && c != 'b') || ascii.WordBefore(s, i) {
		return 0
	}
	kw := 0
	switch {
	case ascii.HasPrefixFold(s[i:], "due"):
		kw = 3
	case ascii.HasPrefixFold(s[i:], "by"):
		kw = 2
	default:
		return 0
	}
	if ascii.WordAt(s, i+kw) {
		return 0
	}
	return kw
}

// findDueWord finds "due TBD" or "due: ???", a due clause whose value is a
// placeholder, and returns where the value starts and the value, or -1.
// Only "due" takes any placeholder: "by" starts too many phrases ("by
// myself"), so after "by", after the calendar emoji and where a date
// would end the first line ("— YYYY-MM-DD") only a date's format counts.
func findDueWord(s string) (int, string) {
	for i := 0; i < len(s); i++ {
		kw := dueKeywordAt(s, i)
		if kw == 0 {
			if j := calendarAt(s, i); j > 0 {
				j = skipSpaces(s, i+j)
				if n := dateFormatAt(s, j); n > 0 {
					return j, s[j : j+n]
				}
			}
			continue
		}
		j := skipSpaces(s, i+kw)
		if j < len(s) && s[j] == ':' {
			j = skipSpaces(s, j+1)
		}
		if j >= len(s) {
			continue
		}
		if n := dateFormatAt(s, j); n > 0 {
			return j, s[j : j+n]
		}
		if n := placeholderTokenAt(s, j); n > 0 && kw == 3 {
			return j, s[j : j+n]
		}
	}
	first := s
	if n := strings.IndexByte(s, '\n'); n >= 0 {
		first = s[:n]
	}
	t := strings.TrimRight(first, " .)]")
	if k := strings.LastIndexAny(t, " ([,:"); k >= 0 && k+1 < len(t) {
		if n := dateFormatAt(t, k+1); k+1+n == len(t) && n > 0 {
			before := strings.TrimRight(t[:k+1], " ")
			for _, sep := range []string{"—", "–", " -", ",", "(", "[", ":"} {
				if strings.HasSuffix(before, sep) && len(before) > len(sep) {
					return k + 1, t[k+1:]
				}
			}
		}
	}
	return -1, ""
}

// calendarEmoji are what task plugins write before a due date.
var calendarEmoji = []string{"📅", "🗓️", "🗓"}

// calendarAt returns the length of a calendar emoji at s[i:], or 0.
func calendarAt(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 0
	}
	for _, cal := range calendarEmoji {
		if strings.HasPrefix(s[i:], cal) {
			return len(cal)
		}
	}
	return 0
}

// weekdays may stand between "due" and the date: "due Fri 2026-11-20".
var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}

// findLooseDue finds the due dates people write other ways, in findDue's
// index form: a weekday between the keyword and the date ("due Fri,
// 2026-11-20"), the calendar emoji task plugins use ("📅 2026-11-20"), or
// a date that ends the item's first text after a dash, comma or bracket
// ("Scope the proposal — 2026-11-20"). Nil when there is none.
func findLooseDue(s string) []int {
	for i := 0; i < len(s); i++ {
		if kw := dueKeywordAt(s, i); kw > 0 {
			j := skipSpaces(s, i+kw)
			if ascii.HasPrefixFold(s[j:], "on ") {
				j = skipSpaces(s, j+3)
			}
			for _, w := range weekdays {
				if ascii.HasPrefixFold(s[j:], w) && !ascii.WordAt(s, j+len(w)) {
					k := j + len(w)
					if k < len(s) && (s[k] == ',' || s[k] == '.') {
						k++
					}
					k = skipSpaces(s, k)
					if end := civil.DateAt(s, k); end > 0 {
						return []int{i, end, i, i + kw, k, end}
					}
					break
				}
			}
		}
		if n := calendarAt(s, i); n > 0 {
			k := skipSpaces(s, i+n)
			if end := civil.DateAt(s, k); end > 0 {
				return []int{i, end, i, i + n, k, end}
			}
		}
	}
	// A date alone at the end of the first text, after a separator.
	first := s
	if n := strings.IndexByte(s, '\n'); n >= 0 {
		first = s[:n]
	}
	t := strings.TrimRight(first, " .)]")
	for _, sp := range civil.FindDates(t) {
		if sp[1] != len(t) {
			continue
		}
		before := strings.TrimRight(t[:sp[0]], " ")
		for _, sep := range []string{"—", "–", " -", ",", "(", "[", ":"} {
			if strings.HasSuffix(before, sep) && len(before) > len(sep) {
				start := len(before) - len(sep)
				end := len(strings.TrimRight(first, " ")) // the clause takes the closing bracket or stop
				return []int{start, end, start, start, sp[0], sp[1]}
			}
		}
	}
	return nil
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
		i++
	}
	return i
}

// ActionMarks reports what an action's text already says, as the reader
// reads it: whether it has a kind marker, and where its due clause is
// (dueStart at the dash or space before "due"/"by", dueEnd after the date;
// -1, -1 when it has none). `init --action` uses it to add only what is
// missing.
func ActionMarks(text string) (hasKind bool, dueStart, dueEnd int) {
	hasKind = findKindMarker(text) != nil
	m := findDue(text)
	if m == nil {
		return hasKind, -1, -1
	}
	start := len(strings.TrimRight(text[:m[0]], " —–-"))
	return hasKind, start, m[1]
}

// An action's status on a day, as plan, review and every format say it.
const (
	StatusDone    = "done"
	StatusOpen    = "open"
	StatusDueSoon = "due soon"
	StatusOverdue = "overdue"
)

// DueSoonDays is how close a due date must be (today included) for an open
// action to be "due soon".
const DueSoonDays = 7

// ActionStatus is an action's status on today: done when ticked; overdue
// once its due date has passed; due soon when it falls within DueSoonDays
// (today included); open otherwise, and when it has no date.
func ActionStatus(done bool, due, today civil.Date) string {
	switch {
	case done:
		return StatusDone
	case due.IsZero():
		return StatusOpen
	}
	switch d := today.DaysUntil(due); {
	case d < 0:
		return StatusOverdue
	case d <= DueSoonDays:
		return StatusDueSoon
	}
	return StatusOpen
}

// StatusOn is the action's status on today (ActionStatus).
func (a Action) StatusOn(today civil.Date) string { return ActionStatus(a.Done, a.Due, today) }
