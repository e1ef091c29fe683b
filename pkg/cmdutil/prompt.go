package cmdutil

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Prompter asks questions on a terminal, one answer per line. Questions go
// to the error stream so a command's real output (a roadmap written to
// standard output) stays clean.
type Prompter struct {
	in       *bufio.Reader
	out      io.Writer
	eof      bool
	answered bool
}

// NewPrompter reads answers from in and writes questions to out.
func NewPrompter(in io.Reader, out io.Writer) *Prompter {
	return &Prompter{in: bufio.NewReader(in), out: out}
}

// Ask returns the trimmed answer: "" for an empty answer, and for every
// question after the input has ended.
func (p *Prompter) Ask(question string) (string, error) {
	if p.eof {
		return "", nil
	}
	fmt.Fprintf(p.out, "? %s: ", question)
	line, err := p.in.ReadString('\n')
	if errors.Is(err, io.EOF) {
		p.eof = true
		fmt.Fprintln(p.out)
	} else if err != nil {
		return "", fmt.Errorf("read answer: %w", err)
	}
	if err == nil || line != "" {
		p.answered = true
	}
	return strings.TrimSpace(line), nil
}

// EndedBeforeAnswer reports whether the input ended (Ctrl-D) before any
// answer was given, even an empty one: "never mind", as Ctrl-C is, and
// no reason to write what the defaults make.
func (p *Prompter) EndedBeforeAnswer() bool { return p.eof && !p.answered }

// ShellQuote quotes s for a POSIX shell when it needs it, so a command a
// message suggests can be pasted as it is (see safetext.ShellQuote).
func ShellQuote(s string) string { return safetext.ShellQuote(s) }

// Printf writes to the questions' stream: instructions and corrections.
func (p *Prompter) Printf(format string, args ...any) {
	fmt.Fprintf(p.out, format, args...)
}

// Ended reports whether the input has ended, so a loop that asks again
// after a bad answer can stop.
func (p *Prompter) Ended() bool { return p.eof }
