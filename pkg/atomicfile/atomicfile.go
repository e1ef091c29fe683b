// Package atomicfile writes a file so that readers see either the old
// content or the new, never a torn mix, and a crash never truncates it.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile writes data to path through a temporary file in the same
// directory, fsyncs it, and renames it over path. An existing file keeps
// its permission bits; a new one gets perm.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return WriteFileChecked(path, data, perm, nil)
}

// WriteFileChecked is WriteFile with a last check: once the new content is
// safely on disk in the temporary file, and just before the rename, it
// calls check (when not nil); if check returns an error, nothing is
// replaced, the temporary file is removed, and that error is returned.
// Callers use it to refuse a write when the file changed since they read it.
func WriteFileChecked(path string, data []byte, perm fs.FileMode, check func() error) (err error) {
	perm, err = keptPerm(path, perm)
	if err != nil {
		return err
	}
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
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
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// WriteFileNoReplace writes data to path only if path does not exist yet,
// atomically: the content is written and fsynced under a temporary name,
// then hard-linked to path, which fails when path exists, however late
// another process created it. The error for an existing path satisfies
// errors.Is(err, fs.ErrExist). Where hard links are not supported, the
// file is created with O_EXCL and written in place instead.
func WriteFileNoReplace(path string, data []byte, perm fs.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
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

// keptPerm returns the permission bits of an existing regular file at
// path, or perm when there is none.
func keptPerm(path string, perm fs.FileMode) (fs.FileMode, error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		return 0, fmt.Errorf("%s: not a regular file", path)
	case err == nil:
		return info.Mode().Perm(), nil
	case errors.Is(err, fs.ErrNotExist):
		return perm, nil
	}
	return 0, err
}

// writeTemp writes data to a new temporary file beside path, with perm,
// fsynced and closed, and returns its name.
func writeTemp(path string, data []byte, perm fs.FileMode) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", err
	}
	if err = tmp.Chmod(perm); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// syncDir makes a rename or link durable; not every platform supports it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
