package cli

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestMainExitCodes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		wantCode int
		wantErr  string
	}{
		{"version", []string{"--version"}, nil, 0, ""},
		{"unknown command", []string{"frobnicate"}, nil, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"show", "--nope", "x.md"}, nil, 2, "unknown flag: --nope"},
		{"bad --today", []string{"--today", "2026-02-30", "show", "x.md"}, nil, 2, "invalid --today"},
		{"bad ROADMAP_TODAY", []string{"show", "x.md"}, map[string]string{"ROADMAP_TODAY": "soon"}, 2, "invalid ROADMAP_TODAY"},
		{"missing file", []string{"show", "does-not-exist.md"}, nil, 2, "does-not-exist.md: no such file"},
		{"unknown subcommand", []string{"ladder", "lsit"}, nil, 2, `did you mean "list"?`},
		{"unknown completion shell", []string{"completion", "tcsh"}, nil, 2, `unknown command "tcsh"`},
		{"unknown help topic", []string{"help", "lsit"}, nil, 2, `unknown command "lsit"`},
		{"extra argument", []string{"ladder", "list", "x"}, nil, 2, `unknown command "x"`},
		{"flag typo", []string{"lint", "--formt", "json"}, nil, 2, "did you mean --format?"},
		{"missing track", []string{"ladder", "show"}, nil, 2, "ladder show needs TRACK"},
		{"group alone is help", []string{"ladder"}, nil, 0, ""},
		{"bad --color", []string{"--color", "sometimes", "ladder", "list"}, nil, 2, `valid values are "auto", "always", "never"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, _, stderr := iostreams.Test()
			code := Main(tt.args, ios, env(tt.env))
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if tt.wantErr != "" && !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantErr)
			}
			if strings.Contains(stderr.String(), "goroutine") {
				t.Errorf("stack trace on stderr: %q", stderr)
			}
		})
	}
}

func TestResolveToday(t *testing.T) {
	d, err := resolveToday("", env(map[string]string{"ROADMAP_TODAY": "2026-11-21"}))
	if err != nil || d.String() != "2026-11-21" {
		t.Errorf("env: got %v, %v", d, err)
	}
	d, err = resolveToday("2027-01-02", env(map[string]string{"ROADMAP_TODAY": "2026-11-21"}))
	if err != nil || d.String() != "2027-01-02" {
		t.Errorf("--today must win over the environment: got %v, %v", d, err)
	}
	if d, err = resolveToday("", env(nil)); err != nil || d.IsZero() {
		t.Errorf("default: got %v, %v", d, err)
	}
}

// Every command's output goes through the sanitiser except the language
// server's, whose Content-Length headers count the bytes of the JSON
// that follows: a sanitiser rewriting one byte would break the protocol.
func TestOnlyTheLanguageServerIsRaw(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(ios, env(nil))
	var raw []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Annotations[cmdutil.AnnotationRawOutput] != "" {
			raw = append(raw, c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if strings.Join(raw, ",") != "roadmap lsp" {
		t.Errorf("commands with raw output: %v, want only roadmap lsp", raw)
	}
}
