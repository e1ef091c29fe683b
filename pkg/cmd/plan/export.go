package plan

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// Calendar is the plan as an iCalendar: an all-day event per action due
// date and per checkpoint. DTSTAMP is the plan's today, so the same input
// gives the same file; each UID hashes the event's identity (the roadmap's
// title and owner, the kind, the action's text or the checkpoint's kind),
// so a changed date or status updates the imported event.
func Calendar(p *plan.Plan) report.Calendar {
	cal := report.Calendar{Name: p.Title, Stamp: p.Today}
	for _, e := range p.Events() {
		cats := []string{"roadmap", "checkpoint", e.Kind}
		if e.Kind == plan.EventAction {
			cats = []string{"roadmap", "action"}
		}
		cal.Events = append(cal.Events, report.Event{
			UID: report.ICSUID(e.Identity...), Date: e.Date,
			Summary: e.Summary, Description: e.Description, Categories: cats,
		})
	}
	return cal
}

// Gantt is the plan as a Mermaid gantt chart: the 30-day window and its
// actions (done, active when due soon, critical when overdue), then the
// checkpoints as milestones (critical when overdue).
func Gantt(p *plan.Plan) report.Gantt {
	g := report.Gantt{Title: p.Title}
	actions := report.GanttSection{Name: "Next 30 days"}
	if w := p.Window; w != nil {
		actions.Tasks = append(actions.Tasks, report.GanttTask{Name: "30-day window", ID: "window",
			Start: w.Start, End: w.End})
	}
	for _, a := range p.Actions {
		if a.Due.IsZero() {
			continue
		}
		start := a.Due
		if p.Window != nil && p.Window.Start.Before(a.Due) {
			start = p.Window.Start
		}
		var tags []string
		switch a.Status {
		case plan.Done:
			tags = []string{report.TagDone}
		case plan.DueSoon:
			tags = []string{report.TagActive}
		case plan.Overdue:
			tags = []string{report.TagCrit}
		}
		actions.Tasks = append(actions.Tasks, report.GanttTask{
			Name: fmt.Sprintf("%d. %s (%s)", a.Index, a.Title, a.Kind), ID: fmt.Sprintf("action%d", a.Index),
			Tags: tags, Start: start, End: a.Due,
		})
	}
	checkpoints := report.GanttSection{Name: "Checkpoints"}
	for _, c := range p.Checkpoints {
		tags := []string{report.TagMilestone}
		if c.IsOverdue() {
			tags = []string{report.TagCrit, report.TagMilestone}
		}
		name := plan.CheckpointName(c.Checkpoint)
		if c.Kind == cadence.Target && p.Target != "" {
			name += ", " + p.Target
		}
		checkpoints.Tasks = append(checkpoints.Tasks, report.GanttTask{Name: name, ID: ganttID(c.Kind),
			Tags: tags, Start: c.Due})
	}
	g.Sections = []report.GanttSection{actions, checkpoints}
	return g
}

func ganttID(kind string) string {
	switch kind {
	case cadence.Checkin:
		return "checkin"
	case cadence.Quarterly:
		return "quarterly"
	case cadence.Rewrite:
		return "rewrite"
	}
	return kind
}
