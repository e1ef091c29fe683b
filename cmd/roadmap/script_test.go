package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

// TestMain lets testscript run the real binary's code in a subprocess, so
// every script sees exit codes and streams exactly as a user would.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"roadmap": func() { os.Exit(cli.Main(os.Args[1:], iostreams.System(), os.Getenv)) },
	})
}

// TestScripts runs testdata/script/*.txtar. UPDATE=1 rewrites the expected
// output embedded in the scripts from what the commands print now.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       os.Getenv("UPDATE") != "",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Scripts never depend on the real date; a script that needs
			// another day says so with --today or its own env line.
			env.Setenv("ROADMAP_TODAY", "2026-11-21")
			env.Setenv("NO_COLOR", "1")
			// Scripts may read the shipped examples (examples/...).
			env.Setenv("EXAMPLES", "../../examples")
			return nil
		},
	})
}
