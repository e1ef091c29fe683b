package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/editlock"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// A file changed by someone else between --fix reading it and writing it
// is not overwritten: the other writer's bytes stay, and the run fails.
func TestFixRefusesAFileChangedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	broken := strings.Replace(vague, "kind: promotion", "kind: promotin", 1)
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	theirs := []byte(strings.Replace(broken, "Staff by 2028.", "Staff by 2029.", 1))
	_, errOut, err := run(t, "", Options{Paths: []string{path}, Fix: true, LockWait: time.Second,
		beforeWrite: func(string) {
			if err := os.WriteFile(path, theirs, 0o644); err != nil {
				t.Fatal(err)
			}
		}})
	var ce *roadmap.ChangedError
	if !errors.As(err, &ce) || cmdutil.ExitCode(err) != cmdutil.ExitError {
		t.Fatalf("err = %v, want a changed-file refusal (exit 2)", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(theirs) {
		t.Errorf("the other writer's change was overwritten:\n%s", got)
	}
	if strings.Contains(errOut, "fixed RM001") {
		t.Errorf("said it fixed what it did not write: %q", errOut)
	}
}

func TestFixWritesAndReportsWhatIsLeft(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(path, []byte(strings.Replace(vague, "kind: promotion", "kind: promotin", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := run(t, "", Options{Paths: []string{path}, Fix: true, LockWait: time.Second})
	if !errors.Is(err, cmdutil.ErrSilent) {
		t.Fatalf("err = %v, want exit 1: RM005 is left", err)
	}
	if got, _ := os.ReadFile(path); string(got) != vague {
		t.Errorf("fixed file:\n%s", got)
	}
	if !strings.Contains(errOut, "plan.md:4:7: fixed RM001/document-valid: Change kind from promotin to promotion\n") {
		t.Errorf("stderr %q", errOut)
	}
	if !strings.Contains(out, "RM005/action-concrete") || strings.Contains(out, "RM001") {
		t.Errorf("what is left: %q", out)
	}
	if _, err := os.Stat(editlock.Path(path)); !os.IsNotExist(err) {
		t.Errorf("the lock file was left behind: %v", err)
	}
}
