// Package chromium drives a headless Chromium over the DevTools protocol
// for the export tests: open a page, screenshot it at a width, print it to
// PDF, evaluate an expression, and collect what it logged. The protocol
// runs over a pipe (--remote-debugging-pipe: commands on fd 3, replies on
// fd 4, each message ended by a NUL byte), so no port is opened and no
// WebSocket library is needed.
package chromium

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"time"
)

// Flags every run uses: headless, no sandbox (tests may run as root), and
// nothing that reaches for the network (a closed network makes Chromium
// retry Google's hosts otherwise).
var Flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
	"--remote-debugging-pipe",
}

// Find returns the Chromium binary to use: $ROADMAP_CHROMIUM, else the
// first of chromium, chromium-browser, google-chrome on $PATH; "" if none.
func Find() string {
	if p := os.Getenv("ROADMAP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is a running Chromium.
type Browser struct {
	cmd  *exec.Cmd
	in   *os.File // we write commands
	out  *os.File // we read replies
	mu   sync.Mutex
	next int
	wait map[int]chan reply
	subs map[string][]chan event // by session id
	done chan struct{}
	err  error
}

type reply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

type event struct {
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
}

// Start runs Chromium with a fresh profile in userDataDir.
func Start(path, userDataDir string) (*Browser, error) {
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	args := append(append([]string{}, Flags...), "--user-data-dir="+userDataDir, "about:blank")
	cmd := exec.Command(path, args...)
	cmd.ExtraFiles = []*os.File{cmdR, outW} // fd 3, fd 4
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	cmdR.Close()
	outW.Close()
	b := &Browser{cmd: cmd, in: cmdW, out: outR, wait: map[int]chan reply{}, subs: map[string][]chan event{}, done: make(chan struct{})}
	go b.read()
	return b, nil
}

func (b *Browser) read() {
	r := bufio.NewReaderSize(b.out, 1<<20)
	for {
		msg, err := r.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.err = fmt.Errorf("chromium closed the pipe: %w", err)
			b.mu.Unlock()
			close(b.done)
			return
		}
		var m struct {
			ID        int    `json:"id"`
			SessionID string `json:"sessionId"`
			reply
			event
		}
		if err := json.Unmarshal(msg[:len(msg)-1], &m); err != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.wait[m.ID]; ok {
				ch <- m.reply
				delete(b.wait, m.ID)
			}
		} else {
			for _, ch := range b.subs[m.SessionID] {
				select {
				case ch <- m.event:
				default: // a full subscriber misses events rather than block the reader
				}
			}
		}
		b.mu.Unlock()
	}
}

// call sends a command to the browser (session "") or a page's session.
func (b *Browser) call(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	if b.err != nil {
		b.mu.Unlock()
		return b.err
	}
	b.next++
	id := b.next
	ch := make(chan reply, 1)
	b.wait[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := b.in.Write(append(data, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case r := <-ch:
		if r.Error != nil {
			return fmt.Errorf("%s: %s (%d)", method, r.Error.Message, r.Error.Code)
		}
		if result != nil {
			return json.Unmarshal(r.Result, result)
		}
		return nil
	case <-b.done:
		return b.err
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// Close ends the browser.
func (b *Browser) Close() error {
	_ = b.call(context.Background(), "", "Browser.close", nil, nil)
	b.in.Close()
	waited := make(chan error, 1)
	go func() { waited <- b.cmd.Wait() }()
	select {
	case <-waited:
	case <-time.After(5 * time.Second):
		_ = b.cmd.Process.Kill()
		<-waited
	}
	b.out.Close()
	return nil
}

// Page is one tab.
type Page struct {
	b       *Browser
	session string
	events  chan event
	mu      sync.Mutex
	// Problems are what the page logged as errors: exceptions, console
	// errors, failed loads, blocked content; Requests every URL it asked for.
	problems []string
	requests []string
	loaded   chan struct{}
}

// NewPage opens a tab and starts collecting its errors and requests.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, err
	}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s); err != nil {
		return nil, err
	}
	p := &Page{b: b, session: s.SessionID, events: make(chan event, 4096), loaded: make(chan struct{}, 16)}
	b.mu.Lock()
	b.subs[p.session] = append(b.subs[p.session], p.events)
	b.mu.Unlock()
	go p.watch()
	for _, domain := range []string{"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"} {
		if err := p.call(ctx, domain, nil, nil); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (p *Page) call(ctx context.Context, method string, params, result any) error {
	return p.b.call(ctx, p.session, method, params, result)
}

func (p *Page) watch() {
	for ev := range p.events {
		var s string
		switch ev.Method {
		case "Page.loadEventFired":
			p.loaded <- struct{}{}
		case "Runtime.exceptionThrown":
			s = "exception: " + string(ev.Params)
		case "Runtime.consoleAPICalled":
			var c struct {
				Type string `json:"type"`
			}
			_ = json.Unmarshal(ev.Params, &c)
			if c.Type == "error" || c.Type == "assert" {
				s = "console." + c.Type + ": " + string(ev.Params)
			}
		case "Log.entryAdded":
			var l struct {
				Entry struct {
					Level, Source, Text, URL string
				} `json:"entry"`
			}
			_ = json.Unmarshal(ev.Params, &l)
			if l.Entry.Level == "error" {
				s = fmt.Sprintf("log (%s): %s %s", l.Entry.Source, l.Entry.Text, l.Entry.URL)
			}
		case "Network.loadingFailed":
			s = "load failed: " + string(ev.Params)
		case "Network.requestWillBeSent":
			var r struct {
				Request struct {
					URL string `json:"url"`
				} `json:"request"`
			}
			_ = json.Unmarshal(ev.Params, &r)
			p.mu.Lock()
			p.requests = append(p.requests, r.Request.URL)
			p.mu.Unlock()
		}
		if s != "" {
			p.mu.Lock()
			p.problems = append(p.problems, s)
			p.mu.Unlock()
		}
	}
}

// Problems returns the errors the page logged so far.
func (p *Page) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.problems...)
}

// Requests returns every URL the page requested so far.
func (p *Page) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// SetViewport sets the window's CSS width and height; mobile emulates a
// phone (the viewport meta tag applies).
func (p *Page) SetViewport(ctx context.Context, width, height int, mobile bool) error {
	return p.call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, nil)
}

// SetDarkMode makes prefers-color-scheme report dark (or light).
func (p *Page) SetDarkMode(ctx context.Context, dark bool) error {
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	return p.call(ctx, "Emulation.setEmulatedMedia", map[string]any{
		"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}}}, nil)
}

// Navigate loads url and waits for its load event.
func (p *Page) Navigate(ctx context.Context, url string) error {
	for len(p.loaded) > 0 {
		<-p.loaded
	}
	var r struct {
		ErrorText string `json:"errorText"`
	}
	if err := p.call(ctx, "Page.navigate", map[string]any{"url": url}, &r); err != nil {
		return err
	}
	if r.ErrorText != "" {
		return errors.New("navigate: " + r.ErrorText)
	}
	select {
	case <-p.loaded:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for %s to load: %w", url, ctx.Err())
	}
}

// Eval evaluates a JavaScript expression in the page (the test's, not the
// page's: the page itself has no script) and decodes its value.
func (p *Page) Eval(ctx context.Context, expr string, v any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails json.RawMessage `json:"exceptionDetails"`
	}
	if err := p.call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r); err != nil {
		return err
	}
	if len(r.ExceptionDetails) > 0 {
		return fmt.Errorf("evaluating %q: %s", expr, r.ExceptionDetails)
	}
	return json.Unmarshal(r.Result.Value, v)
}

// Screenshot captures the whole page (not only the viewport) as PNG.
func (p *Page) Screenshot(ctx context.Context) ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	if err := p.call(ctx, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true, "optimizeForSpeed": true}, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// Paper sizes in inches.
var (
	A4     = [2]float64{8.27, 11.69}
	Letter = [2]float64{8.5, 11}
)

// PrintPDF prints the page on paper of the given size, as a browser's
// print dialog would with backgrounds on and the page's own margins.
func (p *Page) PrintPDF(ctx context.Context, paper [2]float64) ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	if err := p.call(ctx, "Page.printToPDF", map[string]any{
		"paperWidth": paper[0], "paperHeight": paper[1], "printBackground": true, "preferCSSPageSize": true,
		"marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
	}, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}
