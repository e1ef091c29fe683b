package plan

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
)

// Event kinds: an action's due date, or a checkpoint (cadence.Checkin,
// cadence.Quarterly, cadence.Rewrite, cadence.Target).
const EventAction = "action"

// Event is one dated thing of the plan, for a calendar or a timeline.
type Event struct {
	// Kind is EventAction or a checkpoint kind.
	Kind        string
	Date        civil.Date
	Summary     string
	Description string
	// Status is the action's status, or for a checkpoint "overdue" when
	// its date has passed and "" otherwise.
	Status string
	// Action is the action's index (1-based); 0 for checkpoints.
	Action int
	// Identity are the parts that identify the event across runs and
	// across edits of its date: the roadmap's title and owner, the kind,
	// and the action's text or the checkpoint's kind. Hash them for a UID.
	Identity []string
}

// CheckpointName is how a checkpoint is called: "monthly check-in",
// "quarterly review", "yearly rewrite", "target date".
func CheckpointName(c cadence.Checkpoint) string {
	switch c.Kind {
	case cadence.Checkin:
		return c.Cadence + " check-in"
	case cadence.Quarterly:
		if c.Cadence == "quarterly" {
			return "quarterly review"
		}
		return c.Cadence + " review"
	case cadence.Rewrite:
		return c.Cadence + " rewrite"
	case cadence.Target:
		return "target date"
	}
	return c.Kind
}

// checkpointPurpose says what each review is for, in a sentence.
func checkpointPurpose(kind string) string {
	switch kind {
	case cadence.Checkin:
		return "A short check: are the three actions on track? Tick what is done, note what slipped, " +
			"and pin the next three with `roadmap review --record`."
	case cadence.Quarterly:
		return "A real review: do the plan's assumptions still hold? Revisit the target, the gap " +
			"and the next quarter's sketch, and record it with `roadmap review --record --kind quarterly`."
	case cadence.Rewrite:
		return "The yearly reassessment: rewrite the roadmap from the target down, " +
			"as if starting today, and record it with `roadmap review --record --kind rewrite`."
	}
	return ""
}

// Events lists the plan's dated events: one per action with a due date
// (in the roadmap's order), then one per checkpoint.
func (p *Plan) Events() []Event {
	var out []Event
	seen := map[string]int{}
	for _, a := range p.Actions {
		if a.Due.IsZero() {
			continue
		}
		key := strings.ToLower(strings.Join(strings.Fields(a.Title), " "))
		seen[key]++
		id := []string{p.Title, p.Owner, EventAction, key}
		if n := seen[key]; n > 1 {
			// The same text twice: tell them apart by occurrence.
			id = append(id, fmt.Sprint(n))
		}
		summary := fmt.Sprintf("%s: %s (%s)", p.Title, a.Title, a.Kind)
		if a.Done {
			summary = fmt.Sprintf("%s: [done] %s (%s)", p.Title, a.Title, a.Kind)
		}
		desc := fmt.Sprintf("30-day action %d of %d (%s), due %s. Status on %s: %s.",
			a.Index, len(p.Actions), a.Kind, a.Due, p.Today, a.Status)
		if p.Window != nil {
			desc += fmt.Sprintf("\nWindow: %s to %s.", p.Window.Start, p.Window.End)
		}
		desc += "\nFrom the roadmap " + quoteOwner(p.Title, p.Owner) + "."
		out = append(out, Event{Kind: EventAction, Date: a.Due, Summary: summary, Description: desc,
			Status: a.Status, Action: a.Index, Identity: id})
	}
	for _, c := range p.Checkpoints {
		name := CheckpointName(c.Checkpoint)
		summary := fmt.Sprintf("%s: %s", p.Title, name)
		if c.Kind == cadence.Target && p.Target != "" {
			summary += ", " + p.Target
		}
		var desc string
		if c.Kind == cadence.Target {
			desc = "The date the roadmap " + quoteOwner(p.Title, p.Owner) + " aims to reach its target by."
		} else {
			since := "the last " + c.Kind
			if c.FromStart {
				since = "the plan's start"
			}
			desc = fmt.Sprintf("%s\nDue %s, one %s period after %s (%s).",
				checkpointPurpose(c.Kind), c.Due, c.Cadence, since, c.Last)
		}
		status := ""
		if c.IsOverdue() {
			status = Overdue
		}
		out = append(out, Event{Kind: c.Kind, Date: c.Due, Summary: summary, Description: desc,
			Status: status, Identity: []string{p.Title, p.Owner, "checkpoint", c.Kind}})
	}
	return out
}

func quoteOwner(title, owner string) string {
	s := `"` + title + `"`
	if owner != "" {
		s += " (" + owner + ")"
	}
	return s
}
