// Command roadmap plans a career as a Markdown file kept in git.
package main

import (
	"os"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], iostreams.System(), os.Getenv))
}
