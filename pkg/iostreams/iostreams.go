// Package iostreams holds the streams a command reads and writes, and the
// one place where terminal and colour decisions are made.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// IOStreams is injected into every command; logic never touches os.Stdout.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdinTTY  bool
	stdoutTTY bool
	color     bool
	errColor  bool
	width     int

	// esc is what the colour scheme writes for ESC: the marker of the
	// sanitising writers once Sanitize has installed them.
	esc       string
	sanitized []*safetext.Writer
}

// Sanitize puts a safetext.Writer under Out and ErrOut, so that no
// control character from a file reaches the terminal raw whatever a
// command prints; the colour scheme then sends its escapes through the
// writers' marker. Commands that speak a byte-exact protocol on standard
// output (the language server) run without it. Flush must be called
// before the process exits.
func (s *IOStreams) Sanitize() {
	if len(s.sanitized) > 0 {
		return
	}
	out := safetext.NewWriter(s.Out)
	errOut := safetext.NewWriterMarker(s.ErrOut, out.Marker())
	s.Out, s.ErrOut = out, errOut
	s.esc = out.Marker()
	s.sanitized = []*safetext.Writer{out, errOut}
}

// Flush writes out what the sanitising writers still hold (the start of
// a character split across writes).
func (s *IOStreams) Flush() {
	for _, w := range s.sanitized {
		_ = w.Flush()
	}
}

// Colour modes for --color.
const (
	ColorAuto   = "auto"
	ColorAlways = "always"
	ColorNever  = "never"
)

// ColorModes are --color's values.
var ColorModes = []string{ColorAuto, ColorAlways, ColorNever}

// System wires the process's standard streams.
func System() *IOStreams {
	s := &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdinTTY:  isTerminal(os.Stdin),
		stdoutTTY: isTerminal(os.Stdout),
	}
	s.color = colorWanted(s.stdoutTTY)
	s.errColor = colorWanted(isTerminal(os.Stderr))
	termWidth := 0
	if s.stdoutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			termWidth = w
		}
	}
	s.width = widthFrom(os.Getenv("COLUMNS"), termWidth)
	return s
}

// DefaultWidth is the width output is fitted to when nothing says
// otherwise: piped output without COLUMNS.
const DefaultWidth = 80

// widthFrom is the one rule for every command's width, on a terminal
// or piped: COLUMNS when it is a positive number (the user said so),
// else the terminal's width, else DefaultWidth.
func widthFrom(columns string, termWidth int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(columns)); err == nil && n > 0 {
		return n
	}
	if termWidth > 0 {
		return termWidth
	}
	return DefaultWidth
}

// Test returns streams backed by buffers: no terminal, no colour.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// colorWanted follows no-color.org (NO_COLOR set and not empty turns
// colour off) and CLICOLOR_FORCE, for a stream that is or is not a
// terminal.
func colorWanted(tty bool) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := os.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	if os.Getenv("TERM") == "dumb" {
		return false
	}
	return tty
}

// SetColorMode applies --color: always and never override the
// environment for both streams; auto keeps what it decided.
func (s *IOStreams) SetColorMode(mode string) {
	switch mode {
	case ColorAlways:
		s.color, s.errColor = true, true
	case ColorNever:
		s.color, s.errColor = false, false
	}
}

func (s *IOStreams) IsStdoutTTY() bool  { return s.stdoutTTY }
func (s *IOStreams) ColorEnabled() bool { return s.color }

// CanPrompt is true when a person is at the keyboard on both ends.
func (s *IOStreams) CanPrompt() bool { return s.stdinTTY && s.stdoutTTY }

// TerminalWidth is the width every command fits its output to, on a
// terminal or piped: COLUMNS, else the terminal's width, else 80.
func (s *IOStreams) TerminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	return DefaultWidth
}

// Test setters: let in-process tests pretend to be on a terminal.
func (s *IOStreams) SetStdinTTY(v bool)     { s.stdinTTY = v }
func (s *IOStreams) SetStdoutTTY(v bool)    { s.stdoutTTY = v }
func (s *IOStreams) SetColorEnabled(v bool) { s.color = v }
func (s *IOStreams) SetTerminalWidth(w int) { s.width = w }

// ColorScheme returns ANSI styling that is a no-op when colour is off.
func (s *IOStreams) ColorScheme() *ColorScheme {
	esc := s.esc
	if esc == "" {
		esc = "\x1b"
	}
	return &ColorScheme{enabled: s.color, esc: esc}
}

// ErrColorScheme is ColorScheme for what goes to ErrOut.
func (s *IOStreams) ErrColorScheme() *ColorScheme {
	cs := s.ColorScheme()
	cs.enabled = s.errColor
	return cs
}

// ColorScheme applies SGR colours only when enabled.
type ColorScheme struct {
	enabled bool
	esc     string
}

func (c *ColorScheme) wrap(code, s string) string {
	if !c.enabled || s == "" {
		return s
	}
	return c.esc + "[" + code + "m" + s + c.esc + "[0m"
}

// Strip removes the colour scheme's escape sequences, for measuring the
// width of coloured text.
func (c *ColorScheme) Strip(s string) string {
	if !c.enabled || !strings.Contains(s, c.esc) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, c.esc+"[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i+len(c.esc)+1:]
		if j := strings.IndexByte(s, 'm'); j >= 0 {
			s = s[j+1:]
		}
	}
}

func (c *ColorScheme) Bold(s string) string   { return c.wrap("1", s) }
func (c *ColorScheme) Dim(s string) string    { return c.wrap("2", s) }
func (c *ColorScheme) Red(s string) string    { return c.wrap("31", s) }
func (c *ColorScheme) Green(s string) string  { return c.wrap("32", s) }
func (c *ColorScheme) Yellow(s string) string { return c.wrap("33", s) }
func (c *ColorScheme) Cyan(s string) string   { return c.wrap("36", s) }
