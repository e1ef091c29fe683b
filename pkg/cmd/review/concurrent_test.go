package review_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// TestMain lets this test binary act as the roadmap command, so the
// concurrency test can start real, separate processes.
func TestMain(m *testing.M) {
	if os.Getenv("ROADMAP_TEST_AS_CLI") == "1" {
		os.Exit(cli.Main(os.Args[1:], iostreams.System(), os.Getenv))
	}
	os.Exit(m.Run())
}

// Twenty processes record a review in one file at the same moment. Each
// either succeeds, and its entry is in the file exactly once, whole, or is
// refused with exit 2 and a message saying why and to re-run. None is
// lost or garbled; the file stays a valid roadmap; nothing is left behind.
func TestConcurrentRecords(t *testing.T) {
	const n = 20
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../../examples/promotion.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	before := roadmap.Parse(path, data)

	type result struct {
		code   int
		stderr string
	}
	results := make([]result, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := []string{"review", path, "--record", "--today", "2026-12-01", "--kind", "check-in",
				"--note", fmt.Sprintf("entry %02d: first note", i), "--note", fmt.Sprintf("entry %02d: second note", i)}
			if i%2 == 0 {
				args = append(args, "--done", "2")
			}
			cmd := exec.Command(exe, args...)
			cmd.Env = append(os.Environ(), "ROADMAP_TEST_AS_CLI=1", "NO_COLOR=1", "PATH=/nonexistent")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			<-start
			err := cmd.Run()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Error(err)
			}
			results[i] = result{code, stderr.String()}
		}()
	}
	close(start)
	wg.Wait()

	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := roadmap.Parse(path, after)
	if err := doc.Err(); err != nil {
		t.Fatalf("the file no longer parses: %v", err)
	}
	succeeded, refused := 0, 0
	for i, r := range results {
		first := fmt.Sprintf("entry %02d: first note", i)
		count := strings.Count(string(after), "- "+first+"\n- "+fmt.Sprintf("entry %02d: second note", i)+"\n")
		switch r.code {
		case 0:
			succeeded++
			if count != 1 {
				t.Errorf("process %d succeeded but its entry is in the file %d times (whole)", i, count)
			}
		case 2:
			refused++
			if count != 0 {
				t.Errorf("process %d was refused yet wrote its entry", i)
			}
			if !strings.Contains(r.stderr, path) || !strings.Contains(r.stderr, "re-run") && !strings.Contains(r.stderr, "Re-run") {
				t.Errorf("process %d refused without a clear message: %q", i, r.stderr)
			}
		default:
			t.Errorf("process %d exited %d: %s", i, r.code, r.stderr)
		}
	}
	if got, want := len(doc.Reviews), len(before.Reviews)+succeeded; got != want {
		t.Errorf("%d review entries, want %d (%d before + %d recorded)", got, want, len(before.Reviews), succeeded)
	}
	for _, r := range doc.Reviews[len(before.Reviews):] {
		if r.Heading.Text != "2026-12-01 · check-in" || len(r.Notes) < 2 || len(r.Notes) > 3 {
			t.Errorf("garbled entry %q with %d notes", r.Heading.Text, len(r.Notes))
		}
	}
	if !doc.Actions[1].Done {
		t.Errorf("action 2 was not ticked")
	}
	if strings.Count(string(after), "- Done: ") != 1 {
		t.Errorf("action 2 recorded as done %d times, want once (by the first run that ticked it)", strings.Count(string(after), "- Done: "))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("left behind: %v", names)
	}
	t.Logf("%d processes: %d recorded, %d refused", n, succeeded, refused)
	if succeeded == 0 {
		t.Errorf("no process succeeded")
	}
}
