package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// FuzzFix: on any input the engine never panics, its composed edits give
// the bytes it reports, a BOM and CRLF line endings survive, and every fix
// it offers is an edit that applies.
//
//	go test ./pkg/fix -run '^$' -fuzz FuzzFix -fuzztime 3m -fuzzminimizetime 5s -parallel 1
func FuzzFix(f *testing.F) {
	files, _ := filepath.Glob("../../examples/*.md")
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
		for _, m := range mutations {
			if loc := m.re.FindSubmatchIndex(raw); loc != nil {
				f.Add(splice(raw, loc[0], loc[1], m.repl(submatches(raw, loc))))
			}
		}
	}
	f.Add([]byte(header + body))
	f.Add([]byte("\xEF\xBB\xBF---\r\ntitle: T\r\nkind: 'explor'\r\nstarted: 2026-1-5\r\n---\r\n## Years 2-3 ##\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc := roadmap.Parse("f.md", raw)
		res, err := All(defaultLint, doc)
		if err != nil {
			return // a rule crashed: lint's own fuzz target reports that
		}
		got, err := roadmap.ApplyEdits(raw, res.Edits)
		if err != nil || !bytes.Equal(got, res.Doc.Raw) {
			t.Fatalf("composed edits %+v do not give the fixed bytes (%v)", res.Edits, err)
		}
		out := res.Doc.Raw
		if bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")) && !bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
			t.Fatalf("the BOM was lost")
		}
		if crlfOnly(raw) && !crlfOnly(out) {
			t.Fatalf("a CRLF file gained a bare LF:\n%q\n%q", raw, out)
		}
		if !doc.Fatal() && res.Doc.Fatal() {
			t.Fatalf("the fixes made the file unreadable")
		}
		findings, err := defaultLint(doc)
		if err != nil {
			return
		}
		// Each finding costs two lints to check: a few keep an exec cheap.
		for _, fx := range Available(defaultLint, doc, findings, findings[:min(4, len(findings))]) {
			if _, err := fx.Apply(raw); err != nil {
				t.Fatalf("%s: %v", fx.Title, err)
			}
			if fx.Suppress && (len(fx.Edits) != 1 || fx.Edits[0].Start != fx.Edits[0].End) {
				t.Fatalf("%s is not a single insertion: %+v", fx.Title, fx.Edits)
			}
		}
	})
}

// crlfOnly reports whether every line feed in b ends a CRLF pair (and
// there is at least one).
func crlfOnly(b []byte) bool {
	n := bytes.Count(b, []byte("\n"))
	return n > 0 && n == bytes.Count(b, []byte("\r\n"))
}
