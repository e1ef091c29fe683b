package export

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/status"
)

// Dashboard is a team's roadmaps on one page: a row per person, most urgent
// first (as `roadmap status` sorts them), and the dimensions most of the
// team is weakest in.
type Dashboard struct {
	Where   string
	Today   civil.Date
	Rows    []DashRow
	Overdue int
	Errors  int
	Rated   int
	Weakest []DimensionSummary
}

// DashRow is one person's roadmap.
type DashRow struct {
	status.Row
	Next       string
	Due        string
	Late       string
	Lint       string
	LintClass  string
	Radar      *Radar
	Assessed   string
	Disconnect []string
}

// DimensionSummary is how the team stands on one dimension, from each
// person's latest assessment: the manager's rating where there is one,
// else the person's own.
type DimensionSummary struct {
	Dimension string
	Average   string
	Rated     int
	// Low are the owners rated at LowRating or below.
	Low []string
}

// LowRating is the rating at or below which a dimension counts as a gap a
// person shares with the team: 2 of 5, less than half of the target level
// shown.
const LowRating = 2

// NewDashboard builds the dashboard of rows (already sorted) found under
// where on today.
func NewDashboard(rows []status.Row, where string, today civil.Date) *Dashboard {
	d := &Dashboard{Where: where, Today: today}
	type acc struct {
		sum, n int
		low    []string
	}
	byDim := map[string]*acc{}
	var order []string
	for i, r := range rows {
		row := DashRow{Row: r, Next: "–", Due: "–", Late: "on time", Lint: lintText(r), LintClass: "covered"}
		if r.Errors > 0 {
			row.LintClass = "overdue"
		} else if r.Warnings > 0 {
			row.LintClass = "due-soon"
		}
		if r.Next != nil {
			row.Next, row.Due = r.Next.Label(), r.Next.Due.String()
			if days := today.DaysUntil(r.Next.Due); days >= 0 {
				row.Late = "due " + relDays(days)
			}
		} else {
			row.Late = "–"
		}
		if r.Overdue > 0 {
			row.Late = fmt.Sprintf("%s overdue", plural(r.Overdue, "day", "days"))
			d.Overdue++
		}
		d.Errors += r.Errors
		row.Radar = NewRadar(RadarInput{Assessment: r.Assessment, TargetLevel: r.Target.Level, Size: RadarSmall, ID: "radar-" + strconv.Itoa(i+1)})
		owner := r.Owner
		if owner == "" {
			owner = r.File
		}
		if a := r.Assessment; a != nil {
			d.Rated++
			row.Assessed = a.Date.String()
			for _, rt := range a.Ratings {
				if rt.Disconnect() >= roadmap.DisconnectGap {
					row.Disconnect = append(row.Disconnect, rt.Dimension)
				}
				v := rt.Manager
				if v == 0 {
					v = rt.Self
				}
				if v == 0 {
					continue
				}
				x := byDim[rt.Dimension]
				if x == nil {
					x = &acc{}
					byDim[rt.Dimension] = x
					order = append(order, rt.Dimension)
				}
				x.sum += v
				x.n++
				if v <= LowRating {
					x.low = append(x.low, owner)
				}
			}
		}
		d.Rows = append(d.Rows, row)
	}
	for _, dim := range order {
		x := byDim[dim]
		d.Weakest = append(d.Weakest, DimensionSummary{Dimension: dim, Average: fmt.Sprintf("%.1f", float64(x.sum)/float64(x.n)),
			Rated: x.n, Low: x.low})
	}
	// Most people low first, then the lowest average: where a manager's
	// mentoring reaches the most people.
	sort.SliceStable(d.Weakest, func(i, j int) bool {
		a, b := d.Weakest[i], d.Weakest[j]
		if len(a.Low) != len(b.Low) {
			return len(a.Low) > len(b.Low)
		}
		return a.Average < b.Average
	})
	return d
}

func lintText(r status.Row) string {
	switch {
	case r.Errors == 0 && r.Warnings == 0:
		return "clean"
	case r.Warnings == 0:
		return plural(r.Errors, "error", "errors")
	case r.Errors == 0:
		return plural(r.Warnings, "warning", "warnings")
	}
	return plural(r.Errors, "error", "errors") + ", " + plural(r.Warnings, "warning", "warnings")
}

// WriteDashboard writes the team dashboard as one HTML page.
func WriteDashboard(w io.Writer, d *Dashboard) error {
	return templates.ExecuteTemplate(w, "dashboard", d)
}

// names joins owners for a sentence: "A", "A and B", "A, B and C".
func names(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}
