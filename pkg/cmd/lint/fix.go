package lint

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"sync"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/editlock"
	"github.com/roadmapcli/roadmap/pkg/fix"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// fixed is what --fix did to one file.
type fixed struct {
	path    string
	applied []appliedFix
	diff    string
	// left is what lint finds in the fixed text (dry run: that text is
	// never written, so the exit status is judged on it).
	left []lint.Finding
	err  error
}

type appliedFix struct {
	line, column int
	ref, title   string
}

// fixRun lints, fixes each file that has a mechanical fix (under the edit
// lock, refusing a file that changed meanwhile), then lints again and
// reports what is left, as a plain lint run would.
func fixRun(opts *Options, runOpts lint.RunOptions, fallbacks *history.Fallbacks) error {
	type seen struct {
		path string
		hist lint.History
	}
	var mu sync.Mutex
	var docs []seen
	runOpts.Visit = func(doc *roadmap.Document, hist lint.History, findings []lint.Finding) {
		for _, f := range findings {
			if _, ok := fix.For(doc, f); ok {
				mu.Lock()
				docs = append(docs, seen{doc.Path, hist})
				mu.Unlock()
				return
			}
		}
	}
	first := lint.Run(runOpts)
	sort.Slice(docs, func(i, j int) bool { return docs[i].path < docs[j].path })

	var results []fixed
	var errs []error
	for _, d := range docs {
		r := fixFile(opts, runOpts, d.path, d.hist)
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		if len(r.applied) > 0 {
			results = append(results, r)
		}
	}
	n := 0
	for _, r := range results {
		for _, a := range r.applied {
			verb := "fixed"
			if opts.DryRun {
				verb = "would fix"
			}
			fmt.Fprintf(opts.IO.ErrOut, "%s:%d:%d: %s %s: %s\n", r.path, a.line, a.column, verb, a.ref, a.title)
			n++
		}
	}
	if opts.DryRun {
		for _, r := range results {
			if _, err := io.WriteString(opts.IO.Out, r.diff); err != nil {
				return err
			}
		}
		note(opts, fallbacks)
		left := leftAfter(first.Findings, results)
		fmt.Fprintf(opts.IO.ErrOut, "Dry run: %s in %s would be fixed, %s would be left; nothing was changed.\n",
			plural(n, "finding"), plural(len(results), "file"), plural(len(left), "finding"))
		// The exit status is lint's on the fixed text, so a dry run can
		// gate CI as --fix would.
		errs = append(first.Errors, errs...)
		if len(errs) > 0 {
			return &cmdutil.InputError{Err: errors.Join(errs...)}
		}
		if err := first.Empty(opts.Paths, "nothing was linted"); err != nil && !opts.AllowEmpty {
			return &cmdutil.InputError{Err: err}
		}
		if min, ok := failOn(opts.FailOn); ok && lint.AtLeast(left, min) > 0 {
			return cmdutil.ErrSilent
		}
		return nil
	}
	if n > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "Fixed %s in %s.\n", plural(n, "finding"), plural(len(results), "file"))
	}
	res := first
	if len(results) > 0 {
		// What is left, linted as the user will see it.
		fallbacks = &history.Fallbacks{}
		runOpts.History = history.FactsFunc(opts.provider(), runOpts.Today, fallbacks)
		runOpts.Visit = nil
		res = lint.Run(runOpts)
	}
	res.Errors = append(res.Errors, errs...)
	return finish(opts, res, fallbacks)
}

// fixFile reads the file again under its lock, fixes it, and writes it
// back unless it changed on disk since it was read.
func fixFile(opts *Options, runOpts lint.RunOptions, path string, hist lint.History) fixed {
	r := fixed{path: path}
	if !opts.DryRun {
		lock, err := editlock.Acquire(path, opts.LockWait)
		if err != nil {
			r.err = err
			return r
		}
		defer lock.Release()
	}
	raw, err := roadmap.ReadFile(path)
	if err != nil {
		r.err = err
		return r
	}
	var cfg *lint.Config
	if runOpts.Configs != nil {
		if cfg, err = runOpts.Configs.For(filepath.Dir(path)); err != nil {
			r.err = err
			return r
		}
	}
	linter := lint.Linter{Today: runOpts.Today, Config: cfg}
	lintFn := func(doc *roadmap.Document) ([]lint.Finding, error) { return linter.Lint(doc, hist) }
	doc := roadmap.Parse(path, raw)
	res, err := fix.All(lintFn, doc)
	if err != nil {
		r.err = err
		return r
	}
	if len(res.Applied) == 0 {
		return r
	}
	original, _ := lintFn(doc)
	for _, fx := range res.Applied {
		// Say where each finding was in the file as it was read: later
		// fixes were found in the file as the earlier ones left it.
		f := fx.Finding
		for _, o := range original {
			if o.Rule == f.Rule && o.Code == f.Code && o.Subject == f.Subject && (f.Code != "" || o.Message == f.Message) {
				f = o
				break
			}
		}
		r.applied = append(r.applied, appliedFix{line: f.Line, column: f.Column, ref: f.RuleRef(), title: fx.Title})
	}
	if opts.DryRun {
		name := filepath.ToSlash(path)
		r.diff = review.UnifiedDiff("a/"+name, "b/"+name, raw, res.Doc.Raw, 3)
		r.left = res.Findings
		return r
	}
	if opts.beforeWrite != nil {
		opts.beforeWrite(path)
	}
	if err := roadmap.WriteEdited(path, raw, res.Doc.Raw); err != nil {
		r.err = err
	}
	return r
}

// leftAfter is what a lint of the fixed files would find: the first run's
// findings, with each fixed file's replaced by what is left in its fixed
// text.
func leftAfter(first []lint.Finding, results []fixed) []lint.Finding {
	fixedPath := map[string]bool{}
	var left []lint.Finding
	for _, r := range results {
		fixedPath[r.path] = true
		left = append(left, r.left...)
	}
	for _, f := range first {
		if !fixedPath[f.File] {
			left = append(left, f)
		}
	}
	return left
}

func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}
