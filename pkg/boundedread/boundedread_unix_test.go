//go:build unix

package boundedread

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The configuration file that took CI down: a symbolic link to
// /dev/zero. File refuses it at once; Named reads up to the cap.
func TestDevices(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, ".roadmap.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	_, err := File(zero, 1<<20)
	if kindOf(t, err) != NotRegular || !strings.Contains(err.Error(), "is not a regular file (it is a character device)") {
		t.Errorf("File(/dev/zero): %v", err)
	}
	_, err = Named(zero, 1<<20)
	if kindOf(t, err) != TooLarge {
		t.Errorf("Named(/dev/zero): %v", err)
	}

	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := File(fifo, 100); done <- err }()
	select {
	case err := <-done:
		if kindOf(t, err) != NotRegular || !strings.Contains(err.Error(), "a named pipe") {
			t.Errorf("File(fifo): %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("File blocked on a FIFO with no writer")
	}
}
