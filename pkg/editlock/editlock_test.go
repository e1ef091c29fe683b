package editlock

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.md")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := Acquire(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	lp := Path(path)
	if _, err := os.Stat(lp); err != nil {
		t.Fatalf("no lock file: %v", err)
	}

	start := time.Now()
	_, err = Acquire(path, 150*time.Millisecond)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second lock: err = %v, want a LockedError", err)
	}
	if waited := time.Since(start); waited < 150*time.Millisecond || waited > 2*time.Second {
		t.Errorf("waited %v, want about 150ms", waited)
	}
	msg := err.Error()
	for _, want := range []string{path + " is being edited by another roadmap process (pid ", "Re-run the command", "delete " + lp} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}

	// A waiter gets the lock as soon as the holder lets go.
	got := make(chan error, 1)
	go func() {
		l2, err := Acquire(path, 5*time.Second)
		if err == nil {
			l2.Release()
		}
		got <- err
	}()
	time.Sleep(50 * time.Millisecond)
	l.Release()
	l.Release() // twice is harmless
	if err := <-got; err != nil {
		t.Fatalf("waiter: %v", err)
	}
	if _, err := os.Stat(lp); err == nil {
		t.Errorf("lock file left behind")
	}

	// A lock left by a dead process (not refreshed for StaleAfter) is broken.
	if err := os.WriteFile(lp, []byte("roadmap edit lock\npid=99999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * StaleAfter)
	if err := os.Chtimes(lp, old, old); err != nil {
		t.Fatal(err)
	}
	l3, err := Acquire(path, 100*time.Millisecond)
	if err != nil {
		t.Fatalf("stale lock not broken: %v", err)
	}
	// Release removes only its own lock file.
	if err := os.Remove(lp); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lp, []byte("someone else's\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l3.Release()
	if _, err := os.Stat(lp); err != nil {
		t.Errorf("Release removed another process's lock file")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".stale-") {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

// A dangling symbolic link where the lock file goes (a hostile checkout
// can hold one) is a lock like any other: waited for until --lock-wait,
// then named. It used to spin forever: os.Stat said it did not exist,
// so every pass retried at once and never looked at the deadline.
func TestDanglingLinkAsLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.md")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nonexistent"), Path(path)); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	done := make(chan error, 1)
	go func() {
		l, err := Acquire(path, 200*time.Millisecond)
		if err == nil {
			l.Release()
		}
		done <- err
	}()
	select {
	case err := <-done:
		var le *LockedError
		if !errors.As(err, &le) {
			t.Errorf("err = %v, want a LockedError", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Acquire did not return within 10 s of a 200ms wait")
	}
}
