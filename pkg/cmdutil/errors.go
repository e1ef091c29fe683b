// Package cmdutil holds what every command shares: the factory of
// dependencies, error kinds that carry exit codes, and flag helpers.
package cmdutil

import (
	"errors"
	"fmt"
)

// Exit codes every CI understands.
const (
	ExitOK       = 0
	ExitFindings = 1 // the command ran and found problems at or above the threshold
	ExitError    = 2 // usage, input, configuration or I/O failure
)

// AnnotationRawOutput, set to "true" in a command's Annotations, leaves
// its standard output and error unsanitised (see iostreams.Sanitize): for
// a byte-exact protocol such as the language server's.
const AnnotationRawOutput = "roadmap:raw-output"

// FlagError is a usage mistake: printed with a pointer to --help, exit 2.
type FlagError struct{ err error }

func (e *FlagError) Error() string { return e.err.Error() }
func (e *FlagError) Unwrap() error { return e.err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{fmt.Errorf(format, args...)}
}

// FlagErrorWrap turns cobra's own flag parsing errors into FlagErrors.
func FlagErrorWrap(err error) error { return &FlagError{err} }

// ErrSilent exits 1 without printing anything more: the command has already
// said what it found (lint findings, an overdue review).
var ErrSilent = errors.New("silent exit")

// InputError is bad input the user must fix (a file, a flag value):
// the message is already "FILE:LINE:COL: what (how to fix)", exit 2.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// ExitCode maps any error returned by a command to the process exit code.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrSilent):
		return ExitFindings
	default:
		return ExitError
	}
}
