package export

import (
	"fmt"
	"math"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// Radar sizes: the page's chart with labels, and the dashboard's thumbnail.
const (
	RadarFull  = "full"
	RadarSmall = "small"
)

// RadarInput is what a radar chart draws: the latest assessment's ratings
// on one axis per dimension, against the target level at the outer ring.
type RadarInput struct {
	Assessment  *roadmap.Assessment
	TargetLevel string
	Size        string
	// ID makes the chart's element ids unique on a page with several.
	ID string
}

// Radar is a chart's geometry, ready for the template.
type Radar struct {
	ID          string
	Small       bool
	W, H        int
	CX, CY, R   float64
	Rings       []string
	RingLabels  []Point
	Axes        []Axis
	Target      string
	TargetLevel string
	Self        Series
	Manager     Series
	Date        string
	Title, Desc string
	// Standalone is set for an SVG file of its own: it carries its styles.
	Standalone bool
}

// Axis is one dimension's spoke and label.
type Axis struct {
	Dimension string
	X2, Y2    float64
	LX, LY    float64
	Anchor    string
	Lines     []string
	Rated     bool
}

// Series is one rater's polygon and its points.
type Series struct {
	Present bool
	Points  string
	Dots    []Point
}

// Point is a place on the chart, with the value shown there.
type Point struct {
	X, Y  float64
	Value int
	Label string
}

// RadarDimensions are the axes: the method's four, then any other
// dimension the assessment rates, in its order.
func RadarDimensions(a *roadmap.Assessment) []string {
	dims := append([]string{}, roadmap.Dimensions...)
	if a == nil {
		return dims
	}
	for _, r := range a.Ratings {
		if !contains(dims, r.Dimension) {
			dims = append(dims, r.Dimension)
		}
	}
	return dims
}

// NewRadar lays a chart out. Without an assessment the grid is drawn with
// no series, and the description says so.
func NewRadar(in RadarInput) *Radar {
	rd := &Radar{ID: in.ID, Small: in.Size == RadarSmall, TargetLevel: in.TargetLevel}
	if rd.ID == "" {
		rd.ID = "radar"
	}
	if rd.Small {
		rd.W, rd.H, rd.R = 96, 96, 38
	} else {
		rd.W, rd.H, rd.R = 380, 300, 104
	}
	rd.CX, rd.CY = float64(rd.W)/2, float64(rd.H)/2
	dims := RadarDimensions(in.Assessment)
	n := len(dims)
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	at := func(i int, v float64) (float64, float64) {
		r := rd.R * v / roadmap.RatingMax
		return round(rd.CX + r*math.Cos(angle(i))), round(rd.CY + r*math.Sin(angle(i)))
	}
	poly := func(v func(i int) float64) string {
		pts := make([]string, n)
		for i := range dims {
			x, y := at(i, v(i))
			pts[i] = fmt.Sprintf("%g,%g", x, y)
		}
		return strings.Join(pts, " ")
	}
	for level := roadmap.RatingMin; level <= roadmap.RatingMax; level++ {
		rd.Rings = append(rd.Rings, poly(func(int) float64 { return float64(level) }))
		if !rd.Small {
			x, y := at(0, float64(level))
			rd.RingLabels = append(rd.RingLabels, Point{X: x + 4, Y: y + 3, Value: level})
		}
	}
	rd.Target = rd.Rings[len(rd.Rings)-1]

	var self, manager []int
	var descs []string
	for i, d := range dims {
		ax := Axis{Dimension: d, Anchor: "middle"}
		ax.X2, ax.Y2 = at(i, roadmap.RatingMax)
		var r roadmap.Rating
		if in.Assessment != nil {
			r, ax.Rated = in.Assessment.Rating(d)
		}
		self, manager = append(self, r.Self), append(manager, r.Manager)
		desc := titleCase(d) + ": "
		switch {
		case !ax.Rated:
			desc += "not rated"
		case r.Manager == 0:
			desc += fmt.Sprintf("self %d, no manager rating", r.Self)
		case r.Self == 0:
			desc += fmt.Sprintf("manager %d, no self rating", r.Manager)
		default:
			desc += fmt.Sprintf("self %d, manager %d", r.Self, r.Manager)
		}
		descs = append(descs, desc)
		if !rd.Small {
			cos, sin := math.Cos(angle(i)), math.Sin(angle(i))
			ax.LX, ax.LY = round(rd.CX+(rd.R+14)*cos), round(rd.CY+(rd.R+14)*sin)
			switch {
			case cos > 0.3:
				ax.Anchor = "start"
			case cos < -0.3:
				ax.Anchor = "end"
			}
			ax.Lines = wrapLabel(titleCase(d), 14)
			switch {
			case sin > 0.3:
				ax.LY += 10
			case sin < -0.3:
				ax.LY -= 4 + 13*float64(len(ax.Lines)-1)
			default:
				ax.LY += 4 - 6.5*float64(len(ax.Lines)-1)
			}
			ax.Lines = append(ax.Lines, ratingLabel(r, ax.Rated))
		}
		rd.Axes = append(rd.Axes, ax)
	}
	series := func(vals []int, who string) Series {
		s := Series{}
		for _, v := range vals {
			s.Present = s.Present || v > 0
		}
		if !s.Present {
			return s
		}
		s.Points = poly(func(i int) float64 { return float64(vals[i]) })
		for i, v := range vals {
			if v == 0 {
				continue
			}
			x, y := at(i, float64(v))
			s.Dots = append(s.Dots, Point{X: x, Y: y, Value: v, Label: fmt.Sprintf("%s: %s %d", titleCase(dims[i]), who, v)})
		}
		return s
	}
	rd.Self, rd.Manager = series(self, "self"), series(manager, "manager")

	level := "the target level"
	if in.TargetLevel != "" {
		level = "the target level (" + in.TargetLevel + ")"
	}
	if in.Assessment == nil {
		rd.Title = "Assessment radar: no ratings yet"
		rd.Desc = "The roadmap has no Assessment entry yet. Ratings go from 1 to 5 against " + level + ", the outer ring."
		return rd
	}
	rd.Date = in.Assessment.Date.String()
	rd.Title = "Assessment radar, " + rd.Date
	rd.Desc = fmt.Sprintf("Ratings from 1 to 5 against %s, drawn as the outer ring. %s.", level, strings.Join(descs, "; "))
	return rd
}

func ratingLabel(r roadmap.Rating, rated bool) string {
	switch {
	case !rated:
		return "not rated"
	case r.Manager == 0:
		return fmt.Sprintf("self %d", r.Self)
	case r.Self == 0:
		return fmt.Sprintf("mgr %d", r.Manager)
	}
	return fmt.Sprintf("self %d · mgr %d", r.Self, r.Manager)
}

// wrapLabel breaks a label into lines of about width characters.
func wrapLabel(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

func round(v float64) float64 { return math.Round(v*10) / 10 }

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
