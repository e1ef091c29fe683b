package vague

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// The package finds the Markdown spans a phrase must not match inside (code
// spans, links, autolinks and bare URLs, emphasis) with its own scanner
// (findSpans) rather than asking goldmark's inline parser, which
// pkg/roadmap does not run. These tests hold the scanner to goldmark: on
// every text of the examples, the lint corpus and the tables, a word is
// inside a code span, a link's text, a URL or an italic span by both or by
// neither, but for the differences written down below. The benchmarks
// measure what each costs.

// inlineParser is goldmark with its inline parsers and linkify (bare URLs).
var inlineParser = goldmark.New(goldmark.WithExtensions(extension.Linkify)).Parser()

// blockParser is the parser pkg/roadmap uses: block structure only.
var blockParser = gmparser.NewParser(
	gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
	gmparser.WithParagraphTransformers(gmparser.DefaultParagraphTransformers()...),
)

type gmRange struct {
	start, end int
	kind       spanKind
}

// goldmarkSpans parses text as Markdown and returns the byte ranges of its
// code spans, link texts, autolinks (bare URLs included) and level-1
// emphasis, by goldmark.
func goldmarkSpans(src []byte) []gmRange {
	doc := inlineParser.Parse(text.NewReader(src))
	var out []gmRange
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var kind spanKind
		switch v := n.(type) {
		case *ast.CodeSpan:
			kind = spanCode
		case *ast.Link:
			kind = spanLink
		case *ast.AutoLink:
			label := v.Label(src)
			if len(label) > 0 {
				start := cap(src) - cap(label) // label is a slice of src
				out = append(out, gmRange{start, start + len(label), spanURL})
			}
			return ast.WalkSkipChildren, nil
		case *ast.Emphasis:
			if v.Level != 1 {
				return ast.WalkContinue, nil
			}
			kind = spanItalic
		default:
			return ast.WalkContinue, nil
		}
		lo, hi := -1, -1
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if t, ok := c.(*ast.Text); ok && entering {
				if lo < 0 || t.Segment.Start < lo {
					lo = t.Segment.Start
				}
				hi = max(hi, t.Segment.Stop)
			}
			return ast.WalkContinue, nil
		})
		if lo >= 0 {
			out = append(out, gmRange{lo, hi, kind})
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// trickyInline are Markdown edge cases people write in one line.
var trickyInline = []string{
	"Read *Inspired* and _Empowered_ by Marty Cagan",
	"Fix the `orders_v2` job and the ``weird `backtick` case``",
	"An unclosed `backtick and an unclosed *star",
	"snake_case_words and __init__ stay words",
	"***very*** important and **bold** and *it*alic",
	"See [the RFC](https://example.com/rfc \"Title\") and [ref][1] and <https://go.dev/doc>",
	"Visit https://example.com/a_b_c, then www.example.org.",
	"Nested [*emphasis* in a link](https://x.y/z) here",
	"Emphasis * with spaces * is not emphasis",
	"2 * 3 * 4 is arithmetic",
	"A link [with `code`](https://x.y) inside",
	"Brackets [not a link] and (parens)",
	"Ask dana.lee@acme.example or @dlee",
	"*Kafka: The Definitive Guide* chapter 3",
	"_The Manager's Path_ by Camille Fournier",
}

// inlineTexts are the texts lint hands this package, from every roadmap in
// the repository, and the tables' texts.
func inlineTexts(t testing.TB) []string {
	var texts []string
	var files []string
	for _, g := range []string{"../../../examples/*.md", "../../../examples/team/*.md", "../../../testdata/lint-corpus/*.md"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := roadmap.Parse(f, b)
		for _, s := range d.Sections {
			for _, it := range s.Items {
				texts = append(texts, it.Text)
			}
			for _, p := range s.Paragraphs {
				texts = append(texts, p.Text)
			}
		}
	}
	for _, c := range vagueTable {
		texts = append(texts, c.text)
	}
	for _, c := range judgeTable {
		texts = append(texts, c.text)
	}
	return texts
}

func TestInlineSpansAgreeWithGoldmark(t *testing.T) {
	texts := inlineTexts(t)
	if len(texts) < 500 {
		t.Fatalf("only %d texts", len(texts))
	}
	words, differ := 0, 0
	inSpan := map[spanKind]int{}
	for _, txt := range append(texts, trickyInline...) {
		if strings.HasPrefix(strings.TrimSpace(txt), "#") || strings.Contains(txt, "\n    ") {
			continue // would parse as a heading or an indented code block, not as an item's text
		}
		s := getScratch(txt)
		gm := goldmarkSpans([]byte(txt))
		for k := range s.toks {
			tok := &s.toks[k]
			words++
			var hand spanKind
			switch {
			case tok.f&fCode != 0:
				hand = spanCode
			case tok.f&fLink != 0:
				hand = spanLink
			case tok.f&fURL != 0:
				hand = spanURL
			case tok.f&fItalic != 0:
				hand = spanItalic
			}
			var gold spanKind
			var in gmRange
			for _, r := range gm {
				if tok.start >= r.start && tok.end <= r.end {
					gold, in = r.kind, r // the innermost range is the last one
				}
			}
			if gold != 0 {
				inSpan[gold]++
			}
			if hand != gold && !knownDifference(txt, hand, gold, in) {
				differ++
				t.Errorf("%q: word %q: scanner says %v, goldmark says %v", txt, txt[tok.start:tok.end], hand, gold)
			}
		}
		putScratch(s)
	}
	t.Logf("%d texts, %d words (%d in code, %d in link texts, %d in URLs, %d in italics): the scanner and goldmark disagree on %d",
		len(texts)+len(trickyInline), words, inSpan[spanCode], inSpan[spanLink], inSpan[spanURL], inSpan[spanItalic], differ)
	if inSpan[spanCode] < 20 || inSpan[spanLink] < 20 || inSpan[spanURL] < 20 || inSpan[spanItalic] < 20 {
		t.Error("too few words inside spans for the comparison to say anything")
	}
}

// knownDifference: where the scanner reads on purpose what goldmark does
// not. A link's destination is a URL to the scanner, not text; a link's
// text holding an emphasis is the link's; an email address is a handle.
func knownDifference(txt string, hand, gold spanKind, r gmRange) bool {
	switch {
	case hand == 0 && gold == spanURL && strings.Contains(txt[r.start:r.end], "@") && !strings.Contains(txt[r.start:r.end], "://"):
		return true // an email address: a handle to NamesPerson, not text to protect
	case hand == spanURL && gold == 0:
		return true // [text](url): goldmark keeps the destination off the text
	case hand == spanLink && gold == 0 && strings.Contains(txt, "]["):
		return true // [text][ref]: its definition is elsewhere in the file, not in the item
	case hand == spanLink && (gold == spanItalic || gold == spanCode):
		return true // [*Title*](url): a link's text, whatever its emphasis
	}
	return false
}

func (k spanKind) String() string {
	switch k {
	case spanCode:
		return "code"
	case spanLink:
		return "link text"
	case spanURL:
		return "URL"
	case spanQuote:
		return "quote"
	case spanItalic:
		return "italic"
	}
	return "plain"
}

// BenchmarkInlineScanner: the scanner's spans for every text of one roadmap.
func BenchmarkInlineScanner(b *testing.B) {
	texts, _ := roadmapTexts(b)
	s := &scratch{}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			s.text = t
			s.findSpans()
		}
	}
}

// BenchmarkInlineGoldmark: goldmark's inline parse of the same texts, one
// by one (what asking goldmark per text would cost).
func BenchmarkInlineGoldmark(b *testing.B) {
	texts, _ := roadmapTexts(b)
	srcs := make([][]byte, len(texts))
	for i, t := range texts {
		srcs[i] = []byte(t)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			goldmarkSpans(src)
		}
	}
}

// BenchmarkParseBlocksOnly and BenchmarkParseWithInlines: what pkg/roadmap
// would pay to hand over goldmark's inline ranges with the document: one
// parse of the whole file, without and with the inline parsers.
func BenchmarkParseBlocksOnly(b *testing.B) { benchParse(b, blockParser) }

func BenchmarkParseWithInlines(b *testing.B) { benchParse(b, inlineParser) }

func benchParse(b *testing.B, p gmparser.Parser) {
	src, err := os.ReadFile("../../../examples/promotion.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(text.NewReader(src))
	}
}
