package export

import (
	"embed"
	"html/template"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/gap"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

//go:embed templates/*
var templateFS embed.FS

// stylesheet is the pages' CSS, inlined into each page.
var stylesheet = func() string {
	b, err := templateFS.ReadFile("templates/page.css")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

var templates = template.Must(template.New("export").Funcs(template.FuncMap{
	// The stylesheet is this package's own constant text, never a file's.
	"css":       func() template.CSS { return template.CSS(stylesheet) },
	"join":      strings.Join,
	"days":      relDays,
	"plural":    plural,
	"titleCase": titleCase,
	"gapOf":     func(r RatingRow) int { return roadmap.RatingGap(r.Self, r.Manager) },
	"statusText": func(s string) string {
		switch s {
		case gap.Covered:
			return "evidence named"
		case gap.NoEvidence:
			return "no evidence yet"
		case gap.NotApplicable:
			return "does not apply"
		case gap.Missing:
			return "not in the plan"
		}
		return s
	},
	"dash":  func(s string) string { return strings.ReplaceAll(s, " ", "-") },
	"sub":   func(a, b float64) float64 { return round(a - b) },
	"add1":  func(a, b float64) float64 { return round(a + b) },
	"add":   func(a, b int) int { return a + b },
	"names": names,
}).ParseFS(templateFS, "templates/*.tmpl"))

// WritePage writes the one-page HTML of p.
func WritePage(w io.Writer, p *Page) error {
	return templates.ExecuteTemplate(w, "page", p)
}

// WriteRadarSVG writes a radar chart as a standalone SVG file, with its
// own styles (light and dark) so it can be embedded in a README.
func WriteRadarSVG(w io.Writer, r *Radar) error {
	c := *r
	c.Standalone = true
	if _, err := io.WriteString(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); err != nil {
		return err
	}
	if err := templates.ExecuteTemplate(w, "radar", &c); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
