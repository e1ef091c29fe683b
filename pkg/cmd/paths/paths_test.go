package paths

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
)

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios}
	empty := t.TempDir()
	cmd := NewCmdPaths(f, func(o *Options) error { o.StartDir = empty; return pathsRun(o) })
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return out.String(), err
}

func TestFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *Options
	cmd := NewCmdPaths(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"software-engineer/L5", "--format", "mermaid", "--ladders", "x"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Level != "software-engineer/L5" || got.Format != "mermaid" || got.LaddersDir != "x" {
		t.Errorf("options = %+v", got)
	}
}

func TestSeniorHasAllFourCategories(t *testing.T) {
	out, err := run(t, "software-engineer/senior", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var j JSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatal(err)
	}
	if j.From.Ref != "software-engineer/senior" || j.From.Title != "Senior Software Engineer" {
		t.Errorf("from = %+v", j.From)
	}
	seen := map[string]bool{}
	for _, m := range j.Moves {
		seen[m.Category] = true
		if m.Requires == "" || m.Tradeoffs == "" {
			t.Errorf("incomplete move %+v", m)
		}
	}
	for _, c := range ladder.Categories {
		if !seen[c] {
			t.Errorf("no %s move", c)
		}
	}
	if !strings.Contains(out, `"to": null`) || !strings.Contains(out, `"to": "engineering-manager/manager"`) {
		t.Errorf("json shape:\n%s", out)
	}
	// Aliases resolve too.
	out2, err := run(t, "Software-Engineer/IC3", "--format", "json")
	if err != nil || out2 != out {
		t.Errorf("alias gave a different answer (%v)", err)
	}
}

func TestTableAndMarkdown(t *testing.T) {
	out, err := run(t, "software-engineer/senior")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Next moves from Senior Software Engineer", "Individual contributor", "Management", "Adjacent roles", "Outside moves", "Founder"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	md, err := run(t, "software-engineer/senior", "--format", "markdown")
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert([]byte(md), &html); err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`(?s)<tr>(.*?)</tr>`).FindAllStringSubmatch(html.String(), -1)
	set, _ := ladder.BuiltIn()
	senior, _ := set.Level("software-engineer/senior")
	if want := len(set.Paths(senior)) + 1; len(rows) != want {
		t.Fatalf("want %d rows (a header and one per move), got %d", want, len(rows))
	}
	for i, r := range rows {
		if n := len(regexp.MustCompile(`<t[hd][ >]`).FindAllString(r[1], -1)); n != 5 {
			t.Errorf("row %d has %d cells", i, n)
		}
	}
	// An entry level has written moves of its own.
	out, err = run(t, "software-engineer/entry", "--format", "csv")
	if err != nil || !strings.Contains(out, "Individual contributor,Software engineer II,software-engineer/mid,") {
		t.Errorf("entry paths (%v):\n%s", err, out)
	}
}

// A level with nothing above it of its kind says so; a `next:` level with
// no written move shows its target's milestones and no made-up trade-off.
func TestTopAndShorthand(t *testing.T) {
	out, err := run(t, "software-engineer/fellow")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "None above: Fellow is the highest individual contributor level of software-engineer; "+
		"every move here is lateral or leaves the track.") {
		t.Errorf("no top line:\n%s", out)
	}
	js, _ := run(t, "engineering-manager/cto", "--format", "json")
	if !strings.Contains(js, `"kind": "management",`) || !strings.Contains(js, `"top": true`) {
		t.Errorf("json top:\n%s", js)
	}
	if out, _ := run(t, "software-engineer/senior"); strings.Contains(out, "None above") {
		t.Error("senior is not the top")
	}

	dir := t.TempDir()
	yaml := "track: acme\ntitle: Acme\nlevels:\n  - {id: a, title: A, next: [b]}\n  - {id: b, title: B, milestones: [Shipped the thing]}\n"
	if err := os.WriteFile(filepath.Join(dir, "acme.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = run(t, "acme/a", "--ladders", dir, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Individual contributor,B,acme/b,Shipped the thing,"+notWritten+"\n") {
		t.Errorf("shorthand move:\n%s", out)
	}
	js, _ = run(t, "acme/a", "--ladders", dir, "--format", "json")
	if !strings.Contains(js, `"written": false`) || !strings.Contains(js, `"tradeoffs": ""`) {
		t.Errorf("shorthand json:\n%s", js)
	}
}

var (
	mermaidNodeRe  = regexp.MustCompile(`^ +([A-Za-z][A-Za-z0-9_]*)\["([^"]*)"\]$`)
	mermaidSubRe   = regexp.MustCompile(`^ +subgraph ([A-Za-z][A-Za-z0-9_]*)\["([^"]*)"\]$`)
	mermaidEdgeRe  = regexp.MustCompile(`^ +([A-Za-z][A-Za-z0-9_]*) --> ([A-Za-z][A-Za-z0-9_]*)$`)
	mermaidReserve = map[string]bool{"end": true, "subgraph": true, "graph": true, "flowchart": true, "style": true, "class": true, "click": true}
)

// checkMermaid validates the flowchart structurally: the header, quoted
// labels, balanced subgraphs, unique ids, and edges between declared nodes.
func checkMermaid(t *testing.T, src string) (nodes, edges int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Fatalf("first line = %q", lines[0])
	}
	declared := map[string]bool{}
	depth := 0
	var pending [][2]string
	for i, line := range lines[1:] {
		switch {
		case mermaidSubRe.MatchString(line):
			m := mermaidSubRe.FindStringSubmatch(line)
			if declared[m[1]] || mermaidReserve[m[1]] {
				t.Errorf("line %d: bad subgraph id %q", i+2, m[1])
			}
			declared[m[1]] = true
			depth++
		case strings.TrimSpace(line) == "end":
			depth--
			if depth < 0 {
				t.Errorf("line %d: end without subgraph", i+2)
			}
		case mermaidNodeRe.MatchString(line):
			m := mermaidNodeRe.FindStringSubmatch(line)
			if declared[m[1]] || mermaidReserve[m[1]] {
				t.Errorf("line %d: duplicate or reserved id %q", i+2, m[1])
			}
			if m[2] == "" {
				t.Errorf("line %d: empty label", i+2)
			}
			declared[m[1]] = true
			nodes++
		case mermaidEdgeRe.MatchString(line):
			m := mermaidEdgeRe.FindStringSubmatch(line)
			pending = append(pending, [2]string{m[1], m[2]})
			edges++
		default:
			t.Errorf("line %d is not valid flowchart syntax: %q", i+2, line)
		}
	}
	if depth != 0 {
		t.Errorf("unbalanced subgraphs (%d open)", depth)
	}
	for _, e := range pending {
		if !declared[e[0]] || !declared[e[1]] {
			t.Errorf("edge %s --> %s uses an undeclared node", e[0], e[1])
		}
	}
	return nodes, edges
}

func TestMermaidIsAValidFlowchart(t *testing.T) {
	for _, ref := range []string{"software-engineer/senior", "engineering-manager/senior-manager", "product-designer/senior", "data-scientist/principal", "software-engineer/fellow"} {
		out, err := run(t, ref, "--format", "mermaid")
		if err != nil {
			t.Fatal(err)
		}
		nodes, edges := checkMermaid(t, out)
		if nodes != edges+1 {
			t.Errorf("%s: %d nodes, %d edges: every move needs one edge from the level", ref, nodes, edges)
		}
	}
	out, _ := run(t, "software-engineer/senior", "--format", "mermaid")
	for _, sub := range []string{`"Individual contributor"`, `"Management"`, `"Adjacent roles"`, `"Outside moves"`} {
		if !strings.Contains(out, "subgraph n_cat_") || !strings.Contains(out, sub) {
			t.Errorf("missing subgraph %s:\n%s", sub, out)
		}
	}
}

func TestMermaidLabelEscapesQuotes(t *testing.T) {
	if got := mermaidLabel(`The "best"` + "\n role"); got != `"The #quot;best#quot; role"` {
		t.Errorf("label = %s", got)
	}
}

func TestErrors(t *testing.T) {
	var fe *cmdutil.FlagError
	_, err := run(t, "software-engineer/senoir")
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `did you mean "senior"?`) {
		t.Errorf("unknown level: %v", err)
	}
	_, err = run(t, "senior")
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "TRACK/LEVEL") {
		t.Errorf("bare level: %v", err)
	}
	_, err = run(t, "softwre-engineer/senior")
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), `did you mean "software-engineer"?`) {
		t.Errorf("unknown track: %v", err)
	}
}
