package docs_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/docs"
	"github.com/roadmapcli/roadmap/pkg/lint"
)

// sections every rule page has, in this order.
var sections = []string{"## What it checks", "## Why", "## Failing example", "## Passing example", "## Turning it off"}

// findingRe is one line of `roadmap lint` text output.
var findingRe = regexp.MustCompile(`^roadmap\.md:\d+:\d+: (error|warning|info) (RM\d{3})/([a-z-]+): \S`)

func TestEveryRuleHasAPage(t *testing.T) {
	for _, r := range lint.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			page, ok := docs.RulePage(r.ID)
			if !ok {
				t.Fatalf("no page: write docs/rules/%s.md", r.ID)
			}
			lines := strings.Split(page, "\n")
			if want := "# " + r.ID + " " + r.Name; lines[0] != want {
				t.Errorf("first line = %q, want %q", lines[0], want)
			}
			// "Applies to: every roadmap." or "… roadmaps (`kind: stalled`)."
			applies := "Applies to: every roadmap."
			for _, k := range r.Kinds {
				applies = "(`kind: " + k + "`)."
			}
			if len(lines) < 2 || !strings.HasPrefix(lines[1], "Default severity: "+r.Severity.String()+". Applies to: ") ||
				!strings.HasSuffix(lines[1], applies) {
				t.Errorf("second line = %q, want \"Default severity: %s. Applies to: …%s\"", lines[1], r.Severity, applies)
			}
			pos := -1
			for _, s := range sections {
				i := indexLine(lines, s)
				if i < 0 {
					t.Errorf("no %q section", s)
					continue
				}
				if i < pos {
					t.Errorf("%q is out of order", s)
				}
				pos = i
			}
			failing := section(lines, "## Failing example")
			if !strings.Contains(failing, "```markdown\n") {
				t.Errorf("the failing example has no ```markdown snippet")
			}
			found := false
			for _, l := range strings.Split(failing, "\n") {
				m := findingRe.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				rule := lint.Lookup(m[2])
				if rule == nil || rule.Name != m[3] {
					t.Errorf("finding line names an unknown rule: %q", l)
					continue
				}
				if m[2] == r.ID && m[1] == r.Severity.String() {
					found = true
				}
			}
			if !found {
				t.Errorf("the failing example shows no `roadmap.md:L:C: %s %s/%s: …` finding line", r.Severity, r.ID, r.Name)
			}
			if !strings.Contains(section(lines, "## Passing example"), "```markdown\n") {
				t.Errorf("the passing example has no ```markdown snippet")
			}
			off := section(lines, "## Turning it off")
			if !strings.Contains(off, ".roadmap.yaml") || !strings.Contains(off, r.ID+": ") {
				t.Errorf("Turning it off does not show the .roadmap.yaml setting `%s: …`", r.ID)
			}
			if !strings.Contains(off, "<!-- roadmap-disable") || !strings.Contains(off, " "+r.ID+" -->") {
				t.Errorf("Turning it off does not show an inline <!-- roadmap-disable… %s --> comment", r.ID)
			}
			if strings.Count(page, "```")%2 != 0 {
				t.Errorf("unbalanced ``` fences")
			}
		})
	}
}

func TestNoPageForUnknownRules(t *testing.T) {
	for _, id := range []string{"RM000", "RM024", "RM999", "rm005", "RM5", "action-concrete", "README", "../docs", "RM005.md", ""} {
		if _, ok := docs.RulePage(id); ok {
			t.Errorf("RulePage(%q) found a page", id)
		}
	}
	// And no page file without a rule.
	known := map[string]bool{}
	for _, r := range lint.Rules() {
		known[r.ID+".md"] = true
	}
	entries, err := os.ReadDir("rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "README.md" && filepath.Ext(e.Name()) == ".md" && !known[e.Name()] {
			t.Errorf("rules/%s documents no rule in lint.Rules()", e.Name())
		}
	}
}

// The index lists every rule once, with its page, name and default severity.
func TestIndexListsEveryRule(t *testing.T) {
	b, err := fs.ReadFile(os.DirFS("rules"), "README.md")
	if err != nil {
		t.Fatal(err)
	}
	index := string(b)
	for _, r := range lint.Rules() {
		row := "| [" + r.ID + "](" + r.ID + ".md) | " + r.Name + " | " + r.Severity.String() + " | "
		if n := strings.Count(index, row); n != 1 {
			t.Errorf("README.md has %d rows starting %q, want 1", n, row)
		}
	}
	for _, s := range []string{"roadmap-disable-next-line", "roadmap-disable-line", "roadmap-enable", "--config", "ROADMAP_CONFIG", "ignore:"} {
		if !strings.Contains(index, s) {
			t.Errorf("README.md does not mention %s", s)
		}
	}
}

// indexLine is the index of the line equal to s outside fenced code.
func indexLine(lines []string, s string) int {
	fenced := false
	for i, l := range lines {
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
			continue
		}
		if !fenced && l == s {
			return i
		}
	}
	return -1
}

// section returns the text under a "## " heading, up to the next one
// outside fenced code (snippets have headings of their own).
func section(lines []string, heading string) string {
	i := indexLine(lines, heading)
	if i < 0 {
		return ""
	}
	var b strings.Builder
	fenced := false
	for _, l := range lines[i+1:] {
		if strings.HasPrefix(l, "```") {
			fenced = !fenced
		}
		if !fenced && strings.HasPrefix(l, "## ") {
			break
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}
