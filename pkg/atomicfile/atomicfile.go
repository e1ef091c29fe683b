// Package atomicfile writes a file so that readers see either the old
// content or the new, never a torn mix, and a crash never truncates it.
//
// The rules, the same for every command that writes (review --record,
// lint --fix, init --force):
//   - A symbolic link is written through, as editors do: its target is
//     replaced (or created, when the link dangles), the link stays.
//   - An existing file keeps its permission bits and, where the process may
//     set them, its owner and group (root recording another user's file
//     leaves it theirs). A new file gets perm less the umask.
//   - A read-only file (no write permission for this process, or none at
//     all) is refused, not replaced behind the owner's back.
//   - A file with more than one hard link is refused: a rename would leave
//     the other names holding the old content. Writing in place would keep
//     the links but could tear the file on a crash, which is the one thing
//     this package exists to prevent.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/roadmapcli/roadmap/pkg/interrupt"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// ReadOnlyError refuses to replace a file its owner made read-only.
type ReadOnlyError struct {
	Path string
	Mode fs.FileMode
}

func (e *ReadOnlyError) Error() string {
	if e.Mode.Perm()&0o222 != 0 {
		// Someone may write it, not this user (another user's file):
		// chmod u+w would not help.
		return fmt.Sprintf("%s is not writable by this user (mode %04o), so nothing was written (check its owner and permissions: `ls -l %s`)",
			safetext.Name(e.Path), e.Mode.Perm(), safetext.ShellQuote(e.Path))
	}
	return fmt.Sprintf("%s is read-only (mode %04o), so nothing was written (make it writable with `chmod u+w %s` and run again)",
		safetext.Name(e.Path), e.Mode.Perm(), safetext.ShellQuote(e.Path))
}

// HardLinkError refuses to replace a file that has other names.
type HardLinkError struct {
	Path  string
	Links uint64
}

func (e *HardLinkError) Error() string {
	q := safetext.ShellQuote(e.Path)
	return fmt.Sprintf("%s has %d hard links, and replacing it would leave the other names with the old content, so nothing was written (give it its own copy first: cp %s %s.new && mv %s.new %s; or edit it by hand)",
		safetext.Name(e.Path), e.Links, q, q, q, q)
}

// DirError says the directory a file was to be written in is not there
// (or is not a directory), so nothing was written: the system's error
// would name the temporary file beside the target instead.
type DirError struct {
	Dir string
	// NotDir is true when Dir exists but is not a directory.
	NotDir bool
}

func (e *DirError) Error() string {
	if e.NotDir {
		return fmt.Sprintf("%s is not a directory, so nothing was written in it (check the path)", safetext.Name(e.Dir))
	}
	return fmt.Sprintf("directory %s does not exist, so nothing was written (create it with `mkdir -p %s`, or check the path)",
		safetext.Name(e.Dir), safetext.ShellQuote(e.Dir))
}

// dirError is the DirError for a temporary file that could not be created
// in dir, or nil when dir is there.
func dirError(dir string, err error) error {
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return nil
	}
	// The nearest ancestor that exists says which it is.
	for d := dir; ; d = filepath.Dir(d) {
		info, statErr := os.Stat(d)
		if statErr == nil {
			if !info.IsDir() {
				return &DirError{Dir: d, NotDir: true}
			}
			return &DirError{Dir: dir}
		}
		if filepath.Dir(d) == d {
			return &DirError{Dir: dir}
		}
	}
}

// WriteFile writes data to path through a temporary file in the same
// directory, fsyncs it, and renames it over path, by the rules in the
// package comment. A new file gets perm (less the umask).
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return WriteFileChecked(path, data, perm, nil)
}

// WriteFileChecked is WriteFile with a last check: once the new content is
// safely on disk in the temporary file, and just before the rename, it
// calls check (when not nil); if check returns an error, nothing is
// replaced, the temporary file is removed, and that error is returned.
// Callers use it to refuse a write when the file changed since they read it.
func WriteFileChecked(path string, data []byte, perm fs.FileMode, check func() error) (err error) {
	target, err := Target(path)
	if err != nil {
		if de := dirError(filepath.Dir(path), err); de != nil {
			return de
		}
		return err
	}
	old, err := replaceable(target)
	if err != nil {
		return err
	}
	tmp, err := writeTemp(target, data, perm, old)
	if err != nil {
		return err
	}
	cancel := interrupt.OnInterrupt(func() { os.Remove(tmp) })
	defer cancel()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if check != nil {
		if err = check(); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp, target); err != nil {
		return err
	}
	syncDir(filepath.Dir(target))
	return nil
}

// WriteFileNoReplace writes data to path only if path does not exist yet,
// atomically: the content is written and fsynced under a temporary name,
// then hard-linked to path, which fails when path exists, however late
// another process created it. The error for an existing path satisfies
// errors.Is(err, fs.ErrExist); a symbolic link at path counts as existing,
// even one that dangles. Where hard links are not supported, the file is
// created with O_EXCL and written in place instead.
func WriteFileNoReplace(path string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(path, data, perm, nil)
	if err != nil {
		return err
	}
	cancel := interrupt.OnInterrupt(func() { os.Remove(tmp) })
	defer cancel()
	defer os.Remove(tmp)
	linkErr := os.Link(tmp, path)
	switch {
	case linkErr == nil:
		syncDir(filepath.Dir(path))
		return nil
	case errors.Is(linkErr, fs.ErrExist):
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	// No hard links here (some network and FAT file systems): reserve the
	// name with O_EXCL, which is just as exclusive, and write in place.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		_ = os.Remove(path)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// Target is the file a write to path replaces: path itself, or, for a
// symbolic link, what it points to, followed link by link (a dangling
// link's target, which the write creates).
func Target(path string) (string, error) {
	p := path
	for hops := 0; ; hops++ {
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			return p, nil
		}
		if hops == 40 {
			return "", &fs.PathError{Op: "write", Path: path, Err: errors.New("too many levels of symbolic links")}
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
}

// replaceable returns the file at target when there is one and it may be
// replaced, nil when there is none, or the reason it may not.
func replaceable(target string) (fs.FileInfo, error) {
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file", safetext.Name(target))
	}
	if n := links(info); n > 1 {
		return nil, &HardLinkError{Path: target, Links: n}
	}
	if info.Mode().Perm()&0o222 == 0 || !writable(target) {
		return nil, &ReadOnlyError{Path: target, Mode: info.Mode()}
	}
	return info, nil
}

// writeTemp writes data to a new temporary file beside path, fsynced and
// closed, and returns its name. It takes old's permission bits (and its
// owner and group where it can) when old is not nil; otherwise it is
// created with perm, which the umask trims.
func writeTemp(path string, data []byte, perm fs.FileMode, old fs.FileInfo) (name string, err error) {
	var f *os.File
	for tries := 0; ; tries++ {
		var b [6]byte
		_, _ = rand.Read(b[:])
		name = filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp-"+hex.EncodeToString(b[:]))
		createPerm := perm
		if old != nil {
			createPerm = 0o600 // the final bits are set below, exactly
		}
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, createPerm)
		if err == nil || !errors.Is(err, fs.ErrExist) || tries == 10 {
			break
		}
	}
	if err != nil {
		if de := dirError(filepath.Dir(path), err); de != nil {
			return "", de
		}
		// The error names the target, not its temporary sibling.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = &fs.PathError{Op: "write", Path: path, Err: pe.Err}
		}
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			_ = os.Remove(name)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", err
	}
	if old != nil {
		keepOwner(f, old) // before the mode: a chown may clear set-id bits
		if err = f.Chmod(old.Mode().Perm()); err != nil {
			return "", err
		}
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return name, nil
}

// syncDir makes a rename or link durable; not every platform supports it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
