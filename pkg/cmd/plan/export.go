package plan

import (
	"fmt"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/plan"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// epoch counts the days of SEQUENCE.
var epoch = civil.New(1970, 1, 1)

// Calendar is the plan as an iCalendar: an all-day event per action due
// date and per checkpoint (a bridge phase on its last day). DTSTAMP is the
// plan's today, so the same input gives the same file. Each UID hashes the
// event's identity (the roadmap's title and owner, the kind, the action's
// place or the checkpoint's kind), so a changed date, status or wording
// updates the imported event; SEQUENCE is the day of the export (days
// since 1970-01-01), so a later export always supersedes an earlier
// import. A review's event has an alarm the day before with its questions.
func Calendar(p *plan.Plan) report.Calendar {
	cal := report.Calendar{Name: p.Title, Stamp: p.Today}
	seq := max(epoch.DaysUntil(p.Today), 0)
	for _, e := range p.Events() {
		cats := []string{"roadmap", "checkpoint", e.Kind}
		if e.Kind == plan.EventAction {
			cats = []string{"roadmap", "action"}
		}
		cal.Events = append(cal.Events, report.Event{
			UID: report.ICSUID(e.Identity...), Date: e.Date, Sequence: seq,
			Summary: e.Summary, Description: e.Description, Categories: cats, Alarm: e.Reminder,
		})
	}
	return cal
}

// Gantt is the plan as a Mermaid gantt chart: the 30-day window and its
// actions (done, active when due soon, critical when overdue), the bridge
// work's phases as bars (active while under way), then the other checkpoints as
// milestones in date order (critical when overdue).
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
	bridge := report.GanttSection{Name: "Bridge work"}
	checkpoints := report.GanttSection{Name: "Checkpoints"}
	for _, c := range p.Checkpoints {
		name := c.Name()
		if c.Kind == cadence.Target && p.Target != "" {
			name += ", " + p.Target
		}
		if c.IsPhase() {
			start := c.Start
			if start.IsZero() {
				start = c.Due
			}
			// The roadmap does not say whether a phase is done; the one
			// under way is active.
			var tags []string
			if !p.Today.Before(start) && !c.IsOverdue() {
				tags = []string{report.TagActive}
			}
			id := fmt.Sprintf("bridge%d", c.Number)
			if c.Kind == plan.CheckpointSearch {
				id = "search"
			}
			bridge.Tasks = append(bridge.Tasks, report.GanttTask{Name: name, ID: id,
				Tags: tags, Start: start, End: c.Due})
			continue
		}
		tags := []string{report.TagMilestone}
		if c.IsOverdue() {
			tags = []string{report.TagCrit, report.TagMilestone}
		}
		checkpoints.Tasks = append(checkpoints.Tasks, report.GanttTask{Name: name, ID: ganttID(c.Kind),
			Tags: tags, Start: c.Due})
	}
	g.Sections = []report.GanttSection{actions}
	if len(bridge.Tasks) > 0 {
		g.Sections = append(g.Sections, bridge)
	}
	g.Sections = append(g.Sections, checkpoints)
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
