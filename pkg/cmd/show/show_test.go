package show

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdShowFlags(t *testing.T) {
	tests := []struct {
		args       string
		wantFile   string
		wantFormat string
		wantErr    string
	}{
		{"r.md", "r.md", "text", ""},
		{"r.md --format json", "r.md", "json", ""},
		{"- --format JSON", "-", "json", ""},
		{"r.md --format yaml", "", "", `valid values are "text", "json"`},
		{"", "", "", "exactly one FILE"},
		{"a.md b.md", "", "", "exactly one FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *Options
			cmd := NewCmdShow(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(strings.Fields(tt.args))
			cmd.SetOut(ios.ErrOut)
			cmd.SetErr(ios.ErrOut)
			err := cmd.Execute()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.File != tt.wantFile || got.Format != tt.wantFormat {
				t.Errorf("options = %+v", got)
			}
		})
	}
}

func TestShowRunJSONFromStdin(t *testing.T) {
	ios, stdin, stdout, stderr := iostreams.Test()
	stdin.WriteString("---\nroadmap: 1\ntitle: T\nkind: explore\nstarted: 2026-11-02\ntarget: {role: Staff PM}\n---\n## Candidates\n- Staff PM\n")
	err := showRun(&Options{IO: ios, File: "-", Format: "json", StdinName: "<stdin>"})
	if err != nil {
		t.Fatalf("err = %v, stderr = %s", err, stderr)
	}
	var v View
	if err := json.Unmarshal(stdout.Bytes(), &v); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if v.File != "<stdin>" || v.Frontmatter.Kind != "explore" || len(v.Sections) != 1 || v.Sections[0].Key != "candidates" {
		t.Errorf("view = %+v", v)
	}
	if v.Actions == nil || v.Gap == nil || v.Reviews == nil || v.Problems == nil {
		t.Errorf("lists must be [] not null for jq: %s", stdout)
	}
}

func TestShowRunRefusesDocumentWithErrors(t *testing.T) {
	ios, stdin, stdout, _ := iostreams.Test()
	stdin.WriteString("---\nroadmap: 1\n")
	err := showRun(&Options{IO: ios, File: "-", Format: "text", StdinName: "r.md"})
	if err == nil || cmdutil.ExitCode(err) != 2 || !strings.HasPrefix(err.Error(), "r.md:1:1: ") {
		t.Fatalf("err = %v, want a r.md:1:1 input error with exit 2", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("nothing may be printed on stdout for a broken file, got %q", stdout)
	}
}
