package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmapcli/roadmap/internal/corpus"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// BenchmarkLintDocument is the cost of parsing and linting one ~70-line
// roadmap: the unit a team repository's CI run multiplies.
func BenchmarkLintDocument(b *testing.B) {
	docs := make([][]byte, 64)
	for i := range docs {
		docs[i] = corpus.Roadmap(i, today)
	}
	l := &Linter{Today: today}
	b.ReportAllocs()
	b.SetBytes(int64(len(docs[0])))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := roadmap.Parse("r.md", docs[i%len(docs)])
		if _, err := l.Lint(doc, History{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRun lints a generated repository of 500 roadmaps from disk,
// walking, reading and linting in parallel as `roadmap lint DIR` does.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	const n = 500
	for i := 0; i < n; i++ {
		path := filepath.Join(dir, fmt.Sprintf("team-%02d", i/50), fmt.Sprintf("p%04d.md", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, corpus.Roadmap(i, today), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := Run(RunOptions{Paths: []string{dir}, Today: today, Configs: &ConfigResolver{}})
		if res.Files != n || len(res.Errors) > 0 {
			b.Fatalf("linted %d files, errors %v", res.Files, res.Errors)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n)/1e3, "µs/file")
}
