package boundedread

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func kindOf(t *testing.T, err error) Kind {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *boundedread.Error", err, err)
	}
	return e.Kind
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	exact := filepath.Join(dir, "exact.yaml")
	over := filepath.Join(dir, "over.yaml")
	if err := os.WriteFile(exact, bytes.Repeat([]byte("a"), 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(over, bytes.Repeat([]byte("a"), 101), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := File(exact, 100)
	if err != nil || len(data) != 100 {
		t.Fatalf("File at the limit: %d bytes, %v", len(data), err)
	}
	if cap(data) != 101 {
		t.Errorf("buffer capacity %d: want the size from fstat plus one", cap(data))
	}
	_, err = File(over, 100)
	if kindOf(t, err) != TooLarge || err.Error() != over+": file is larger than the 100 bytes limit (101 bytes or more)" {
		t.Errorf("over the limit: %v", err)
	}
	_, err = File(dir, 100)
	if kindOf(t, err) != IsDir {
		t.Errorf("directory: %v", err)
	}
	_, err = File(filepath.Join(dir, "missing"), 100)
	if kindOf(t, err) != NotExist {
		t.Errorf("missing: %v", err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(exact, link); err != nil {
		t.Fatal(err)
	}
	if data, err := File(link, 100); err != nil || len(data) != 100 {
		t.Errorf("a symbolic link to a regular file is read: %d bytes, %v", len(data), err)
	}
}

func TestReader(t *testing.T) {
	data, err := Reader("<stdin>", strings.NewReader("hello"), 5)
	if err != nil || string(data) != "hello" {
		t.Fatalf("Reader at the limit: %q, %v", data, err)
	}
	_, err = Reader("<stdin>", strings.NewReader("hello!"), 5)
	if kindOf(t, err) != TooLarge || !strings.HasPrefix(err.Error(), "<stdin>: ") {
		t.Errorf("Reader over the limit: %v", err)
	}
	big := strings.Repeat("x", 100000)
	if data, err := Reader("<stdin>", strings.NewReader(big), 1<<20); err != nil || string(data) != big {
		t.Errorf("Reader of 100000 bytes: %d bytes, %v", len(data), err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{1 << 20: "1 MiB", 10 << 20: "10 MiB", 64 << 10: "64 KiB", 1536 << 10: "1.5 MiB", 1500: "1.5 KiB", 100: "100 bytes"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
