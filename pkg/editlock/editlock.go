// Package editlock is the cross-process lock that makes concurrent edits
// of one file take turns (review --record, lint --fix, the language
// server's commands): a lock file created with O_EXCL beside the file.
//
//	lock, err := editlock.Acquire(path, editlock.DefaultWait)
//	if err != nil {
//		return err // a *LockedError names the holder's pid and the lock file
//	}
//	defer lock.Release()
//
// A holder that dies by a signal it can catch (Ctrl-C, SIGTERM, SIGHUP)
// removes its lock on the way out; one killed with kill -9 leaves it, and
// the next run breaks it once it has not been refreshed for StaleAfter,
// or says whose it is.
package editlock

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/interrupt"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Timings: how long Acquire waits for another holder by default, how
// often a holder refreshes its lock file, and when a lock that is no
// longer refreshed is taken to be left behind by a process that died.
const (
	DefaultWait = 5 * time.Second
	Heartbeat   = 2 * time.Second
	StaleAfter  = 30 * time.Second
)

// Path is the lock file that guards edits to the file at path:
// ".NAME.lock" beside it.
func Path(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// Lock is a held lock on a file; Release releases it.
type Lock struct {
	path   string
	token  string
	stop   chan struct{}
	done   sync.WaitGroup
	once   sync.Once
	cancel func()
}

// LockedError is a lock that could not be taken in time.
type LockedError struct {
	Path     string // the file
	LockPath string
	Holder   string // what the lock file says about its holder
	Waited   time.Duration
}

func (e *LockedError) Error() string {
	holder := ""
	if e.Holder != "" {
		holder = " (" + e.Holder + ")"
	}
	return fmt.Sprintf("%s is being edited by another roadmap process%s; gave up after waiting %s. Re-run the command; if no other roadmap process is running, delete %s",
		safetext.Name(e.Path), holder, e.Waited.Round(100*time.Millisecond), safetext.ShellQuote(e.LockPath))
}

// Acquire takes the edit lock of the file at path, waiting up to wait
// for another holder to finish. The lock is a file created with O_EXCL
// beside the file (see Path), which works the same on Linux, macOS and
// Windows; a symbolic link is locked as its target. While held, the lock
// file's modification time is refreshed every Heartbeat; a lock file not
// refreshed for StaleAfter was left by a process that died (kill -9), and
// is broken. Release removes it, and so does an interrupt (Ctrl-C,
// SIGTERM) that ends the process while the lock is held.
func Acquire(path string, wait time.Duration) (*Lock, error) {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	lp := Path(path)
	token := newToken()
	deadline := time.Now().Add(wait)
	delay := 5 * time.Millisecond
	for {
		err := createLock(lp, token)
		if err == nil {
			l := &Lock{path: lp, token: token, stop: make(chan struct{})}
			l.cancel = interrupt.OnInterrupt(l.removeFile)
			l.done.Add(1)
			go l.heartbeat()
			return l, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("%s: cannot create the lock file %s: %w", safetext.Name(path), safetext.Name(lp), unwrapPathErr(err))
		}
		if breakStale(lp) && time.Now().Before(deadline) {
			continue
		}
		if time.Now().After(deadline) {
			holder, _ := boundedread.File(lp, maxLockBytes)
			return nil, &LockedError{Path: path, LockPath: lp, Holder: describeHolder(holder), Waited: wait}
		}
		time.Sleep(delay + time.Duration(randByte())*delay/256)
		if delay < 100*time.Millisecond {
			delay *= 2
		}
	}
}

// Release releases the lock: it stops the heartbeat and removes the lock
// file, if it is still this lock's. Calling it again does nothing.
func (l *Lock) Release() {
	l.once.Do(func() {
		l.cancel()
		close(l.stop)
		l.done.Wait()
		l.removeFile()
	})
}

// removeFile removes the lock file if it is still this lock's.
func (l *Lock) removeFile() {
	if data, err := boundedread.File(l.path, maxLockBytes); err == nil && bytes.Contains(data, []byte("token="+l.token)) {
		_ = os.Remove(l.path)
	}
}

// maxLockBytes caps what is read of a lock file: ours are about 120 bytes.
const maxLockBytes = 4 << 10

func (l *Lock) heartbeat() {
	defer l.done.Done()
	t := time.NewTicker(Heartbeat)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case now := <-t.C:
			_ = os.Chtimes(l.path, now, now)
		}
	}
}

func createLock(lp, token string) error {
	f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	_, werr := fmt.Fprintf(f, "roadmap edit lock\npid=%d\nhost=%s\nsince=%s\ntoken=%s\n",
		os.Getpid(), host, time.Now().Format(time.RFC3339), token)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = os.Remove(lp)
		return werr
	}
	return nil
}

// breakStale removes a lock file that has not been refreshed for
// StaleAfter, and reports whether it did. It moves the file aside
// first, so that of several processes finding the same stale lock only one
// removes it; one that finds it was refreshed after all puts it back.
func breakStale(lp string) bool {
	// Lstat: the lock file itself, never what a link there points to. A
	// dangling link (os.Stat: does not exist) made every pass "gone
	// meanwhile, try again at once": a loop that never reached the
	// deadline.
	info, err := os.Lstat(lp)
	if err != nil {
		return errors.Is(err, fs.ErrNotExist) // gone meanwhile: try again at once
	}
	if time.Since(info.ModTime()) < StaleAfter {
		return false
	}
	aside := lp + ".stale-" + newToken()
	if err := os.Rename(lp, aside); err != nil {
		return errors.Is(err, fs.ErrNotExist)
	}
	if moved, err := os.Stat(aside); err == nil && time.Since(moved.ModTime()) < StaleAfter {
		_ = os.Link(aside, lp) // a live lock after all: restore it unless retaken
	}
	_ = os.Remove(aside)
	return true
}

func describeHolder(data []byte) string {
	var pid, host, since string
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok {
			continue
		}
		switch k {
		case "pid":
			pid = v
		case "host":
			host = v
		case "since":
			since = v
		}
	}
	if pid == "" {
		return ""
	}
	s := "pid " + pid
	if host != "" {
		s += " on " + host
	}
	if since != "" {
		s += ", since " + since
	}
	return s
}

func newToken() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func randByte() byte {
	var b [1]byte
	_, _ = rand.Read(b[:])
	return b[0]
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
