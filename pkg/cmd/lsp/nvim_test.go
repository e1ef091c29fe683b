package lsp_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

// TestMain lets the test binary be `roadmap` when the editor starts it,
// as cmd/roadmap's scripts do: the server Neovim runs is the real
// command's code.
func TestMain(m *testing.M) {
	if os.Getenv("ROADMAP_E2E_AS_ROADMAP") == "1" {
		os.Exit(cli.Main(os.Args[1:], iostreams.System(), os.Getenv))
	}
	os.Exit(m.Run())
}

// TestNeovim drives `roadmap lsp` from headless Neovim with a small Lua
// config (testdata/e2e.lua): diagnostics with their exact ranges (Neovim
// turns the server's UTF-16 columns into byte columns itself), a quick fix
// applied and re-linted, a hover, a save. UPDATE=1 rewrites want.txt.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("ROADMAP_REQUIRE_NVIM") != "" {
			t.Fatal("nvim is not installed, but ROADMAP_REQUIRE_NVIM is set: scripts/install-neovim.sh installs Debian's neovim")
		}
		t.Skip("nvim is not installed: scripts/install-neovim.sh installs Debian's neovim, then this end-to-end test runs")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs("testdata/e2e.lua")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	plan, err := os.ReadFile("testdata/plan.md")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(file, plan, 0o644); err != nil {
		t.Fatal(err)
	}
	out, logFile := filepath.Join(dir, "out.txt"), filepath.Join(dir, "server.log")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE", "-u", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "E2E_FILE="+file, "E2E_OUT="+out, "E2E_SERVER="+self, "E2E_LOG="+logFile,
		"ROADMAP_E2E_AS_ROADMAP=1", "ROADMAP_TODAY=2026-11-21", "XDG_STATE_HOME="+dir, "XDG_CACHE_HOME="+dir, "XDG_DATA_HOME="+dir,
		"GIT_CEILING_DIRECTORIES="+filepath.Dir(dir))
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	runErr := cmd.Run()
	got, _ := os.ReadFile(out)
	if runErr != nil {
		serverLog, _ := os.ReadFile(logFile)
		t.Fatalf("nvim: %v\noutput:\n%s\nnvim's own output:\n%s\nserver log:\n%s", runErr, got, stderr.String(), serverLog)
	}
	wantFile := "testdata/want.txt"
	if os.Getenv("UPDATE") != "" {
		if err := os.WriteFile(wantFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(wantFile)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("Neovim saw:\n%s\nwant:\n%s", got, want)
	}
	saved, _ := os.ReadFile(file)
	if !bytes.Contains(saved, []byte("\n  checkin: monthly\n")) || !bytes.Equal(bytes.Replace(saved, []byte("checkin: monthly"), []byte("checkin: montly"), 1), plan) {
		t.Errorf("the saved file is not the plan with its one fix:\n%s", saved)
	}
	if serverLog, _ := os.ReadFile(logFile); !strings.Contains(string(serverLog), "<- textDocument/codeAction") {
		t.Errorf("--log recorded no code action request:\n%s", serverLog)
	}
}
