package export

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var varRe = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{6})`)

// palettes reads the colour variables of the stylesheet's three palettes:
// light (the first :root), dark and print.
func palettes(t *testing.T) map[string]map[string]string {
	t.Helper()
	css := stylesheet
	blocks := map[string]string{}
	darkAt := strings.Index(css, "@media (prefers-color-scheme: dark)")
	printAt := strings.Index(css, "@media print")
	if darkAt < 0 || printAt < 0 {
		t.Fatal("the stylesheet has no dark or print palette")
	}
	blocks["light"] = css[:darkAt]
	blocks["dark"] = css[darkAt : strings.Index(css[darkAt:], "}\n}")+darkAt]
	blocks["print"] = css[printAt:]
	out := map[string]map[string]string{}
	for name, b := range blocks {
		out[name] = map[string]string{}
		for _, m := range varRe.FindAllStringSubmatch(b, -1) {
			if _, seen := out[name][m[1]]; !seen {
				out[name][m[1]] = m[2]
			}
		}
	}
	return out
}

func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestContrast: text meets WCAG AA (4.5:1) and chart strokes 3:1 against
// what they are drawn on, in the light, dark and print palettes.
func TestContrast(t *testing.T) {
	pairs := []struct {
		fg, bg string
		min    float64
	}{
		{"fg", "bg", 4.5}, {"muted", "bg", 4.5}, {"muted", "card", 4.5}, {"fg", "card", 4.5},
		{"done-fg", "done-bg", 4.5}, {"late-fg", "late-bg", 4.5}, {"soon-fg", "soon-bg", 4.5}, {"open-fg", "open-bg", 4.5},
		{"fg", "late-bg", 4.5}, {"late-fg", "bg", 4.5},
		{"self", "bg", 3}, {"mgr", "bg", 3}, {"target", "bg", 3},
	}
	for name, vars := range palettes(t) {
		if len(vars) < 16 {
			t.Errorf("%s palette: %d colours, want all 16 (the hex ones)", name, len(vars))
		}
		for _, p := range pairs {
			fg, bg := vars[p.fg], vars[p.bg]
			if fg == "" || bg == "" {
				t.Errorf("%s palette: no --%s or --%s", name, p.fg, p.bg)
				continue
			}
			if c := contrast(fg, bg); c < p.min {
				t.Errorf("%s palette: --%s %s on --%s %s is %.2f:1, want %.1f:1", name, p.fg, fg, p.bg, bg, c, p.min)
			}
		}
	}
}
