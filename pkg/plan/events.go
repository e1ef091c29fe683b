package plan

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/review"
)

// Event kinds: an action's due date, or a checkpoint (cadence.Checkin,
// cadence.Quarterly, cadence.Rewrite, cadence.Target, CheckpointDecision,
// CheckpointPick, CheckpointBridge, CheckpointSearch).
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
	// across edits of its date and wording: the roadmap's title and owner,
	// the kind, and the action's place among the three (or the
	// checkpoint's kind, and a bridge phase's number). Hash them for a UID.
	Identity []string
	// Reminder, when set, is said the day before: a review's questions.
	Reminder string
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
// (in the roadmap's order), then one per checkpoint (in date order).
func (p *Plan) Events() []Event {
	var out []Event
	for _, a := range p.Actions {
		if a.Due.IsZero() {
			continue
		}
		// The action's place, not its text: rewording it, moving its date
		// or ticking it updates the same event, and the next window's
		// actions take over the three events.
		id := []string{p.Title, p.Owner, EventAction, fmt.Sprint(a.Index)}
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
		summary := fmt.Sprintf("%s: %s", p.Title, c.Name())
		if c.Kind == cadence.Target && p.Target != "" {
			summary += ", " + p.Target
		}
		id := []string{p.Title, p.Owner, "checkpoint", c.Kind}
		if c.Number > 0 {
			id = append(id, fmt.Sprint(c.Number))
		}
		e := Event{Kind: c.Kind, Date: c.Due, Summary: summary, Description: p.checkpointDescription(c), Identity: id}
		if c.IsOverdue() {
			e.Status = Overdue
		}
		if c.IsReview() {
			e.Reminder = p.reminder(c)
		}
		out = append(out, e)
	}
	return out
}

func (p *Plan) checkpointDescription(c Checkpoint) string {
	from := "the roadmap " + quoteOwner(p.Title, p.Owner)
	switch c.Kind {
	case cadence.Target:
		return "The date " + from + " aims to reach its target by."
	case CheckpointDecision:
		return fmt.Sprintf("Decide: stay and engineer the next move where you are, or switch companies, as the Decision section of %s weighs it. Record the decision as a re-plan.", from)
	case CheckpointPick:
		among := ""
		if c.Detail != "" {
			among = " " + c.Detail
		}
		return fmt.Sprintf("Pick the target role%s, as the Candidates section of %s plans, then rewrite the roadmap for it.", among, from)
	case CheckpointBridge, CheckpointSearch:
		name := c.Name()
		if c.Kind == CheckpointSearch {
			name = "the " + name
		}
		desc := fmt.Sprintf("The end of %s in %s.", name, from)
		if !c.Start.IsZero() {
			desc = fmt.Sprintf("The end of %s (%s to %s) in %s.", name, c.Start, c.Due, from)
		}
		if c.Kind == CheckpointSearch {
			return desc
		}
		if c.Detail != "" {
			return desc + "\nArtifact to show: " + c.Detail
		}
		return desc + "\nThe phase names no artifact yet: add one (Artifact: …)."
	}
	since := "the last " + c.Kind
	if c.FromStart {
		since = "the plan's start"
	}
	return fmt.Sprintf("%s\nDue %s, one %s period after %s (%s).", checkpointPurpose(c.Kind), c.Due, c.Cadence, since, c.Last)
}

// reminder is what a review's alarm says the day before: the review and
// its questions.
func (p *Plan) reminder(c Checkpoint) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Tomorrow: the %s of %s. Its questions:", c.Name(), quoteOwner(p.Title, p.Owner))
	for i, q := range review.Questions(c.Kind) {
		fmt.Fprintf(&b, "\n%d. %s", i+1, q)
	}
	return b.String()
}

func quoteOwner(title, owner string) string {
	s := `"` + title + `"`
	if owner != "" {
		s += " (" + owner + ")"
	}
	return s
}
