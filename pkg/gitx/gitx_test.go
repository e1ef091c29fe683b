package gitx

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// testEnv makes every git process reproducible and blind to the user's
// own configuration.
func testEnv(t *testing.T) []string {
	return []string{
		"GIT_CONFIG_GLOBAL=" + os.DevNull,
		"GIT_CONFIG_NOSYSTEM=1",
		"HOME=" + t.TempDir(),
		"GIT_AUTHOR_NAME=Ana Souza", "GIT_AUTHOR_EMAIL=ana@example.com",
		"GIT_COMMITTER_NAME=Ana Souza", "GIT_COMMITTER_EMAIL=ana@example.com",
		"TZ=UTC",
	}
}

type testRepo struct {
	t   *testing.T
	dir string
	env []string
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
}

func newRepo(t *testing.T) *testRepo {
	t.Helper()
	needGit(t)
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r := &testRepo{t: t, dir: dir, env: testEnv(t)}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return r.gitAt("", args...)
}

// gitAt runs git with the author and committer date set to date (when given).
func (r *testRepo) gitAt(date string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	cmd.Env = append(os.Environ(), r.env...)
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *testRepo) write(name, content string) string {
	r.t.Helper()
	path := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
	return path
}

// commit writes files and commits them all on date.
func (r *testRepo) commit(date, msg string, files map[string]string) string {
	r.t.Helper()
	for name, content := range files {
		r.write(name, content)
		r.git("add", "--", name)
	}
	r.gitAt(date, "commit", "-q", "--allow-empty", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

func (r *testRepo) client() *Client { return &Client{Env: r.env} }

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func subjects(cs []Commit) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Subject)
	}
	return out
}

func TestHistoryFromAnySubdirectory(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"team/ana.md": "a\n", "team/bo.md": "b\n"})
	h2 := r.commit("2026-10-01T10:00:00Z", "ana: october check-in", map[string]string{"team/ana.md": "a\nb\n"})
	r.commit("2026-11-01T10:00:00Z", "bo: re-plan", map[string]string{"team/bo.md": "c\n"})

	// Run from inside the subdirectory, with a relative path.
	wd, _ := os.Getwd()
	t.Cleanup(func() { _ = os.Chdir(wd) })
	if err := os.Chdir(filepath.Join(r.dir, "team")); err != nil {
		t.Fatal(err)
	}
	c := r.client()
	repo, err := c.Open("ana.md")
	if err != nil {
		t.Fatal(err)
	}
	if repo.Root != r.dir {
		t.Errorf("root = %s, want %s", repo.Root, r.dir)
	}
	if rel, _ := repo.Rel("ana.md"); rel != "team/ana.md" {
		t.Errorf("rel = %q", rel)
	}
	last, ok, err := repo.LastChange("ana.md")
	if err != nil || !ok {
		t.Fatalf("LastChange: %v %v", ok, err)
	}
	if last.Hash != h2 || last.Subject != "ana: october check-in" || !last.Time.Equal(ts("2026-10-01T10:00:00Z")) || last.Author != "Ana Souza" {
		t.Errorf("last = %+v", last)
	}
	since, err := repo.CommitsSince("bo.md", ts("2026-09-01T10:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	if got := subjects(since); !reflect.DeepEqual(got, []string{"bo: re-plan", "start"}) {
		t.Errorf("since = %v", got)
	}
	since, _ = repo.CommitsSince("bo.md", ts("2026-09-01T10:00:01Z"))
	if got := subjects(since); !reflect.DeepEqual(got, []string{"bo: re-plan"}) {
		t.Errorf("since (a second later) = %v", got)
	}
}

func TestUntrackedNewAndEmpty(t *testing.T) {
	r := newRepo(t)
	c := r.client()
	path := r.write("new.md", "x\n")
	// No commit at all yet.
	if _, ok, err := c.mustOpen(t, path).LastChange(path); ok || err != nil {
		t.Errorf("empty repository: ok=%v err=%v", ok, err)
	}
	r.commit("2026-09-01T10:00:00Z", "other", map[string]string{"other.md": "o\n"})
	c = r.client()
	if _, ok, err := c.mustOpen(t, path).LastChange(path); ok || err != nil {
		t.Errorf("untracked file: ok=%v err=%v", ok, err)
	}
	if _, ok, err := c.mustOpen(t, path).LastChange(filepath.Join(r.dir, "missing.md")); ok || err != nil {
		t.Errorf("missing file: ok=%v err=%v", ok, err)
	}
}

func (c *Client) mustOpen(t *testing.T, path string) *Repo {
	t.Helper()
	r, err := c.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The whole-repository index and the one-file queries give the same
// answers, also across a merge, odd file names, and a file changed on a
// side branch.
func TestIndexAgreesWithPerFileQueries(t *testing.T) {
	r := newRepo(t)
	names := []string{"a.md", "dir/b.md", "dir/with space.md", "ünïcode/ç.md", "tab\there.md", "quote\"d.md"}
	files := map[string]string{}
	for _, n := range names {
		files[n] = "1\n"
	}
	r.commit("2026-09-01T10:00:00Z", "start", files)
	r.git("checkout", "-q", "-b", "side")
	r.commit("2026-09-05T10:00:00Z", "side: b", map[string]string{"dir/b.md": "side\n"})
	r.git("checkout", "-q", "main")
	r.commit("2026-09-06T10:00:00Z", "main: a", map[string]string{"a.md": "2\n", "ünïcode/ç.md": "2\n"})
	r.gitAt("2026-09-07T10:00:00Z", "merge", "-q", "--no-ff", "-m", "merge side", "side")
	r.commit("2026-09-08T10:00:00Z", "odd names", map[string]string{"tab\there.md": "3\n", "quote\"d.md": "3\n", "dir/with space.md": "3\n"})

	perFile := &Client{Env: r.env, PerFileQueries: 1000}
	indexed := &Client{Env: r.env, PerFileQueries: -1}
	for _, n := range append(names, "gone.md") {
		path := filepath.Join(r.dir, filepath.FromSlash(n))
		a, err := perFile.mustOpen(t, r.dir).Log(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := indexed.mustOpen(t, r.dir).Log(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: per-file %v, index %v", n, subjects(a), subjects(b))
		}
		if n != "gone.md" && len(a) == 0 {
			t.Errorf("%s: no history", n)
		}
	}
	b, _ := indexed.mustOpen(t, r.dir).Log(filepath.Join(r.dir, "dir/b.md"))
	if got := subjects(b); !reflect.DeepEqual(got, []string{"side: b", "start"}) {
		t.Errorf("dir/b.md = %v (the side branch's commit counts; the merge does not)", got)
	}
}

// Many files in many directories of one repository: one rev-parse, and
// one git log for the whole history once the per-file budget is spent.
func TestCostForManyFiles(t *testing.T) {
	r := newRepo(t)
	files := map[string]string{}
	for i := range 200 {
		files[fmt.Sprintf("team%d/person%d.md", i%20, i)] = "x\n"
	}
	r.commit("2026-09-01T10:00:00Z", "two hundred roadmaps", files)
	c := r.client()
	for name := range files {
		path := filepath.Join(r.dir, filepath.FromSlash(name))
		if _, ok, err := c.mustOpen(t, path).LastChange(path); err != nil || !ok {
			t.Fatalf("%s: ok=%v err=%v", name, ok, err)
		}
	}
	// 1 rev-parse + DefaultPerFileQueries one-file logs + 1 whole log.
	if n, want := c.runs.Load(), int64(1+DefaultPerFileQueries+1); n != want {
		t.Errorf("%d git processes for 200 files, want %d", n, want)
	}

	c = r.client()
	repo := c.mustOpen(t, r.dir)
	if err := repo.Preload(); err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if _, ok, _ := repo.LastChange(filepath.Join(r.dir, name)); !ok {
			t.Fatalf("%s: no history", name)
		}
	}
	if n := c.runs.Load(); n != 2 {
		t.Errorf("with Preload: %d git processes, want 2", n)
	}
}

func TestNestedRepositoryIsItsOwn(t *testing.T) {
	outer := newRepo(t)
	outer.commit("2026-09-01T10:00:00Z", "outer", map[string]string{"a.md": "a\n"})
	inner := &testRepo{t: t, dir: filepath.Join(outer.dir, "vendor", "inner"), env: outer.env}
	if err := os.MkdirAll(inner.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	inner.git("init", "-q", "-b", "main")
	inner.commit("2026-09-02T10:00:00Z", "inner", map[string]string{"deep/b.md": "b\n"})
	c := outer.client()
	// Learn the outer root first, then ask below the nested one.
	if r := c.mustOpen(t, filepath.Join(outer.dir, "a.md")); r.Root != outer.dir {
		t.Fatalf("outer root %s", r.Root)
	}
	r := c.mustOpen(t, filepath.Join(inner.dir, "deep", "b.md"))
	if r.Root != inner.dir {
		t.Errorf("root = %s, want the nested repository %s", r.Root, inner.dir)
	}
}

func TestUnavailable(t *testing.T) {
	needGit(t)
	outside, _ := filepath.EvalSymlinks(t.TempDir())
	path := filepath.Join(outside, "r.md")
	c := &Client{Env: testEnv(t)}
	_, err := c.Open(path)
	ue, ok := IsUnavailable(err)
	if !ok || ue.Reason != NotRepo || ue.Path != path || err.Error() != path+" is not in a git repository" {
		t.Fatalf("outside a repository: %v", err)
	}

	noGit := &Client{Git: filepath.Join(outside, "no-such-git")}
	_, err = noGit.Open(path)
	if ue, ok := IsUnavailable(err); !ok || ue.Reason != NoGit {
		t.Fatalf("no git: %v", err)
	}

	var f Fallbacks
	if f.Message() != "" || f.Add(errors.New("other")) {
		t.Fatalf("an unrelated error is not a fallback")
	}
	f.Add(&UnavailableError{Path: "a.md", Reason: NotRepo})
	if got := f.Message(); got != "no git history (a.md is not in a git repository): review dates come from the review log, and the last change from the file's modification time" {
		t.Errorf("one file: %q", got)
	}
	f.Add(&UnavailableError{Path: "b.md", Reason: NotRepo})
	f.Add(&UnavailableError{Path: "c.md", Reason: NotRepo})
	if got := f.Message(); !strings.HasPrefix(got, "no git history for 3 files (not in a git repository, e.g. a.md): ") {
		t.Errorf("three files: %q", got)
	}
	f.Add(&UnavailableError{Path: "d.md", Reason: NoGit})
	if got := f.Message(); !strings.HasPrefix(got, "no git history (git is not installed): ") || f.Count() != 4 {
		t.Errorf("no git wins: %q (%d)", got, f.Count())
	}
}

func TestDiffStat(t *testing.T) {
	r := newRepo(t)
	path := r.write("r.md", "")
	r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"r.md": "one\ntwo\nthree\n"})
	base := r.git("rev-parse", "HEAD")
	r.commit("2026-10-01T10:00:00Z", "check-in", map[string]string{"r.md": "one\n2\nthree\nfour\n"})
	c := r.client()
	repo := c.mustOpen(t, path)

	st, err := repo.DiffStat(path, ts("2026-09-15T00:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stat{Base: base, Added: 2, Deleted: 1}); st != want {
		t.Errorf("stat = %+v, want %+v", st, want)
	}

	// Uncommitted edits count, and are flagged.
	r.write("r.md", "one\n2\nthree\nfour\nfive\n")
	st, _ = repo.DiffStat(path, ts("2026-09-15T00:00:00Z"))
	if want := (Stat{Base: base, Added: 3, Deleted: 1, Uncommitted: true}); st != want {
		t.Errorf("stat = %+v, want %+v", st, want)
	}

	// Since before the first commit: every line is new.
	st, _ = repo.DiffStat(path, ts("2026-08-01T00:00:00Z"))
	if want := (Stat{Added: 5, Uncommitted: true}); st != want {
		t.Errorf("stat = %+v, want %+v", st, want)
	}

	// A commit at exactly since is not the base; one a second earlier is.
	st, _ = repo.DiffStat(path, ts("2026-10-01T10:00:00Z"))
	if st.Base != base {
		t.Errorf("since = the check-in's own second: base %s, want the commit before it", st.Base)
	}
}

func TestCommitFile(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"r.md": "a\n", "other.md": "o\n"})
	path := r.write("r.md", "a\nb\n")
	r.write("other.md", "staged, not ours\n")
	r.git("add", "other.md")
	c := r.client()
	repo := c.mustOpen(t, path)
	hash, err := repo.CommitFile(path, "review: check-in 2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	if head := r.git("rev-parse", "HEAD"); head != hash {
		t.Errorf("hash %s, HEAD %s", hash, head)
	}
	if got := r.git("log", "-1", "--format=%s"); got != "review: check-in 2026-12-01" {
		t.Errorf("subject %q", got)
	}
	if got := r.git("show", "--name-only", "--format=", "HEAD"); got != "r.md" {
		t.Errorf("the commit holds %q, want only r.md", got)
	}
	if got := r.git("diff", "--cached", "--name-only"); got != "other.md" {
		t.Errorf("other staged changes: %q, want other.md still staged", got)
	}
	// A new, untracked file is added too.
	newPath := r.write("sub/new.md", "n\n")
	if _, err := repo.CommitFile(newPath, "review: re-plan 2026-12-02"); err != nil {
		t.Fatal(err)
	}
	if got := r.git("log", "-1", "--format=%s", "--", "sub/new.md"); got != "review: re-plan 2026-12-02" {
		t.Errorf("new file not committed: %q", got)
	}
	// The history the repository remembers was read before the commit;
	// a new client sees it.
	last, _, _ := r.client().mustOpen(t, newPath).LastChange(newPath)
	if last.Subject != "review: re-plan 2026-12-02" {
		t.Errorf("last = %+v", last)
	}
}

func TestParseLog(t *testing.T) {
	out := "\x1eaaa\x1f100\x1f99\x1fAna\x1fsecond\x00\nx.md\x00dir/y z.md\x00\x1ebbb\x1f50\x1f50\x1fBo\x1fempty\x00\x1eccc\x1f10\x1f10\x1fBo\x1ffirst: a\x1fb\x00\nx.md\x00"
	var got []string
	parseLog([]byte(out), func(c Commit, names []string) {
		got = append(got, fmt.Sprintf("%s %d %s %s %q", c.Hash, c.Time.Unix(), c.Author, c.Subject, names))
	})
	want := []string{
		`aaa 100 Ana second ["x.md" "dir/y z.md"]`,
		`bbb 50 Bo empty []`,
		"ccc 10 Bo first: a\x1fb [\"x.md\"]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// One client, many goroutines, many files: every answer right (run with -race).
func TestConcurrentUse(t *testing.T) {
	r := newRepo(t)
	files := map[string]string{}
	for i := range 60 {
		files[fmt.Sprintf("d%d/p%d.md", i%6, i)] = "x\n"
	}
	want := r.commit("2026-09-01T10:00:00Z", "sixty", files)
	c := r.client()
	errs := make(chan error, 8*len(files))
	done := make(chan struct{})
	for g := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			for name := range files {
				path := filepath.Join(r.dir, filepath.FromSlash(name))
				repo, err := c.Open(path)
				if err != nil {
					errs <- err
					continue
				}
				last, ok, err := repo.LastChange(path)
				if err != nil || !ok || last.Hash != want {
					errs <- fmt.Errorf("goroutine %d, %s: %+v %v %v", g, name, last, ok, err)
				}
			}
		}()
	}
	for range 8 {
		<-done
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestOutsideRepositoriesCostsOneProcess: a tree of plans outside any
// repository asks git once, not once per directory; a repository beside
// it is still found.
func TestOutsideRepositoriesCostsOneProcess(t *testing.T) {
	needGit(t)
	base, _ := filepath.EvalSymlinks(t.TempDir())
	c := &Client{Env: testEnv(t)}
	for i := range 20 {
		dir := filepath.Join(base, "plain", fmt.Sprintf("team%d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Open(filepath.Join(dir, "p.md")); err == nil {
			t.Fatal("a plain directory is not a repository")
		} else if ue, ok := IsUnavailable(err); !ok || ue.Reason != NotRepo {
			t.Fatalf("err = %v, want NotRepo", err)
		}
	}
	if n := c.runs.Load(); n != 1 {
		t.Errorf("%d git processes for 20 directories outside any repository, want 1", n)
	}
	repo := &testRepo{t: t, dir: filepath.Join(base, "repo"), env: testEnv(t)}
	if err := os.MkdirAll(repo.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	repo.git("init", "-q", "-b", "main")
	if r, err := c.Open(filepath.Join(repo.dir, "a.md")); err != nil || r.Root != repo.dir {
		t.Errorf("a repository beside plain directories: %v, %v", r, err)
	}
}

// The note names the same example file whatever order the files were
// read in (the workers report in any order).
func TestFallbacksExampleIsDeterministic(t *testing.T) {
	for _, order := range [][]string{{"b.md", "a.md", "c.md"}, {"c.md", "b.md", "a.md"}, {"a.md", "c.md", "b.md"}} {
		var f Fallbacks
		for _, p := range order {
			f.Add(&UnavailableError{Path: p, Reason: NotRepo})
		}
		if msg := f.MessageWith("x"); msg != "no git history for 3 files (not in a git repository, e.g. a.md): x" {
			t.Errorf("order %v: %s", order, msg)
		}
	}
}

// A client remembers each file's log (a command asks once); Forget makes
// it ask git again, so a long-lived process sees a commit made since,
// whether the log was read per file or as the whole repository's index.
func TestForgetSeesLaterCommits(t *testing.T) {
	for _, perFile := range []int{0, -1} {
		r := newRepo(t)
		r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"a.md": "a\n"})
		c := r.client()
		c.PerFileQueries = perFile
		path := filepath.Join(r.dir, "a.md")
		repo := c.mustOpen(t, path)
		if cs, _ := repo.Log(path); len(cs) != 1 {
			t.Fatalf("perFile %d: %d commits, want 1", perFile, len(cs))
		}
		r.commit("2026-10-01T10:00:00Z", "review: check-in 2026-10-01", map[string]string{"a.md": "b\n"})
		if cs, _ := repo.Log(path); len(cs) != 1 {
			t.Fatalf("perFile %d: the log was read again without Forget (%d commits)", perFile, len(cs))
		}
		runs := c.runs.Load()
		c.Forget()
		if cs, _ := c.mustOpen(t, path).Log(path); len(cs) != 2 || cs[0].Subject != "review: check-in 2026-10-01" {
			t.Errorf("perFile %d: after Forget: %v", perFile, subjects(cs))
		}
		if n := c.runs.Load() - runs; n != 1 {
			t.Errorf("perFile %d: Forget cost %d git processes, want 1 (the repository is still known)", perFile, n)
		}
	}
}

// A user's global pathspec mode does not reach git beside
// --literal-pathspecs, which git refuses to combine with any of them: a
// name stays a literal name, and history and commits work.
func TestGlobalPathspecModesAreIgnored(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-09-01T10:00:00Z", "plan1", map[string]string{"plan1.md": "a\n"})
	glob := r.write("plan[12].md", "g\n")
	r.git("--literal-pathspecs", "add", "--", "plan[12].md")
	r.gitAt("2026-09-02T10:00:00Z", "commit", "-q", "-m", "glob")
	for _, v := range []string{"GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS"} {
		t.Run(v, func(t *testing.T) {
			t.Setenv(v, "1")
			c := r.client()
			cs, err := c.mustOpen(t, glob).Log(glob)
			if err != nil {
				t.Fatalf("Log: %v", err)
			}
			if got := subjects(cs); len(got) != 1 || got[0] != "glob" {
				t.Errorf("history of plan[12].md: %q, want its own commit only", got)
			}
		})
	}
	t.Setenv("GIT_GLOB_PATHSPECS", "1")
	r.write("plan1.md", "changed, not ours\n")
	r.write("plan[12].md", "g\nreviewed\n")
	if _, err := r.client().mustOpen(t, glob).CommitFile(glob, "review: check-in 2026-12-01"); err != nil {
		t.Fatalf("CommitFile: %v", err)
	}
	if got := r.git("show", "--name-only", "--format=", "HEAD"); got != "plan[12].md" {
		t.Errorf("the commit holds %q, want plan[12].md alone", got)
	}
}

// A pre-commit hook that stages more (git add -A, an auto-fixer) must not
// get other files into the review's commit: the commit is undone and the
// extras named. It used to carry an untracked secret, another file's
// edit and the edit lock.
func TestCommitFileRefusesWhatAHookAdded(t *testing.T) {
	r := newRepo(t)
	start := r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"r.md": "a\n", "other.md": "o\n"})
	hook := r.write(".git/hooks/pre-commit", "#!/bin/sh\ngit add -A\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	path := r.write("r.md", "a\nreviewed\n")
	r.write("other.md", "someone else's work\n")
	r.write("secret.env", "TOKEN=1\n")
	_, err := r.client().mustOpen(t, path).CommitFile(path, "review: check-in 2026-12-01")
	var ee *ExtraFilesError
	if !errors.As(err, &ee) || !ee.Undone || strings.Join(ee.Files, ",") != "other.md,secret.env" {
		t.Fatalf("err = %v, want the extras other.md and secret.env named and the commit undone", err)
	}
	if head := r.git("rev-parse", "HEAD"); head != start {
		t.Errorf("HEAD is %s, want the commit undone (%s)", head, start)
	}
	if data, _ := os.ReadFile(path); string(data) != "a\nreviewed\n" {
		t.Errorf("the review is gone from the work tree: %q", data)
	}
	if !strings.Contains(err.Error(), "a git hook added other files to the commit (other.md, secret.env), so the commit was undone") {
		t.Errorf("message: %v", err)
	}
}

// A read-only query runs no program the repository's configuration
// names: core.fsmonitor ran on every status and diff (review FILE ran it
// four times).
func TestRepositoryConfigRunsNoProgram(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"r.md": "a\n"})
	pwned := filepath.Join(r.dir, "PWNED")
	r.git("config", "core.fsmonitor", "touch '"+pwned+"'; false")
	path := r.write("r.md", "a\nb\n")
	repo := r.client().mustOpen(t, path)
	if _, err := repo.DiffStat(path, ts("2026-08-01T00:00:00Z")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Errorf("core.fsmonitor ran")
	}
}

// A hook that leaves a job behind does not keep the commit waiting for
// it (a post-commit `sleep 20 &` made --commit take 20 s; a daemon, for
// ever).
func TestCommitDoesNotWaitForAHooksBackgroundJob(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"r.md": "a\n"})
	hook := r.write(".git/hooks/post-commit", "#!/bin/sh\nsleep 30 &\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	path := r.write("r.md", "a\nb\n")
	start := time.Now()
	if _, err := r.client().mustOpen(t, path).CommitFile(path, "review: check-in 2026-12-01"); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 15*time.Second {
		t.Errorf("the commit took %v: it waited for the hook's job", took)
	}
}

// What a failing hook writes is kept only in part: a pre-commit hook
// writing 300 MB took review --commit to 1.9 GB and printed it all.
func TestHookOutputIsBounded(t *testing.T) {
	r := newRepo(t)
	r.commit("2026-09-01T10:00:00Z", "start", map[string]string{"r.md": "a\n"})
	hook := r.write(".git/hooks/pre-commit", "#!/bin/sh\necho 'lint failed: fix it'>&2\nhead -c 8000000 /dev/zero | tr '\\\\0' x >&2\nexit 1\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
	r.write("r.md", "a\nb\n")
	_, err := r.client().run(r.dir, "commit", "-q", "-a", "-m", "review: check-in 2026-12-01")
	var ge *gitError
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v, want git's failure", err)
	}
	if len(ge.stderr) > 64<<10 || ge.message() != "lint failed: fix it" {
		t.Errorf("kept %d bytes of the hook's output, first line %.80q", len(ge.stderr), ge.message())
	}
}
