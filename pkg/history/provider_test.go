package history_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
)

func day(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t.Add(12 * time.Hour)
}

// gitRepo is a temporary repository whose git runs see no user
// configuration.
type gitRepo struct {
	t   *testing.T
	dir string
	env []string
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r := &gitRepo{t: t, dir: dir, env: []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "HOME=" + dir,
		"GIT_AUTHOR_NAME=Ana Souza", "GIT_AUTHOR_EMAIL=ana@example.com",
		"GIT_COMMITTER_NAME=Ana Souza", "GIT_COMMITTER_EMAIL=ana@example.com", "TZ=UTC"}}
	r.git("", "init", "-q", "-b", "main")
	return r
}

func (r *gitRepo) git(date string, args ...string) {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	cmd.Env = append(os.Environ(), r.env...)
	if date != "" {
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+date+"T12:00:00Z", "GIT_COMMITTER_DATE="+date+"T12:00:00Z")
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func (r *gitRepo) commit(date, msg, name, content string) {
	r.t.Helper()
	if err := os.WriteFile(filepath.Join(r.dir, name), []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
	r.git("", "add", "--", name)
	r.git(date, "commit", "-q", "-m", msg)
}

// TestGitVersions: the git provider tells every state of the file in
// order, a removal among them, with the content of each.
func TestGitVersions(t *testing.T) {
	r := newGitRepo(t)
	r.commit("2026-01-05", "start", "plan.md", "one\n")
	r.git("", "rm", "-q", "plan.md")
	r.git("2026-01-10", "commit", "-q", "-m", "remove")
	r.commit("2026-01-20", "back", "plan.md", "two\n")
	r.commit("2026-02-01", "more", "plan.md", "three\n")
	r.git("", "rm", "-q", "plan.md")
	r.git("2026-02-10", "commit", "-q", "-m", "remove again")

	p := history.Git{Client: &gitx.Client{Env: r.env}}
	var got []string
	err := p.Versions(filepath.Join(r.dir, "plan.md"), func(v history.Version) error {
		s := v.Subject + "="
		if v.Removed {
			s += "removed"
		} else {
			s += strings.TrimSpace(string(v.Content))
		}
		got = append(got, s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"start=one", "remove=removed", "back=two", "more=three", "remove again=removed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("versions %q, want %q", got, want)
	}
}

// TestGitOutsideRepository: no repository is "unavailable", the cue to
// read the review log, for every method.
func TestGitOutsideRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.md")
	p := history.Git{Client: &gitx.Client{Env: []string{"GIT_CEILING_DIRECTORIES=" + filepath.Dir(dir)}}}
	if _, err := p.Log(file); !history.IsUnavailable(err) {
		t.Errorf("Log: %v", err)
	}
	if err := p.Versions(file, func(history.Version) error { return nil }); !history.IsUnavailable(err) {
		t.Errorf("Versions: %v", err)
	}
	if _, err := p.DiffStat(file, time.Now()); !history.IsUnavailable(err) {
		t.Errorf("DiffStat: %v", err)
	}
	noGit := history.Git{Client: &gitx.Client{Git: "/nonexistent/git"}}
	if _, err := noGit.Log(file); !history.IsUnavailable(err) {
		t.Errorf("no git: %v", err)
	}
}

// TestFactsOf: the last change is the latest commit not after today; the
// review dates are those of review commits, a heavier review counting for
// the lighter ones; outside a repository the facts are empty and the
// fallback is recorded.
func TestFactsOf(t *testing.T) {
	repo := &historytest.Repo{Files: map[string][]historytest.Commit{
		"plan.md": {
			{Time: at("2026-05-01"), Subject: "start"},
			{Time: at("2026-08-03"), Subject: "review: quarterly 2026-08-03"},
			{Time: at("2026-10-12"), Subject: "tweak the gap"},
			{Time: at("2026-12-30"), Subject: "review: check-in 2026-12-30"}, // after today
		},
	}}
	var fb history.Fallbacks
	f := history.FactsOf(repo, "plan.md", day("2026-11-21"), &fb)
	if f.LastChange != day("2026-10-12") {
		t.Errorf("last change %s", f.LastChange)
	}
	want := map[string]civil.Date{cadence.Checkin: day("2026-08-03"), cadence.Quarterly: day("2026-08-03")}
	if !reflect.DeepEqual(f.Reviews, want) {
		t.Errorf("reviews %v, want %v", f.Reviews, want)
	}
	if fb.Count() != 0 {
		t.Errorf("fell back: %s", fb.Message())
	}
	none := history.FactsFunc(repo, day("2026-11-21"), &fb)("elsewhere.md")
	if !none.LastChange.IsZero() || len(none.Reviews) != 0 || fb.Count() != 1 {
		t.Errorf("outside: %+v, %d fallbacks", none, fb.Count())
	}
}
