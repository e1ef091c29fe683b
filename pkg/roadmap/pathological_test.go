package roadmap

import (
	"strings"
	"testing"
	"time"
)

// within fails the test when f takes longer than limit. The limits are
// generous (the machine may be busy); what they catch is work quadratic
// in the input, which takes minutes on these sizes.
func within(t *testing.T, limit time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	start := time.Now()
	go func() { defer close(done); f() }()
	select {
	case <-done:
		t.Logf("%s: %v", what, time.Since(start).Round(time.Millisecond))
	case <-time.After(limit):
		t.Fatalf("%s took more than %v", what, limit)
	}
}

// The placeholder scan looks for a closing bracket near the opening one
// only: searching the rest of the text from each of 900,000 '[' in a file
// under the size cap took lint minutes (and 450,000 '<a' 40 s).
func TestPlaceholderScanIsLinear(t *testing.T) {
	for name, s := range map[string]string{
		"unclosed [": strings.Repeat("[", 4<<20),
		"unclosed <": strings.Repeat("<a", 2<<20),
	} {
		within(t, 5*time.Second, name, func() { FindPlaceholders(s) })
	}
}

// A section's end is found by binary search in the headings, and a
// heading is compared only with section names of about its length: 60,000
// headings took 15 s, 150,000 minutes, and one heading of 900,000
// characters 7 s.
func TestManyOrLongHeadingsParseInLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("parses two files near the size cap")
	}
	head := "---\nroadmap: 1\n---\n"
	within(t, 10*time.Second, "150,000 headings", func() {
		Parse("h.md", []byte(head+strings.Repeat("## a\n", 150000)))
	})
	within(t, 5*time.Second, "a heading of 900,000 characters", func() {
		Parse("h.md", []byte(head+"## "+strings.Repeat("a", 900000)+"\n"))
	})
}
