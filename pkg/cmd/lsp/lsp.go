// Package lsp implements `roadmap lsp`: the language server over stdio.
package lsp

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/build"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/lsp"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Options are the server's inputs, filled by NewCmdLSP.
type Options struct {
	IO     *iostreams.IOStreams
	Today  func() civil.Date
	Getenv func(string) string
	// History answers the date rules' questions about the past (git).
	History history.Provider
	// LogFile, when set, receives the server's log; nothing is logged
	// otherwise (stdout is the protocol, stderr is left quiet).
	LogFile string
	// FixedToday is true when --today or ROADMAP_TODAY pins the date;
	// otherwise a session that runs past midnight moves on with the clock.
	FixedToday bool
}

// NewCmdLSP builds the command. runF replaces lspRun in flag tests.
func NewCmdLSP(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Today: f.Today, Getenv: f.Getenv, History: f.HistoryProvider()}
	var stdio bool
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (LSP over stdio) for editors",
		Long: `Run a Language Server Protocol server on standard input and output, for
editors: roadmap files (Markdown whose frontmatter has a roadmap: key) get
the linter's findings as you type (200 ms after the last change, and on open
and save), with the same configuration as roadmap lint; quick fixes for the
findings that have one correct edit, "Disable RMxxx for this line" for every
finding, and source.fixAll.roadmap for all fixes at once; hover on a finding
(its rule's page) and on a ladder or level value (the level's scope and salary
band with its source); completion of frontmatter keys and values, ladder and
level ids, section headings and gap labels; the sections as an outline; and
the commands roadmap.review and roadmap.tickAction. Other files get nothing.

The server writes nothing but the protocol: --log FILE records what it does.`,
		Example: `  roadmap lsp
  roadmap lsp --log /tmp/roadmap-lsp.log`,
		Args: cobra.NoArgs,
		// The protocol's Content-Length counts bytes: no sanitiser may
		// rewrite any (the server escapes nothing itself; JSON does).
		Annotations: map[string]string{cmdutil.AnnotationRawOutput: "true"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if fl := cmd.Flag("today"); (fl != nil && fl.Changed) || (opts.Getenv != nil && opts.Getenv("ROADMAP_TODAY") != "") {
				opts.FixedToday = true
			}
			if runF != nil {
				return runF(opts)
			}
			return lspRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.LogFile, "log", "", "append a log of messages and lint times to FILE")
	cmd.Flags().BoolVar(&stdio, "stdio", true, "talk over standard input and output (the only transport; accepted because clients pass it)")
	_ = cmd.MarkFlagFilename("log")
	return cmd
}

func lspRun(opts *Options) error {
	var log io.Writer
	if opts.LogFile != "" {
		f, err := os.OpenFile(opts.LogFile, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return &cmdutil.InputError{Err: fmt.Errorf("%s: cannot open the log file: %v (give --log a file in a directory that exists)", safetext.Name(opts.LogFile), errors.Unwrap(err))}
		}
		defer f.Close()
		log = f
	}
	today := opts.Today
	if !opts.FixedToday {
		today = civil.Today
	}
	err := lsp.Serve(opts.IO.In, opts.IO.Out, lsp.Options{
		Today: today, Getenv: opts.Getenv, Version: build.Current().Version,
		Debounce: lsp.DefaultDebounce, Log: log, History: opts.History,
	})
	if errors.Is(err, lsp.ErrExitWithoutShutdown) {
		return cmdutil.ErrSilent // exit 1, as the protocol asks
	}
	if err != nil {
		return &cmdutil.InputError{Err: fmt.Errorf("roadmap lsp: %w", err)}
	}
	return nil
}
