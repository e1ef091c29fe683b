package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/roadmapcli/roadmap/docs"
	"github.com/roadmapcli/roadmap/pkg/lint"
)

// sarifOf writes fs as SARIF with the real rule catalogue and pages.
func sarifOf(t *testing.T, fs []lint.Finding, root string) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := WriteFindingsSARIF(&buf, fs, SARIFOptions{
		Version: "1.2.3", Rules: lint.Rules(), Root: root,
		RuleHelp: func(id string) string { page, _ := docs.RulePage(id); return page },
		Errors:   []error{errors.New("b.md: no such file")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSARIFMatchesTheSchema validates a log with every kind of content
// (rules with help, results, a failed invocation, base URIs) against the
// OASIS SARIF 2.1.0 schema kept in testdata, with format assertions on
// (a relative URI or a malformed helpUri fails).
func TestSARIFMatchesTheSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	fs := append(append([]lint.Finding(nil), sampleFindings...), lint.Finding{File: "/abs/my plan.md", Line: 2, Column: 1,
		EndLine: 2, EndColumn: 3, Rule: "RM001", Name: "document-valid", Severity: lint.Error, Message: "m", Context: "title: x"})
	for _, root := range []string{"/home/ana/roadmaps", ""} {
		log := sarifOf(t, fs, root)
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("root %q: the log does not match SARIF 2.1.0: %v", root, err)
		}
	}
	// The validator is not a rubber stamp: a result without a message fails.
	bad := strings.Replace(string(sarifOf(t, fs, "")), `"message": {`, `"messages": {`, 1)
	inst, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if schema.Validate(inst) == nil {
		t.Error("a result with no message passed the schema")
	}
}

type sarifDoc struct {
	Runs []struct {
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Tool struct {
			Driver struct {
				Rules []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
					Help    struct {
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, b []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSARIFFingerprints: an upload through the API gets no fingerprints
// from GitHub, so the log carries them. The same line keeps its
// fingerprint when it moves; identical lines are told apart by count.
func TestSARIFFingerprints(t *testing.T) {
	at := func(line int, text string) lint.Finding {
		return lint.Finding{File: "ana.md", Line: line, Column: 3, EndLine: line, EndColumn: 9, Rule: "RM005",
			Name: "action-concrete", Severity: lint.Error, Message: "vague", Context: text}
	}
	fp := func(fs ...lint.Finding) []string {
		var out []string
		for _, r := range decodeSARIF(t, sarifOf(t, fs, "")).Runs[0].Results {
			out = append(out, r.PartialFingerprints["primaryLocationLineHash"])
		}
		return out
	}
	before := fp(at(20, "- [ ] Learn more about Kafka (course)"))
	after := fp(at(23, "  - [ ]   Learn more about Kafka (course)"))
	if before[0] == "" || before[0] != after[0] {
		t.Errorf("a line that moved down and was re-indented changed its fingerprint: %q, %q", before, after)
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}:1$`).MatchString(before[0]) {
		t.Errorf("fingerprint %q is not hash:occurrence", before[0])
	}
	twice := fp(at(20, "- [ ] Work on it"), at(21, "- [ ] Work on it"), at(22, "- [ ] Work on that"))
	if twice[0] == twice[1] || strings.Split(twice[0], ":")[0] != strings.Split(twice[1], ":")[0] ||
		!strings.HasSuffix(twice[1], ":2") || strings.Split(twice[2], ":")[0] == strings.Split(twice[0], ":")[0] {
		t.Errorf("identical lines must differ by occurrence only, other lines by hash: %q", twice)
	}
}

// TestSARIFBaseURIs: relative paths name the directory lint ran in as
// %SRCROOT%, so a consumer outside the checkout can resolve them.
func TestSARIFBaseURIs(t *testing.T) {
	fs := []lint.Finding{sampleFindings[0], {File: "/abs/my plan.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 2,
		Rule: "RM001", Name: "document-valid", Severity: lint.Error, Message: "m"}}
	run := decodeSARIF(t, sarifOf(t, fs, "/home/ana/road maps")).Runs[0]
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///home/ana/road%20maps/" {
		t.Errorf("%%SRCROOT%% = %q, want the run's directory as a file URI ending in /", got)
	}
	rel := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	abs := run.Results[1].Locations[0].PhysicalLocation.ArtifactLocation
	if rel.URI != "team/ana.md" || rel.URIBaseID != "%SRCROOT%" {
		t.Errorf("relative location = %+v, want team/ana.md against %%SRCROOT%%", rel)
	}
	if abs.URI != "file:///abs/my%20plan.md" || abs.URIBaseID != "" {
		t.Errorf("absolute location = %+v, want a file URI with no base", abs)
	}
}

// TestSARIFHelpLinksAreAbsolute: a rule page shown in a code scanning
// alert is away from docs/rules/, where its relative links would break.
func TestSARIFHelpLinksAreAbsolute(t *testing.T) {
	link := regexp.MustCompile(`\]\(([^()\s]+)\)`)
	n := 0
	for _, r := range decodeSARIF(t, sarifOf(t, nil, "")).Runs[0].Tool.Driver.Rules {
		for _, m := range link.FindAllStringSubmatch(r.Help.Markdown, -1) {
			n++
			if !strings.HasPrefix(m[1], "https://") {
				t.Errorf("%s: help link %q is not absolute", r.ID, m[1])
			}
		}
		if !strings.HasPrefix(r.HelpURI, "https://github.com/roadmapcli/roadmap/blob/main/docs/rules/") {
			t.Errorf("%s: helpUri %q", r.ID, r.HelpURI)
		}
	}
	if n == 0 {
		t.Fatal("no links found in the rule pages: the test checks nothing")
	}
	got := AbsoluteLinks("[a](RM004.md) [b](../../examples/promotion.md) [c](#why) [d](https://x.org/y) ![e](img.png)",
		"https://github.com/roadmapcli/roadmap/blob/main/docs/rules/RM005.md")
	want := "[a](https://github.com/roadmapcli/roadmap/blob/main/docs/rules/RM004.md) " +
		"[b](https://github.com/roadmapcli/roadmap/blob/main/examples/promotion.md) " +
		"[c](https://github.com/roadmapcli/roadmap/blob/main/docs/rules/RM005.md#why) [d](https://x.org/y) " +
		"![e](https://github.com/roadmapcli/roadmap/blob/main/docs/rules/img.png)"
	if got != want {
		t.Errorf("AbsoluteLinks:\n got %s\nwant %s", got, want)
	}
}
