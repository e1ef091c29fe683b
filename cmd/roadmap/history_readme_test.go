package main

import (
	"os"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestReadmeHistoryIsTheScriptsOutput: the README's `roadmap history`
// block runs on a repository the tour does not ship (TestReadmeTour skips
// it), so it is held to the output history_git.txtar checks on the
// repository it scripts.
func TestReadmeHistoryIsTheScriptsOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "$ roadmap history plans/ana.md\n"
	_, block, ok := strings.Cut(string(readme), cmd)
	if !ok {
		t.Fatalf("README.md has no %q block", strings.TrimSpace(cmd))
	}
	block, _, _ = strings.Cut(block, "```")
	ar, err := txtar.ParseFile("../../testdata/script/history_git.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "want/text.txt" {
			if block != string(f.Data) {
				t.Errorf("README.md shows\n%s\nbut history_git.txtar checks\n%s", block, f.Data)
			}
			return
		}
	}
	t.Fatal("history_git.txtar has no want/text.txt")
}
