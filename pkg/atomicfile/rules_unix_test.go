//go:build unix

package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A new file honours the umask (init under umask 077 made 0644 files);
// an existing one keeps its own bits whatever the umask.
func TestNewFileHonoursUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for name, write := range map[string]func(string) error{
		"WriteFile":          func(p string) error { return WriteFile(p, []byte("x"), 0o644) },
		"WriteFileNoReplace": func(p string) error { return WriteFileNoReplace(p, []byte("x"), 0o644) },
	} {
		path := filepath.Join(dir, name+".md")
		if err := write(path); err != nil {
			t.Fatal(err)
		}
		if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
			t.Errorf("%s under umask 077: mode %04o, want 0600", name, info.Mode().Perm())
		}
	}
	kept := filepath.Join(dir, "kept.md")
	if err := os.WriteFile(kept, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(kept, 0o664); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(kept, []byte("y"), 0o600); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(kept); info.Mode().Perm() != 0o664 {
		t.Errorf("existing file: mode %04o, want its own 0664", info.Mode().Perm())
	}
}

// Root recording another user's file leaves it theirs.
func TestKeepsOwnerAndGroup(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	path := filepath.Join(t.TempDir(), "plan.md")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 65534 || st.Gid != 65534 {
		t.Errorf("owner %d:%d after the write, want 65534:65534 kept", st.Uid, st.Gid)
	}
}

func TestRefusesReadOnlyAndHardLinked(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro.md")
	if err := os.WriteFile(ro, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	var roe *ReadOnlyError
	if err := WriteFile(ro, []byte("new"), 0o644); !errors.As(err, &roe) {
		t.Errorf("read-only file: err = %v, want a ReadOnlyError", err)
	}
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	if err := os.WriteFile(a, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Skip("no hard links here:", err)
	}
	var hle *HardLinkError
	if err := WriteFile(a, []byte("new"), 0o644); !errors.As(err, &hle) || hle.Links != 2 {
		t.Errorf("hard-linked file: err = %v, want a HardLinkError with 2 links", err)
	}
	for _, p := range []string{ro, a, b} {
		if got, _ := os.ReadFile(p); string(got) != "old" {
			t.Errorf("%s holds %q after a refused write", p, got)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d entries in the directory: a temporary file was left", len(entries))
	}
}

// A symbolic link is written through, even when it dangles; the link stays.
func TestWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	chain := filepath.Join(dir, "chain.md")
	if err := os.Symlink("link.md", chain); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(chain, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, chain} {
		if info, _ := os.Lstat(l); info.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link", l)
		}
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("the target holds %q", got)
	}
	dangling := filepath.Join(dir, "dangling.md")
	if err := os.Symlink("sub-new.md", dangling); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dangling, []byte("made"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "sub-new.md")); string(got) != "made" {
		t.Errorf("the dangling link's target holds %q", got)
	}
	loop := filepath.Join(dir, "loop.md")
	if err := os.Symlink("loop.md", loop); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(loop, []byte("x"), 0o644); err == nil {
		t.Errorf("a link to itself was written")
	}
}
