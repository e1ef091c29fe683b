package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// The base protocol: JSON-RPC 2.0 messages, each after a header block of
// which only Content-Length matters.

// maxMessage bounds one message: a roadmap is at most 1 MiB, and its
// JSON-escaped text in a didOpen at most six times that (every byte a
// \u escape). maxHeaderLine and maxHeaderLines bound the header block,
// whose only line that matters is Content-Length.
const (
	maxMessage     = 8 << 20
	maxHeaderLine  = 4 << 10
	maxHeaderLines = 32
)

// JSON-RPC error codes the server sends.
const (
	codeParseError     = -32700
	codeInvalidRequest = -32600
	codeMethodNotFound = -32601
	codeInvalidParams  = -32602
	codeInternalError  = -32603
	// LSP: a request before initialize, and one the server dropped.
	codeServerNotInitialized = -32002
	codeRequestFailed        = -32803
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID, Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *message) isResponse() bool { return m.Method == "" && len(m.ID) > 0 }

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (code %d)", e.Message, e.Code) }

// readMessage reads one framed message. A malformed header is an error
// (the stream cannot be resynchronised); malformed JSON is returned as
// a message-less parse error so the caller can answer and go on.
func readMessage(r *bufio.Reader) ([]byte, error) {
	length := -1
	for lines := 0; ; lines++ {
		if lines == maxHeaderLines {
			return nil, fmt.Errorf("a message header of more than %d lines", maxHeaderLines)
		}
		raw, err := readHeaderLine(r)
		if err != nil {
			if err == io.EOF && len(raw) == 0 && length < 0 {
				return nil, io.EOF
			}
			return nil, fmt.Errorf("reading a message header: %w", err)
		}
		line := strings.TrimRight(string(raw), "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("malformed header line %q", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", value)
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("a message without Content-Length")
	}
	if length > maxMessage {
		// The frame is intact: skip the body and go on serving the other
		// files (a 9 MB file opened in the editor must not end the server).
		if _, err := io.CopyN(io.Discard, r, int64(length)); err != nil {
			return nil, fmt.Errorf("reading a message body: %w", err)
		}
		return nil, &oversizeError{length: length}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("reading a message body: %w", err)
	}
	return body, nil
}

// oversizeError is a message over maxMessage, read and dropped: the
// stream is still in step, so the server goes on.
type oversizeError struct{ length int }

func (e *oversizeError) Error() string {
	return fmt.Sprintf("a message of %d bytes is over the %d MiB limit: dropped", e.length, maxMessage>>20)
}

// readHeaderLine reads one header line of at most maxHeaderLine bytes:
// a client (or anything else on stdin) that never sends a newline must
// not grow the buffer without end.
func readHeaderLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxHeaderLine {
			return nil, fmt.Errorf("a header line longer than %d bytes", maxHeaderLine)
		}
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}

// conn writes framed messages, one at a time, and matches the responses
// to the requests the server sends to the client.
type conn struct {
	w      io.Writer
	wmu    sync.Mutex
	mu     sync.Mutex
	nextID int
	wait   map[string]chan *message
	closed bool
	logf   func(format string, args ...any)
}

func newConn(w io.Writer, logf func(string, ...any)) *conn {
	return &conn{w: w, wait: map[string]chan *message{}, logf: logf}
}

func (c *conn) write(m *message) error {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err = c.w.Write(b.Bytes())
	return err
}

func (c *conn) notify(method string, params any) error {
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	if c.logf != nil {
		c.logf("-> %s", method)
	}
	return c.write(&message{Method: method, Params: raw})
}

func (c *conn) reply(id json.RawMessage, result any, rerr *rpcError) error {
	m := &message{ID: id, Error: rerr}
	if rerr == nil {
		raw, err := json.Marshal(result)
		if err != nil {
			return err
		}
		m.Result = raw
	}
	return c.write(m)
}

// call sends a request to the client and returns a channel that receives
// its response (or nil if the connection closes first).
func (c *conn) call(method string, params any) (<-chan *message, error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, errors.New("the connection is closed")
	}
	c.nextID++
	id := json.RawMessage(strconv.Quote("roadmap-" + strconv.Itoa(c.nextID)))
	ch := make(chan *message, 1)
	c.wait[string(id)] = ch
	c.mu.Unlock()
	if c.logf != nil {
		c.logf("-> %s (request %s)", method, id)
	}
	if err := c.write(&message{ID: id, Method: method, Params: raw}); err != nil {
		c.mu.Lock()
		delete(c.wait, string(id))
		c.mu.Unlock()
		return nil, err
	}
	return ch, nil
}

// deliver hands a response to the request waiting for it.
func (c *conn) deliver(m *message) {
	c.mu.Lock()
	ch, ok := c.wait[string(m.ID)]
	delete(c.wait, string(m.ID))
	c.mu.Unlock()
	if ok {
		ch <- m
	} else if c.logf != nil {
		c.logf("<- a response to no request: %s", m.ID)
	}
}

// closeAll ends every wait: the connection is gone.
func (c *conn) closeAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for id, ch := range c.wait {
		close(ch)
		delete(c.wait, id)
	}
}
