// Package boundedread reads the files roadmap is given or finds (roadmaps,
// configuration, ladders) with a size cap, so that no file can make the
// tool run out of memory: a configuration file symlinked to /dev/zero is
// a clear error naming the file, not "fatal error: out of memory".
//
// File reads regular files only (a symbolic link is followed to one);
// Named also reads a pipe or device named on the command line (a FIFO,
// /dev/stdin), still capped. Both size their buffer from one fstat instead
// of growing it from 512 bytes, and both stop at limit+1 bytes even when
// the file grows or lies about its size.
package boundedread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Kind says what went wrong, so callers can word their own hints.
type Kind int

const (
	// Other is an I/O error the kinds below do not name.
	Other Kind = iota
	// NotExist: no such file (or a symbolic link to nothing).
	NotExist
	// Permission: the file cannot be opened for reading.
	Permission
	// IsDir: the path is a directory.
	IsDir
	// NotRegular: a device, pipe or socket where a regular file is needed.
	NotRegular
	// TooLarge: the file holds more than the limit.
	TooLarge
)

// Error is a file that could not be read within the rules.
type Error struct {
	Path string
	Kind Kind
	// Msg says what is wrong, without the path: "is not a regular file".
	Msg string
	// Limit is the cap that applied and Seen the size found (at least
	// Limit+1), for TooLarge.
	Limit, Seen int64
	Err         error
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// File reads the regular file at path (following symbolic links), or
// fails with an *Error when it is anything else or holds more than limit
// bytes.
func File(path string, limit int64) ([]byte, error) {
	return read(path, limit, false)
}

// Named reads path like File, but also accepts a pipe or a device (a
// file named on the command line may be `<(git show HEAD:plan.md)`); it
// still reads at most limit bytes.
func Named(path string, limit int64) ([]byte, error) {
	return read(path, limit, true)
}

// Reader reads r (standard input) up to limit bytes; name is used in the
// error.
func Reader(name string, r io.Reader, limit int64) ([]byte, error) {
	return readAll(name, r, 0, limit)
}

func read(path string, limit int64, streams bool) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes, and
	// File must refuse it without waiting.
	info, err := os.Stat(path)
	if err != nil {
		return nil, Classify(path, err)
	}
	if err := check(path, info, limit, streams); err != nil {
		return nil, err
	}
	pipe := info.Mode()&fs.ModeNamedPipe != 0
	flags := os.O_RDONLY
	if pipe {
		flags |= pipeOpenFlags
	}
	f, err := os.OpenFile(path, flags, 0)
	if err != nil {
		return nil, Classify(path, err)
	}
	defer f.Close()
	// The file may have been swapped between the stat and the open: judge
	// what was opened.
	info, err = f.Stat()
	if err != nil {
		return nil, Classify(path, err)
	}
	if err := check(path, info, limit, streams); err != nil {
		return nil, err
	}
	size := int64(0)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	data, err := readAll(path, f, size, limit)
	if err == nil && len(data) == 0 && pipe {
		return nil, &Error{Path: path, Kind: NotRegular, Msg: "is a named pipe that gave nothing to read (is anything writing to it?)"}
	}
	return data, err
}

func check(path string, info fs.FileInfo, limit int64, streams bool) error {
	switch {
	case info.IsDir():
		return &Error{Path: path, Kind: IsDir, Msg: "is a directory"}
	case info.Mode().IsRegular():
		if info.Size() > limit {
			return tooLarge(path, limit, info.Size())
		}
	case !streams:
		return &Error{Path: path, Kind: NotRegular, Msg: "is not a regular file (it is " + what(info.Mode()) + ")"}
	}
	return nil
}

// readAll reads r into a buffer sized for size bytes (plus one, to see
// the end), and never past limit+1.
func readAll(path string, r io.Reader, size, limit int64) ([]byte, error) {
	capacity := size + 1
	if size <= 0 {
		capacity = 4096
	}
	capacity = min(capacity, limit+1)
	buf := make([]byte, 0, capacity)
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, Classify(path, err)
		}
	}
	if int64(len(buf)) > limit {
		return nil, tooLarge(path, limit, int64(len(buf)))
	}
	return buf, nil
}

func tooLarge(path string, limit, seen int64) error {
	more := ""
	if seen > limit {
		more = fmt.Sprintf(" (%s or more)", FormatSize(seen))
	}
	return &Error{Path: path, Kind: TooLarge, Limit: limit, Seen: seen,
		Msg: fmt.Sprintf("file is larger than the %s limit%s", FormatSize(limit), more)}
}

// FormatSize writes a byte count as people read it: "1 MiB", "64 KiB",
// "1.5 MiB", "512 bytes".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func what(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// Classify turns an error from opening or reading path into an *Error
// with its Kind.
func Classify(path string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &Error{Path: path, Kind: NotExist, Msg: "no such file", Err: err}
	case errors.Is(err, fs.ErrPermission):
		return &Error{Path: path, Kind: Permission, Msg: "permission denied", Err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &Error{Path: path, Kind: Other, Msg: pe.Err.Error(), Err: err}
	}
	return &Error{Path: path, Kind: Other, Msg: err.Error(), Err: err}
}
