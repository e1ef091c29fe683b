//go:build unix

package lint

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// hostileShapes are files just under the 1 MiB cap whose shape once made
// reading or linting quadratic: each took from 3 s to several minutes
// (a section end searched per section, a bracket or angle search to the
// end of the line per '[' or '<', a column counted from the line's start
// per node and per finding, a copy of the line per finding).
func hostileShapes(t testing.TB) map[string][]byte {
	t.Helper()
	base, err := os.ReadFile("../../examples/promotion.md")
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	inAction := func(unit string, n int) []byte {
		const action = "- [ ] Finish chapters"
		if !strings.Contains(src, action) {
			t.Fatalf("examples/promotion.md has no %q to pad", action)
		}
		return []byte(strings.Replace(src, action, "- [ ] "+strings.Repeat(unit, n)+"Finish chapters", 1))
	}
	var distinct strings.Builder
	for i := 0; distinct.Len() < 900_000; i++ {
		fmt.Fprintf(&distinct, "## Heading %d\n", i)
	}
	return map[string][]byte{
		"many headings":            []byte(src + strings.Repeat("## a\n", 200_000)),
		"many distinct headings":   []byte(src + distinct.String()),
		"one section many times":   []byte(src + strings.Repeat("## Next 30 days\n", 60_000)),
		"a run of brackets":        []byte(src + strings.Repeat("[", 900_000)),
		"a run of angles":          []byte(src + strings.Repeat("<", 900_000)),
		"a run of image openers":   []byte(src + strings.Repeat("![", 400_000)),
		"hedges on one line":       inAction("Learn more about things, hopefully. ", 25_000),
		"placeholders on one line": inAction("TBD [fill in] <company> ", 30_000),
		"a long flow list":         []byte(strings.Replace(src, "companies: [Stripe, Adyen, Plaid]", "companies: ["+strings.Repeat("Stripe, ", 7_000)+"Plaid]", 1)),
	}
}

// Every input under the size cap is read and linted in well under a
// second on a quiet machine. The test measures the CPU time the process
// spends (so a loaded machine does not fail it) against a bound far looser
// than that; each shape took from 20 s to minutes of CPU before.
func TestHostileShapesStayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("parses megabyte files")
	}
	l := &Linter{Today: today}
	for name, data := range hostileShapes(t) {
		if len(data) > roadmap.MaxFileBytes {
			t.Fatalf("%s: %d bytes is over the cap the test means to stay under", name, len(data))
		}
		start := cpuTime(t)
		doc := roadmap.Parse("r.md", data)
		if _, err := l.Lint(doc, History{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d := cpuTime(t) - start
		t.Logf("%s: %v of CPU", name, d.Round(time.Millisecond))
		if d > 5*time.Second {
			t.Errorf("%s: parse and lint took %v of CPU", name, d.Round(time.Millisecond))
		}
	}
}

// cpuTime is the CPU the process has used, user and system, all threads.
func cpuTime(t testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkHostileShapes(b *testing.B) {
	l := &Linter{Today: today}
	for name, data := range hostileShapes(b) {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				doc := roadmap.Parse("r.md", data)
				if _, err := l.Lint(doc, History{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
