package status

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func TestNewCmdStatusFlags(t *testing.T) {
	for args, want := range map[string]Options{
		"":                                {Format: "table"},
		"team --format json":              {Paths: []string{"team"}, Format: "json"},
		"a b --fail-overdue --format csv": {Paths: []string{"a", "b"}, Format: "csv", FailOverdue: true},
	} {
		ios, _, _, _ := iostreams.Test()
		var got *Options
		cmd := NewCmdStatus(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(strings.Fields(args))
		cmd.SetOut(ios.ErrOut)
		cmd.SetErr(ios.ErrOut)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		if strings.Join(got.Paths, " ") != strings.Join(want.Paths, " ") || got.Format != want.Format || got.FailOverdue != want.FailOverdue {
			t.Errorf("%q: options = %+v, want %+v", args, got, want)
		}
	}
}

func TestStatusRunFailOverdue(t *testing.T) {
	team, err := filepath.Abs("../../../examples/team")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(team); err != nil {
		t.Fatal(err)
	}
	run := func(day string) (string, error) {
		ios, _, out, _ := iostreams.Test()
		d, _ := civil.Parse(day)
		err := statusRun(&Options{IO: ios, Today: func() civil.Date { return d }, Getenv: func(string) string { return "" },
			Paths: []string{team}, Format: "table", FailOverdue: true})
		return out.String(), err
	}
	out, err := run("2026-11-21")
	if err != nil || strings.Count(out, "clean") != 3 {
		t.Errorf("on 2026-11-21 nothing is overdue: err %v\n%s", err, out)
	}
	out, err = run("2027-01-10")
	if !errors.Is(err, cmdutil.ErrSilent) || !strings.Contains(out, "40 days") {
		t.Errorf("seven weeks later --fail-overdue must exit 1: err %v\n%s", err, out)
	}
}
