package history_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/gitx"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/history/historytest"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// planRepo makes a repository whose plans/ana.md has the n commits of
// historytest.Plan, in one git fast-import, checked out.
func planRepo(tb testing.TB, n int) (dir string, env []string) {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	dir, err := filepath.EvalSymlinks(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	env = []string{"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "HOME=" + dir, "TZ=UTC"}
	git := func(stdin []byte, args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), env...)
		cmd.Stdin = bytes.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(nil, "init", "-q", "-b", "main")
	git(historytest.FastImport("plans/ana.md", historytest.Plan(n)), "fast-import", "--quiet")
	git(nil, "checkout", "-q", "-f", "main")
	return dir, env
}

// BenchmarkBuild500 is `roadmap history` on a file with 500 commits: one
// git log, one git cat-file, 500 parses. The figure the issue asks for:
//
//	go test ./pkg/history -run '^$' -bench Build500 -benchtime 10x
func BenchmarkBuild500(b *testing.B) {
	dir, env := planRepo(b, 500)
	path := filepath.Join(dir, "plans", "ana.md")
	today := day("2026-11-21")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := roadmap.Load(path)
		if err != nil {
			b.Fatal(err)
		}
		t := history.Build(history.Git{Client: &gitx.Client{Env: env}}, doc, today)
		if t.Commits != 500 || t.Source != history.SourceGit {
			b.Fatalf("%d commits from %s (%s)", t.Commits, t.Source, t.Fallback)
		}
	}
}
