package export_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/internal/chromium"
	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

// requireChromium is set by .ci/run, which installs Chromium: there a
// missing browser is a failure, not a skip.
const requireChromium = "ROADMAP_REQUIRE_CHROMIUM"

// screenshotsEnv names a directory to keep the screenshots and PDFs in
// (they are never written into the repository); by default they go to a
// temporary directory and are removed.
const screenshotsEnv = "ROADMAP_SCREENSHOTS"

// allPagesEnv opens every example, not only the ones that differ most (a
// promotion with two entries, a change across tracks with a dimension not
// rated, a disconnect, the dashboard); ROADMAP_SCREENSHOTS does too.
const allPagesEnv = "ROADMAP_BROWSER_ALL"

// browserPage is a generated page to open in the browser.
type browserPage struct {
	name string
	html string
	// full pages are always opened; the others, which look alike, with
	// ROADMAP_BROWSER_ALL (the test shares two cores with the suite).
	full bool
}

// examplePages renders every example roadmap's export page and the team
// dashboard, through the CLI as a user runs it.
func examplePages(t *testing.T) []browserPage {
	t.Helper()
	var out []browserPage
	for _, pattern := range []string{"../../../examples/*.md", "../../../examples/team/*.md"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if filepath.Base(f) == "README.md" {
				continue
			}
			name := strings.TrimSuffix(filepath.Base(f), ".md")
			out = append(out, browserPage{name: name, html: run(t, "export", f), full: name == "promotion" || name == "marcus-feld" || name == "career-change-designer"})
		}
	}
	out = append(out, browserPage{name: "team-dashboard", html: run(t, "status", "../../../examples/team", "--format", "html"), full: true})
	return out
}

// run runs the roadmap command line in-process on 2026-11-21.
func run(t *testing.T, args ...string) string {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	env := func(k string) string {
		if k == "ROADMAP_TODAY" {
			return "2026-11-21"
		}
		return ""
	}
	if code := cli.Main(args, ios, env); code != 0 {
		t.Fatalf("roadmap %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out.String()
}

// TestPagesInChromium opens every example's page, and the team dashboard,
// in headless Chromium at 1280 and 390 CSS pixels, in light and dark mode,
// and prints it on A4 and Letter (by default four pages that differ most;
// ROADMAP_BROWSER_ALL=1 for every example): the screenshots are not blank, the page never scrolls sideways
// on a phone, the dark page is dark, the print is one or two pages, and the
// page logs no error and requests nothing but itself.
func TestPagesInChromium(t *testing.T) {
	pages := examplePages(t)
	runInChromium(t, pages)
}

func runInChromium(t *testing.T, pages []browserPage) {
	t.Helper()
	bin := chromium.Find()
	if bin == "" {
		if os.Getenv(requireChromium) != "" {
			t.Fatalf("%s is set but no chromium is installed (bash .ci/run installs Debian's chromium)", requireChromium)
		}
		t.Skip("chromium is not installed, so the pages are not checked in a browser; `bash .ci/run` installs it (apt-get install chromium)")
	}
	dir := t.TempDir()
	keep := os.Getenv(screenshotsEnv)
	if keep == "" {
		keep = dir
	} else if err := os.MkdirAll(keep, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := chromium.Start(bin, filepath.Join(dir, "profile"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	all := os.Getenv(allPagesEnv) != "" || os.Getenv(screenshotsEnv) != ""
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			if !pg.full && !all {
				t.Skipf("one of the examples that look alike: %s=1 opens it too", allPagesEnv)
			}
			path := filepath.Join(dir, pg.name+".html")
			if err := os.WriteFile(path, []byte(pg.html), 0o644); err != nil {
				t.Fatal(err)
			}
			url := "file://" + path
			p, err := b.NewPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			views := []struct {
				width  int
				mobile bool
				dark   bool
			}{{1280, false, false}, {390, true, false}, {1280, false, true}}
			papers := []struct {
				name string
				size [2]float64
			}{{"a4", chromium.A4}, {"letter", chromium.Letter}}
			for _, v := range views {
				if err := p.SetDarkMode(ctx, v.dark); err != nil {
					t.Fatal(err)
				}
				if err := p.SetViewport(ctx, v.width, 900, v.mobile); err != nil {
					t.Fatal(err)
				}
				if err := p.Navigate(ctx, url); err != nil {
					t.Fatal(err)
				}
				var scroll int
				if err := p.Eval(ctx, "document.documentElement.scrollWidth", &scroll); err != nil {
					t.Fatal(err)
				}
				if scroll > v.width {
					t.Errorf("at %d px the page is %d px wide: it scrolls sideways", v.width, scroll)
				}
				shot, err := p.Screenshot(ctx)
				if err != nil {
					t.Fatal(err)
				}
				mode := "light"
				if v.dark {
					mode = "dark"
				}
				name := fmt.Sprintf("%s-%d-%s.png", pg.name, v.width, mode)
				if err := os.WriteFile(filepath.Join(keep, name), shot, 0o644); err != nil {
					t.Fatal(err)
				}
				ink, err := chromium.Measure(shot)
				if err != nil {
					t.Fatal(err)
				}
				if ink.Width != v.width || ink.Height < 900 {
					t.Errorf("%s is %dx%d", name, ink.Width, ink.Height)
				}
				if ink.Share < 0.02 || ink.Colours < 16 {
					t.Errorf("%s looks blank: %.1f%% of pixels differ from the background, %d colours", name, 100*ink.Share, ink.Colours)
				}
				bg := ink.Background
				if lum := (int(bg[0]) + int(bg[1]) + int(bg[2])) / 3; v.dark != (lum < 64) {
					t.Errorf("%s: background %v, dark mode %v", name, bg, v.dark)
				}
			}
			for _, paper := range papers {
				pdf, err := p.PrintPDF(ctx, paper.size)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(keep, pg.name+"-"+paper.name+".pdf"), pdf, 0o644); err != nil {
					t.Fatal(err)
				}
				n, err := chromium.PDFPages(pdf)
				if err != nil {
					t.Fatal(err)
				}
				if n < 1 || n > 2 {
					t.Errorf("printed on %s, the page takes %d pages, want 1 or 2", paper.name, n)
				}
			}
			if probs := p.Problems(); len(probs) > 0 {
				t.Errorf("the page logged errors:\n%s", strings.Join(probs, "\n"))
			}
			for _, r := range p.Requests() {
				if r != url {
					t.Errorf("the page requested %s", r)
				}
			}
		})
	}
}
