// Package lsp is `roadmap lsp`: a Language Server Protocol server over
// stdio for roadmap files (Markdown whose frontmatter has a roadmap: key;
// other files get nothing). It publishes the linter's findings as you
// type, offers the fix engine's fixes and per-line suppressions as code
// actions, explains findings and ladder levels on hover, completes
// frontmatter keys and values, ladder ids and levels, section headings and
// gap labels, outlines the sections, and runs two commands: which review
// is due, and ticking an action.
//
// The JSON-RPC framing and the few protocol types are written here: the
// maintained Go libraries either cover LSP 3.16 only and bring a dozen
// modules (three megabytes of binary) or are framing alone.
package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// DefaultDebounce is how long the server waits after a change before it
// lints: typing a word is one lint, not five.
const DefaultDebounce = 200 * time.Millisecond

// Options configure a server.
type Options struct {
	// Today is "today" for the date rules, asked at every lint.
	Today func() civil.Date
	// Getenv reads the environment (ROADMAP_CONFIG).
	Getenv func(string) string
	// Version is reported to the client.
	Version string
	// Debounce is the wait after a change; 0 lints at once.
	Debounce time.Duration
	// Log, when set, receives a line per message and per lint.
	Log io.Writer
	// History answers the history questions of the date rules; nil means
	// git (history.Default).
	History history.Provider
}

// Server is one language server session.
type Server struct {
	opts Options
	conn *conn

	mu          sync.Mutex
	docs        map[string]*document
	initialized bool
	shutdown    bool
	caps        ClientCapabilities
	configs     *lint.ConfigResolver
	ladders     map[string]*ladder.Set // by directory
	logMu       sync.Mutex
}

// document is one open file.
type document struct {
	uri     string
	path    string // "" for a document that is not a file
	version int
	text    *text
	// roadmap is false for Markdown that is not a roadmap: it gets nothing.
	roadmap bool
	// The last lint, of lintedVersion.
	parsed        *roadmap.Document
	findings      []lint.Finding
	lintedVersion int
	linted        bool
	hist          lint.History
	timer         *time.Timer
	published     bool
	// dirty is set by a change and cleared by a lint.
	dirty bool
}

// ErrExitWithoutShutdown is returned by Serve when the client sent exit
// before shutdown; the process should then exit 1, as the protocol says.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// Serve runs a session on in and out until the client sends exit or
// closes the input.
func Serve(in io.Reader, out io.Writer, opts Options) error {
	if opts.Today == nil {
		opts.Today = civil.Today
	}
	if opts.Getenv == nil {
		opts.Getenv = func(string) string { return "" }
	}
	if opts.History == nil {
		opts.History = history.Default
	}
	s := &Server{opts: opts, docs: map[string]*document{}, ladders: map[string]*ladder.Set{}}
	s.configs = &lint.ConfigResolver{Explicit: opts.Getenv("ROADMAP_CONFIG")}
	s.conn = newConn(out, nil)
	if opts.Log != nil {
		s.conn.logf = s.logf
	}
	return s.run(bufio.NewReaderSize(in, 64<<10))
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.opts.Log, "%s %s\n", time.Now().Format("15:04:05.000"), fmt.Sprintf(format, args...))
}

// run reads messages on one goroutine and handles requests and
// notifications in order on another, so a handler waiting for the
// client's answer to a request of its own never blocks that answer.
func (s *Server) run(r *bufio.Reader) error {
	queue := make(chan *message, 64)
	done := make(chan error, 1)
	go func() {
		var exitErr error
		for m := range queue {
			if m.Method == "exit" {
				if !s.isShutdown() {
					exitErr = ErrExitWithoutShutdown
				}
				break
			}
			s.handle(m)
		}
		done <- exitErr
		for range queue {
			// drain after exit
		}
	}()
	var readErr error
	for {
		body, err := readMessage(r)
		var oversize *oversizeError
		if errors.As(err, &oversize) {
			s.logf("read: %v", err)
			continue
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				readErr = err
				s.logf("read: %v", err)
			}
			break
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			s.logf("<- unreadable message: %v", err)
			_ = s.conn.reply(json.RawMessage("null"), nil, &rpcError{Code: codeParseError, Message: "parse error: " + err.Error()})
			continue
		}
		if msg := invalidRequest(&m); msg != "" {
			s.logf("<- invalid message: %s", msg)
			id := json.RawMessage("null")
			if validID(m.ID) {
				id = m.ID
			}
			_ = s.conn.reply(id, nil, &rpcError{Code: codeInvalidRequest, Message: msg})
			continue
		}
		if m.isResponse() {
			s.conn.deliver(&m)
			continue
		}
		queue <- &m
		if m.Method == "exit" {
			break
		}
	}
	s.conn.closeAll() // no answer can come now: release a handler waiting for one
	close(queue)
	err := <-done
	s.stopTimers()
	if err == nil && readErr == nil && !s.isShutdown() {
		// The input closed without exit: the client is gone.
		return nil
	}
	if err != nil {
		return err
	}
	return readErr
}

// invalidRequest says what makes m no JSON-RPC message, or "": an id that
// is not a number or a string (an object id once shut the server down), or
// a message with an id but neither a method nor a result or error (it was
// taken for a response and never answered).
func invalidRequest(m *message) string {
	switch {
	case len(m.ID) > 0 && !validID(m.ID) && !(m.isResponse() && string(m.ID) == "null"):
		return "invalid request: an id must be a number or a string"
	case m.isResponse() && m.Result == nil && m.Error == nil:
		return "invalid request: a message with an id needs a method (or, as a response, a result or an error)"
	}
	return ""
}

// validID reports whether a raw JSON id is a number or a string.
func validID(id json.RawMessage) bool {
	t := bytes.TrimSpace(id)
	return len(t) > 0 && (t[0] == '"' || t[0] == '-' || '0' <= t[0] && t[0] <= '9')
}

func (s *Server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

func (s *Server) stopTimers() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
}

// handle runs one request or notification and answers a request.
func (s *Server) handle(m *message) {
	start := time.Now()
	result, rerr := s.dispatch(m)
	if s.opts.Log != nil {
		s.logf("<- %s %s (%s)", m.Method, string(m.ID), time.Since(start).Round(time.Microsecond))
	}
	if len(m.ID) == 0 {
		return // a notification gets no answer
	}
	if err := s.conn.reply(m.ID, result, rerr); err != nil {
		s.logf("write: %v", err)
	}
}

func (s *Server) dispatch(m *message) (result any, rerr *rpcError) {
	defer func() {
		if v := recover(); v != nil {
			buf := make([]byte, 8<<10)
			buf = buf[:runtime.Stack(buf, false)]
			s.logf("panic in %s: %v\n%s", m.Method, v, buf)
			result, rerr = nil, &rpcError{Code: codeInternalError, Message: fmt.Sprintf("roadmap lsp: %s failed: %v (a bug: please report it)", m.Method, v)}
		}
	}()
	s.mu.Lock()
	ready, down := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case m.Method == "initialize":
		var p InitializeParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.initialize(p), nil
	case !ready:
		if len(m.ID) == 0 {
			return nil, nil
		}
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized yet"}
	case m.Method == "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case down && len(m.ID) > 0:
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shutting down"}
	}
	switch m.Method {
	case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles":
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := decode(m.Params, &p); err == nil {
			s.didOpen(p)
		}
		return nil, nil
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err := decode(m.Params, &p); err == nil {
			s.didChange(p)
		}
		return nil, nil
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := decode(m.Params, &p); err == nil {
			s.didSave(p)
		}
		return nil, nil
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := decode(m.Params, &p); err == nil {
			s.didClose(p)
		}
		return nil, nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.codeAction(p), nil
	case "textDocument/hover":
		var p TextDocumentPositionParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.hover(p), nil
	case "textDocument/completion":
		var p CompletionParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.completion(p), nil
	case "textDocument/documentSymbol":
		var p DocumentSymbolParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.documentSymbols(p), nil
	case "workspace/executeCommand":
		var p ExecuteCommandParams
		if err := decode(m.Params, &p); err != nil {
			return nil, err
		}
		return s.executeCommand(p)
	}
	if len(m.ID) == 0 || strings.HasPrefix(m.Method, "$/") {
		return nil, nil // unknown notifications are ignored
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "roadmap lsp does not handle " + m.Method}
}

func decode(raw json.RawMessage, v any) *rpcError {
	if len(raw) == 0 {
		return &rpcError{Code: codeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

// Commands a client can bind.
const (
	CommandReview     = "roadmap.review"
	CommandTickAction = "roadmap.tickAction"
)

// FixAllKind is the code action kind that applies every mechanical fix.
const FixAllKind = "source.fixAll.roadmap"

func (s *Server) initialize(p InitializeParams) InitializeResult {
	s.mu.Lock()
	s.initialized = true
	s.caps = p.Capabilities
	s.mu.Unlock()
	return InitializeResult{
		ServerInfo: ServerInfo{Name: "roadmap", Version: s.opts.Version},
		Capabilities: ServerCapabilities{
			PositionEncoding: "utf-16",
			TextDocumentSync: TextDocumentSyncOpts{OpenClose: true, Change: 2, Save: SaveOptions{IncludeText: false}},
			CodeActionProvider: CodeActionOptions{CodeActionKinds: []string{
				"quickfix", FixAllKind, "refactor.rewrite"}},
			HoverProvider:          true,
			CompletionProvider:     CompletionOptions{TriggerCharacters: []string{":", " ", "#", "*"}},
			DocumentSymbolProvider: true,
			ExecuteCommandProvider: ExecuteCommandOptions{Commands: []string{CommandReview, CommandTickAction}},
		},
	}
}

// pathOf is the file a URI names, or "" for one that is not a file.
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/x on Windows
		p = p[1:]
	}
	return filepath.FromSlash(p)
}

// displayName is what findings call the document.
func (d *document) displayName() string {
	if d.path != "" {
		return d.path
	}
	if i := strings.LastIndexByte(d.uri, '/'); i >= 0 && i+1 < len(d.uri) {
		return d.uri[i+1:]
	}
	return d.uri
}

func (s *Server) didOpen(p DidOpenTextDocumentParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	item := p.TextDocument
	d := &document{uri: item.URI, path: pathOf(item.URI), version: item.Version, text: newText([]byte(item.Text))}
	s.docs[item.URI] = d
	s.refresh(d)
}

func (s *Server) didChange(p DidChangeTextDocumentParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			d.text = newText([]byte(c.Text))
		} else {
			d.text.replace(*c.Range, c.Text)
		}
	}
	d.version = p.TextDocument.Version
	d.dirty = true
	if s.opts.Debounce <= 0 {
		s.refresh(d)
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	uri, version := d.uri, d.version
	d.timer = time.AfterFunc(s.opts.Debounce, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if cur := s.docs[uri]; cur == d && d.version == version {
			s.refresh(d)
		}
	})
}

func (s *Server) didSave(p DidSaveTextDocumentParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	if p.Text != nil {
		d.text = newText([]byte(*p.Text))
		d.dirty = true
	}
	// A save may follow a change to .roadmap.yaml or the ladders: read
	// them again (the history is read at every lint).
	s.configs = &lint.ConfigResolver{Explicit: s.opts.Getenv("ROADMAP_CONFIG")}
	s.ladders = map[string]*ladder.Set{}
	s.refresh(d)
}

func (s *Server) didClose(p DidCloseTextDocumentParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	delete(s.docs, p.TextDocument.URI)
	if d.published {
		s.publish(d.uri, nil, nil)
	}
}

// refresh lints d's current text and publishes the findings. The file's
// history is asked for again each time, the provider having forgotten
// what it read (history.Forget): a commit made while the file is open
// counts at the next lint, for one `git log` per lint of a file in a
// repository (which directories are in none is remembered). Called with
// s.mu held.
func (s *Server) refresh(d *document) {
	wasRoadmap := d.roadmap
	d.roadmap = roadmap.HasRoadmapKey(d.text.b)
	if !d.roadmap {
		d.parsed, d.findings, d.linted = nil, nil, false
		if wasRoadmap || d.published {
			s.publish(d.uri, &d.version, nil)
			d.published = false
		}
		return
	}
	if d.path != "" {
		history.Forget(s.opts.History)
		d.hist = history.FactsOf(s.opts.History, d.path, s.opts.Today(), &history.Fallbacks{})
	}
	s.lint(d)
	diags := make([]Diagnostic, 0, len(d.findings))
	for _, f := range d.findings {
		diags = append(diags, s.diagnostic(d, f))
	}
	s.publish(d.uri, &d.version, diags)
	d.published = true
}

// lint parses and lints d's text as the CLI would lint the file: the same
// configuration (found from the file's directory), date and history.
// Called with s.mu held.
func (s *Server) lint(d *document) {
	start := time.Now()
	doc := roadmap.Parse(d.displayName(), d.text.b)
	findings, err := s.lintFunc(d)(doc)
	if err != nil {
		s.logf("lint %s: %v", d.uri, err)
	}
	d.parsed, d.findings, d.lintedVersion, d.linted, d.dirty = doc, findings, d.version, true, false
	s.logf("lint %s v%d: %d findings (%s)", d.uri, d.version, len(findings), time.Since(start).Round(time.Microsecond))
}

// lintFunc lints a document of d the way d is linted.
func (s *Server) lintFunc(d *document) func(*roadmap.Document) ([]lint.Finding, error) {
	var cfg *lint.Config
	if d.path != "" {
		c, err := s.configs.For(filepath.Dir(d.path))
		if err != nil {
			s.logf("config for %s: %v", d.path, err)
		}
		cfg = c
	}
	l := lint.Linter{Today: s.opts.Today(), Config: cfg}
	hist := d.hist
	return func(doc *roadmap.Document) ([]lint.Finding, error) { return l.Lint(doc, hist) }
}

// current returns d linted at its current version. Called with s.mu held.
func (s *Server) current(uri string) *document {
	d := s.docs[uri]
	if d == nil || !roadmap.HasRoadmapKey(d.text.b) {
		return nil
	}
	if !d.linted || d.dirty || d.parsed == nil {
		d.roadmap = true
		s.lint(d)
	}
	return d
}

func (s *Server) publish(uri string, version *int, diags []Diagnostic) {
	if diags == nil {
		diags = []Diagnostic{}
	}
	if err := s.conn.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags}); err != nil {
		s.logf("publish: %v", err)
	}
}

// diagnostic is a finding as the protocol shows it.
func (s *Server) diagnostic(d *document, f lint.Finding) Diagnostic {
	msg := f.Message
	if f.Hint != "" {
		msg += " (" + f.Hint + ")"
	}
	diag := Diagnostic{
		Range:    Range{Start: d.text.runePosition(f.Line, f.Column), End: d.text.runePosition(f.EndLine, f.EndColumn)},
		Severity: severity(f.Severity),
		Code:     f.RuleRef(),
		Source:   "roadmap",
		Message:  msg,
	}
	if r := lint.Lookup(f.Rule); r != nil {
		diag.CodeDescription = &CodeDescription{Href: r.DocURL()}
	}
	return diag
}

func severity(s lint.Severity) int {
	switch s {
	case lint.Error:
		return SeverityError
	case lint.Warning:
		return SeverityWarning
	}
	return SeverityInformation
}
