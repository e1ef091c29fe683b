// Command gencorpus writes N realistic roadmaps into a directory, for
// timing `roadmap lint` at team scale (see scripts/bench-lint.sh).
//
//	go run ./scripts/gencorpus -n 2000 -dir /tmp/corpus -today 2026-11-21
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/roadmapcli/roadmap/internal/corpus"
	"github.com/roadmapcli/roadmap/pkg/civil"
)

func main() {
	n := flag.Int("n", 2000, "number of roadmaps")
	dir := flag.String("dir", "", "directory to write them into (created)")
	todayFlag := flag.String("today", "2026-11-21", "the day the roadmaps are current on")
	flag.Parse()
	today, err := civil.Parse(*todayFlag)
	if err != nil || *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -dir DIR [-today YYYY-MM-DD]")
		os.Exit(2)
	}
	for i := 0; i < *n; i++ {
		// 50 roadmaps per team directory, as a company repository would hold them.
		path := filepath.Join(*dir, fmt.Sprintf("team-%03d", i/50), fmt.Sprintf("person-%05d.md", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, corpus.Roadmap(i, today), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
