package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// client is a test client talking to a server over pipes, as an editor
// would: it frames messages, matches responses, answers the server's
// workspace/applyEdit by editing its own copy of the text (with its own
// UTF-16 arithmetic, independent of the server's), and collects
// notifications.
type client struct {
	t    *testing.T
	in   *io.PipeWriter // the server's stdin
	out  *io.PipeReader // the server's stdout
	done chan error

	mu      sync.Mutex
	nextID  int
	waiting map[string]chan *message
	notes   chan *message
	texts   map[string]string // uri -> text, as the client has it
	// applyEdit decides the answer to workspace/applyEdit (default: apply).
	refuseEdits bool
}

func newClient(t *testing.T, opts Options) *client {
	t.Helper()
	if opts.Today == nil {
		opts.Today = func() civil.Date { return civil.New(2026, 11, 21) }
	}
	sIn, cOut := io.Pipe()
	cIn, sOut := io.Pipe()
	c := &client{t: t, in: cOut, out: cIn, done: make(chan error, 1),
		waiting: map[string]chan *message{}, notes: make(chan *message, 1024), texts: map[string]string{}}
	go func() {
		err := Serve(sIn, sOut, opts)
		sOut.Close()
		c.done <- err
	}()
	go c.readLoop()
	t.Cleanup(func() {
		c.in.Close()
		select {
		case <-c.done:
		case <-time.After(5 * time.Second):
			t.Errorf("the server did not stop after its input closed")
		}
	})
	return c
}

func (c *client) readLoop() {
	r := bufio.NewReader(c.out)
	for {
		body, err := readMessage(r)
		if err != nil {
			close(c.notes)
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("the server sent invalid JSON: %v: %s", err, body)
			continue
		}
		switch {
		case m.isResponse():
			c.mu.Lock()
			ch := c.waiting[string(m.ID)]
			delete(c.waiting, string(m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- &m
			}
		case len(m.ID) > 0: // a request from the server
			c.answer(&m)
		default:
			c.notes <- &m
		}
	}
}

func (c *client) answer(m *message) {
	if m.Method != "workspace/applyEdit" {
		c.send(&message{ID: m.ID, Error: &rpcError{Code: codeMethodNotFound, Message: "no"}})
		return
	}
	var p ApplyWorkspaceEditParams
	if err := json.Unmarshal(m.Params, &p); err != nil {
		c.t.Errorf("applyEdit params: %v", err)
	}
	if c.refuseEdits {
		c.send(&message{ID: m.ID, Result: json.RawMessage(`{"applied":false,"failureReason":"refused by the test"}`)})
		return
	}
	c.applyWorkspaceEdit(p.Edit)
	c.send(&message{ID: m.ID, Result: json.RawMessage(`{"applied":true}`)})
}

func (c *client) send(m *message) {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Errorf("write: %v", err)
	}
}

// request sends a request and waits for its response's result.
func (c *client) request(method string, params any, result any) *rpcError {
	c.t.Helper()
	raw, _ := json.Marshal(params)
	c.mu.Lock()
	c.nextID++
	id := json.RawMessage(fmt.Sprint(c.nextID))
	ch := make(chan *message, 1)
	c.waiting[string(id)] = ch
	c.mu.Unlock()
	c.send(&message{ID: id, Method: method, Params: raw})
	select {
	case m := <-ch:
		if m.Error != nil {
			return m.Error
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
			}
		}
		return nil
	case <-time.After(10 * time.Second):
		c.t.Fatalf("%s: no response", method)
	}
	return nil
}

func (c *client) notify(method string, params any) {
	raw, _ := json.Marshal(params)
	c.send(&message{Method: method, Params: raw})
}

func (c *client) initialize(caps ClientCapabilities) InitializeResult {
	c.t.Helper()
	var res InitializeResult
	pid := 1
	if err := c.request("initialize", InitializeParams{ProcessID: &pid, Capabilities: caps}, &res); err != nil {
		c.t.Fatal(err)
	}
	c.notify("initialized", struct{}{})
	return res
}

func (c *client) open(uri, text string) {
	c.texts[uri] = text
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "markdown", Version: 1, Text: text}})
}

// change sends the client's edit of uri (an incremental change), applied
// to its own copy too.
func (c *client) change(uri string, version int, edits ...TextEdit) {
	var changes []TextDocumentContentChangeEvent
	for _, e := range edits {
		r := e.Range
		changes = append(changes, TextDocumentContentChangeEvent{Range: &r, Text: e.NewText})
		c.texts[uri] = applyUTF16(c.texts[uri], []TextEdit{e})
	}
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: version}, ContentChanges: changes})
}

// replaceAll sends the client's whole text of uri as the new version.
func (c *client) replaceAll(uri string, version int) {
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []TextDocumentContentChangeEvent{{Text: c.texts[uri]}}})
}

func (c *client) applyWorkspaceEdit(e WorkspaceEdit) {
	for uri, edits := range e.Changes {
		c.texts[uri] = applyUTF16(c.texts[uri], edits)
	}
	for _, dc := range e.DocumentChanges {
		c.texts[dc.TextDocument.URI] = applyUTF16(c.texts[dc.TextDocument.URI], dc.Edits)
	}
}

// diagnostics waits for the next publishDiagnostics for uri.
func (c *client) diagnostics(uri string) PublishDiagnosticsParams {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatalf("the server closed before publishing diagnostics for %s", uri)
			}
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri {
				return p
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

// note waits for the next notification of method.
func (c *client) note(method string) *message {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-c.notes:
			if m != nil && m.Method == method {
				return m
			}
		case <-timeout:
			c.t.Fatalf("no %s", method)
		}
	}
}

// applyUTF16 applies edits (ranges in UTF-16 code units, as an editor
// counts them) to s. It is written apart from the server's text type, so
// the two check each other.
func applyUTF16(s string, edits []TextEdit) string {
	// Apply from the last edit to the first so earlier ranges hold.
	sorted := append([]TextEdit(nil), edits...)
	for i := 1; i < len(sorted); i++ {
		for j := i; j > 0 && before(sorted[j-1].Range.Start, sorted[j].Range.Start); j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	for _, e := range sorted {
		start, end := utf16Offset(s, e.Range.Start), utf16Offset(s, e.Range.End)
		s = s[:start] + e.NewText + s[end:]
	}
	return s
}

// utf16Offset is the byte offset of a protocol position in s.
func utf16Offset(s string, p Position) int {
	lines := splitKeep(s)
	if p.Line >= len(lines) {
		return len(s)
	}
	off := 0
	for _, l := range lines[:p.Line] {
		off += len(l)
	}
	line := strings.TrimRight(lines[p.Line], "\r\n")
	units := utf16.Encode([]rune(line))
	ch := min(p.Character, len(units))
	return off + len(string(utf16.Decode(units[:ch])))
}

// utf16Pos is the protocol position of byte offset off in s.
func utf16Pos(s string, off int) Position {
	line := strings.Count(s[:off], "\n")
	start := strings.LastIndex(s[:off], "\n") + 1
	return Position{Line: line, Character: len(utf16.Encode([]rune(s[start:off])))}
}

func splitKeep(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			out = append(out, s)
			break
		}
		j := i + 1
		if s[i] == '\r' && j < len(s) && s[j] == '\n' {
			j++
		}
		out = append(out, s[:j])
		s = s[j:]
	}
	return append(out, "")
}
