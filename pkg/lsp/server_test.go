package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// plan is a roadmap with known findings: a vague title after emoji and
// CJK text (so UTF-16 columns differ from byte and rune columns), a
// cadence typo, and a Years 2–3 heading without its marker.
const plan = `---
roadmap: 1
title: "🚀 目標: something more strategic"
owner: Kavya Raman
kind: promotion
started: 2026-11-16
horizon: 2y
current:
  role: Senior Software Engineer
  ladder: software-engineer
  level: senior
target:
  role: Staff Software Engineer
  ladder: software-engineer
  level: staff
  industry: B2B payments infrastructure
  companies: [Stripe, Adyen, Plaid]
  by: 2028-08-31
cadence:
  checkin: montly
---

# Path to Staff Engineer

## Target
Staff Software Engineer in B2B payments infrastructure, the role Stripe, Adyen and Plaid hire for.

## Gap
- **Skills:** I design inside one service. Evidence: the Ledger v3 design doc.
- **Scope:** I own one service. Evidence: lead Ledger v3 across Payments and Invoicing.
- **Mentorship:** I mentor nobody on purpose. Evidence: mentor Diego Alvarez through his first design doc.
- **Visibility:** Few people know what I ship. Evidence: two posts on the engineering blog.

## Next 30 days
- [ ] Scope the Ledger v3 proposal and review it with Elena Petrova (project) — due 2026-11-30
- [ ] Finish chapters 1–5 of "The Staff Engineer's Path" by Tanya Reilly (course) — due 2026-12-04
- [ ] Ask Samuel Achebe (Staff Engineer, Risk) for a 15-minute chat about his promotion packet (person) — due 2026-12-11

## Next quarter
- Ledger v3 accepted at the December architecture review; stage 1 live by the end of Q1 2027.

## Years 2–3
- By mid-2028: operating at staff, owning the payments platform's technical direction.
`

const uri = "file:///tmp/roadmap-lsp-test/plan.md"

func started(t *testing.T, opts Options) *client {
	c := newClient(t, opts)
	res := c.initialize(ClientCapabilities{})
	if res.Capabilities.PositionEncoding != "utf-16" || res.Capabilities.TextDocumentSync.Change != 2 {
		t.Fatalf("capabilities %+v", res.Capabilities)
	}
	return c
}

func byCode(diags []Diagnostic, code string) *Diagnostic {
	for i := range diags {
		if diags[i].Code == code {
			return &diags[i]
		}
	}
	return nil
}

// at is the protocol position of the first occurrence of sub in s.
func at(t *testing.T, s, sub string) Position {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in the text", sub)
	}
	return utf16Pos(s, i)
}

func TestDiagnosticsOnOpenWithUTF16Ranges(t *testing.T) {
	c := started(t, Options{})
	c.open(uri, plan)
	p := c.diagnostics(uri)
	if p.Version == nil || *p.Version != 1 {
		t.Errorf("version %v, want 1", p.Version)
	}
	d := byCode(p.Diagnostics, "RM003/target-vague")
	if d == nil {
		t.Fatalf("no RM003 in %+v", p.Diagnostics)
	}
	// 🚀 is two UTF-16 units, 目 and 標 one each: the phrase starts at
	// character 15 of line 2, after 14 runes and 21 bytes.
	want := Range{Start: at(t, plan, "something more strategic"), End: at(t, plan, `"
owner`)}
	if want.Start.Character != 15 {
		t.Fatalf("the test's own arithmetic is off: %+v", want)
	}
	if d.Range != want {
		t.Errorf("RM003 range %+v, want %+v", d.Range, want)
	}
	if d.Severity != SeverityError || d.Source != "roadmap" || d.CodeDescription == nil ||
		d.CodeDescription.Href != "https://github.com/roadmapcli/roadmap/blob/main/docs/rules/RM003.md" {
		t.Errorf("diagnostic %+v", d)
	}
	cad := byCode(p.Diagnostics, "RM013/cadence")
	if cad == nil || !strings.Contains(cad.Message, `did you mean "monthly"?`) || cad.Range.Start != at(t, plan, "montly") {
		t.Errorf("RM013 %+v", cad)
	}
	if w := byCode(p.Diagnostics, "RM012/horizon"); w == nil || w.Severity != SeverityWarning {
		t.Errorf("RM012 %+v", w)
	}
}

func TestIncrementalChangesAndQuickFixes(t *testing.T) {
	c := started(t, Options{})
	c.open(uri, plan)
	c.diagnostics(uri)

	// Type emoji and CJK before the cadence value's line: positions after
	// them must still be right.
	pos := at(t, plan, "## Target")
	c.change(uri, 2, TextEdit{Range: Range{Start: pos, End: pos}, NewText: "<!-- 📝 メモ -->\n"})
	p := c.diagnostics(uri)
	if *p.Version != 2 {
		t.Fatalf("version %d", *p.Version)
	}
	text := c.texts[uri]
	cad := byCode(p.Diagnostics, "RM013/cadence")
	if cad == nil || cad.Range.Start != at(t, text, "montly") {
		t.Fatalf("RM013 after the change: %+v", cad)
	}

	var actions []CodeAction
	if err := c.request("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri},
		Range: cad.Range, Context: CodeActionContext{Diagnostics: []Diagnostic{*cad}}}, &actions); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Kind+": "+a.Title)
	}
	want := []string{"quickfix: Change cadence.checkin from montly to monthly", "quickfix: Disable RM013 for the frontmatter",
		"source.fixAll.roadmap: Fix 2 findings with one correct edit (roadmap)"}
	if strings.Join(titles, "\n") != strings.Join(want, "\n") {
		t.Fatalf("code actions:\n%s\nwant:\n%s", strings.Join(titles, "\n"), strings.Join(want, "\n"))
	}
	if !actions[0].IsPreferred || actions[1].IsPreferred {
		t.Errorf("the fix is preferred, the suppression not: %+v", actions)
	}
	c.applyWorkspaceEdit(*actions[0].Edit)
	if !strings.Contains(c.texts[uri], "  checkin: monthly\n") {
		t.Fatalf("after the fix:\n%s", c.texts[uri])
	}
	c.replaceAll(uri, 3)
	p = c.diagnostics(uri)
	if byCode(p.Diagnostics, "RM013/cadence") != nil {
		t.Errorf("RM013 is still there after its fix")
	}

	// The suppression of a body finding goes at the end of its line.
	rm3 := byCode(p.Diagnostics, "RM012/horizon")
	if rm3 == nil {
		t.Fatal("no RM012")
	}
	actions = nil
	c.request("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: rm3.Range}, &actions)
	var disable *CodeAction
	for i := range actions {
		if actions[i].Title == "Disable RM012 for this line" {
			disable = &actions[i]
		}
	}
	if disable == nil {
		t.Fatalf("no suppression in %+v", actions)
	}
	c.applyWorkspaceEdit(*disable.Edit)
	if !strings.Contains(c.texts[uri], "<!-- roadmap-disable-next-line RM012 -->\n## Years 2–3\n") {
		t.Errorf("after the suppression:\n%s", c.texts[uri])
	}
	c.replaceAll(uri, 4)
	if p := c.diagnostics(uri); byCode(p.Diagnostics, "RM012/horizon") != nil {
		t.Errorf("RM012 is still there after its suppression")
	}
}

func TestFixAll(t *testing.T) {
	c := started(t, Options{})
	c.open(uri, plan)
	c.diagnostics(uri)
	var actions []CodeAction
	if err := c.request("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri},
		Context: CodeActionContext{Only: []string{"source.fixAll"}}}, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || actions[0].Kind != FixAllKind || actions[0].Title != "Fix 2 findings with one correct edit (roadmap)" {
		t.Fatalf("fixAll: %+v", actions)
	}
	c.applyWorkspaceEdit(*actions[0].Edit)
	got := c.texts[uri]
	want := strings.NewReplacer("checkin: montly", "checkin: monthly", "## Years 2–3\n", "## Years 2–3 (hypothesis)\n").Replace(plan)
	if got != want {
		t.Errorf("after fixAll:\n%s", got)
	}
}

func TestHover(t *testing.T) {
	c := started(t, Options{})
	c.open(uri, plan)
	c.diagnostics(uri)
	var h *Hover
	pos := at(t, plan, "montly")
	pos.Character += 2
	if err := c.request("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}, &h); err != nil {
		t.Fatal(err)
	}
	if h == nil || !strings.HasPrefix(h.Contents.Value, "**RM013/cadence** (error): cadence.checkin: \"montly\" is not a cadence") ||
		!strings.Contains(h.Contents.Value, "\n# RM013 cadence\n") {
		t.Fatalf("hover on the cadence typo: %+v", h)
	}
	if h.Range == nil || h.Range.Start != at(t, plan, "montly") {
		t.Errorf("hover range %+v", h.Range)
	}

	h = nil
	pos = at(t, plan, "staff\n  industry")
	if err := c.request("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}, &h); err != nil {
		t.Fatal(err)
	}
	if h == nil || !strings.HasPrefix(h.Contents.Value, "**Staff Software Engineer** (`software-engineer/staff`)") ||
		!strings.Contains(h.Contents.Value, "Scope: ") || !strings.Contains(h.Contents.Value, "BLS OEWS May 2024") {
		t.Fatalf("hover on target.level: %+v", h)
	}

	h = nil
	pos = at(t, plan, "software-engineer\n  level: senior")
	c.request("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}, &h)
	if h == nil || !strings.Contains(h.Contents.Value, "(`software-engineer`") || !strings.Contains(h.Contents.Value, "`staff` Staff Software Engineer") {
		t.Fatalf("hover on current.ladder: %+v", h)
	}

	h = &Hover{}
	pos = at(t, plan, "Stripe, Adyen and Plaid hire")
	c.request("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}, &h)
	if h != nil {
		t.Errorf("hover on plain prose: %+v, want null", h)
	}
}

func labels(items []CompletionItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func TestCompletion(t *testing.T) {
	c := started(t, Options{})
	doc := strings.Replace(plan, "kind: promotion\n", "kind: pro\n", 1)
	doc = strings.Replace(doc, "  level: staff\n", "  level: \n", 1)
	doc = strings.Replace(doc, "## Next quarter", "## ", 1)
	doc = strings.Replace(doc, "  checkin: montly\n", "  checkin: montly\n  re\n", 1)
	c.open(uri, doc)
	c.diagnostics(uri)
	complete := func(sub string, delta int) []CompletionItem {
		t.Helper()
		pos := at(t, doc, sub)
		pos.Character += delta
		var list CompletionList
		if err := c.request("textDocument/completion", CompletionParams{TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos}}, &list); err != nil {
			t.Fatal(err)
		}
		return list.Items
	}
	if got := strings.Join(labels(complete("pro\n", 3)), " "); got != "promotion career-change stalled explore" {
		t.Errorf("kind values: %s", got)
	}
	items := complete("level: \n  industry", len("level: "))
	if got := " " + strings.Join(labels(items), " ") + " "; !strings.HasPrefix(got, " entry mid senior staff ") || !strings.Contains(got, " principal ") {
		t.Errorf("target.level values: %s", got)
	}
	if len(items) > 0 && (items[0].TextEdit == nil || items[0].TextEdit.Range.Start != items[0].TextEdit.Range.End) {
		t.Errorf("a level inserts at the cursor: %+v", items[0].TextEdit)
	}
	if got := strings.Join(labels(complete("re\n---", 2)), " "); got != "review rewrite" {
		t.Errorf("cadence keys not yet set: %q", got)
	}
	headings := labels(complete("## \n", 3))
	if strings.Join(headings, "|") != "Next quarter|Assessment|Review log" {
		t.Errorf("missing section headings: %q", headings)
	}
	if got := labels(complete("Evidence: lead Ledger", 0)); len(got) != 0 {
		t.Errorf("completion inside prose: %q", got)
	}
}

func TestDocumentSymbols(t *testing.T) {
	c := started(t, Options{})
	c.open(uri, plan)
	c.diagnostics(uri)
	var syms []DocumentSymbol
	if err := c.request("textDocument/documentSymbol", DocumentSymbolParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &syms); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
		for _, ch := range s.Children {
			if !contains(s.Range, ch.Range) {
				t.Errorf("%s: child %s %+v outside %+v", s.Name, ch.Name, ch.Range, s.Range)
			}
		}
		if !contains(s.Range, s.SelectionRange) {
			t.Errorf("%s: selection outside the range", s.Name)
		}
	}
	if got := strings.Join(names, "|"); got != "Frontmatter|Target|Gap|Next 30 days|Next quarter|Years 2–3" {
		t.Errorf("outline %q", got)
	}
	if len(syms) > 3 && (len(syms[3].Children) != 3 || !strings.HasPrefix(syms[3].Children[0].Name, "1. Scope the Ledger v3 proposal")) {
		t.Errorf("actions in the outline: %+v", syms[3].Children)
	}
}

func contains(outer, inner Range) bool {
	return !before(inner.Start, outer.Start) && !before(outer.End, inner.End)
}

func TestCommands(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(ClientCapabilities{})
	c.open(uri, plan)
	c.diagnostics(uri)
	var rep struct {
		Kind string `json:"kind"`
		Next struct {
			Kind string `json:"kind"`
			Due  string `json:"due"`
		} `json:"next"`
	}
	if err := c.request("workspace/executeCommand", ExecuteCommandParams{Command: CommandReview, Arguments: []json.RawMessage{json.RawMessage(`"` + uri + `"`)}}, &rep); err != nil {
		t.Fatal(err)
	}
	// The check-in cadence is a typo, so the quarterly review comes next.
	if rep.Kind != "none" || rep.Next.Kind != "quarterly" || rep.Next.Due != "2027-02-16" {
		t.Errorf("review: %+v", rep)
	}
	var msg ShowMessageParams
	json.Unmarshal(c.note("window/showMessage").Params, &msg)
	if msg.Message != "No review is due today. Next: the quarterly review on 2027-02-16." {
		t.Errorf("review message %q", msg.Message)
	}

	var res ApplyWorkspaceEditResult
	args := []json.RawMessage{json.RawMessage(`"` + uri + `"`), json.RawMessage("2")}
	if err := c.request("workspace/executeCommand", ExecuteCommandParams{Command: CommandTickAction, Arguments: args}, &res); err != nil {
		t.Fatal(err)
	}
	if !res.Applied || !strings.Contains(c.texts[uri], "- [x] Finish chapters 1–5") {
		t.Errorf("tickAction: %+v\n%s", res, c.texts[uri])
	}
	// Ticking action 2 again in the ticked text: already done.
	c.replaceAll(uri, 2)
	c.diagnostics(uri)
	res = ApplyWorkspaceEditResult{}
	c.request("workspace/executeCommand", ExecuteCommandParams{Command: CommandTickAction, Arguments: args}, &res)
	if res.Applied || res.FailureReason != "already done" {
		t.Errorf("second tick: %+v", res)
	}
	if err := c.request("workspace/executeCommand", ExecuteCommandParams{Command: CommandTickAction,
		Arguments: []json.RawMessage{json.RawMessage(`"` + uri + `"`), json.RawMessage("7")}}, nil); err == nil ||
		!strings.Contains(err.Message, "there is no action 7") {
		t.Errorf("action 7: %v", err)
	}
	c.refuseEdits = true
	args[1] = json.RawMessage("3")
	res = ApplyWorkspaceEditResult{}
	c.request("workspace/executeCommand", ExecuteCommandParams{Command: CommandTickAction, Arguments: args}, &res)
	if res.Applied {
		t.Errorf("a refused edit reported applied")
	}
}

// Markdown without a roadmap: key gets nothing: no diagnostics, no
// hover, no completion, no outline.
func TestOtherMarkdownGetsNothing(t *testing.T) {
	c := started(t, Options{})
	readme := "file:///tmp/roadmap-lsp-test/README.md"
	c.open(readme, "# Notes\n\nSomething more strategic, maybe.\n")
	var syms []DocumentSymbol
	c.request("textDocument/documentSymbol", DocumentSymbolParams{TextDocument: TextDocumentIdentifier{URI: readme}}, &syms)
	if len(syms) != 0 {
		t.Errorf("symbols for a README: %+v", syms)
	}
	// The server handles messages in order: a publish for the README
	// would have come before this answer.
	select {
	case m := <-c.notes:
		t.Errorf("the server sent %s for a README: %s", m.Method, m.Params)
	default:
	}
	// Adding the key makes it a roadmap; removing it clears the findings.
	c.texts[readme] = "---\nroadmap: 1\n---\n# Notes\n"
	c.replaceAll(readme, 2)
	if p := c.diagnostics(readme); len(p.Diagnostics) == 0 {
		t.Errorf("a roadmap with nothing in it has no findings")
	}
	c.texts[readme] = "# Notes\n"
	c.replaceAll(readme, 3)
	if p := c.diagnostics(readme); len(p.Diagnostics) != 0 {
		t.Errorf("findings left on a file that is no longer a roadmap: %+v", p.Diagnostics)
	}
}

func TestDebounceCoalescesChanges(t *testing.T) {
	c := started(t, Options{Debounce: 50 * time.Millisecond})
	c.open(uri, plan)
	c.diagnostics(uri) // on open: at once
	for v := 2; v <= 6; v++ {
		pos := at(t, c.texts[uri], "# Path")
		c.change(uri, v, TextEdit{Range: Range{Start: pos, End: pos}, NewText: "x"})
	}
	p := c.diagnostics(uri)
	if *p.Version != 6 {
		t.Errorf("first publish after five quick changes is version %d, want 6 (one lint)", *p.Version)
	}
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	if p := c.diagnostics(uri); *p.Version != 6 {
		t.Errorf("save publishes the current version: %d", *p.Version)
	}
}

// The server lints as the CLI does: a .roadmap.yaml beside the file turns
// a rule off.
func TestConfigurationFromTheFilesDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".roadmap.yaml"), []byte("rules:\n  RM013: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := started(t, Options{})
	u := "file://" + filepath.ToSlash(filepath.Join(dir, "plan.md"))
	c.open(u, plan)
	p := c.diagnostics(u)
	if byCode(p.Diagnostics, "RM013/cadence") != nil || byCode(p.Diagnostics, "RM003/target-vague") == nil {
		t.Errorf("with RM013 off: %+v", p.Diagnostics)
	}
}

func TestLifecycle(t *testing.T) {
	c := newClient(t, Options{})
	if err := c.request("textDocument/hover", TextDocumentPositionParams{}, nil); err == nil || err.Code != codeServerNotInitialized {
		t.Errorf("a request before initialize: %v", err)
	}
	c.initialize(ClientCapabilities{})
	if err := c.request("textDocument/definition", TextDocumentPositionParams{}, nil); err == nil || err.Code != codeMethodNotFound {
		t.Errorf("an unknown method: %v", err)
	}
	if err := c.request("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			t.Errorf("exit after shutdown: %v", err)
		}
		c.done <- nil // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t, Options{})
	c.initialize(ClientCapabilities{})
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if !errors.Is(err, ErrExitWithoutShutdown) {
			t.Errorf("exit without shutdown: %v", err)
		}
		c.done <- nil
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func TestMalformedInput(t *testing.T) {
	for _, in := range []string{
		"Content-Length: 5\r\n\r\n{oops",
		"Content-Length: nope\r\n\r\n",
		"no header at all\r\n\r\n",
	} {
		var out strings.Builder
		err := Serve(strings.NewReader(in), &out, Options{})
		if strings.HasPrefix(in, "Content-Length: 5") {
			if err != nil || !strings.Contains(out.String(), `"code":-32700`) {
				t.Errorf("%q: err %v, out %q: want a parse error answered", in, err, out.String())
			}
			continue
		}
		if err == nil || errors.Is(err, io.EOF) {
			t.Errorf("%q: err %v, want a framing error", in, err)
		}
	}
}

// gitIn runs git in dir with a pinned identity and date.
func gitIn(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Kavya Raman", "GIT_AUTHOR_EMAIL=kavya@example.com", "GIT_AUTHOR_DATE="+date,
		"GIT_COMMITTER_NAME=Kavya Raman", "GIT_COMMITTER_EMAIL=kavya@example.com", "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// A long session sees the commits made during it: the date rules read
// the file's history afresh at every lint, not what git said when the
// file was opened (the session's git client remembered each file's log).
func TestHistoryIsReadAfreshDuringASession(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(path, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "2026-11-16T10:00:00Z", "init", "-q")
	gitIn(t, dir, "2026-11-16T10:00:00Z", "add", "plan.md")
	gitIn(t, dir, "2026-11-16T10:00:00Z", "commit", "-q", "-m", "start")

	today := civil.New(2027, time.June, 1)
	c := started(t, Options{Today: func() civil.Date { return today }})
	u := "file://" + filepath.ToSlash(path)
	c.open(u, plan)
	if d := byCode(c.diagnostics(u).Diagnostics, "RM016/plan-stale"); d == nil {
		t.Fatal("a plan last committed on 2026-11-16 is not stale on 2027-06-01")
	}

	// Committed in a terminal while the editor keeps the file open.
	if err := os.WriteFile(path, []byte(plan+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "2027-05-20T10:00:00Z", "commit", "-q", "-am", "plan: May rewrite")
	c.texts[u] = plan + "\n"
	c.replaceAll(u, 2)
	if d := byCode(c.diagnostics(u).Diagnostics, "RM016/plan-stale"); d != nil {
		t.Errorf("after a commit on 2027-05-20 the plan is still stale: %s", d.Message)
	}
}

// Headers are bounded: a line that never ends, or a header block that
// never ends, is a framing error at once, not a buffer that grows until
// the server runs out of memory (400 MB of one header line took 835 MB).
func TestHeadersAreBounded(t *testing.T) {
	for name, in := range map[string]io.Reader{
		"a header line with no end": io.MultiReader(strings.NewReader("X-Junk: "), neverEnding('a')),
		"header lines with no end":  strings.NewReader(strings.Repeat("X-Junk: a\r\n", 10000)),
	} {
		var out strings.Builder
		done := make(chan error, 1)
		go func() { done <- Serve(in, &out, Options{}) }()
		select {
		case err := <-done:
			if err == nil || errors.Is(err, io.EOF) {
				t.Errorf("%s: err %v, want a framing error", name, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the server is still reading the header", name)
		}
	}
}

// neverEnding is an endless stream of one byte.
type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// A buffer over the roadmap size cap gets one diagnostic that says so,
// as the CLI refuses such a file, instead of a lint of megabytes under the
// server's lock.
func TestOversizedBufferIsOneDiagnostic(t *testing.T) {
	c := started(t, Options{Today: func() civil.Date { return civil.New(2026, time.November, 21) }})
	c.open(uri, plan+strings.Repeat("- a line of a very long roadmap\n", 40000))
	diags := c.diagnostics(uri).Diagnostics
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "larger than the 1 MiB limit") {
		t.Fatalf("diagnostics %+v, want one saying the text is over the limit", diags)
	}
}

// Ids are numbers or strings. An object id shut the server down, an array
// id was answered, and a message with an id and no method was taken for a
// response and never answered: each is an invalid request now, answered,
// and the server goes on.
func TestInvalidIDsAreRefused(t *testing.T) {
	frame := func(body string) string {
		return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	}
	in := frame(`{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}`) +
		frame(`{"jsonrpc":"2.0","id":[1],"method":"initialize","params":{}}`) +
		frame(`{"jsonrpc":"2.0","id":5}`) +
		frame(`{"jsonrpc":"2.0","id":6,"method":"initialize","params":{}}`)
	var out strings.Builder
	if err := Serve(strings.NewReader(in), &out, Options{}); err != nil {
		t.Fatalf("serve: %v", err)
	}
	got := out.String()
	if n := strings.Count(got, `"code":-32600`); n != 3 {
		t.Errorf("%d invalid-request answers, want 3:\n%s", n, got)
	}
	if !strings.Contains(got, `"id":5,"error"`) || !strings.Contains(got, `"id":6,"result"`) {
		t.Errorf("want the id-only message answered with its id and the next initialize served:\n%s", got)
	}
}

// A message over the limit is read and dropped, and the server goes on:
// opening a 9 MB file in the editor ended it for every other file.
func TestOversizedMessageIsDropped(t *testing.T) {
	frame := func(body string) string {
		return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
	}
	huge := `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/big.md","languageId":"markdown","version":1,"text":"` +
		strings.Repeat("a", maxMessage) + `"}}}`
	in := frame(huge) + frame(`{"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}`)
	var out strings.Builder
	if err := Serve(strings.NewReader(in), &out, Options{}); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(out.String(), `"id":7,"result"`) {
		t.Errorf("the request after the oversized message was not answered:\n%.300s", out.String())
	}
}
