// Package gitx reads the few git facts roadmap needs: when a file last
// changed, the commits that touched it since a date, how much it changed
// since then, and committing it after an edit. It runs the git command
// with explicit arguments (never a shell), "-C DIR", "--literal-pathspecs"
// and "--" before every path, from any directory of a working tree: a file
// named `plan[12].md` or `:!x.md` is that file, never a glob or pathspec
// magic that reaches other files.
//
// Where git cannot answer (no git command, a file outside any repository,
// git refusing the repository), the error is an *UnavailableError, so the
// caller can fall back to the review log and the file's modification time;
// Fallbacks collects them so a command says so once, not once per file.
//
// Cost: a Client finds each repository once: the first directory asks
// `git rev-parse --show-toplevel`; any other directory under a known root
// (with no .git of its own on the way up) is resolved by stat calls alone.
// History is read per file (`git log -- FILE`) for the first
// PerFileQueries files of a repository; after that, or at once after
// Preload, one `git log --name-only` over the whole repository is parsed
// into a map from path to commits, and every later question is a map
// lookup. So 2,000 roadmaps in one repository cost about four git
// processes, and the memory is one small record per (commit, file) pair.
package gitx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/interrupt"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Reason says why git history is not available for a path.
type Reason string

const (
	// NoGit: there is no git command to run.
	NoGit Reason = "no-git"
	// NotRepo: the path is not inside a git working tree.
	NotRepo Reason = "not-a-repository"
	// GitFailed: git ran but refused (for example a repository owned by
	// another user, which git calls "dubious ownership").
	GitFailed Reason = "git-failed"
)

// UnavailableError means git cannot answer for Path: fall back to what
// the file itself says.
type UnavailableError struct {
	Path   string
	Reason Reason
	// Detail is git's own message, for GitFailed.
	Detail string
}

func (e *UnavailableError) Error() string {
	switch e.Reason {
	case NoGit:
		return "git is not installed (no git command found on PATH)"
	case NotRepo:
		return safetext.Name(e.Path) + " is not in a git repository"
	}
	return safetext.Name(e.Path) + ": git failed: " + e.Detail
}

// IsUnavailable reports whether err means git history cannot be had for a
// path, and returns the reason.
func IsUnavailable(err error) (*UnavailableError, bool) {
	var ue *UnavailableError
	if errors.As(err, &ue) {
		return ue, true
	}
	return nil, false
}

// Commit is one commit that touched a file.
type Commit struct {
	Hash string `json:"hash"`
	// Time is the committer date: when the change landed.
	Time       time.Time `json:"time"`
	AuthorTime time.Time `json:"authorTime"`
	Author     string    `json:"author"`
	Subject    string    `json:"subject"`
}

// Short is the abbreviated hash people read.
func (c Commit) Short() string {
	if len(c.Hash) > 7 {
		return c.Hash[:7]
	}
	return c.Hash
}

// Stat is how much a file changed since a date.
type Stat struct {
	// Base is the commit compared with: the last commit before the date,
	// or "" when the repository has none (then every line counts as added).
	Base    string `json:"base"`
	Added   int    `json:"added"`
	Deleted int    `json:"deleted"`
	// Binary is true when git could not count lines.
	Binary bool `json:"binary"`
	// Uncommitted is true when the file in the working tree differs from
	// the last commit (or is not tracked at all); Added and Deleted include
	// those changes.
	Uncommitted bool `json:"uncommitted"`
}

// DefaultPerFileQueries is how many files of one repository a Client asks
// about one by one before it reads the whole history in one process.
const DefaultPerFileQueries = 3

// Client runs git and remembers what it found: which directories belong
// to which repository, and each repository's history. It is safe for
// concurrent use. The zero value is ready to use.
type Client struct {
	// Git is the git command; "" looks up "git" on PATH.
	Git string
	// Env is added to the environment of every git process (tests pin the
	// author, dates and configuration here).
	Env []string
	// PerFileQueries overrides DefaultPerFileQueries; a negative value
	// reads whole histories from the first question.
	PerFileQueries int

	lookOnce sync.Once
	gitPath  string
	gitErr   error

	mu    sync.Mutex
	dirs  map[string]dirResult // resolved directory -> its repository root, or why none
	repos map[string]*Repo     // root -> repository
	real  map[string]string    // absolute directory -> itself with symbolic links resolved

	// The working directory, read once: filepath.Abs reads it on every
	// call, and a lint run asked three times per file.
	cwdOnce sync.Once
	cwd     string

	runs atomic.Int64 // git processes started, for tests
}

type dirResult struct {
	root string
	err  *UnavailableError
}

// Default is the client the package-level functions use.
var Default = &Client{}

// Forget drops the histories c has read, keeping which directories
// belong to which repository: the next question about a file runs git
// again. A command asks each question once and never needs it; a process
// that lives past a commit (the language server) forgets before each
// lint, so the commit counts.
func (c *Client) Forget() {
	c.mu.Lock()
	repos := make([]*Repo, 0, len(c.repos))
	for _, r := range c.repos {
		repos = append(repos, r)
	}
	c.mu.Unlock()
	for _, r := range repos {
		r.mu.Lock()
		r.perFile, r.queries, r.indexed, r.commits, r.byPath, r.indexErr = nil, 0, false, nil, nil, nil
		r.mu.Unlock()
	}
}

// Open returns the repository holding path (a file, which need not exist
// yet, or a directory), or an *UnavailableError saying why there is none.
func (c *Client) Open(path string) (*Repo, error) {
	if _, err := c.git(); err != nil {
		return nil, &UnavailableError{Path: path, Reason: NoGit}
	}
	dir, err := c.resolveDir(path)
	if err != nil {
		return nil, err
	}
	res, ok := c.cached(dir)
	if !ok {
		res = c.discover(dir, path)
		c.mu.Lock()
		if c.dirs == nil {
			c.dirs = map[string]dirResult{}
		}
		c.dirs[dir] = res
		switch {
		case res.err == nil:
			c.dirs[res.root] = res // so its other directories need no git
		case res.err.Reason == NotRepo:
			// No directory above one outside every work tree is inside one
			// either, so its sibling directories need no git process.
			for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
				if _, known := c.dirs[d]; !known {
					c.dirs[d] = res
				}
				if filepath.Dir(d) == d {
					break
				}
			}
		}
		c.mu.Unlock()
	}
	if res.err != nil {
		e := *res.err
		e.Path = path
		return nil, &e
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.repos == nil {
		c.repos = map[string]*Repo{}
	}
	r := c.repos[res.root]
	if r == nil {
		r = &Repo{Root: res.root, c: c}
		c.repos[res.root] = r
	}
	return r, nil
}

// resolveDir is the absolute, symlink-free directory of path (path
// itself when it is a directory). Links are resolved once per directory.
func (c *Client) resolveDir(path string) (string, error) {
	abs := c.abs(path)
	dir := abs
	if info, err := os.Stat(abs); err != nil || !info.IsDir() {
		dir = filepath.Dir(abs)
	}
	return c.realDir(dir), nil
}

// abs is filepath.Abs with the working directory read once.
func (c *Client) abs(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	c.cwdOnce.Do(func() { c.cwd, _ = os.Getwd() })
	if c.cwd == "" {
		if a, err := filepath.Abs(path); err == nil {
			return a
		}
		return path
	}
	return filepath.Join(c.cwd, path)
}

// realDir is dir with its symbolic links resolved, remembered per
// directory.
func (c *Client) realDir(dir string) string {
	c.mu.Lock()
	r, ok := c.real[dir]
	c.mu.Unlock()
	if ok {
		return r
	}
	r = dir
	if e, err := filepath.EvalSymlinks(dir); err == nil {
		r = e
	}
	c.mu.Lock()
	if c.real == nil {
		c.real = map[string]string{}
	}
	c.real[dir] = r
	c.mu.Unlock()
	return r
}

// cached answers from what is known about dir or an ancestor, as long as
// no directory on the way up has a .git of its own (a nested repository or
// submodule, which git must be asked about).
func (c *Client) cached(dir string) (dirResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for d := dir; ; {
		if res, ok := c.dirs[d]; ok {
			if d != dir {
				c.dirs[dir] = res
			}
			return res, true
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return dirResult{}, false
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dirResult{}, false
		}
		d = parent
	}
}

func (c *Client) discover(dir, path string) dirResult {
	out, err := c.run(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return dirResult{err: unavailable(path, err)}
	}
	root := filepath.Clean(filepath.FromSlash(strings.TrimSpace(string(out))))
	if root == "." || root == "" {
		// Inside a .git directory or a bare repository: no working tree.
		return dirResult{err: &UnavailableError{Path: path, Reason: NotRepo}}
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return dirResult{root: root}
}

func unavailable(path string, err error) *UnavailableError {
	var ge *gitError
	if errors.As(err, &ge) {
		msg := ge.message()
		if strings.Contains(msg, "not a git repository") || strings.Contains(msg, "must be run in a work tree") {
			return &UnavailableError{Path: path, Reason: NotRepo}
		}
		return &UnavailableError{Path: path, Reason: GitFailed, Detail: msg}
	}
	return &UnavailableError{Path: path, Reason: GitFailed, Detail: err.Error()}
}

func (c *Client) git() (string, error) {
	c.lookOnce.Do(func() {
		name := c.Git
		if name == "" {
			name = "git"
		}
		c.gitPath, c.gitErr = exec.LookPath(name)
	})
	return c.gitPath, c.gitErr
}

// gitError is a git command that failed.
type gitError struct {
	args   []string
	stderr string
	err    error
}

func (e *gitError) Error() string { return "git " + strings.Join(e.args, " ") + ": " + e.message() }

// message is git's first line of complaint, without "fatal: ".
func (e *gitError) message() string {
	for _, line := range strings.Split(e.stderr, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "hint:") {
			continue
		}
		for _, p := range []string{"fatal: ", "error: "} {
			line = strings.TrimPrefix(line, p)
		}
		return line
	}
	return e.err.Error()
}

// commandTimeout bounds every git process; a commit runs hooks, so it is
// generous.
const commandTimeout = 2 * time.Minute

// run runs git in dir with args, and returns its standard output.
func (c *Client) run(dir string, args ...string) ([]byte, error) {
	git, err := c.git()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := c.command(ctx, git, dir, args)
	var stdout bytes.Buffer
	// A hook may write without end: keep the start of what it says.
	stderr := &capped{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = &stdout, stderr
	if err := cmd.Start(); err != nil {
		return nil, &gitError{args: args, err: err}
	}
	// A signal that ends roadmap ends git too, the way git cleans up after
	// itself (SIGTERM: it removes its index.lock): an interrupted review
	// must not commit seconds later, from an orphaned git waiting on a
	// slow hook.
	exited := make(chan struct{})
	stop := interrupt.OnInterrupt(func() {
		if cmd.Process.Signal(syscall.SIGTERM) != nil {
			_ = cmd.Process.Kill()
		}
		select {
		case <-exited:
		case <-time.After(2 * time.Second):
		}
	})
	err = cmd.Wait()
	close(exited)
	stop()
	if errors.Is(err, exec.ErrWaitDelay) && cmd.ProcessState != nil && cmd.ProcessState.Success() {
		err = nil // git succeeded; only a hook's leftover job held its pipes
	}
	if err != nil {
		return nil, &gitError{args: args, stderr: stderr.b.String(), err: err}
	}
	return stdout.Bytes(), nil
}

// capped keeps the first max bytes written to it and drops the rest.
type capped struct {
	b   bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.b.Len(); room > 0 {
		c.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// command is every git process: in dir, with the client's environment.
func (c *Client) command(ctx context.Context, git, dir string, args []string) *exec.Cmd {
	// --literal-pathspecs: a path is a file name, never a pattern (a
	// roadmap called `:!x.md` once committed the whole work tree).
	full := append([]string{"-C", dir, "--no-pager", "--literal-pathspecs",
		// A repository's own configuration must not run code for a
		// read-only command (core.fsmonitor runs a program on status and
		// diff), and the user's must not change what a history query
		// means (log.follow turns on renames, which the log reader does
		// not expect).
		"-c", "core.fsmonitor=false", "-c", "log.follow=false", "-c", "diff.renames=false"}, args...)
	cmd := exec.CommandContext(ctx, git, full...)
	// A hook that leaves a job behind (sleep 20 &) keeps git's output
	// pipes open: stop waiting for them soon after git itself has ended.
	cmd.WaitDelay = 2 * time.Second
	cmd.Env = withoutPathspecMagic(append(append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0"), c.Env...))
	c.runs.Add(1)
	return cmd
}

// withoutPathspecMagic drops the variables that set a global pathspec
// mode: git refuses --literal-pathspecs beside any of them ("global
// 'literal' pathspec setting is incompatible..."), so a user who exports
// GIT_GLOB_PATHSPECS=1 or GIT_ICASE_PATHSPECS=1 for their own work got no
// history at all, and no --commit.
func withoutPathspecMagic(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GIT_GLOB_PATHSPECS", "GIT_NOGLOB_PATHSPECS", "GIT_ICASE_PATHSPECS", "GIT_LITERAL_PATHSPECS":
			continue
		}
		out = append(out, kv)
	}
	return out
}

// Repo is one git working tree. Its methods take paths as the user gave
// them (relative to the current directory, or absolute) and are safe for
// concurrent use.
type Repo struct {
	// Root is the top directory of the working tree.
	Root string
	c    *Client

	mu       sync.Mutex
	perFile  map[string][]Commit // rel path -> commits, from one-file queries
	queries  int
	indexed  bool
	commits  []Commit
	byPath   map[string][]int32 // rel path -> indexes into commits, newest first
	indexErr error
}

// Rel returns path relative to the repository root, with forward slashes,
// as git names it.
func (r *Repo) Rel(path string) (string, error) {
	abs := r.c.abs(path)
	// The directory's links are resolved once for all its files; only a
	// file that is itself a link costs a resolution of its own.
	if info, err := os.Lstat(abs); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
	} else {
		abs = filepath.Join(r.c.realDir(filepath.Dir(abs)), filepath.Base(abs))
	}
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", &UnavailableError{Path: path, Reason: NotRepo}
	}
	return filepath.ToSlash(rel), nil
}

// logFormat marks each commit's header so it cannot be taken for a path.
const logFormat = "--format=%x1e%H%x1f%ct%x1f%at%x1f%an%x1f%s"

// logArgs are the options of every history query: no renames followed,
// merges left out (a merge's own changes are in the commits it merges),
// whatever the user's configuration says about signatures, colours or
// external diff tools.
var logArgs = []string{"log", "-z", "--name-only", "--no-renames", "--no-merges", "--no-color",
	"--no-ext-diff", "--no-show-signature", logFormat}

// Log returns every commit that touched path, newest first.
func (r *Repo) Log(path string) ([]Commit, error) {
	rel, err := r.Rel(path)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.indexed {
		if commits, ok := r.perFile[rel]; ok {
			return commits, nil
		}
		limit := r.c.PerFileQueries
		if limit == 0 {
			limit = DefaultPerFileQueries
		}
		if r.queries < limit {
			r.queries++
			commits, err := r.fileLog(rel)
			if err != nil {
				return nil, unavailable(path, err)
			}
			if r.perFile == nil {
				r.perFile = map[string][]Commit{}
			}
			r.perFile[rel] = commits
			return commits, nil
		}
		r.buildIndex()
	}
	if r.indexErr != nil {
		return nil, unavailable(path, r.indexErr)
	}
	idx := r.byPath[rel]
	if len(idx) == 0 {
		return nil, nil
	}
	out := make([]Commit, len(idx))
	for i, j := range idx {
		out[i] = r.commits[j]
	}
	return out, nil
}

// Preload reads the whole repository's history now, in one git process,
// so that every later question is answered from memory. Callers about to
// ask about many files (status, lint of a directory) call it first.
func (r *Repo) Preload() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.indexed {
		r.buildIndex()
	}
	return r.indexErr
}

func (r *Repo) fileLog(rel string) ([]Commit, error) {
	args := append(append([]string{}, logArgs...), "--full-history", "--no-follow", "--", rel)
	out, err := r.c.run(r.Root, args...)
	if err != nil {
		if noCommits(err) {
			return nil, nil
		}
		return nil, err
	}
	var commits []Commit
	parseLog(out, func(c Commit, names []string) {
		for _, n := range names {
			if n == rel {
				commits = append(commits, c)
				return
			}
		}
	})
	return commits, nil
}

func (r *Repo) buildIndex() {
	r.indexed = true
	out, err := r.c.run(r.Root, logArgs...)
	if err != nil {
		if !noCommits(err) {
			r.indexErr = err
		}
		return
	}
	r.byPath = map[string][]int32{}
	parseLog(out, func(c Commit, names []string) {
		i := int32(len(r.commits))
		r.commits = append(r.commits, c)
		for _, n := range names {
			r.byPath[n] = append(r.byPath[n], i)
		}
	})
	r.perFile = nil
}

// noCommits recognises git's complaint about a repository with no commit yet.
func noCommits(err error) bool {
	var ge *gitError
	if !errors.As(err, &ge) {
		return false
	}
	m := ge.stderr
	return strings.Contains(m, "does not have any commits yet") || strings.Contains(m, "bad default revision") ||
		strings.Contains(m, "unknown revision or path not in the working tree")
}

// parseLog reads `git log -z --name-only` output in logFormat: each
// commit's header, then the paths it touched, all NUL-separated.
func parseLog(out []byte, each func(Commit, []string)) {
	var cur *Commit
	var names []string
	flush := func() {
		if cur != nil {
			each(*cur, names)
		}
		cur, names = nil, nil
	}
	for _, tok := range bytes.Split(out, []byte{0}) {
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		if len(tok) == 0 {
			continue
		}
		if tok[0] == 0x1e {
			flush()
			if c, ok := parseHeader(string(tok[1:])); ok {
				cur = &c
			}
			continue
		}
		if cur != nil {
			names = append(names, string(tok))
		}
	}
	flush()
}

func parseHeader(s string) (Commit, bool) {
	f := strings.SplitN(s, "\x1f", 5)
	if len(f) != 5 {
		return Commit{}, false
	}
	ct, err1 := strconv.ParseInt(f[1], 10, 64)
	at, err2 := strconv.ParseInt(f[2], 10, 64)
	if err1 != nil || err2 != nil {
		return Commit{}, false
	}
	return Commit{Hash: f[0], Time: time.Unix(ct, 0), AuthorTime: time.Unix(at, 0), Author: f[3], Subject: f[4]}, true
}

// LastChange returns the last commit that touched path, and false when no
// commit did (a new or untracked file).
func (r *Repo) LastChange(path string) (Commit, bool, error) {
	commits, err := r.Log(path)
	if err != nil || len(commits) == 0 {
		return Commit{}, false, err
	}
	return commits[0], true, nil
}

// CommitsSince returns the commits that touched path with a committer
// date at or after since, newest first.
func (r *Repo) CommitsSince(path string, since time.Time) ([]Commit, error) {
	commits, err := r.Log(path)
	if err != nil {
		return nil, err
	}
	var out []Commit
	for _, c := range commits {
		if !c.Time.Before(since) {
			out = append(out, c)
		}
	}
	return out, nil
}

// DiffStat returns how many lines of path were added and deleted between
// the last commit before since (on the first-parent history of HEAD) and
// the file as it is now in the working tree, uncommitted changes included.
func (r *Repo) DiffStat(path string, since time.Time) (Stat, error) {
	rel, err := r.Rel(path)
	if err != nil {
		return Stat{}, err
	}
	var st Stat
	status, err := r.c.run(r.Root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", rel)
	if err != nil {
		return Stat{}, unavailable(path, err)
	}
	st.Uncommitted = len(bytes.TrimSpace(status)) > 0
	out, err := r.c.run(r.Root, "rev-list", "-1", "--first-parent", "--before=@"+strconv.FormatInt(since.Unix()-1, 10), "HEAD")
	if err != nil && !noCommits(err) {
		return Stat{}, unavailable(path, err)
	}
	st.Base = strings.TrimSpace(string(out))
	if st.Base == "" {
		// Nothing before since: the whole file is new.
		data, err := boundedread.File(filepath.Join(r.Root, filepath.FromSlash(rel)), maxCountBytes)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Stat{}, err
		}
		st.Added = bytes.Count(data, []byte("\n"))
		if len(data) > 0 && data[len(data)-1] != '\n' {
			st.Added++
		}
		return st, nil
	}
	diff, err := r.c.run(r.Root, "diff", "--numstat", "-z", "--no-renames", "--no-color", "--no-ext-diff", st.Base, "--", rel)
	if err != nil {
		return Stat{}, unavailable(path, err)
	}
	for _, rec := range bytes.Split(diff, []byte{0}) {
		f := strings.SplitN(string(rec), "\t", 3)
		if len(f) < 2 {
			continue
		}
		if f[0] == "-" {
			st.Binary = true
			continue
		}
		a, _ := strconv.Atoi(f[0])
		d, _ := strconv.Atoi(f[1])
		st.Added += a
		st.Deleted += d
	}
	if st.Uncommitted && bytes.HasPrefix(status, []byte("??")) {
		// Untracked: git diff does not see it.
		data, _ := boundedread.File(filepath.Join(r.Root, filepath.FromSlash(rel)), maxCountBytes)
		st.Added = bytes.Count(data, []byte("\n"))
	}
	return st, nil
}

// maxCountBytes caps a file whose lines DiffStat counts itself.
const maxCountBytes = 16 << 20

// CommitFile stages path and commits it alone (other staged changes stay
// staged, uncommitted) with message, and returns the new commit's hash.
// It runs `git add -- FILE` and `git commit -m MESSAGE -- FILE`; git's
// index lock, when another git process holds it, is waited for briefly.
func (r *Repo) CommitFile(path, message string) (string, error) {
	rel, err := r.Rel(path)
	if err != nil {
		return "", err
	}
	steps := [][]string{
		{"add", "--", rel},
		{"commit", "--quiet", "--no-edit", "-m", message, "--", rel},
	}
	for _, args := range steps {
		if err := r.runRetrying(args...); err != nil {
			return "", err
		}
	}
	out, err := r.c.run(r.Root, "rev-parse", "HEAD")
	if err != nil {
		return "", err
	}
	hash := strings.TrimSpace(string(out))
	// A hook may have staged more (a pre-commit `git add -A`, an
	// auto-fixer): the commit must hold this file alone, or it could carry
	// other people's work, untracked secrets and the edit lock. If it
	// holds more, it is undone (the changes stay in the work tree) and
	// the extras are named.
	out, err = r.c.run(r.Root, "diff-tree", "--no-commit-id", "--name-only", "-r", "-z", "--root", hash)
	if err != nil {
		return "", err
	}
	var extras []string
	for _, f := range strings.Split(string(out), "\x00") {
		if f != "" && f != rel {
			extras = append(extras, f)
		}
	}
	if len(extras) > 0 {
		undo := []string{"reset", "--quiet", "--soft", "HEAD~1"}
		if _, err := r.c.run(r.Root, "rev-parse", "--verify", "--quiet", hash+"~1"); err != nil {
			undo = []string{"update-ref", "-d", "HEAD"} // the first commit
		}
		undoErr := r.runRetrying(undo...)
		return "", &ExtraFilesError{Files: extras, Undone: undoErr == nil}
	}
	return hash, nil
}

// ExtraFilesError is a commit that held more than the file: a hook
// staged other files.
type ExtraFilesError struct {
	Files []string
	// Undone is whether the commit was taken back (git reset --soft).
	Undone bool
}

func (e *ExtraFilesError) Error() string {
	names := make([]string, 0, 3)
	for i, f := range e.Files {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(e.Files)-3))
			break
		}
		names = append(names, safetext.Name(f))
	}
	what := "the commit was undone (git reset --soft HEAD~1; every change is still in the work tree)"
	if !e.Undone {
		what = "undo it with `git reset --soft HEAD~1` before you push"
	}
	return fmt.Sprintf("a git hook added other files to the commit (%s), so %s", strings.Join(names, ", "), what)
}

// runRetrying runs git, retrying for a few seconds while another git
// process holds the repository's index lock.
func (r *Repo) runRetrying(args ...string) error {
	delay := 20 * time.Millisecond
	deadline := time.Now().Add(5 * time.Second)
	for {
		_, err := r.c.run(r.Root, args...)
		var ge *gitError
		if err == nil || !errors.As(err, &ge) || !strings.Contains(ge.stderr, "index.lock") || time.Now().After(deadline) {
			if err != nil {
				return fmt.Errorf("git %s failed: %s", args[0], messageOf(err))
			}
			return nil
		}
		time.Sleep(delay)
		if delay < 200*time.Millisecond {
			delay *= 2
		}
	}
}

func messageOf(err error) string {
	var ge *gitError
	if errors.As(err, &ge) {
		return ge.message()
	}
	return err.Error()
}

// Fallbacks collects the paths whose history could not come from git, so
// that a command reading many files says so once. It is safe for
// concurrent use; the zero value is ready.
type Fallbacks struct {
	mu    sync.Mutex
	first *UnavailableError
	n     int
}

// Add records err when it means git is unavailable for a path, and
// reports whether it did (the caller then falls back).
func (f *Fallbacks) Add(err error) bool {
	ue, ok := IsUnavailable(err)
	if !ok {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// The example named is the same whatever order the workers report in:
	// the weightiest reason, then the first path in sorted order.
	if f.first == nil || reasonRank(ue.Reason) < reasonRank(f.first.Reason) ||
		(ue.Reason == f.first.Reason && ue.Path < f.first.Path) {
		f.first = ue
	}
	f.n++
	return true
}

func reasonRank(r Reason) int {
	switch r {
	case NoGit:
		return 0
	case GitFailed:
		return 1
	}
	return 2
}

// Count is how many paths fell back.
func (f *Fallbacks) Count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// Message is the one sentence to show, or "" when every path had git
// history.
func (f *Fallbacks) Message() string {
	return f.MessageWith("review dates come from the review log, and the last change from the file's modification time")
}

// MessageWith is Message with the caller's own account of what it falls
// back to.
func (f *Fallbacks) MessageWith(rest string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.first == nil {
		return ""
	}
	e := f.first
	switch {
	case e.Reason == NoGit:
		return "no git history (git is not installed): " + rest
	case e.Reason == NotRepo && f.n == 1:
		return "no git history (" + safetext.Name(e.Path) + " is not in a git repository): " + rest
	case e.Reason == NotRepo:
		return fmt.Sprintf("no git history for %d files (not in a git repository, e.g. %s): %s", f.n, safetext.Name(e.Path), rest)
	case f.n == 1:
		return "no git history (git failed on " + safetext.Name(e.Path) + ": " + safetext.Line(e.Detail) + "): " + rest
	}
	return fmt.Sprintf("no git history for %d files (git failed on %s: %s): %s", f.n, safetext.Name(e.Path), safetext.Line(e.Detail), rest)
}
