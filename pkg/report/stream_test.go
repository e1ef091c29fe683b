package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/lint"
)

// Streaming writes the very bytes WriteJSON writes for the whole value.
func TestStreamedJSONIsByteIdentical(t *testing.T) {
	for _, n := range []int{0, 1, 3, 50} {
		fs := make([]lint.Finding, n)
		for i := range fs {
			fs[i] = lint.Finding{File: fmt.Sprintf("team/<p&%d>.md", i), Line: i + 1, Column: 2, EndLine: i + 1, EndColumn: 9,
				Rule: "RM005", Name: "action-concrete", Severity: lint.Error, Message: "vague: \"Learn more\" — \u202e\x1b", Hint: "name it"}
		}
		var streamed, whole bytes.Buffer
		if err := WriteFindingsJSON(&streamed, n*2, fs); err != nil {
			t.Fatal(err)
		}
		all := fs
		if all == nil {
			all = []lint.Finding{}
		}
		if err := WriteJSON(&whole, LintJSON{Files: n * 2, Findings: all, Summary: lint.Summarize(fs)}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
			t.Errorf("%d findings: streamed\n%s\nwhole\n%s", n, streamed.Bytes(), whole.Bytes())
		}
	}

	// An array deep inside, as SARIF's runs[0].results is.
	type item struct {
		A string            `json:"a"`
		M map[string]string `json:"m"`
	}
	type run struct {
		Tool    string `json:"tool"`
		Results []item `json:"results"`
		Kind    string `json:"kind"`
	}
	type doc struct {
		Schema string `json:"$schema"`
		Runs   []run  `json:"runs"`
	}
	items := []item{{"x<y", map[string]string{"k": "1"}}, {"z", nil}}
	var streamed, whole bytes.Buffer
	if err := writeJSONStreaming(&streamed, doc{"s", []run{{"t", []item{}, "k"}}}, "results", len(items), func(i int) any { return items[i] }); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&whole, doc{"s", []run{{"t", items, "k"}}}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
		t.Errorf("nested: streamed\n%s\nwhole\n%s", streamed.Bytes(), whole.Bytes())
	}
	if !json.Valid(streamed.Bytes()) {
		t.Errorf("not JSON")
	}
}
