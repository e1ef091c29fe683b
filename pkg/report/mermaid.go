package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// Gantt is a Mermaid gantt chart (GitHub renders one inside a ```mermaid
// block in Markdown). Dates are whole days.
type Gantt struct {
	Title    string
	Sections []GanttSection
}

// GanttSection is a titled group of tasks.
type GanttSection struct {
	Name  string
	Tasks []GanttTask
}

// Gantt task tags Mermaid understands.
const (
	TagDone      = "done"
	TagActive    = "active"
	TagCrit      = "crit"
	TagMilestone = "milestone"
)

// GanttTask is a bar from Start to End (both days included), or a
// milestone on Start when Tags holds TagMilestone.
type GanttTask struct {
	Name  string
	ID    string
	Tags  []string
	Start civil.Date
	End   civil.Date
}

// ganttNameMax keeps task names short enough for a readable chart.
const ganttNameMax = 60

// WriteMermaid writes the chart. Tasks without a start date are skipped.
func (g Gantt) WriteMermaid(w io.Writer) error {
	var b strings.Builder
	b.WriteString("gantt\n")
	if g.Title != "" {
		fmt.Fprintf(&b, "  title %s\n", MermaidText(g.Title, 0))
	}
	b.WriteString("  dateFormat YYYY-MM-DD\n")
	b.WriteString("  axisFormat %Y-%m-%d\n")
	for _, s := range g.Sections {
		var tasks []string
		for _, t := range s.Tasks {
			if t.Start.IsZero() {
				continue
			}
			meta := append([]string{}, t.Tags...)
			if t.ID != "" {
				meta = append(meta, t.ID)
			}
			meta = append(meta, t.Start.String())
			if hasTag(t.Tags, TagMilestone) {
				meta = append(meta, "0d")
			} else {
				end := t.End
				if end.IsZero() || end.Before(t.Start) {
					end = t.Start
				}
				// Mermaid ends a bar at the start of its end date: add a day
				// so the last day is drawn.
				meta = append(meta, end.AddDays(1).String())
			}
			tasks = append(tasks, fmt.Sprintf("    %s :%s\n", mermaidTaskName(t.Name, ganttNameMax), strings.Join(meta, ", ")))
		}
		if len(tasks) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  section %s\n", MermaidText(s.Name, 0))
		for _, t := range tasks {
			b.WriteString(t)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}

// MermaidText makes text safe as a gantt title, section or task name: a
// colon would start the task's data, '#' an entity and ';' a new
// statement, so they are replaced; line breaks and runs of spaces become
// one space. max > 0 shortens the text to at most that many characters, ending
// with "..." (at a word boundary where one is near).
func MermaidText(s string, max int) string {
	s = strings.NewReplacer(":", " -", ";", ",", "#", "no. ", "%%", "%").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	if max > 3 && utf8.RuneCountInString(s) > max {
		cut := string([]rune(s)[:max-3])
		// End at a word when one ends in the second half.
		if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " ,.-") + "..."
	}
	if s == "" {
		return "-"
	}
	return s
}

// mermaidTaskName is MermaidText for a task: a name that starts like a
// gantt statement ("Title the post …", "Section 3 …") would be read as
// one (Mermaid's keywords are case-insensitive), so it gets a lead-in.
func mermaidTaskName(s string, max int) string {
	s = MermaidText(s, max)
	first, _, _ := strings.Cut(strings.ToLower(s), " ")
	for _, k := range ganttKeywords {
		if first == k {
			return "- " + s
		}
	}
	return s
}

var ganttKeywords = []string{"title", "section", "dateformat", "axisformat", "tickinterval", "includes",
	"excludes", "todaymarker", "weekday", "weekend", "inclusiveenddates", "topaxis", "acctitle", "accdescr", "click"}
