package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func TestWriteFileKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new" {
		t.Fatalf("content = %q, want new", got)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the original 0600 kept", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file (no temp left)", len(entries))
	}
}

func TestWriteFileNewFileGetsPerm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.md")
	if err := WriteFile(path, []byte("x"), 0o640); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", info.Mode().Perm())
	}
}

func TestWriteFileRefusesDirectory(t *testing.T) {
	if err := WriteFile(t.TempDir(), []byte("x"), 0o644); err == nil {
		t.Fatal("writing over a directory succeeded; want an error")
	}
}

func TestWriteFileCheckedRefusesAndLeavesFileAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused := errors.New("changed")
	err := WriteFileChecked(path, []byte("new"), 0o644, func() error {
		// The temporary file is complete when the check runs.
		matches, _ := filepath.Glob(filepath.Join(dir, ".roadmap.md.tmp-*"))
		if len(matches) != 1 {
			t.Errorf("during the check: %d temporary files, want 1", len(matches))
		} else if b, _ := os.ReadFile(matches[0]); string(b) != "new" {
			t.Errorf("temporary file holds %q, want the new content", b)
		}
		return refused
	})
	if !errors.Is(err, refused) {
		t.Fatalf("err = %v, want the check's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("content = %q, want old (nothing replaced)", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file", len(entries))
	}
	if err := WriteFileChecked(path, []byte("new"), 0o644, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("content = %q, want new", got)
	}
}

func TestWriteFileNoReplace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	if err := WriteFileNoReplace(path, []byte("first"), 0o640); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", info.Mode().Perm())
	}
	err = WriteFileNoReplace(path, []byte("second"), 0o644)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second write: err = %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Errorf("content = %q, want first (never replaced)", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file (no temp left)", len(entries))
	}
}

// Many writers race for one new name: exactly one wins, the file holds its
// whole content, and the others are told the file exists.
func TestWriteFileNoReplaceRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roadmap.md")
	const n = 16
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- WriteFileNoReplace(path, []byte(strings.Repeat(strconv.Itoa(i%10), 4096)), 0o644)
		}()
	}
	wg.Wait()
	close(errs)
	wins := 0
	for err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, fs.ErrExist):
			t.Errorf("unexpected error: %v", err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d writers succeeded, want exactly 1", wins)
	}
	got, _ := os.ReadFile(path)
	if len(got) != 4096 || strings.Count(string(got), string(got[0])) != 4096 {
		t.Errorf("file is torn: %d bytes", len(got))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the file", len(entries))
	}
}

// The read-only message suggests what would help: chmod u+w for a file
// nobody may write, not for another user's file that this user may not
// (it used to say "chmod u+w" to a user who does not own the file).
func TestReadOnlyErrorSaysWhatHelps(t *testing.T) {
	for _, c := range []struct {
		mode fs.FileMode
		want string
	}{
		{0o444, "plan.md is read-only (mode 0444), so nothing was written (make it writable with `chmod u+w plan.md` and run again)"},
		{0o644, "plan.md is not writable by this user (mode 0644), so nothing was written (check its owner and permissions: `ls -l plan.md`)"},
	} {
		if got := (&ReadOnlyError{Path: "plan.md", Mode: c.mode}).Error(); got != c.want {
			t.Errorf("mode %04o:\n got %s\nwant %s", c.mode, got, c.want)
		}
	}
}

// A write into a directory that is not there says so, naming the
// directory, not the temporary file beside the target (N14).
func TestWriteFileMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, write := range map[string]func(string) error{
		"WriteFile":          func(p string) error { return WriteFile(p, []byte("x"), 0o644) },
		"WriteFileNoReplace": func(p string) error { return WriteFileNoReplace(p, []byte("x"), 0o644) },
	} {
		missing := filepath.Join(dir, "no", "such", "x.html")
		err := write(missing)
		var de *DirError
		if !errors.As(err, &de) || de.NotDir || de.Dir != filepath.Dir(missing) {
			t.Fatalf("err = %v, want a DirError for %s", err, filepath.Dir(missing))
		}
		if msg := err.Error(); strings.Contains(msg, ".tmp-") || !strings.HasPrefix(msg, "directory "+filepath.Dir(missing)+" does not exist") {
			t.Errorf("message = %q", msg)
		}
		file := filepath.Join(dir, "file")
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		err = write(filepath.Join(file, "sub", "x.html"))
		if !errors.As(err, &de) || !de.NotDir || de.Dir != file || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("under a file: err = %v", err)
		}
	}
}
