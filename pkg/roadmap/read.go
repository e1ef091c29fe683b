package roadmap

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/suggest"
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
		switch near := nearSibling(path); {
		case strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(os.PathSeparator)):
			// A directory was meant; init writes files, not directories.
			fe.Msg = "no such directory"
			fe.Hint = "check the path"
		case near != "":
			fe.Hint = "did you mean " + safetext.Name(near) + "?"
		default:
			fe.Hint = "check the path, or create it with `roadmap init " + safetext.ShellQuote(path) + "`"
		}
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

// nearSibling is the file beside path whose name path most likely
// misspells (examples/promotoin.md: examples/promotion.md), or "".
func nearSibling(path string) string {
	dir, base := filepath.Split(path)
	if base == "" {
		return ""
	}
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
			names = append(names, e.Name())
		}
	}
	if near := suggest.Nearest(base, names); near != "" {
		return dir + near
	}
	return ""
}
