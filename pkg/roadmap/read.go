package roadmap

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// MaxFileBytes is the largest roadmap the tool reads. A career plan is a
// few kilobytes; anything near this is almost surely the wrong file.
const MaxFileBytes = 1 << 20

// FileError is a failure to read a roadmap file at all.
type FileError struct {
	Path string
	Msg  string
	Hint string
	Err  error
}

func (e *FileError) Error() string {
	s := safetext.Name(e.Path) + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

func (e *FileError) Unwrap() error { return e.Err }

// ReadFile reads a roadmap's bytes with the size limit and clear errors for
// directories, missing and unreadable paths. A pipe or device named as
// the roadmap is read too, up to the limit.
func ReadFile(path string) ([]byte, error) {
	data, err := boundedread.Named(path, MaxFileBytes)
	if err != nil {
		return nil, fileError(path, err)
	}
	return data, nil
}

// ReadLimited reads r (standard input) up to MaxFileBytes.
func ReadLimited(path string, r io.Reader) ([]byte, error) {
	data, err := boundedread.Reader(path, r, MaxFileBytes)
	if err != nil {
		return nil, fileError(path, err)
	}
	return data, nil
}

func fileError(path string, err error) error {
	var be *boundedread.Error
	if !errors.As(err, &be) {
		be = boundedread.Classify(path, err)
	}
	fe := &FileError{Path: path, Msg: be.Msg, Err: err}
	switch be.Kind {
	case boundedread.NotExist:
		fe.Hint = "check the path, or create it with `roadmap init " + safetext.ShellQuote(path) + "`"
	case boundedread.Permission:
		fe.Hint = "check the file's permissions"
	case boundedread.IsDir:
		fe.Msg = "is a directory, not a roadmap file"
		fe.Hint = "name a file such as " + safetext.Name(path+string(os.PathSeparator)+"roadmap.md")
	case boundedread.TooLarge:
		fe.Msg = fmt.Sprintf("file is larger than the %s limit for a roadmap (%s or more)", boundedread.FormatSize(MaxFileBytes), boundedread.FormatSize(be.Seen))
		fe.Hint = "is this the right file? a roadmap is a few kilobytes of Markdown"
	}
	return fe
}
