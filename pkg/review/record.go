package review

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// itemPrefix is a list marker or checkbox typed before an action's text.
var itemPrefix = regexp.MustCompile(`^(?:[-*+](?: |$))?(?:\[[ xX]?\](?: |$))?`)

// ActionCount is how many actions the method pins for the next 30 days.
const ActionCount = 3

// Record is what a person says about a review: the inputs of
// `roadmap review --record`.
type Record struct {
	Date civil.Date
	// Kind is check-in, quarterly, rewrite or re-plan.
	Kind  string
	Notes []string
	// Done are 1-based action numbers, as `roadmap show` prints them.
	Done []int
	// Actions are the next three actions to pin, or none to keep the
	// current ones.
	Actions []string
	// KeepActions carries the open actions into the new 30-day window:
	// each one due outside it is given a date inside it (see Plan.keep).
	KeepActions bool
	// Ratings, when given, become a dated entry of the Assessment section.
	Ratings []Rate
}

// Redated is an action kept into the new window with a new due date.
type Redated struct {
	Index int        `json:"index"`
	Title string     `json:"title"`
	From  civil.Date `json:"from"`
	To    civil.Date `json:"to"`
}

// UsageError is a Record that cannot be applied to the document because
// of what was asked (a bad action number, two actions instead of three).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Plan is a review record turned into edits, and what they do.
type Plan struct {
	Entry roadmap.NewReview
	Edits []roadmap.Edit
	// Result is the file's bytes with the edits applied, verified by
	// parsing them again.
	Result []byte
	// Ticked are the actions this record marks done; AlreadyDone those
	// asked for that were done before.
	Ticked      []ActionState
	AlreadyDone []int
	// Pinned are the new actions as written into the file; DueDefaulted
	// their 1-based numbers among them that had no due date and were
	// given the end of the new 30-day window.
	Pinned       []string
	DueDefaulted []int
	// Carried are the notes added to the entry so that replaced actions
	// are not lost, and kept ones that moved are seen ("Done: …",
	// "Dropped: … (due …)", "Kept: … (due …, now …)").
	Carried []string
	// Redated are the open actions kept with a new due date.
	Redated []Redated
	// Warnings are things worth saying that do not stop the record.
	Warnings []string
	// Assessment is the entry appended to the Assessment section; nil
	// when the record rates nothing.
	Assessment *roadmap.NewAssessment
}

// PlanRecord turns rec into byte-splice edits of doc: a dated entry at the
// end of the review log (with the notes, and a line for each action
// ticked or replaced), a tick for each done action, and, with three new
// actions, those in place of the old task items. Unfinished actions that
// are replaced are carried into the entry, so nothing is lost. The result
// is parsed again and checked before it is returned.
func PlanRecord(doc *roadmap.Document, rec Record) (*Plan, error) {
	if err := doc.Err(); err != nil {
		return nil, err
	}
	if rec.Date.IsZero() {
		return nil, errors.New("a review record needs a date")
	}
	if !validKind(rec.Kind) {
		return nil, &UsageError{fmt.Sprintf("invalid review kind %q: use one of %s", rec.Kind, strings.Join(roadmap.ReviewKinds, ", "))}
	}
	if n := len(rec.Actions); n != 0 && n != ActionCount {
		return nil, &UsageError{ActionCountMessage(n)}
	}
	if rec.KeepActions && len(rec.Actions) > 0 {
		return nil, &UsageError{KeepAndPinMessage}
	}
	p := &Plan{}
	done, err := p.checkDone(doc, rec.Done)
	if err != nil {
		return nil, err
	}
	var redates []roadmap.Edit
	if rec.KeepActions {
		if redates, err = p.keep(doc, rec, done); err != nil {
			return nil, err
		}
	}

	notes := []string{}
	for _, n := range rec.Notes {
		if n = strings.Join(strings.Fields(n), " "); n != "" {
			notes = append(notes, n)
		}
	}
	replacing := len(rec.Actions) > 0
	for _, a := range doc.Actions {
		switch {
		case replacing && (a.Done || done[a.Index]):
			p.Carried = append(p.Carried, NoteDone+a.Title)
		case replacing:
			due := "no due date"
			if !a.Due.IsZero() {
				due = "due " + a.Due.String()
			}
			p.Carried = append(p.Carried, fmt.Sprintf("%s%s (%s)", NoteDropped, a.Title, due))
		case done[a.Index] && !a.Done:
			p.Carried = append(p.Carried, NoteDone+a.Title)
		}
	}
	for _, r := range p.Redated {
		from := "no due date"
		if !r.From.IsZero() {
			from = "due " + r.From.String()
		}
		p.Carried = append(p.Carried, fmt.Sprintf("%s%s (%s, now %s)", NoteKept, r.Title, from, r.To))
	}
	p.Entry = roadmap.NewReview{Date: rec.Date, Kind: rec.Kind, Notes: append(notes, p.Carried...)}
	entry, err := doc.AppendReview(p.Entry)
	if err != nil {
		return nil, err
	}

	if replacing {
		if err := p.pin(doc, rec); err != nil {
			return nil, err
		}
		edits, err := doc.ReplaceActions(p.Pinned)
		if err != nil {
			return nil, err
		}
		p.Edits = append(p.Edits, edits...)
	} else {
		p.Edits = append(p.Edits, redates...)
		for _, i := range sortedKeys(done) {
			e, ok, err := doc.TickAction(i)
			if err != nil {
				return nil, err
			}
			if ok {
				p.Edits = append(p.Edits, e)
			}
		}
	}
	if p.Assessment, err = assessment(doc, rec); err != nil {
		return nil, err
	}
	if p.Assessment != nil {
		e, err := doc.AppendAssessment(*p.Assessment)
		if err != nil {
			return nil, err
		}
		p.Edits = append(p.Edits, e)
		for _, r := range p.Assessment.Ratings {
			if roadmap.RatingGap(r.Self, r.Manager) >= roadmap.DisconnectGap {
				p.Warnings = append(p.Warnings, fmt.Sprintf("%s: self %d and manager %d are %d or more apart: talk about it in your next 1:1 (lint RM023)",
					r.Label, r.Self, r.Manager, roadmap.DisconnectGap))
			}
		}
	}
	// The entry goes last: when both it and a new 30-day section (or
	// Assessment section) land at the end of the file, they come first.
	p.Edits = append(p.Edits, entry)

	for _, r := range doc.Reviews {
		if r.Date.After(rec.Date) {
			p.Warnings = append(p.Warnings, fmt.Sprintf("the review log already has an entry dated %s, after %s; the new entry goes at the end of the log anyway", r.Date, rec.Date))
			break
		}
	}

	p.Result, err = roadmap.ApplyEdits(doc.Raw, p.Edits)
	if err != nil {
		return nil, err
	}
	if err := roadmap.CheckEditSize(doc.Path, p.Result); err != nil {
		return nil, err
	}
	if err := p.verify(doc, rec, done); err != nil {
		return nil, fmt.Errorf("%s: could not record the review safely (%v); nothing was written", safetext.Name(doc.Path), err)
	}
	return p, nil
}

// ActionCountMessage is the complaint about a number of --action other
// than three.
func ActionCountMessage(n int) string {
	times := "once"
	if n != 1 {
		times = fmt.Sprintf("%d times", n)
	}
	return fmt.Sprintf("--action given %s: the 30-day plan pins exactly %d actions (a project, a course, a person), so give --action %d times, or not at all to keep the current ones", times, ActionCount, ActionCount)
}

// KeepAndPinMessage is the complaint about --keep-actions with --action.
const KeepAndPinMessage = "--keep-actions and --action both given: keep the current actions or pin three new ones, not both"

// NothingToKeepMessage is the complaint about --keep-actions when every
// action is done.
const NothingToKeepMessage = "--keep-actions: every action is done, so there is nothing to keep: pin the next three with --action (three times)"

// keep gives each open action that is due outside the new window (or has
// no due date) a date inside it: as many days into the new window as it
// was due into the old one, from 1 to WindowDays, so the spacing the
// person planned survives; without an old date, the window's last day.
func (p *Plan) keep(doc *roadmap.Document, rec Record, done map[int]bool) ([]roadmap.Edit, error) {
	start, end := rec.Date, rec.Date.AddDays(roadmap.WindowDays)
	oldStart := doc.WindowStart()
	var edits []roadmap.Edit
	open := 0
	for _, a := range doc.Actions {
		if a.Done || done[a.Index] {
			continue
		}
		open++
		if !a.Due.IsZero() && !a.Due.Before(start) && !a.Due.After(end) {
			continue
		}
		to := end
		if !a.Due.IsZero() && !oldStart.IsZero() {
			to = start.AddDays(min(max(oldStart.DaysUntil(a.Due), 1), roadmap.WindowDays))
		}
		e, err := doc.SetActionDue(a.Index, to)
		if err != nil {
			return nil, err
		}
		edits = append(edits, e)
		p.Redated = append(p.Redated, Redated{Index: a.Index, Title: a.Title, From: a.Due, To: to})
	}
	if open == 0 {
		return nil, &UsageError{NothingToKeepMessage}
	}
	return edits, nil
}

// DoneRangeMessage is the complaint about an action number that does not exist.
func DoneRangeMessage(n, count int) string {
	if count == 0 {
		return fmt.Sprintf("--done %d: the roadmap has no actions in its Next 30 days section", n)
	}
	valid := "1"
	if count > 1 {
		valid = fmt.Sprintf("1-%d", count)
	}
	return fmt.Sprintf("--done %d: the roadmap has %d action%s (use %s, the numbers `roadmap show` prints)", n, count, plural(count), valid)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (p *Plan) checkDone(doc *roadmap.Document, nums []int) (map[int]bool, error) {
	done := map[int]bool{}
	for _, n := range nums {
		if n < 1 || n > len(doc.Actions) {
			return nil, &UsageError{DoneRangeMessage(n, len(doc.Actions))}
		}
		if done[n] {
			continue
		}
		done[n] = true
		a := doc.Actions[n-1]
		if a.Done {
			p.AlreadyDone = append(p.AlreadyDone, n)
			continue
		}
		p.Ticked = append(p.Ticked, ActionState{Index: a.Index, Title: a.Title, Kind: a.Kind, Due: a.Due, Done: true, Status: roadmap.StatusDone, Line: a.Pos.Line})
	}
	sort.Ints(p.AlreadyDone)
	sort.Slice(p.Ticked, func(i, j int) bool { return p.Ticked[i].Index < p.Ticked[j].Index })
	return done, nil
}

// pin normalises the new actions: one line each, no list marker or
// checkbox of their own, and a due date; an action without one is due at
// the end of the new window, the latest day that keeps the 30-day plan
// unambiguous (lint's RM006 wants every date inside the window).
func (p *Plan) pin(doc *roadmap.Document, rec Record) error {
	windowEnd := rec.Date.AddDays(roadmap.WindowDays)
	for i, raw := range rec.Actions {
		text := strings.TrimSpace(itemPrefix.ReplaceAllString(strings.Join(strings.Fields(raw), " "), ""))
		if text == "" {
			return &UsageError{fmt.Sprintf("--action %d is empty: each of the %d actions needs a text", i+1, ActionCount)}
		}
		a, ok := ParseAction(doc.Path, text)
		if !ok {
			return &UsageError{fmt.Sprintf("--action %d %q is not a single task item (remove Markdown that starts a block)", i+1, raw)}
		}
		switch {
		case a.Due.IsZero():
			text += " — due " + windowEnd.String()
			p.DueDefaulted = append(p.DueDefaulted, i+1)
		case a.Due.Before(rec.Date) || a.Due.After(windowEnd):
			// lint's RM006 would fail the file at once.
			return &UsageError{fmt.Sprintf("--action %d is due %s, outside the new 30-day window (%s to %s): give it a date inside the window, or move it to the Next quarter section",
				i+1, a.Due, rec.Date, windowEnd)}
		}
		p.Pinned = append(p.Pinned, text)
	}
	return nil
}

// ParseAction reads text as the parser reads a 30-day action written
// "- [ ] TEXT"; ok is false when TEXT is not one task item.
func ParseAction(path, text string) (roadmap.Action, bool) {
	d := roadmap.Parse(path, []byte("## Next 30 days\n- [ ] "+text+"\n"))
	if len(d.Actions) != 1 || len(d.Sections) != 1 || len(d.Sections[0].Items) != 1 {
		return roadmap.Action{}, false
	}
	return d.Actions[0], true
}

// verify parses the result and checks it says what the record meant: the
// new entry last in the log with its notes, the old entries as they were,
// the ticks, the pinned actions, and no new error.
func (p *Plan) verify(doc *roadmap.Document, rec Record, done map[int]bool) error {
	nd := roadmap.Parse(doc.Path, p.Result)
	if err := nd.Err(); err != nil {
		return fmt.Errorf("the edited file would not parse: %v", err)
	}
	if len(nd.Reviews) != len(doc.Reviews)+1 {
		return fmt.Errorf("the review log would have %d entries, not %d", len(nd.Reviews), len(doc.Reviews)+1)
	}
	for i, r := range doc.Reviews {
		if nd.Reviews[i].Heading.Text != r.Heading.Text || len(nd.Reviews[i].Notes) != len(r.Notes) {
			return fmt.Errorf("review log entry %q would change", r.Heading.Text)
		}
	}
	if p.Assessment != nil {
		if err := verifyAssessment(doc, nd, p.Assessment); err != nil {
			return err
		}
	}
	last := nd.Reviews[len(nd.Reviews)-1]
	if last.Date != rec.Date || last.Kind != rec.Kind || len(last.Notes) != len(p.Entry.Notes) {
		return fmt.Errorf("the new entry would read as %q with %d notes", last.Heading.Text, len(last.Notes))
	}
	if len(p.Pinned) > 0 {
		if len(nd.Actions) != len(p.Pinned) {
			return fmt.Errorf("the Next 30 days section would hold %d actions, not %d", len(nd.Actions), len(p.Pinned))
		}
		for i, a := range nd.Actions {
			if a.Text != p.Pinned[i] || a.Done {
				return fmt.Errorf("action %d would read %q", i+1, a.Text)
			}
		}
		return nil
	}
	if len(nd.Actions) != len(doc.Actions) {
		return fmt.Errorf("the number of actions would change")
	}
	redated := map[int]civil.Date{}
	for _, r := range p.Redated {
		redated[r.Index] = r.To
	}
	for i, a := range nd.Actions {
		old := doc.Actions[i]
		if a.Done != (old.Done || done[a.Index]) {
			return fmt.Errorf("action %d would not be as intended", a.Index)
		}
		if to, ok := redated[a.Index]; ok {
			if a.Due != to || (old.DueText == "" && a.Title != old.Title) {
				return fmt.Errorf("action %d would read %q, due %s", a.Index, a.Text, a.Due)
			}
		} else if a.Text != old.Text {
			return fmt.Errorf("action %d would not be as intended", a.Index)
		}
	}
	return nil
}

func validKind(k string) bool {
	for _, v := range roadmap.ReviewKinds {
		if k == v {
			return true
		}
	}
	return false
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// DefaultKind is the kind a record takes when none is given: the review
// that is due, else a check-in.
func DefaultKind(r *Report) string {
	if r != nil && r.Kind != None {
		return r.Kind
	}
	return roadmap.ReviewCheckin
}
