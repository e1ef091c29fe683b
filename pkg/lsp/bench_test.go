package lsp

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// hundredLines is a 100-line roadmap: the promotion example, padded with
// review-log notes.
func hundredLines(t testing.TB) string {
	raw, err := os.ReadFile("../../examples/promotion.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	for i := 1; strings.Count(s, "\n") < 100; i++ {
		s += fmt.Sprintf("- Note %d: kept the Ledger v3 review notes in the design doc.\n", i)
	}
	return s
}

// edit types one character into the Target section and takes it out
// again, alternately: the text stays the same size.
func edit(c *client, text string, v int) {
	pos := utf16Pos(text, strings.Index(text, "## Target\n")+len("## Target\n"))
	if v%2 == 0 {
		c.change(uri, v, TextEdit{Range: Range{Start: pos, End: pos}, NewText: "x"})
		return
	}
	end := pos
	end.Character++
	c.change(uri, v, TextEdit{Range: Range{Start: pos, End: end}, NewText: ""})
}

// BenchmarkDidChangeToDiagnostics times one incremental didChange of a
// 100-line roadmap to its publishDiagnostics, over the pipes, without the
// debounce (which only waits). It reports the median and the 90th
// percentile besides the mean.
//
//	go test ./pkg/lsp -run '^$' -bench DidChange -benchtime 2000x
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	c := newClient(&testing.T{}, Options{})
	c.initialize(ClientCapabilities{})
	text := hundredLines(b)
	c.open(uri, text)
	c.diagnostics(uri)
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		edit(c, c.texts[uri], i+2)
		if p := c.diagnostics(uri); *p.Version != i+2 {
			b.Fatalf("version %d, want %d", *p.Version, i+2)
		}
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(durations, func(i, j int) bool { return durations[i] < durations[j] })
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds()), "µs-median")
	b.ReportMetric(float64(durations[len(durations)*9/10].Microseconds()), "µs-p90")
}

// The server's memory does not grow with edits: after 1,000 more edits
// (through the debounce timer, as in an editor) the live heap is where it
// was.
func TestMemoryFlatOver1000Edits(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 edits")
	}
	c := newClient(t, Options{Debounce: time.Millisecond})
	c.initialize(ClientCapabilities{})
	c.open(uri, hundredLines(t))
	c.diagnostics(uri)
	v := 2
	run := func(n int) {
		for i := 0; i < n; i++ {
			edit(c, c.texts[uri], v)
			if p := c.diagnostics(uri); *p.Version != v {
				t.Fatalf("version %d, want %d", *p.Version, v)
			}
			v++
		}
	}
	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	run(100)
	before := heap()
	run(1000)
	after := heap()
	t.Logf("live heap after 100 edits %d KB, after 1,100 edits %d KB", before>>10, after>>10)
	if after > before+256<<10 {
		t.Errorf("the heap grew by %d KB over 1,000 edits", (after-before)>>10)
	}
}
