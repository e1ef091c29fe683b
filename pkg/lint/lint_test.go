package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

var today = mustDate("2026-11-21")

func mustDate(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// clean is a roadmap that passes every rule on 2026-11-21.
const clean = `---
roadmap: 1
title: Path to Staff Engineer
owner: Ana Souza
kind: promotion
started: 2026-11-02
horizon: 2y
current:
  role: Senior Software Engineer
  ladder: software-engineer
  level: senior
target:
  role: Staff Software Engineer
  ladder: software-engineer
  level: staff
  industry: B2B SaaS
  companies: [Datadog, Atlassian, Stripe]
  by: 2028-06-30
---

# Path to Staff Engineer

## Target
Staff Software Engineer at a mid-stage B2B SaaS company such as Datadog or Atlassian.

## Gap
- **Skills:** I design inside one service. Evidence: the Ledger v3 design doc.
- **Scope:** I own one service. Evidence: lead the billing migration across payments, ledger and invoicing.
- **Mentorship:** I mentor nobody. Evidence: mentor Diego Alvarez through his first design doc.
- **Visibility:** Few people outside Payments know my work. Evidence: two posts on the engineering blog.

## Next 30 days
- [ ] Scope the billing-migration proposal and review it with Priya Natarajan (project) — due 2026-11-27
- [ ] Finish chapters 1–5 of "The Staff Engineer's Path" (course) — due 2026-11-30
- [ ] Ask Marco Rossi (Staff Engineer, Ledger) for a 15-minute chat about staff scope (person) — due 2026-12-01

## Next quarter
- Billing migration accepted at the December architecture review.

## Years 2–3 (hypothesis)
- Staff packet submitted in the H2 2027 cycle.

## Review log
### 2026-11-16 · check-in
- On track.
`

func lintString(t *testing.T, src string, cfg *Config) []Finding {
	t.Helper()
	doc := roadmap.Parse("r.md", []byte(src))
	fs, err := (&Linter{Today: today, Config: cfg}).Lint(doc, History{})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func rulesOf(fs []Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	return strings.Join(ids, " ")
}

func TestCleanRoadmapHasNoFindings(t *testing.T) {
	if fs := lintString(t, clean, nil); len(fs) != 0 {
		t.Fatalf("clean roadmap has findings:\n%v", fs)
	}
}

func TestExamplesLintClean(t *testing.T) {
	res := Run(RunOptions{Paths: []string{"../../examples"}, Today: today, Configs: &ConfigResolver{}})
	if len(res.Errors) > 0 || len(res.Findings) > 0 {
		t.Fatalf("examples must lint clean on %s; errors %v, findings:\n%v", today, res.Errors, res.Findings)
	}
	if res.Files < 7 {
		t.Fatalf("linted %d example files, want at least 7 (examples/ and examples/team/)", res.Files)
	}
}

func TestFatalDocumentGetsOnlyRM001(t *testing.T) {
	fs := lintString(t, "---\nroadmap: 1\ntitle: x\n# never closed\n", nil)
	if got := rulesOf(fs); got != "RM001" {
		t.Fatalf("rules = %q, want only RM001", got)
	}
	if fs[0].Line != 1 || fs[0].Severity != Error {
		t.Errorf("finding = %+v, want line 1 error", fs[0])
	}
}

func TestUnknownKeyStaysWarning(t *testing.T) {
	src := strings.Replace(clean, "horizon: 2y\n", "horizon: 2y\nhorizn: 3y\n", 1)
	fs := lintString(t, src, nil)
	if len(fs) != 1 || fs[0].Rule != "RM001" || fs[0].Severity != Warning || fs[0].Line != 8 {
		t.Fatalf("findings = %+v, want one RM001 warning on line 8", fs)
	}
}

func TestSuppressions(t *testing.T) {
	vagueAction := "- [ ] Learn more about Kafka (course) — due 2026-11-30"
	src := strings.Replace(clean, `- [ ] Finish chapters 1–5 of "The Staff Engineer's Path" (course) — due 2026-11-30`, vagueAction, 1)
	if got := rulesOf(lintString(t, src, nil)); got != "RM005" {
		t.Fatalf("unsuppressed: rules = %q, want RM005", got)
	}
	for name, edit := range map[string]func(string) string{
		"disable-next-line": func(s string) string {
			return strings.Replace(s, vagueAction, "<!-- roadmap-disable-next-line RM005 -->\n"+vagueAction, 1)
		},
		"disable-line by name": func(s string) string {
			return strings.Replace(s, vagueAction, vagueAction+" <!-- roadmap-disable-line action-concrete -->", 1)
		},
		"disable all": func(s string) string {
			return strings.Replace(s, "## Next 30 days", "<!-- roadmap-disable -->\n## Next 30 days", 1)
		},
	} {
		if fs := lintString(t, edit(src), nil); len(fs) != 0 {
			t.Errorf("%s: still reported: %v", name, fs)
		}
	}
	reenabled := strings.Replace(src, "## Gap", "<!-- roadmap-disable RM005 -->\n## Gap", 1)
	reenabled = strings.Replace(reenabled, "## Next 30 days", "<!-- roadmap-enable RM005 -->\n## Next 30 days", 1)
	if got := rulesOf(lintString(t, reenabled, nil)); got != "RM005" {
		t.Errorf("after roadmap-enable: rules = %q, want RM005 back", got)
	}
	nextLineOnly := strings.Replace(src, vagueAction, "<!-- roadmap-disable-next-line RM005 -->\n\n"+vagueAction, 1)
	if got := rulesOf(lintString(t, nextLineOnly, nil)); got != "RM005" {
		t.Errorf("disable-next-line reached past the next line: rules = %q", got)
	}
}

func TestDisableBeforeFirstHeadingCoversFrontmatter(t *testing.T) {
	src := strings.Replace(clean, "  companies: [Datadog, Atlassian, Stripe]\n", "  companies: [Datadog]\n", 1)
	if got := rulesOf(lintString(t, src, nil)); got != "RM002" {
		t.Fatalf("rules = %q, want RM002", got)
	}
	src = strings.Replace(src, "# Path to Staff Engineer\n", "<!-- roadmap-disable target-named -->\n# Path to Staff Engineer\n", 1)
	if fs := lintString(t, src, nil); len(fs) != 0 {
		t.Fatalf("a disable before the first heading must cover the frontmatter: %v", fs)
	}
}

func TestUnknownRuleInCommentIsReported(t *testing.T) {
	src := strings.Replace(clean, "## Gap", "<!-- roadmap-disable RM05 -->\n## Gap", 1)
	fs := lintString(t, src, nil)
	if len(fs) != 1 || fs[0].Rule != "RM001" || !strings.Contains(fs[0].Message, `"RM05"`) || !strings.Contains(fs[0].Hint, "did you mean") {
		t.Fatalf("findings = %+v, want one RM001 warning naming RM05 with a suggestion", fs)
	}
}

func TestConfigSeverityAndOff(t *testing.T) {
	src := strings.Replace(clean, "  companies: [Datadog, Atlassian, Stripe]\n", "  companies: [Datadog]\n", 1)
	cfg, err := ParseConfig(".roadmap.yaml", []byte("rules:\n  target-named: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := lintString(t, src, cfg)
	if len(fs) != 1 || fs[0].Severity != Warning {
		t.Fatalf("findings = %+v, want RM002 as a warning", fs)
	}
	cfg, err = ParseConfig(".roadmap.yaml", []byte("rules:\n  RM002: off\n"))
	if err != nil {
		t.Fatal(err)
	}
	if fs := lintString(t, src, cfg); len(fs) != 0 {
		t.Fatalf("RM002: off still reports %v", fs)
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"rules:\n  RM099: off\n", ".roadmap.yaml:2:3: unknown rule \"RM099\""},
		{"rules:\n  action-concret: off\n", "did you mean action-concrete?"},
		{"rules:\n  RM005: loud\n", ".roadmap.yaml:2:10: rules.RM005: \"loud\" is not a severity"},
		{"rule:\n  RM005: off\n", ".roadmap.yaml:1:1: unknown key \"rule\" (did you mean \"rules\"?"},
		{"ignore: archive/**\n", ".roadmap.yaml:1:9: ignore must be a list"},
		{"rules: [\n", ".roadmap.yaml:2:1: invalid YAML"},
		{"phrases:\n  verbs: [x]\n", ".roadmap.yaml:2:3: unknown phrase list \"verbs\""},
		{"- a\n", "the configuration must be a mapping"},
	} {
		_, err := ParseConfig(".roadmap.yaml", []byte(tc.src))
		var ce *ConfigError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseConfig(%q) = %v, want a ConfigError containing %q", tc.src, err, tc.want)
		}
	}
	if _, err := ParseConfig(".roadmap.yaml", nil); err != nil {
		t.Errorf("an empty config is valid, got %v", err)
	}
	if _, err := ParseConfig(".roadmap.yaml", []byte("rules:\n  RM007: off\n  RM020: error\n")); err != nil {
		t.Errorf("a bare off is a severity, got %v", err)
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"archive/**", "archive/2025/old.md", true},
		{"archive", "archive/old.md", true},
		{"**/draft-*.md", "team/ana/draft-1.md", true},
		{"**/draft-*.md", "draft-1.md", true},
		{"*.md", "team/a.md", false},
		{"team/*.md", "team/a.md", true},
		{"team/*.md", "teams/a.md", false},
		{"plans/**/*.txt", "plans/a/b/c.txt", true},
		{"plans/**/*.txt", "plans/c.md", false},
		{"**/**/a/**", "x/a/y", true},
		{"**/a/**/b", "a/b", true},
		{"**/a/**/b", "a/x/y/c", false},
	} {
		if got := matchGlob(tc.pattern, tc.name); got != tc.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

// A glob of many ** against a deep path that it does not match is
// polynomial work: a hostile pull request's .roadmap.yaml with
// ignore: ["**/**/**/**/**/**/**/**/**/**/nomatch"] took lint 108 s on a
// path 25 directories deep (12 of them: over ten minutes).
func TestMatchGlobManyStars(t *testing.T) {
	dirs := make([]string, 40)
	for i := range dirs {
		dirs[i] = fmt.Sprintf("d%d", i)
	}
	name := strings.Join(dirs, "/") + "/p.md"
	for _, pattern := range []string{
		strings.Repeat("**/", 12) + "nomatch",
		strings.Repeat("**/d*/", 12) + "nomatch",
	} {
		done := make(chan bool)
		go func() { done <- matchGlob(pattern, name) }()
		select {
		case got := <-done:
			if got {
				t.Errorf("matchGlob(%q) matched", pattern)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("matchGlob(%q, a path 40 deep) took more than 5 s", pattern)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRunWalksDirectoriesDeterministically(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(clean, "  companies: [Datadog, Atlassian, Stripe]\n", "  companies: [Datadog]\n", 1)
	for _, name := range []string{"b/z.md", "b/a.md", "a.md", "c/d/e.md"} {
		write(t, filepath.Join(dir, name), bad)
	}
	write(t, filepath.Join(dir, "README.md"), "# Our roadmaps\n")
	write(t, filepath.Join(dir, ".git/x.md"), bad)
	write(t, filepath.Join(dir, "node_modules/pkg/x.md"), bad)
	write(t, filepath.Join(dir, ".hidden/x.md"), bad)
	write(t, filepath.Join(dir, "archive/old.md"), bad)
	write(t, filepath.Join(dir, "plans/p.txt"), bad)
	write(t, filepath.Join(dir, ConfigFile), "ignore: [archive]\ninclude: [\"plans/*.txt\"]\n")
	var first string
	for i := 0; i < 5; i++ {
		res := Run(RunOptions{Paths: []string{dir}, Today: today, Configs: &ConfigResolver{}, Workers: 4})
		if len(res.Errors) > 0 {
			t.Fatal(res.Errors)
		}
		var files []string
		for _, f := range res.Findings {
			rel, _ := filepath.Rel(dir, f.File)
			files = append(files, filepath.ToSlash(rel))
		}
		got := strings.Join(files, " ")
		if want := "a.md b/a.md b/z.md c/d/e.md plans/p.txt"; got != want {
			t.Fatalf("findings in %q, want %q", got, want)
		}
		if res.Files != 5 {
			t.Fatalf("Files = %d, want 5 (README, .git, node_modules, hidden and ignored files skipped)", res.Files)
		}
		if i == 0 {
			first = got
		} else if got != first {
			t.Fatalf("run %d order %q differs from %q", i, got, first)
		}
	}
}

func TestRunReportsBadInputsAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ok.md"), clean)
	write(t, filepath.Join(dir, "sub", ConfigFile), "rules:\n  RM999: off\n")
	write(t, filepath.Join(dir, "sub", "x.md"), clean)
	res := Run(RunOptions{Paths: []string{filepath.Join(dir, "missing.md"), dir}, Today: today, Configs: &ConfigResolver{}})
	if len(res.Errors) != 2 {
		t.Fatalf("errors = %v, want the missing file and the bad config", res.Errors)
	}
	if !strings.Contains(res.Errors[0].Error(), "missing.md: no such file") {
		t.Errorf("first error = %v", res.Errors[0])
	}
	if !strings.Contains(res.Errors[1].Error(), ".roadmap.yaml:2:3: unknown rule") {
		t.Errorf("second error = %v", res.Errors[1])
	}
	if res.Files != 1 {
		t.Errorf("Files = %d, want 1 (ok.md still linted)", res.Files)
	}
}

func TestExplicitConfigWins(t *testing.T) {
	dir := t.TempDir()
	bad := strings.Replace(clean, "  companies: [Datadog, Atlassian, Stripe]\n", "  companies: [Datadog]\n", 1)
	write(t, filepath.Join(dir, "r.md"), bad)
	write(t, filepath.Join(dir, ConfigFile), "rules:\n  RM002: error\n")
	explicit := filepath.Join(t.TempDir(), "ci.yaml")
	write(t, explicit, "rules:\n  RM002: off\n")
	res := Run(RunOptions{Paths: []string{dir}, Today: today, Configs: &ConfigResolver{Explicit: explicit}})
	if len(res.Findings) != 0 || len(res.Errors) != 0 {
		t.Fatalf("explicit config ignored: %v %v", res.Findings, res.Errors)
	}
}

func TestRulePanicIsContained(t *testing.T) {
	saved := catalogue
	defer func() { catalogue = saved }()
	boom := &Rule{ID: "RM999", Name: "boom", Severity: Error, check: func(*Context) { panic("index out of range") }}
	catalogue = append(append([]*Rule{}, saved...), boom)
	src := strings.Replace(clean, "  companies: [Datadog, Atlassian, Stripe]\n", "  companies: [Datadog]\n", 1)
	fs, err := (&Linter{Today: today}).Lint(roadmap.Parse("r.md", []byte(src)), History{})
	var rp *RulePanic
	if !errors.As(err, &rp) || rp.Rule.ID != "RM999" || !strings.Contains(err.Error(), "r.md: rule RM999/boom crashed: index out of range") {
		t.Fatalf("err = %v, want a RulePanic naming the file and rule", err)
	}
	if rulesOf(fs) != "RM002" {
		t.Errorf("the other rules' findings must survive a crash: %v", fs)
	}
}

func TestFindingsHaveValidSpans(t *testing.T) {
	bad, err := os.ReadFile("testdata/vague.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := roadmap.Parse("vague.md", bad)
	fs, err := (&Linter{Today: today}).Lint(doc, History{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) < 10 {
		t.Fatalf("only %d findings on a deliberately vague roadmap", len(fs))
	}
	for _, f := range fs {
		if f.Line < 1 || f.Column < 1 || f.EndLine < f.Line || (f.EndLine == f.Line && f.EndColumn <= f.Column) {
			t.Errorf("bad span %d:%d-%d:%d in %v", f.Line, f.Column, f.EndLine, f.EndColumn, f)
		}
		if f.Line > doc.LineCount() {
			t.Errorf("line %d past the end of the file: %v", f.Line, f)
		}
		if f.Message == "" || f.Hint == "" || f.Name == "" {
			t.Errorf("finding without message, hint or name: %+v", f)
		}
	}
}

func TestRoadmapsOnlySkipsNamedNonRoadmaps(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "README.md")
	write(t, readme, "# Our team\n")
	if res := Run(RunOptions{Paths: []string{readme}, Today: today}); res.Files != 1 || rulesOf(res.Findings) != "RM001" {
		t.Errorf("a named file is linted even without frontmatter: %d files, %v", res.Files, res.Findings)
	}
	if res := Run(RunOptions{Paths: []string{readme}, Today: today, RoadmapsOnly: true}); res.Files != 0 || len(res.Findings) != 0 {
		t.Errorf("--roadmaps-only must skip it: %d files, %v", res.Files, res.Findings)
	}
	if res := Run(RunOptions{Paths: []string{filepath.Join(dir, "gone.md")}, Today: today, RoadmapsOnly: true}); len(res.Errors) != 1 {
		t.Errorf("a missing file is still an error with --roadmaps-only: %v", res.Errors)
	}
}

func TestProseBlanksComments(t *testing.T) {
	in := "Learn more <!-- roadmap-disable-line RM020 --> now <!-- open"
	got := prose(in)
	if len(got) != len(in) || strings.Contains(got, "RM020") || strings.Contains(got, "open") ||
		!strings.HasPrefix(got, "Learn more ") || !strings.Contains(got, " now ") {
		t.Errorf("prose(%q) = %q", in, got)
	}
	if prose("no comment") != "no comment" {
		t.Error("text without comments must come back unchanged")
	}
}

func TestSlotThatIsALinkIsNoPlaceholder(t *testing.T) {
	src := strings.Replace(clean, "## Next quarter\n", "## Next quarter\n- Notes are [here] and [fill in].\n\n[here]: https://example.com/notes\n\n", 1)
	fs := lintString(t, src, nil)
	if got := rulesOf(fs); got != "RM021" || !strings.Contains(fs[0].Message, "[fill in]") {
		t.Errorf("findings = %v", fs)
	}
}
