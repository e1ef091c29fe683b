package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/roadmapcli/roadmap/pkg/fix"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// kindWanted reports whether a code action of kind answers a request
// limited to only (none: every kind).
func kindWanted(kind string, only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

func (s *Server) codeAction(p CodeActionParams) []CodeAction {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []CodeAction{}
	d := s.current(p.TextDocument.URI)
	if d == nil || d.parsed.Fatal() {
		return out
	}
	lintFn := s.lintFunc(d)
	only := p.Context.Only
	if kindWanted("quickfix", only) {
		var here []lint.Finding
		for _, f := range d.findings {
			if s.inRange(d, f, p.Range) || s.named(d, f, p.Context.Diagnostics) {
				here = append(here, f)
			}
		}
		if len(here) == 0 {
			here = []lint.Finding{} // none: not "all"
		}
		for _, fx := range fix.Available(lintFn, d.parsed, d.findings, here) {
			out = append(out, CodeAction{
				Title:       fx.Title,
				Kind:        "quickfix",
				Diagnostics: []Diagnostic{s.diagnostic(d, fx.Finding)},
				IsPreferred: !fx.Suppress,
				Edit:        s.workspaceEdit(d, fx.Edits),
			})
		}
	}
	if kindWanted(FixAllKind, only) {
		if res, err := fix.All(lintFn, d.parsed); err == nil && len(res.Applied) > 0 {
			out = append(out, CodeAction{
				Title: fmt.Sprintf("Fix %s with one correct edit (roadmap)", plural(len(res.Applied), "finding")),
				Kind:  FixAllKind,
				Edit:  s.workspaceEdit(d, res.Edits),
			})
		}
	}
	if kindWanted("refactor.rewrite", only) {
		for _, a := range d.parsed.Actions {
			if a.Done || a.Pos.Line-1 > p.Range.End.Line || a.End.Line-1 < p.Range.Start.Line {
				continue
			}
			e, ok, err := d.parsed.TickAction(a.Index)
			if err != nil || !ok {
				continue
			}
			out = append(out, CodeAction{
				Title: fmt.Sprintf("Mark action %d done", a.Index),
				Kind:  "refactor.rewrite",
				Edit:  s.workspaceEdit(d, []roadmap.Edit{e}),
			})
		}
	}
	return out
}

// inRange reports whether a finding's span touches r.
func (s *Server) inRange(d *document, f lint.Finding, r Range) bool {
	start := d.text.runePosition(f.Line, f.Column)
	end := d.text.runePosition(f.EndLine, f.EndColumn)
	return !before(end, r.Start) && !before(r.End, start)
}

// named reports whether the client sent f's diagnostic as context.
func (s *Server) named(d *document, f lint.Finding, diags []Diagnostic) bool {
	for _, g := range diags {
		if g.Code == f.RuleRef() && g.Range.Start == d.text.runePosition(f.Line, f.Column) {
			return true
		}
	}
	return false
}

func before(a, b Position) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character)
}

// workspaceEdit turns byte-splice edits on d's text into the protocol's
// edit, versioned when the client can check versions.
func (s *Server) workspaceEdit(d *document, edits []roadmap.Edit) *WorkspaceEdit {
	tes := make([]TextEdit, 0, len(edits))
	for _, e := range roadmap.SortEdits(edits) {
		tes = append(tes, TextEdit{Range: d.text.rangeOf(e.Start, e.End), NewText: string(e.Text)})
	}
	if c := s.caps.Workspace; c != nil && c.WorkspaceEdit != nil && c.WorkspaceEdit.DocumentChanges {
		return &WorkspaceEdit{DocumentChanges: []TextDocumentEdit{{
			TextDocument: VersionedTextDocumentIdentifier{URI: d.uri, Version: d.version}, Edits: tes}}}
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: tes}}
}

func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// applyEditTimeout bounds the wait for the client to apply a command's
// edit.
const applyEditTimeout = 10 * time.Second

func (s *Server) executeCommand(p ExecuteCommandParams) (any, *rpcError) {
	switch p.Command {
	case CommandReview:
		return s.reviewCommand(p.Arguments)
	case CommandTickAction:
		return s.tickCommand(p.Arguments)
	}
	return nil, &rpcError{Code: codeInvalidParams, Message: fmt.Sprintf("unknown command %q (roadmap lsp runs %s and %s)", p.Command, CommandReview, CommandTickAction)}
}

// uriArg reads a command's document argument: a URI, or an object with
// a uri field (a TextDocumentIdentifier).
func uriArg(args []json.RawMessage, i int) (string, *rpcError) {
	if len(args) <= i {
		return "", &rpcError{Code: codeInvalidParams, Message: "the command needs the document's URI as its first argument"}
	}
	var uri string
	if json.Unmarshal(args[i], &uri) == nil && uri != "" {
		return uri, nil
	}
	var id TextDocumentIdentifier
	if json.Unmarshal(args[i], &id) == nil && id.URI != "" {
		return id.URI, nil
	}
	return "", &rpcError{Code: codeInvalidParams, Message: "the first argument must be the document's URI"}
}

func (s *Server) reviewCommand(args []json.RawMessage) (any, *rpcError) {
	uri, rerr := uriArg(args, 0)
	if rerr != nil {
		return nil, rerr
	}
	s.mu.Lock()
	d := s.current(uri)
	if d == nil {
		s.mu.Unlock()
		return nil, &rpcError{Code: codeInvalidParams, Message: uri + " is not an open roadmap"}
	}
	rep := review.Assess(d.parsed, s.opts.Today(), review.Options{GitReviews: d.hist.Reviews})
	s.mu.Unlock()
	_ = s.conn.notify("window/showMessage", ShowMessageParams{Type: 3, Message: reviewSummary(rep)})
	return rep, nil
}

// reviewSummary is the one line an editor shows: which review is due and
// how late, else the next one.
func reviewSummary(r *review.Report) string {
	var b strings.Builder
	if r.Due != nil {
		fmt.Fprintf(&b, "The %s is due: %s (due %s).", checkpointName(r.Due.Kind), daysLate(r.Due.OverdueDays), r.Due.Due)
	} else {
		b.WriteString("No review is due today.")
	}
	if r.Next != nil {
		fmt.Fprintf(&b, " Next: the %s on %s.", checkpointName(r.Next.Kind), r.Next.Due)
	}
	if r.Due != nil {
		fmt.Fprintf(&b, " Record it with `roadmap review %s --record`.", safetext.ShellQuote(r.File))
	}
	return b.String()
}

func checkpointName(kind string) string {
	switch kind {
	case roadmap.ReviewCheckin:
		return "check-in"
	case roadmap.ReviewQuarterly:
		return "quarterly review"
	case roadmap.ReviewRewrite:
		return "yearly rewrite"
	case "target":
		return "target date"
	}
	return kind
}

func daysLate(days int) string {
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "1 day overdue"
	}
	return fmt.Sprintf("%d days overdue", days)
}

func (s *Server) tickCommand(args []json.RawMessage) (any, *rpcError) {
	uri, rerr := uriArg(args, 0)
	if rerr != nil {
		return nil, rerr
	}
	var index int
	if len(args) < 2 || json.Unmarshal(args[1], &index) != nil {
		return nil, &rpcError{Code: codeInvalidParams, Message: "roadmap.tickAction needs the action's number (1, 2 or 3, as `roadmap show` numbers them) as its second argument"}
	}
	s.mu.Lock()
	d := s.current(uri)
	if d == nil {
		s.mu.Unlock()
		return nil, &rpcError{Code: codeInvalidParams, Message: uri + " is not an open roadmap"}
	}
	e, ok, err := d.parsed.TickAction(index)
	if err != nil {
		s.mu.Unlock()
		return nil, &rpcError{Code: codeRequestFailed, Message: err.Error()}
	}
	if !ok {
		s.mu.Unlock()
		_ = s.conn.notify("window/showMessage", ShowMessageParams{Type: 3, Message: fmt.Sprintf("Action %d is already done.", index)})
		return ApplyWorkspaceEditResult{Applied: false, FailureReason: "already done"}, nil
	}
	edit := s.workspaceEdit(d, []roadmap.Edit{e})
	s.mu.Unlock()
	ch, err := s.conn.call("workspace/applyEdit", ApplyWorkspaceEditParams{Label: fmt.Sprintf("Mark action %d done", index), Edit: *edit})
	if err != nil {
		return nil, &rpcError{Code: codeRequestFailed, Message: err.Error()}
	}
	select {
	case m := <-ch:
		if m == nil {
			return nil, &rpcError{Code: codeRequestFailed, Message: "the client went away before applying the edit"}
		}
		if m.Error != nil {
			return nil, &rpcError{Code: codeRequestFailed, Message: "the client refused the edit: " + m.Error.Message}
		}
		var res ApplyWorkspaceEditResult
		_ = json.Unmarshal(m.Result, &res)
		return res, nil
	case <-time.After(applyEditTimeout):
		return nil, &rpcError{Code: codeRequestFailed, Message: "the client did not answer workspace/applyEdit"}
	}
}
