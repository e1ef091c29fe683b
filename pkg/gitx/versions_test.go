package gitx

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestVersions: every state of one file, oldest first, with its content,
// in two git processes whatever the number of commits: a commit of
// another file is not a state, a removal is one with no content, and a
// merged branch is one state, its merge.
func TestVersions(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-01-05T10:00:00Z", "start", map[string]string{"plan.md": "one\n"})
	r.commit("2026-01-20T10:00:00Z", "other file", map[string]string{"notes.md": "x\n"})
	r.commit("2026-02-03T10:00:00Z", "second", map[string]string{"plan.md": "two\n"})
	r.git("checkout", "-q", "-b", "side")
	r.commit("2026-02-10T10:00:00Z", "on a branch", map[string]string{"plan.md": "three\n"})
	r.git("checkout", "-q", "main")
	r.commit("2026-02-12T10:00:00Z", "main moves on", map[string]string{"notes.md": "y\n"})
	r.gitAt("2026-02-15T10:00:00Z", "merge", "-q", "--no-ff", "-m", "merge side", "side")
	r.git("rm", "-q", "plan.md")
	r.gitAt("2026-03-01T10:00:00Z", "commit", "-q", "-m", "remove")
	r.commit("2026-03-05T10:00:00Z", "back", map[string]string{"plan.md": "four\n"})

	c := r.client()
	repo, err := c.Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	before := c.runs.Load()
	vs, err := repo.Versions(r.dir + "/plan.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var blobs []string
	for _, v := range vs {
		got = append(got, v.Subject)
		if v.Blob != "" {
			blobs = append(blobs, v.Blob)
		}
	}
	if want := []string{"start", "second", "merge side", "remove", "back"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("versions %q, want %q", got, want)
	}
	if vs[3].Blob != "" {
		t.Errorf("the removal has content %s", vs[3].Blob)
	}
	if vs[0].Time.UTC().Format("2006-01-02") != "2026-01-05" {
		t.Errorf("first version's date %v", vs[0].Time)
	}
	var contents []string
	err = repo.ReadBlobs(blobs, 1<<20, func(i int, data []byte, err error) error {
		if err != nil {
			t.Errorf("blob %d: %v", i, err)
		}
		contents = append(contents, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"one\n", "two\n", "three\n", "four\n"}; !reflect.DeepEqual(contents, want) {
		t.Errorf("contents %q, want %q", contents, want)
	}
	if n := c.runs.Load() - before; n != 2 {
		t.Errorf("%d git processes, want 2 (one log, one cat-file)", n)
	}
}

// TestVersionsOfAnOddName: the path is the file's name, never a pathspec,
// and a name that begins with a colon is not taken for a raw record.
func TestVersionsOfAnOddName(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-01-05T10:00:00Z", "odd", map[string]string{":!x.md": "odd\n", "y.md": "y\n"})
	r.commit("2026-01-06T10:00:00Z", "other", map[string]string{"y.md": "y2\n"})
	repo, err := r.client().Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	vs, err := repo.Versions(r.dir + "/:!x.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].Subject != "odd" || vs[0].Blob == "" {
		t.Fatalf("versions %+v", vs)
	}
	none, err := repo.Versions(r.dir + "/never.md")
	if err != nil || len(none) != 0 {
		t.Fatalf("a file never committed: %v, %v", none, err)
	}
}

// TestReadBlobsLimits: a blob over the limit is skipped (the ones after it
// still arrive), a missing object says so, a name that is not an object
// name is refused before git runs, and the callback can stop the reading.
func TestReadBlobsLimits(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-01-05T10:00:00Z", "big", map[string]string{"big.md": strings.Repeat("x", 5000), "small.md": "s\n"})
	big := r.git("rev-parse", "HEAD:big.md")
	small := r.git("rev-parse", "HEAD:small.md")
	missing := strings.Repeat("1", len(small))
	repo, err := r.client().Open(r.dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = repo.ReadBlobs([]string{big, missing, small}, 1000, func(i int, data []byte, err error) error {
		switch {
		case errors.Is(err, ErrBlobTooLarge):
			got = append(got, "too large")
		case err != nil:
			got = append(got, "error")
		default:
			got = append(got, string(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"too large", "error", "s\n"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := repo.ReadBlobs([]string{"HEAD:small.md"}, 1000, nil); err == nil {
		t.Error("a revision expression was sent to cat-file")
	}
	stop := errors.New("stop")
	n := 0
	err = repo.ReadBlobs([]string{small, small, small}, 1000, func(int, []byte, error) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("stopping: err %v after %d calls", err, n)
	}
}
