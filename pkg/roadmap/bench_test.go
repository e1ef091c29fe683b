package roadmap

import (
	"os"
	"testing"
)

// BenchmarkParse parses a ~90-line shipped example: the unit of work of
// every command, and lint's hot path.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../../examples/promotion.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if d := Parse("promotion.md", data); d.Err() != nil {
			b.Fatal(d.Err())
		}
	}
}
