package safetext

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"io"
	"unicode/utf8"
)

// Writer is the stream form of the package: everything written through
// it reaches the underlying writer with control characters escaped, as
// Line escapes them, except line breaks (LF, CRLF) and tabs, which stay.
// It is the backstop under every command's human-readable output, so a
// field a renderer forgot to pass through Line still cannot reach the
// terminal raw. The escapes it writes for DEL, C1 controls and the
// bidirectional characters (\u007f, \u0085, \u202e) are also JSON string
// escapes, and JSON encoders escape the rest themselves, so JSON passes
// through with the same meaning.
//
// Colour is the one escape sequence a command may send: a colour scheme
// writes Marker() where ESC belongs, and the writer turns exactly that
// back into ESC. The marker is random for each Writer, so a file cannot
// contain it.
type Writer struct {
	w       io.Writer
	marker  []byte
	pending []byte
	buf     []byte
}

// NewWriter returns a Writer over w with a fresh marker.
func NewWriter(w io.Writer) *Writer {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return NewWriterMarker(w, "\x00"+hex.EncodeToString(b[:]))
}

// NewWriterMarker returns a Writer over w that turns marker (from another
// Writer's Marker, so that one colour scheme serves both standard output
// and standard error) into ESC.
func NewWriterMarker(w io.Writer, marker string) *Writer {
	return &Writer{w: w, marker: []byte(marker)}
}

// Marker is what to write instead of ESC (0x1b) to send an escape
// sequence through the writer.
func (w *Writer) Marker() string { return string(w.marker) }

// Write escapes p and writes it. A character or marker split across two
// writes is held back until the next write (or Flush) completes it.
func (w *Writer) Write(p []byte) (int, error) {
	n := len(p)
	if len(w.pending) > 0 {
		p = append(w.pending, p...)
		w.pending = nil
	}
	if clean(p) {
		_, err := w.w.Write(p)
		return n, err
	}
	keep := w.incompleteTail(p)
	w.buf = w.escape(w.buf[:0], p[:len(p)-keep])
	if keep > 0 {
		w.pending = append([]byte(nil), p[len(p)-keep:]...)
	}
	_, err := w.w.Write(w.buf)
	return n, err
}

// Flush writes what an earlier Write held back, escaped as it stands.
func (w *Writer) Flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	p := w.pending
	w.pending = nil
	w.buf = w.escape(w.buf[:0], p)
	_, err := w.w.Write(w.buf)
	return err
}

// clean reports whether p holds nothing to escape and no byte that
// could start something to escape in the next write.
func clean(p []byte) bool {
	for _, c := range p {
		if (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return true
}

// incompleteTail is how many bytes at the end of p may be the start of a
// character, a CRLF or a marker that the next write completes.
func (w *Writer) incompleteTail(p []byte) int {
	if len(p) > 0 && p[len(p)-1] == '\r' {
		return 1
	}
	if i := bytes.LastIndexByte(p, 0); i >= 0 && len(p)-i < len(w.marker) && bytes.HasPrefix(w.marker, p[i:]) {
		return len(p) - i
	}
	for k := 1; k <= 3 && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

func (w *Writer) escape(out, p []byte) []byte {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0 && bytes.HasPrefix(p[i:], w.marker):
				out = append(out, 0x1b)
				i += len(w.marker)
				continue
			case c == '\r' && i+1 < len(p) && p[i+1] == '\n':
				out = append(out, '\r', '\n')
				i += 2
				continue
			case c == '\n' || c == '\t':
				out = append(out, c)
			case c < 0x20:
				out = append(out, escapeByte(c)...)
			case c == 0x7f:
				out = append(out, `\u007f`...)
			default:
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			out = append(out, `\x`+hex2(c)...)
		case unsafeRune(r):
			out = append(out, `\u`+hex4(r)...)
		default:
			out = append(out, p[i:i+size]...)
		}
		i += size
	}
	return out
}
