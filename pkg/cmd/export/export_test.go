package export

import (
	"errors"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdExportFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{"r.md"}, want: Options{File: "r.md", Format: "html", StdinName: "<stdin>"}},
		{args: []string{"r.md", "-o", "r.html"}, want: Options{File: "r.md", Format: "html", Output: "r.html", StdinName: "<stdin>"}},
		{args: []string{"--format", "svg", "r.md", "--output", "r.svg", "--ladders", "lad"},
			want: Options{File: "r.md", Format: "svg", Output: "r.svg", LaddersDir: "lad", StdinName: "<stdin>"}},
		{args: []string{"-", "--stdin-filename", "plan.md"}, want: Options{File: "-", Format: "html", StdinName: "plan.md"}},
		{args: nil, wantErr: "export takes exactly one FILE"},
		{args: []string{"a.md", "b.md"}, wantErr: "export takes exactly one FILE (or - for standard input), got 2"},
		{args: []string{"r.md", "--format", "pdf"}, wantErr: `valid values are "html", "svg"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, Today: func() civil.Date { return civil.New(2026, 11, 21) }}
			var got *Options
			cmd := NewCmdExport(f, func(o *Options) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			cmd.SetOut(ios.Out)
			cmd.SetErr(ios.ErrOut)
			err := cmd.Execute()
			if tt.wantErr != "" {
				// Bad flag values are cobra's errors; the root command makes
				// them usage errors (exit 2) for every command.
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || (!errors.As(err, &fe) && !strings.Contains(err.Error(), "flag")) {
					t.Fatalf("err = %v, want a usage error %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.File != tt.want.File || got.Format != tt.want.Format || got.Output != tt.want.Output ||
				got.LaddersDir != tt.want.LaddersDir || got.StdinName != tt.want.StdinName {
				t.Errorf("options = %+v, want %+v", *got, tt.want)
			}
		})
	}
}
