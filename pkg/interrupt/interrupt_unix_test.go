//go:build unix

package interrupt

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// The helper process registers a clean-up that removes a file, says it
// is ready, and waits to be signalled.
func TestMain(m *testing.M) {
	if file := os.Getenv("INTERRUPT_TEST_FILE"); file != "" {
		cancelled := OnInterrupt(func() { os.Remove(file + ".never") })
		cancelled()
		OnInterrupt(func() { os.Remove(file) })
		os.WriteFile(file+".ready", nil, 0o644)
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestCleanupsRunOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "lock")
			for _, f := range []string{file, file + ".never"} {
				if err := os.WriteFile(f, nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "INTERRUPT_TEST_FILE="+file)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(10 * time.Second)
			for {
				if _, err := os.Stat(file + ".ready"); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("helper never got ready")
				}
				time.Sleep(5 * time.Millisecond)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("helper exited with %v, want death by %v", err, sig)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("helper ended with %v, want death by %v", ee, sig)
			}
			if _, err := os.Stat(file); !os.IsNotExist(err) {
				t.Errorf("the clean-up did not run: %v", err)
			}
			if _, err := os.Stat(file + ".never"); err != nil {
				t.Errorf("a cancelled clean-up ran: %v", err)
			}
		})
	}
}
