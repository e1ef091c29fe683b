package roadmap

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const good = `---
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
cadence:
  checkin: monthly
  review: quarterly
  rewrite: yearly
---

# Path to Staff Engineer

## Target
Staff Software Engineer at a mid-stage B2B SaaS company.

## Gap
- **Scope:** I own one service; staff engineers own initiatives across teams.
  Evidence: lead the billing migration across payments, ledger and invoicing.
- **Mentorship:** I mentor nobody. Evidence: mentor Kai and Lea through their first on-call.
- **Visibility:** Unknown outside my team. Evidence: three posts on the engineering blog.
- **Skills:** No distributed-systems design record. Evidence: write the ledger sharding RFC.

## Next 30 days
- [ ] Scope the billing-migration proposal with Priya Nair (project) — due 2026-11-20
- [x] Start the "Designing Data-Intensive Applications" reading group (course) — due 2026-11-24
- [ ] Ask Marco Rossi for a 15-minute chat about staff scope — due 2026-11-13
  - a nested note that is not an action

## Next quarter
- Ship the migration's first phase.

## Years 2–3 (hypothesis)
- Lead the platform group's storage roadmap.

## Review log
### 2026-11-16 · check-in
- On track.
`

func TestParseGood(t *testing.T) {
	d := Parse("r.md", []byte(good))
	if err := d.Err(); err != nil {
		t.Fatalf("unexpected errors:\n%v", err)
	}
	fm := d.Frontmatter
	if fm.Kind != KindPromotion || fm.HorizonMonths != 24 || fm.Started.String() != "2026-11-02" {
		t.Errorf("frontmatter = %+v", fm)
	}
	if got := strings.Join(fm.Target.Companies, ","); got != "Datadog,Atlassian,Stripe" {
		t.Errorf("companies = %q", got)
	}
	if len(d.Actions) != 3 {
		t.Fatalf("got %d actions, want 3 (the nested note is not one)", len(d.Actions))
	}
	a := d.Actions[2]
	if a.Kind != ActionPerson || !a.KindInferred || a.Due.String() != "2026-11-13" || a.Pos.Line != 40 || a.Pos.Column != 1 {
		t.Errorf("action 3 = %+v", a)
	}
	if !d.Actions[1].Done || d.Actions[1].Kind != ActionCourse || d.Actions[1].KindInferred {
		t.Errorf("action 2 = %+v", d.Actions[1])
	}
	if d.Actions[0].Title != "Scope the billing-migration proposal with Priya Nair" {
		t.Errorf("action 1 title = %q", d.Actions[0].Title)
	}
	if len(d.Gap) != 4 {
		t.Fatalf("got %d gap items", len(d.Gap))
	}
	g := d.Gap[0]
	if g.Dimension != DimensionScope || !strings.HasPrefix(g.Evidence, "lead the billing migration") {
		t.Errorf("gap 1 = %+v", g)
	}
	if g.EvidencePos.Line != 32 || g.EvidencePos.Column != 3 {
		t.Errorf("evidence position = %+v, want 32:3", g.EvidencePos)
	}
	if len(d.Reviews) != 1 || d.Reviews[0].Kind != ReviewCheckin || d.Reviews[0].Heading.Pos.Line != 50 {
		t.Errorf("reviews = %+v", d.Reviews)
	}
	if d.WindowStart().String() != "2026-11-16" || d.WindowEnd().String() != "2026-12-16" {
		t.Errorf("window = %s..%s", d.WindowStart(), d.WindowEnd())
	}
	want := []string{SectionTarget, SectionGap, SectionNext30Days, SectionQuarter, SectionLongTerm, SectionReviewLog}
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Key)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sections = %v, want %v", got, want)
	}
	if pos := fm.Fields["target.companies.1"]; pos.Line != 17 {
		t.Errorf("target.companies.1 at %+v, want line 17", pos)
	}
}

// Every offset a position reports must point at the same character in the
// original bytes, whatever their encoding: edits splice there.
func TestPositionsMapToOriginalBytes(t *testing.T) {
	for name, raw := range map[string][]byte{
		"lf":   []byte(good),
		"crlf": []byte(strings.ReplaceAll(good, "\n", "\r\n")),
		"bom":  append([]byte("\ufeff"), strings.ReplaceAll(good, "\n", "\r\n")...),
	} {
		t.Run(name, func(t *testing.T) {
			d := Parse("r.md", raw)
			if err := d.Err(); err != nil {
				t.Fatal(err)
			}
			if len(d.Actions) != 3 || len(d.Gap) != 4 {
				t.Fatalf("%d actions, %d gap items: CRLF or BOM broke the parse", len(d.Actions), len(d.Gap))
			}
			for _, a := range d.Actions {
				if raw[a.Pos.Offset] != '-' {
					t.Errorf("action %d offset %d points at %q, want the list marker", a.Index, a.Pos.Offset, raw[a.Pos.Offset])
				}
				if !bytes.HasPrefix(raw[a.DuePos.Offset:], []byte(a.Due.String())) {
					t.Errorf("action %d due offset points at %q", a.Index, raw[a.DuePos.Offset:a.DuePos.Offset+10])
				}
				if c := raw[a.Checkbox.Offset]; c != ' ' && c != 'x' {
					t.Errorf("action %d checkbox offset points at %q", a.Index, c)
				}
			}
			if a := d.Actions[0]; a.Pos.Line != 38 {
				t.Errorf("line numbers changed: action 1 on line %d", a.Pos.Line)
			}
		})
	}
}

func TestParseTOML(t *testing.T) {
	src := "+++\nroadmap = 1\ntitle = \"T\"\nkind = \"explore\"\nstarted = 2026-11-02\nsurprise = 1\n\n[target]\nrole = \"Staff PM\"\ncompanies = [\"A\", \"B\"]\nby = \"next year\"\n+++\n\n## Next 30 days\n- [ ] Ask Dana Lee for 15 minutes (person) by 2026-11-10\n"
	d := Parse("r.md", []byte(src))
	if d.Frontmatter.Syntax != "toml" || d.Frontmatter.Kind != KindExplore || d.Frontmatter.Started.String() != "2026-11-02" {
		t.Errorf("frontmatter = %+v", d.Frontmatter)
	}
	if d.Frontmatter.Target.Role.Role != "Staff PM" || len(d.Frontmatter.Target.Companies) != 2 {
		t.Errorf("target = %+v", d.Frontmatter.Target)
	}
	assertProblem(t, d, "unknown-key", 6)
	assertProblem(t, d, "bad-date", 11)
	if len(d.Actions) != 1 || d.Actions[0].Due.String() != "2026-11-10" {
		t.Errorf("actions = %+v", d.Actions)
	}
}

func assertProblem(t *testing.T, d *Document, code string, line int) Problem {
	t.Helper()
	for _, p := range d.Problems {
		if p.Code == code {
			if line > 0 && p.Pos.Line != line {
				t.Errorf("%s reported on line %d, want %d: %s", code, p.Pos.Line, line, p.Format(d.Path))
			}
			return p
		}
	}
	t.Errorf("no %s problem; got %v", code, d.Problems)
	return Problem{}
}

const minimalHead = "roadmap: 1\ntitle: T\nkind: promotion\nstarted: 2026-11-02\ntarget:\n  role: Staff Engineer\n"

// The bad inputs of the Foundation issue, each with the problem it must
// produce and the line it must name.
func TestBadInputs(t *testing.T) {
	bomb := "---\n" + minimalHead + "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, prev := 'b', 'a'; i <= 'j'; i, prev = i+1, i {
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(prev)+",", 8) + "*" + string(prev) + "]\n"
	}
	bomb += "---\n"
	tests := []struct {
		name  string
		src   string
		code  string
		line  int
		fatal bool
	}{
		{"unterminated", "---\n" + minimalHead + "\n# Title\n", "frontmatter-unterminated", 1, true},
		{"yaml syntax", "---\nroadmap: 1\ntitle: [unclosed\nkind: promotion\n---\n", "yaml-syntax", 3, false},
		{"yaml bad mapping", "---\nroadmap: 1\ntitle: a: b\n---\n", "yaml-syntax", 3, false},
		{"tab indentation", "---\nroadmap: 1\ntarget:\n\trole: Staff\n---\n", "yaml-tab", 4, false},
		{"empty frontmatter", "---\n---\n# T\n", "frontmatter-empty", 1, false},
		{"comment-only frontmatter", "---\n# nothing\n---\n# T\n", "frontmatter-empty", 1, false},
		{"no frontmatter", "# Just a title\n\n## Gap\n", "no-frontmatter", 1, false},
		{"frontmatter not on line 1", "\n\n---\n" + minimalHead + "---\n", "no-frontmatter", 3, false},
		{"companies not a list", "---\n" + minimalHead + "  companies: Acme\n---\n", "wrong-type", 8, false},
		{"title is a list", "---\nroadmap: 1\ntitle: [a, b]\nkind: promotion\nstarted: 2026-11-02\ntarget: {role: x}\n---\n", "wrong-type", 3, false},
		{"unparseable date", "---\nroadmap: 1\ntitle: T\nkind: promotion\nstarted: next spring\ntarget: {role: x}\n---\n", "bad-date", 5, false},
		{"impossible date", "---\n" + minimalHead + "  by: 2027-02-30\n---\n", "bad-date", 8, false},
		{"bad kind", "---\nroadmap: 1\ntitle: T\nkind: promotoin\nstarted: 2026-11-02\ntarget: {role: x}\n---\n", "bad-value", 4, false},
		{"bad horizon", "---\n" + minimalHead + "horizon: two years\n---\n", "bad-value", 8, false},
		{"unsupported version", "---\nroadmap: 2\ntitle: T\nkind: promotion\nstarted: 2026-11-02\ntarget: {role: x}\n---\n", "unsupported-version", 2, false},
		{"missing keys", "---\nroadmap: 1\n---\n", "missing-key", 1, false},
		{"not a mapping", "---\n- a\n- b\n---\n", "wrong-type", 2, false},
		{"non-utf8", "---\n" + minimalHead + "owner: Ana \xff\n---\n", "not-utf8", 8, true},
		{"empty file", "", "empty-file", 1, true},
		{"whitespace file", " \n\n\t\n", "empty-file", 1, true},
		{"alias bomb", bomb, "unknown-key", 0, false},
		{"duplicate key", "---\n" + minimalHead + "title: Again\n---\n", "duplicate-key", 8, false},
		{"yaml unclosed quote", "---\nroadmap: 1\ntitle: \"unclosed\nkind: promotion\n---\n", "yaml-syntax", 0, false},
		{"toml syntax", "+++\nroadmap = 1\ntitle = unquoted\n+++\n", "toml-syntax", 3, false},
		{"toml unterminated", "+++\nroadmap = 1\n", "frontmatter-unterminated", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			d := Parse("bad.md", []byte(tt.src))
			if el := time.Since(start); el > time.Second {
				t.Errorf("parse took %v", el)
			}
			p := assertProblem(t, d, tt.code, tt.line)
			if p.Fatal != tt.fatal {
				t.Errorf("fatal = %v, want %v", p.Fatal, tt.fatal)
			}
			if tt.code != "unknown-key" {
				if err := d.Err(); err == nil {
					t.Errorf("Err() = nil, want an error")
				} else if !strings.HasPrefix(err.Error(), "bad.md:") {
					t.Errorf("error %q does not name the file", err)
				}
			}
			if p.Hint == "" && p.Code != "" {
				t.Errorf("%s has no hint on how to fix it", p.Code)
			}
		})
	}
}

func TestUnknownKeysAreWarningsWithSuggestions(t *testing.T) {
	d := Parse("r.md", []byte("---\n"+minimalHead+"  levle: staff\ncolour: blue\n---\n"))
	if err := d.Err(); err != nil {
		t.Fatalf("unknown keys must not be errors: %v", err)
	}
	if len(d.Frontmatter.Unknown) != 2 {
		t.Fatalf("unknown = %+v", d.Frontmatter.Unknown)
	}
	u := d.Frontmatter.Unknown[0]
	if u.Path != "target.levle" || u.Suggestion != "level" || u.Pos.Line != 8 || u.Pos.Column != 3 {
		t.Errorf("unknown[0] = %+v", u)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a"), MaxFileBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct{ path, want string }{
		"directory": {dir, "is a directory"},
		"missing":   {filepath.Join(dir, "nope.md"), "no such file"},
		"too large": {big, "larger than the 1 MiB limit"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), tc.path+": ") {
				t.Errorf("Load(%s) error = %v, want %q naming the path", name, err, tc.want)
			}
		})
	}
}

func TestSectionAliases(t *testing.T) {
	for heading, want := range map[string]string{
		"Next 30 days": SectionNext30Days, "30-day plan": SectionNext30Days, "NEXT MONTH": SectionNext30Days,
		"Years 2–3 (hypothesis)": SectionLongTerm, "Year 2-3": SectionLongTerm, "Long term": SectionLongTerm,
		"Review log": SectionReviewLog, "Bridge work": SectionBridgeWork, "Decision:": SectionDecision,
		"Candidates": SectionCandidates, "Gap": SectionGap, "Target": SectionTarget, "Next quarter": SectionQuarter,
		"Hobbies": "",
	} {
		if got := SectionKey(heading); got != want {
			t.Errorf("SectionKey(%q) = %q, want %q", heading, got, want)
		}
	}
}

func TestReviewKind(t *testing.T) {
	for in, want := range map[string]string{
		"check-in": ReviewCheckin, "Monthly check in": ReviewCheckin, "quarterly": ReviewQuarterly,
		"Q1 quarterly review": ReviewQuarterly, "annual rewrite": ReviewRewrite, "re-plan": ReviewReplan,
		"replan after reorg": ReviewReplan, "lunch": "",
	} {
		if got := ReviewKind(in); got != want {
			t.Errorf("ReviewKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGapItemNotApplicable(t *testing.T) {
	for _, tc := range []struct {
		detail string
		ok     bool
		reason string
	}{
		{"does not apply: the target is an entry-level role with no reports.", true, "the target is an entry-level role with no reports."},
		{"N/A — I already mentor two people.", true, "I already mentor two people."},
		{"n/a", true, ""},
		{"🙋 does not apply: I have a mentor already.", true, "I have a mentor already."},
		{"Not applicable", true, ""},
		{"I mentor nobody on purpose.", false, ""},
		{"nap-time is not a dimension", false, ""},
	} {
		ok, reason := GapItem{Detail: tc.detail}.NotApplicable()
		if ok != tc.ok || reason != tc.reason {
			t.Errorf("NotApplicable(%q) = %v, %q; want %v, %q", tc.detail, ok, reason, tc.ok, tc.reason)
		}
	}
}

func TestFindEvidence(t *testing.T) {
	for s, want := range map[string]string{
		"I own one service. Evidence: lead the migration.": "[19 29]",
		"x **Evidence:** the doc":                          "[2 16]",
		"x **Evidence**: the doc":                          "[2 16]",
		"x __evidence__ the doc":                           "[2 15]",
		"EVIDENCE: the doc":                                "[0 10]",
		"I have no evidence yet that I can lead.":          "[]",
		"counter-evidence: none. Evidence: real":           "[24 34]",
		"evidenced by nothing":                             "[]",
		"a  evidence  :  **  : b":                          "[3 22]",
		"9evidence: x":                                     "[]",
		"evidence\t:\tx":                                   "[0 11]",
	} {
		got := findEvidence(s)
		if fmt.Sprint(got) != want && !(want == "[]" && got == nil) {
			t.Errorf("findEvidence(%q) = %v, want %s", s, got, want)
		}
	}
}

func TestGapLabelsInTheMethodsWords(t *testing.T) {
	for label, want := range map[string]string{
		"Scope of ownership": DimensionScope, "Mentorship range": DimensionMentorship,
		"Public visibility": DimensionVisibility, "Technical skills": DimensionSkills,
		"Skill": DimensionSkills, "Skills": DimensionSkills, "Domain knowledge": "domain knowledge",
	} {
		if got := dimensionOf(label); got != want {
			t.Errorf("dimensionOf(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestOnCallIsNotAConversation(t *testing.T) {
	for text, want := range map[string]string{
		"Automate the on-call handoff report for the refunds service": ActionProject,
		"Call Dana Lee about the staff packet":                        ActionPerson,
		"Set up a call-in line":                                       ActionProject,
		"Pair with Hana Kim on the ledger tests":                      ActionPerson,
	} {
		if got := InferActionKind(text); got != want {
			t.Errorf("InferActionKind(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestSectionKeyNormalizesHeadings(t *testing.T) {
	for heading, want := range map[string]string{
		"Years 2–3 (hypothesis)":         SectionLongTerm,
		"  Next   30 days: ":             SectionNext30Days,
		"**Next quarter** (a sketch)":    SectionQuarter,
		"The Gap (honest) (v2)":          SectionGap,
		"Review_log":                     SectionReviewLog,
		"Candidates (pick by March":      SectionCandidates, // the words name it, the bracket aside
		"## 3. Next 30 days 🎯":           SectionNext30Days,
		"🎯 Target":                       SectionTarget,
		"II. The gap":                    SectionGap,
		"Step 4: Next quarter":           SectionQuarter,
		"Next 30 days: what I will ship": SectionNext30Days,
		"Skills gap to close":            SectionGap,
		"Years 2 - 3":                    SectionLongTerm,
		"This month":                     SectionNext30Days,
		"3.5 years out":                  "",
		"Peer reviews I owe":             "",
		"Learning log":                   "",
		"2027–2028 (hypothesis)":         SectionLongTerm,
		"Q1 2027":                        SectionQuarter,
		"Q1 2027 to Q3 2027":             "",
		"Now":                            SectionNext30Days,
		"Next":                           SectionQuarter,
		"Later":                          SectionLongTerm,
		"Next steps":                     "",
		"Decision (stay or switch)":      SectionDecision,
		"`Bridge work`":                  SectionBridgeWork,
		"Long-term":                      SectionLongTerm,
		"Something else (next quarter)":  "",
		// one spelling: numbers in words, abbreviated spans, hyphens,
		// words run together, a plural
		"Next thirty days":             SectionNext30Days,
		"Next Thirty Days 🎯":           SectionNext30Days,
		"Thirty-day plan":              SectionNext30Days,
		"Next 30-days":                 SectionNext30Days,
		"Next 30days":                  SectionNext30Days,
		"Next 30 day":                  SectionNext30Days,
		"Next ninety days":             SectionQuarter,
		"Next qtr":                     SectionQuarter,
		"Years two-three (hypothesis)": SectionLongTerm,
		"Yrs 2-3":                      SectionLongTerm,
		"Review-log":                   SectionReviewLog,
		"Reviewlog":                    SectionReviewLog,
		"Review logs":                  SectionReviewLog,
		"Gap-analysis":                 SectionGap,
		"Next 60 days":                 "",
		"One more thing":               "",
		"Goals":                        "",
		"2nd opinion":                  "",
	} {
		if got := SectionKey(heading); got != want {
			t.Errorf("SectionKey(%q) = %q, want %q", heading, got, want)
		}
	}
}

// dueRegexp is what findDue does by hand: the keyword and the date on word
// boundaries, where a word character is a letter, digit or mark in any
// script (pkg/ascii), so the groups are compared, not the whole match.
var dueRegexp = regexp.MustCompile(`(?i)(?:^|[^\pL\pN\pM])(due|by)(?:\s*:\s*|\s+)(?:on\s+)?(\d{4}-\d{1,2}-\d{1,2})(?:$|[^\pL\pN\pM])`)

func TestFindDueMatchesTheRegexp(t *testing.T) {
	cases := []string{
		"Scope the proposal (project) — due 2026-11-20", "Finish it by 2026-12-01.", "DUE: 2026-1-5",
		"due on 2026-12-01", "due on2026-12-01", "due on  2026-12-01", "overdue 2026-12-01", "by the 2026-12-01",
		"due 2026-12-011", "due 2026-123-01", "due 20261-12-01", "Standby 2026-12-01 due 2026-12-02",
		"due 2026-12-01x", "due 2026-12-01_", "(by 2026-12-01)", "due: on 2026-12-01", "due :2026-12-01",
		"due\t2026-12-01", "by", "due", "due 2026-", "bye 2026-12-01", "_due 2026-12-01", "due-2026-12-01",
		"ON by 2026-12-01", "due on by 2026-12-01", "é due 2026-12-01", "dueé 2026-12-01",
	}
	// and some random ones built from the pieces
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"due", "by", " ", ":", "on", "2026", "-", "1", "12", "x", "_", "é", "\t", "(", ")"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(9) + 1 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var want []int
		if m := dueRegexp.FindStringSubmatchIndex(s); m != nil {
			want = []int{m[2], m[5], m[2], m[3], m[4], m[5]}
		}
		if got := findDue(s); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("findDue(%q) = %v, the regexp gives %v", s, got, want)
		}
	}
}
