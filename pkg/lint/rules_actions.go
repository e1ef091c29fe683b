package lint

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"

	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

const pinHint = "pin three: a project to scope, a course to start, a person to ask for 15 minutes, each `- [ ] … (kind) — due YYYY-MM-DD`"

func checkActionsThree(c *Context) {
	s := c.Doc.Section(roadmap.SectionNext30Days)
	if s == nil {
		c.MissingSection(roadmap.SectionNext30Days, "there is no Next 30 days section",
			"add `## Next 30 days` and "+pinHint)
		return
	}
	n := len(c.Doc.Actions)
	if n == 3 {
		return
	}
	plain := 0
	for _, it := range s.Items {
		if !it.Task {
			plain++
		}
	}
	var hint string
	switch {
	case n < 3 && plain > 0:
		hint = "write each action as a task item, `- [ ] …`; " + pinHint
	case n < 3:
		hint = pinHint
	default:
		hint = "keep the three that matter most this month; move the rest to Next quarter"
	}
	c.ReportLine(s.Pos, fmt.Sprintf("the next 30 days pin %s; the method asks for exactly three", plural(n, "action", "actions")), hint)
}

func checkActionConcrete(c *Context) {
	for _, a := range c.Doc.Actions {
		if a.Done || c.unfilledAction(a) {
			continue
		}
		// A conversation with nobody named is RM008's to report; saying
		// "talk to" is vague as well would report one fault twice.
		if a.Kind == roadmap.ActionPerson && !vague.NamesPerson(prose(actionText(a))) {
			continue
		}
		// The action is judged whole: its title, and its sub-bullets as
		// what it will do. A vague title is made concrete by a sub-bullet
		// that names something concrete and is not vague itself ("- write
		// a one-page design note", "- with Ana Lima", "- modules 1–4 of the
		// CKAD course"); a vague sub-bullet ("- improve my skills") rescues
		// nothing, and a vague sub-bullet under a concrete title only adds
		// detail.
		ms := c.Vague.Action(prose(a.Title))
		if len(ms) == 0 || c.nestedConcrete(a) {
			continue
		}
		var lower *lowerAction
		reported := map[string]bool{}
		for _, m := range ms {
			phrase := a.Title[m.Start:m.End]
			// One finding per vague phrase in an action: the same words
			// again are the same fault.
			key := strings.ToLower(phrase)
			if reported[key] {
				continue
			}
			reported[key] = true
			if lower == nil {
				lower = newLowerAction(a)
			}
			start, end := lower.titleSpan(m.Start, m.End)
			c.ReportText(a.Item, start, end,
				fmt.Sprintf("action %d is vague: %q has no concrete object", a.Index, phrase),
				"say exactly what you will do: name the course, book, project, person or number, e.g. \"Finish chapters 1–3 of …\"")
		}
	}
}

// nestedConcrete reports whether a sub-bullet of the action, read on its
// own, names something concrete and is not vague.
func (c *Context) nestedConcrete(a roadmap.Action) bool {
	for _, d := range a.Descendants() {
		t := strings.TrimSpace(prose(d.Text))
		if t == "" {
			continue
		}
		if ok, _ := vague.Concrete(t); ok && len(c.Vague.Action(t)) == 0 {
			return true
		}
	}
	return false
}

// actionText is what an action says: its title, then its sub-bullets,
// which name the object or the person as often as the first line does
// ("- [ ] Ask for a 15-minute chat (person)" over "  - with Marco Rossi").
func actionText(a roadmap.Action) string {
	if len(a.Children) == 0 {
		return a.Title
	}
	var b strings.Builder
	b.WriteString(a.Title)
	for _, c := range a.Descendants() {
		if t := strings.TrimSpace(c.Text); t != "" {
			b.WriteString(", ")
			b.WriteString(t)
		}
	}
	return b.String()
}

// lowerAction is an action's title and text in lower case, made once per
// action however many phrases are mapped back.
type lowerAction struct {
	a           roadmap.Action
	title, text string
}

func newLowerAction(a roadmap.Action) *lowerAction {
	return &lowerAction{a: a, title: strings.ToLower(a.Title), text: strings.ToLower(a.Text)}
}

// titleSpan maps a span of an action's Title back to its Text, where the
// title's words are (Title drops the checkbox, kind marker and due clause
// and joins whitespace).
func (l *lowerAction) titleSpan(start, end int) (int, int) {
	phrase := strings.ToLower(l.a.Title[start:end])
	before := l.title[:min(start, len(l.title))]
	if len(l.title) != len(l.a.Title) {
		// Lower case changed some byte lengths: the offsets are the title's.
		before = strings.ToLower(l.a.Title[:start])
	}
	// The n-th occurrence in the title is the n-th in the text.
	nth := strings.Count(before, phrase)
	text := l.text
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(text[from:], phrase)
		if j < 0 {
			return 0, len(l.a.Text)
		}
		if i == nth {
			return from + j, from + j + len(phrase)
		}
		from += j + len(phrase)
	}
}

func checkActionDated(c *Context) {
	ws, we := c.Doc.WindowStart(), c.Doc.WindowEnd()
	for _, a := range c.Doc.Actions {
		if a.Done {
			continue
		}
		if a.Due.IsZero() {
			// A date that failed to parse is RM001's; "due TBD" and an
			// action that is all placeholder are RM021's.
			if a.DuePos.IsZero() && !c.unfilledAction(a) {
				c.ReportItem(a.Item, fmt.Sprintf("action %d has no due date", a.Index),
					dueHint(we))
			}
			continue
		}
		// A window that starts on a date RM001 reports as impossible
		// would blame the actions for that one fault.
		if ws.IsZero() || c.windowInDoubt() {
			continue
		}
		switch {
		case a.Due.After(we):
			c.ReportLine(a.DuePos, fmt.Sprintf("action %d is due %s, after the 30-day window ends on %s", a.Index, a.Due, we),
				"bring the date inside the window, or move the action to Next quarter")
		case a.Due.Before(ws):
			c.ReportLine(a.DuePos, fmt.Sprintf("action %d was due %s, before the current window began on %s", a.Index, a.Due, ws),
				"it was carried over: give it a new date in this window, tick it, or drop it")
		}
	}
}

func dueHint(windowEnd civil.Date) string {
	if windowEnd.IsZero() {
		return "end it with `— due YYYY-MM-DD`"
	}
	return fmt.Sprintf("end it with `— due YYYY-MM-DD`; the 30-day window ends %s", windowEnd)
}

func checkActionMix(c *Context) {
	acts := c.Doc.Actions
	if len(acts) < 2 {
		return
	}
	kind := acts[0].Kind
	for _, a := range acts[1:] {
		if a.Kind != kind {
			return
		}
	}
	c.ReportLine(c.Doc.Section(roadmap.SectionNext30Days).Pos,
		fmt.Sprintf("all %d actions are %s actions", len(acts), kind),
		"mix the kinds: a project to scope, a course to start, a person to ask; mark each with (project), (course) or (person)")
}

func checkPersonNamed(c *Context) {
	for _, a := range c.Doc.Actions {
		if a.Done || a.Kind != roadmap.ActionPerson || c.unfilledAction(a) {
			continue
		}
		if !vague.NamesPerson(prose(actionText(a))) {
			c.ReportItem(a.Item, fmt.Sprintf("action %d is a conversation but names nobody to ask", a.Index),
				"name the person, e.g. Dana Lee, or the exact role, e.g. the Director of Product at Acme")
		}
	}
}

func checkWindowExpired(c *Context) {
	acts := c.Doc.Actions
	if len(acts) == 0 {
		return
	}
	var latest = acts[0].Due
	allDone := true
	for _, a := range acts {
		if !a.Done {
			allDone = false
			if a.Due.IsZero() || !a.Due.Before(c.Today) {
				return // something is still open and ahead
			}
		}
		if a.Due.After(latest) {
			latest = a.Due
		}
	}
	s := c.Doc.Section(roadmap.SectionNext30Days)
	hint := "pin the next three actions, e.g. `roadmap review FILE --record --action … --action … --action …`"
	if allDone {
		c.ReportLine(s.Pos, fmt.Sprintf("all %s in the 30-day window are done", plural(len(acts), "action", "actions")), hint)
		return
	}
	c.ReportLine(s.Pos, fmt.Sprintf("every open action in the 30-day window is past its date (the last was due %s)", latest), hint)
}
