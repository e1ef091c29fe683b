package corpus

import (
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

func TestCorpusIsRealistic(t *testing.T) {
	today, _ := civil.Parse("2026-11-21")
	for i := 0; i < 16; i++ {
		raw := Roadmap(i, today)
		doc := roadmap.Parse("c.md", raw)
		if err := doc.Err(); err != nil {
			t.Fatalf("roadmap %d does not parse: %v\n%s", i, err, raw)
		}
		if n := strings.Count(string(raw), "\n"); n < 55 || n > 90 {
			t.Errorf("roadmap %d has %d lines, want about 70", i, n)
		}
		if len(doc.Actions) != 3 || len(doc.Gap) != 4 {
			t.Errorf("roadmap %d: %d actions, %d gap items", i, len(doc.Actions), len(doc.Gap))
		}
	}
}
