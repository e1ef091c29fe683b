package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// RunOptions say what to lint and how.
type RunOptions struct {
	// Paths are files, directories (walked recursively) and "-" for Stdin.
	Paths []string
	Stdin io.Reader
	// StdinName names stdin's content in findings and locates its config.
	StdinName string
	Today     civil.Date
	// Configs finds each file's configuration; nil means none.
	Configs *ConfigResolver
	// Workers bounds the files linted at once; 0 means one per CPU.
	Workers int
	// RoadmapsOnly skips named files whose frontmatter has no roadmap:
	// key, as a directory walk does (for tools such as pre-commit that pass
	// every changed Markdown file).
	RoadmapsOnly bool
	// History, when set, says what version control knows of a file.
	History func(path string) History
	// Visit, when set, sees every linted document with its history and
	// findings, from the worker goroutines (it must be safe for concurrent
	// use). Commands that report on roadmaps (status) use the walk this way.
	Visit func(doc *roadmap.Document, hist History, findings []Finding)
}

// Result is a whole run: every finding in file and line order, and the
// failures that must end the run with exit 2 (unreadable files, bad
// configuration, crashed rules), in input order.
type Result struct {
	Files    int
	Findings []Finding
	Errors   []error
	// Dirs is how many of the named paths were directories (walked), so a
	// command can tell "nothing to lint here" from "only files skipped".
	Dirs int
}

// Empty says the run found no roadmap in the directories it was given:
// a run that checks nothing must not pass (lint and status exit 2 unless
// --allow-empty). doing says what was not done, e.g. "nothing was linted";
// paths are the paths as the user gave them (none means ".").
func (r *Result) Empty(paths []string, doing string) error {
	if r.Files > 0 || r.Dirs == 0 {
		return nil
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = safetext.Name(p)
	}
	return fmt.Errorf("roadmap: no roadmap found in %s, so %s (a roadmap is a Markdown file whose frontmatter has a roadmap: key; pass --allow-empty when none is expected)", strings.Join(names, ", "), doing)
}

// job is one file to lint. requireKey marks files found by walking: they
// are roadmaps only if their frontmatter has a `roadmap:` key.
type job struct {
	path       string
	requireKey bool
	stdin      bool
	cfg        *Config
	cfgErr     error
}

type outcome struct {
	linted   bool
	findings []Finding
	errs     []error
}

// skipDirs are never walked into.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true, "node_modules": true}

// Run lints every roadmap the options name.
func Run(opts RunOptions) *Result {
	jobs, dirs, errs := collect(opts)
	outcomes := make([]outcome, len(jobs))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, max(len(jobs), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outcomes[i] = lintOne(jobs[i], opts)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()

	res := &Result{Errors: errs, Dirs: dirs}
	seenErr := map[string]bool{}
	for _, o := range outcomes {
		if o.linted {
			res.Files++
		}
		res.Findings = append(res.Findings, o.findings...)
		for _, err := range o.errs {
			// A bad config is reported once, not once per file under it.
			if msg := err.Error(); !seenErr[msg] {
				seenErr[msg] = true
				res.Errors = append(res.Errors, err)
			}
		}
	}
	SortFindings(res.Findings)
	return res
}

func lintOne(j job, opts RunOptions) (o outcome) {
	if j.cfgErr != nil {
		o.errs = append(o.errs, j.cfgErr)
		return o
	}
	var raw []byte
	var err error
	if j.stdin {
		raw, err = roadmap.ReadLimited(j.path, opts.Stdin)
	} else {
		raw, err = roadmap.ReadFile(j.path)
	}
	if err != nil {
		o.errs = append(o.errs, err)
		return o
	}
	if j.requireKey && !roadmap.HasRoadmapKey(raw) {
		return o
	}
	doc := roadmap.Parse(j.path, raw)
	var hist History
	if opts.History != nil && !j.stdin {
		hist = opts.History(j.path)
	}
	if _, err := laddersFor(j.cfg); err != nil {
		o.errs = append(o.errs, err) // a bad ladder file: reported once, RM022 skipped
	}
	l := Linter{Today: opts.Today, Config: j.cfg}
	o.linted = true
	o.findings, err = l.Lint(doc, hist)
	if err != nil {
		o.errs = append(o.errs, err)
	}
	if opts.Visit != nil {
		opts.Visit(doc, hist, o.findings)
	}
	return o
}

// collect turns the paths into jobs in a stable order: arguments in the
// order given, each directory's files in lexical order, duplicates once.
// A directory named on the command line is walked even when it is a
// symbolic link; links met inside the walk are not followed (they could
// loop). The working directory is read once, and each directory's
// configuration is looked up once, however many files it holds.
func collect(opts RunOptions) (jobs []job, dirs int, errs []error) {
	seen := map[string]bool{}
	cwd, _ := os.Getwd()
	type cfgResult struct {
		cfg *Config
		err error
	}
	cfgs := map[string]cfgResult{}
	configFor := func(dir string) (*Config, error) {
		if opts.Configs == nil {
			return nil, nil
		}
		if r, ok := cfgs[dir]; ok {
			return r.cfg, r.err
		}
		cfg, err := opts.Configs.For(dir)
		cfgs[dir] = cfgResult{cfg, err}
		return cfg, err
	}
	add := func(j job) {
		key := j.path
		if !j.stdin && !filepath.IsAbs(key) && cwd != "" {
			key = filepath.Join(cwd, key)
		}
		if seen[key] {
			return
		}
		seen[key] = true
		j.cfg, j.cfgErr = configFor(filepath.Dir(j.path))
		jobs = append(jobs, j)
	}
	for _, p := range opts.Paths {
		if p == "-" {
			name := opts.StdinName
			if name == "" {
				name = "<stdin>"
			}
			add(job{path: name, stdin: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			add(job{path: p, requireKey: opts.RoadmapsOnly && err == nil}) // reading it reports what is wrong
			continue
		}
		dirs++
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// WalkDir does not follow a root that is a link; a trailing
			// separator makes the system resolve it, and the paths under it
			// keep the name the user gave.
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &roadmap.FileError{Path: path, Msg: "cannot read: " + unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && (skipDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
					return fs.SkipDir
				}
				cfg, cerr := configFor(path)
				if cerr == nil && path != root && cfg.IgnoredUnder(path, root) {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			cfg, cerr := configFor(filepath.Dir(path))
			if cerr != nil {
				if isMarkdown(path) {
					add(job{path: path, requireKey: true})
				}
				return nil
			}
			if cfg.IgnoredUnder(path, root) {
				return nil
			}
			switch {
			case cfg.Included(path):
				add(job{path: path})
			case isMarkdown(path):
				add(job{path: path, requireKey: true})
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
	}
	return jobs, dirs, errs
}

func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func isMarkdown(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".md" || ext == ".markdown"
}
