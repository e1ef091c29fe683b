package lint

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// git runs git in dir with a fixed identity and date and no user config.
func git(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Ana", "GIT_AUTHOR_EMAIL=ana@example.com",
		"GIT_COMMITTER_NAME=Ana", "GIT_COMMITTER_EMAIL=ana@example.com",
		"GIT_AUTHOR_DATE="+date+"T12:00:00Z", "GIT_COMMITTER_DATE="+date+"T12:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// old has no review log and started long ago: stale and overdue by the
// file alone.
var old = strings.Replace(strings.Replace(clean, "started: 2026-11-02", "started: 2026-05-01", 1),
	"## Review log\n### 2026-11-16 · check-in\n- On track.\n", "", 1)

func TestGitHistoryFeedsDateRules(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	git(t, dir, "2026-05-01", "init", "-q")
	file := filepath.Join(dir, "plan.md")
	write(t, file, old)
	git(t, dir, "2026-05-01", "add", "plan.md")
	git(t, dir, "2026-05-01", "commit", "-q", "-m", "start")

	lintFile := func() string {
		fb := &gitx.Fallbacks{}
		h := history.FactsOf(history.Git{Client: &gitx.Client{}}, file, today, fb)
		if fb.Count() != 0 {
			t.Fatalf("fell back inside a repository: %s", fb.Message())
		}
		fs, err := (&Linter{Today: today}).Lint(roadmap.Parse(file, []byte(old)), h)
		if err != nil {
			t.Fatal(err)
		}
		return rulesOf(fs)
	}
	// Only the ones that can fire on this file: actions due outside the
	// window started 2026-05-01 are RM006 as well.
	if got := lintFile(); !strings.Contains(got, "RM014") || !strings.Contains(got, "RM016") {
		t.Fatalf("committed in May, never reviewed: rules %q, want RM014 and RM016", got)
	}
	write(t, file, old+"\n")
	git(t, dir, "2026-11-10", "commit", "-q", "-am", "review: quarterly 2026-11-10")
	if got := lintFile(); strings.Contains(got, "RM014") || strings.Contains(got, "RM016") {
		t.Fatalf("a review commit on 2026-11-10 must count as a review and a change: rules %q", got)
	}
}

func TestHistoryWithoutGitIsEmpty(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.md")
	write(t, file, old)
	recent := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	if err := os.Chtimes(file, recent, recent); err != nil {
		t.Fatal(err)
	}
	fb := &gitx.Fallbacks{}
	h := history.FactsOf(history.Git{Client: &gitx.Client{Git: "no-such-git-binary"}}, file, today, fb)
	if !h.LastChange.IsZero() || len(h.Reviews) != 0 {
		t.Errorf("without git the history must be empty (not the modification time): %+v", h)
	}
	fs, err := (&Linter{Today: today}).Lint(roadmap.Parse(file, []byte(old)), h)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rulesOf(fs), "RM016") {
		t.Errorf("a plan started in May with no review is stale whatever its mtime: %s", rulesOf(fs))
	}
	if fb.Count() != 1 || !strings.Contains(fb.MessageWith(FallbackNote), "git is not installed): plan-stale and review-overdue read the review log only") {
		t.Errorf("fallbacks = %d, %q", fb.Count(), fb.MessageWith(FallbackNote))
	}
}
