package nesting

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark/ast"
	gmparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

func TestTOMLDepth(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{
		{"roadmap = 1\n", 1},
		{"[target]\nrole = \"x\"\ncompanies = [\"a\", \"b\"]\n", 3},
		{"target.companies = [\"a\"]\n", 3},
		{"[[a.b]]\nc = 1\n", 4},
		{"x = {a = {b = 1}}\n", 3},
		{"x = [[1, [2]], {a.b = 3}]\n", 4},
		{"x = \"[[[[[[{{{{ not nesting\"\ny = '''\n[[[[\n'''\n", 1},
		{"# [[[[[[[[\nx = 1 # {{{{{{\n", 1},
		{"\"a.b.c\" = 1\n", 1},
		{"x = [\n  [1],\n  [2],\n]\ny = 2\n", 3},
	} {
		got, _ := TOMLDepth([]byte(tc.src), 1<<30)
		if got != tc.want {
			t.Errorf("TOMLDepth(%q) = %d, want %d", tc.src, got, tc.want)
		}
		var data map[string]any
		if _, err := toml.Decode(tc.src, &data); err != nil {
			t.Errorf("test input %q is not TOML: %v", tc.src, err)
		} else if real := tomlDepth(data, 0); real > got {
			t.Errorf("TOMLDepth(%q) = %d, below the decoded depth %d", tc.src, got, real)
		}
	}
}

// The reported bombs: each is refused at its line, fast, without the
// decoder.
func TestBombs(t *testing.T) {
	for name, tc := range map[string]struct {
		check func() *Violation
		line  int
	}{
		"TOML inline tables 15,000 deep (60 KB)": {func() *Violation {
			return TOML([]byte("roadmap = 1\nx = " + strings.Repeat("{a=", 15000) + "1" + strings.Repeat("}", 15000) + "\n"))
		}, 2},
		"TOML dotted key 15,000 segments": {func() *Violation {
			return TOML([]byte("roadmap = 1\n\n" + strings.Repeat("a.", 15000) + "a = 1\n"))
		}, 3},
		"TOML table header 5,000 segments": {func() *Violation {
			return TOML([]byte("[" + strings.Repeat("a.", 5000) + "a]\n"))
		}, 1},
		"TOML arrays 15,000 deep": {func() *Violation {
			return TOML([]byte("x = " + strings.Repeat("[", 15000) + strings.Repeat("]", 15000)))
		}, 1},
		"list indented 2,000 levels (4 MB)": {func() *Violation {
			var b strings.Builder
			b.WriteString("# t\n")
			for i := 0; i < 2000; i++ {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return Markdown([]byte(b.String()))
		}, 33},
		"quotes 5,000 deep on one line": {func() *Violation {
			return Markdown([]byte(strings.Repeat(">", 5000) + " x\n"))
		}, 1},
		"200 link definitions before 260,000 lines": {func() *Violation {
			var b strings.Builder
			for i := 0; i < 200; i++ {
				b.WriteString("[a]: /u\n")
			}
			b.WriteString(strings.Repeat("a\n", 260000))
			return Markdown([]byte(b.String()))
		}, 1},
	} {
		start := time.Now()
		v := tc.check()
		if v == nil {
			t.Errorf("%s: not refused", name)
			continue
		}
		if v.Line != tc.line {
			t.Errorf("%s: refused at line %d, want %d (%s)", name, v.Line, tc.line, v.Msg)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: the check took %v", name, d)
		}
	}
}

// What real roadmaps do passes: four-space indentation eight levels deep,
// a quote in a list, a fenced block with deep indentation, task items and
// placeholders that look like link labels.
func TestMarkdownAcceptsRealDocuments(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 8; i++ {
		b.WriteString(strings.Repeat("    ", i) + "- level\n")
	}
	b.WriteString("\n- a\n  > quoted\n  > - in a quote\n\n```yaml\n" + strings.Repeat(" ", 80) + "deep: code\n```\n")
	for i := 0; i < 500; i++ {
		b.WriteString("- [ ] [TODO: an action]\n")
	}
	for i := 0; i < 300; i++ {
		b.WriteString("[ref]: https://example.com\n")
	}
	if v := Markdown([]byte(b.String())); v != nil {
		t.Fatalf("refused: %v", v)
	}
}

func TestYAML(t *testing.T) {
	var ok yaml.Node
	if err := yaml.Unmarshal([]byte("target:\n  companies: [a, b]\n"), &ok); err != nil {
		t.Fatal(err)
	}
	if v := YAML(ok.Content[0]); v != nil {
		t.Errorf("a roadmap header refused: %v", v)
	}
	if d := YAMLDepth(ok.Content[0]); d != 3 {
		t.Errorf("YAMLDepth = %d, want 3", d)
	}
	var deep yaml.Node
	src := "a:\n  " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n"
	if err := yaml.Unmarshal([]byte(src), &deep); err != nil {
		t.Fatal(err)
	}
	if v := YAML(deep.Content[0]); v == nil || v.Line != 2 {
		t.Errorf("40 levels: %v, want a violation on line 2", v)
	}
}

// tomlDepth measures a decoded TOML value as TOMLDepth counts: a
// top-level key's value is at depth 1.
func tomlDepth(v any, d int) int {
	best := d
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			best = max(best, tomlDepth(e, d+1))
		}
	case []map[string]any:
		for _, e := range x {
			best = max(best, tomlDepth(e, d+1))
		}
	case []any:
		for _, e := range x {
			best = max(best, tomlDepth(e, d+1))
		}
	}
	return best
}

// FuzzFrontmatterDepth checks that the TOML scan never reports less than
// the depth the decoder builds, for every input the cap lets through, so
// the cap holds; and that the YAML check agrees with the decoded tree.
func FuzzFrontmatterDepth(f *testing.F) {
	for _, s := range []string{
		"roadmap = 1\n[target]\nrole = \"x\"\ncompanies = [\"a\", \"b\"]\n",
		"x = {a = {b = [1, {c.d = 2}]}}\n",
		"[[a.b]]\n[a.b.c]\nd = '''\nx'''\n",
		"a = \"\"\"\n\\\n[\"\"\"\n",
		"a.\"b.c\".d = 1\n",
		"roadmap: 1\ntarget: {companies: [a, [b, {c: d}]]}\n",
		"- - - a\n",
		"a: &x [1, [2]]\nb: *x\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		est, _ := TOMLDepth([]byte(s), 1<<30)
		if est <= 2*MaxFrontmatterDepth {
			var data map[string]any
			if _, err := toml.Decode(s, &data); err == nil {
				if real := tomlDepth(data, 0); real > est {
					t.Fatalf("TOMLDepth(%q) = %d, below the decoded depth %d", s, est, real)
				}
			}
		}
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(s), &doc); err == nil && len(doc.Content) > 0 {
			root := doc.Content[0]
			if refused := YAML(root) != nil; refused != (YAMLDepth(root) > MaxFrontmatterDepth) {
				t.Fatalf("YAML(%q) refused=%v with depth %d", s, refused, YAMLDepth(root))
			}
		}
	})
}

// markdown is the parser configuration the roadmap package uses: block
// structure only.
var markdown = gmparser.NewParser(
	gmparser.WithBlockParsers(gmparser.DefaultBlockParsers()...),
	gmparser.WithParagraphTransformers(gmparser.DefaultParagraphTransformers()...),
)

// containerDepth is the deepest nesting of block quotes and list items in
// goldmark's tree.
func containerDepth(n ast.Node, d int) int {
	if _, ok := n.(*ast.Blockquote); ok {
		d++
	}
	if _, ok := n.(*ast.ListItem); ok {
		d++
	}
	best := d
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		best = max(best, containerDepth(c, d))
	}
	return best
}

// FuzzMarkdownDepth checks that the line bound is never below the depth
// goldmark builds, so the cap holds for every input.
func FuzzMarkdownDepth(f *testing.F) {
	for _, s := range []string{
		"- a\n  - b\n    - c\n",
		"> - a\n>   > b\n",
		"1. a\n   2) b\n\t- c\n",
		"- a\nlazy\n    - b\n",
		"* * *\n- - - a\n",
		"```\n- a\n```\n\t\t- b\n",
		"[a]: /u\n[b]:\n/v 't'\ntext\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		src := []byte(strings.ReplaceAll(s, "\r", "\n"))
		bound := 0
		for _, l := range strings.Split(string(src), "\n") {
			bound = max(bound, lineDepth(l))
		}
		if bound > 4*MaxBodyDepth {
			return // refused long before goldmark could be slow
		}
		doc := markdown.Parse(text.NewReader(src))
		if real := containerDepth(doc, 0); real > bound {
			t.Fatalf("bound %d below goldmark's depth %d for %q", bound, real, s)
		}
	})
}

// YAMLDepth is the depth YAML measures, the oracle YAML is checked against: the number of mappings and
// sequences around the deepest node (a document holding a scalar is 0,
// `a: 1` is 1, `a: [1]` is 2).
func YAMLDepth(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	best := 0
	for _, c := range n.Content {
		d := YAMLDepth(c)
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			d++
		}
		best = max(best, d)
	}
	return best
}

// lineDepth is the bound scanLine puts on the containers of a line.
func lineDepth(l string) int {
	d, _, _ := scanLine([]byte(l))
	return d
}
