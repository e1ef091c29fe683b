package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/lint"
)

var sampleFindings = []lint.Finding{
	{File: "team/ana.md", Line: 12, Column: 7, EndLine: 12, EndColumn: 17, Rule: "RM005", Name: "action-concrete",
		Severity: lint.Error, Message: `action 1 is vague: "learn more" has no concrete object`, Hint: "name the course"},
	{File: "team/a,b: c%.md", Line: 3, Column: 1, EndLine: 3, EndColumn: 9, Rule: "RM020", Name: "hedging",
		Severity: lint.Warning, Message: "50% sure\nsecond line\r", Hint: ""},
	{File: "x.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Rule: "RM016", Name: "plan-stale", Severity: lint.Info, Message: "old"},
}

func TestFindingsText(t *testing.T) {
	var buf bytes.Buffer
	ios, _, _, _ := iostreams.Test()
	if err := WriteFindingsText(&buf, sampleFindings[:1], ios.ColorScheme()); err != nil {
		t.Fatal(err)
	}
	want := "team/ana.md:12:7: error RM005/action-concrete: action 1 is vague: \"learn more\" has no concrete object (name the course)\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestFindingsSummary(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	cs := ios.ColorScheme()
	if got := FindingsSummary(4, sampleFindings, cs); got != "1 error, 1 warning, 1 info in 3 of 4 files" {
		t.Errorf("summary = %q", got)
	}
	if got := FindingsSummary(1, nil, cs); got != "✓ 1 file checked: no problems" {
		t.Errorf("clean summary = %q", got)
	}
}

func TestFindingsGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFindingsGitHub(&buf, sampleFindings); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want one command per finding, got %q", buf.String())
	}
	want := []string{
		`::error file=team/ana.md,line=12,col=7,endLine=12,endColumn=17,title=RM005/action-concrete::action 1 is vague: "learn more" has no concrete object (name the course)`,
		`::warning file=team/a%2Cb%3A c%25.md,line=3,col=1,endLine=3,endColumn=9,title=RM020/hedging::50%25 sure%0Asecond line%0D`,
		`::notice file=x.md,line=1,col=1,endLine=1,endColumn=2,title=RM016/plan-stale::old`,
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got  %s\n want %s", i, lines[i], want[i])
		}
	}
}

func TestFindingsJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFindingsJSON(&buf, 2, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("no findings must be [], not null: %s", buf.String())
	}
	buf.Reset()
	if err := WriteFindingsJSON(&buf, 2, sampleFindings[:1]); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Files    int `json:"files"`
		Findings []map[string]any
		Summary  map[string]int
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	f := got.Findings[0]
	for _, key := range []string{"file", "line", "column", "endLine", "endColumn", "rule", "name", "severity", "message", "hint"} {
		if _, ok := f[key]; !ok {
			t.Errorf("finding lacks %q: %v", key, f)
		}
	}
	if f["severity"] != "error" || got.Files != 2 || got.Summary["error"] != 1 {
		t.Errorf("unexpected JSON: %s", buf.String())
	}
}

// TestSARIFForCodeScanning checks what GitHub code scanning needs: a
// driver with rules, results that point at them by ruleId and ruleIndex,
// and physical locations with 1-based regions in code points.
func TestSARIFForCodeScanning(t *testing.T) {
	var buf bytes.Buffer
	err := WriteFindingsSARIF(&buf, append(sampleFindings, lint.Finding{File: "/abs/my plan.md", Line: 2, Column: 1, EndLine: 2, EndColumn: 3,
		Rule: "RM001", Name: "document-valid", Severity: lint.Error, Message: "m"}), SARIFOptions{
		Version: "1.2.3", Rules: lint.Rules(),
		RuleHelp: func(id string) string { return "# " + id },
		Errors:   []error{errors.New("b.md: no such file")},
	})
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Name, Version, InformationURI string
					Rules                         []struct {
						ID, Name, HelpURI    string
						ShortDescription     struct{ Text string }
						Help                 struct{ Text, Markdown string }
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF 2.1.0 log with one run: %s", buf.String()[:200])
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "roadmap" || d.Version != "1.2.3" || len(d.Rules) != len(lint.Rules()) {
		t.Errorf("driver = %s %s with %d rules", d.Name, d.Version, len(d.Rules))
	}
	for i, r := range d.Rules {
		if r.ID != lint.Rules()[i].ID || r.ShortDescription.Text == "" || !strings.HasSuffix(r.HelpURI, "/docs/rules/"+r.ID+".md") ||
			r.Help.Markdown != "# "+r.ID || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %d incomplete: %+v", i, r)
		}
	}
	if len(run.Results) != 4 {
		t.Fatalf("results = %d, want 4", len(run.Results))
	}
	for _, res := range run.Results {
		if d.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("ruleIndex %d points at %s, not %s", res.RuleIndex, d.Rules[res.RuleIndex].ID, res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.Region.StartLine < 1 || loc.Region.StartColumn < 1 || loc.ArtifactLocation.URI == "" {
			t.Errorf("bad location %+v", loc)
		}
	}
	levels := []string{run.Results[0].Level, run.Results[1].Level, run.Results[2].Level}
	if strings.Join(levels, " ") != "error warning note" {
		t.Errorf("levels = %v", levels)
	}
	uris := []string{run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI, run.Results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI}
	if uris[0] != "team/ana.md" || uris[1] != "file:///abs/my%20plan.md" {
		t.Errorf("uris = %v: relative paths stay relative, absolute ones become file URIs", uris)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("a failed run must say so: %+v", inv)
	}
}
