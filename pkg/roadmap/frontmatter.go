package roadmap

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/nesting"
	"github.com/roadmapcli/roadmap/pkg/suggest"
	"github.com/roadmapcli/roadmap/pkg/yamlerr"
)

// MaxFrontmatterBytes bounds the header a parser will decode. A roadmap's
// frontmatter is a few hundred bytes; the bound keeps a hostile file (an
// alias bomb, a huge document) from costing time or memory.
const MaxFrontmatterBytes = 64 << 10

// frontmatterBlock is where the header lies in the normalised text.
type frontmatterBlock struct {
	syntax string // "yaml", "toml" or "json"
	opener string // the opening delimiter: "---", "+++", ";;;", or "{" for a bare JSON object
	closer string // the delimiter that closes it
	// startLine and endLine are the lines of the delimiters; for a bare
	// JSON object, of its opening and closing braces.
	startLine, endLine int
	content            []byte
	contentStart       int  // offset of content in the normalised text
	bodyStart          int  // offset of the first byte after the closing delimiter line
	closed             bool // false: no closing delimiter, content runs to the end of the file
	// trailing is the offset of text after a bare JSON object's closing
	// brace on its line, or -1.
	trailing int
}

var (
	tomlKeyRe   = regexp.MustCompile(`^\s*"?([A-Za-z0-9_-]+)"?\s*=`)
	tomlTableRe = regexp.MustCompile(`^\s*\[\s*"?([A-Za-z0-9_.-]+)"?\s*\]`)
)

// The splitter is ours rather than github.com/adrg/frontmatter's, which the
// design named. Tried behind this function (v0.2.0, its latest release, from
// 2021), the library closes a YAML header at an indented `---` inside a block
// scalar (it trims each line), has no `...` closer, reports an unterminated
// header as no header at all (we owe the user its line), does not see a
// header after a BOM, accepts one after leading blank lines (which Hugo and
// Jekyll do not), needs a blank line after a bare JSON object's `}`, and
// gives no offsets, so positions could not be re-based for yaml.v3 nodes and
// edits. It also links gopkg.in/yaml.v2 into the binary for its default
// formats. TestFrontmatterEnds and TestBadInputs hold those cases.
//
// splitFrontmatter finds the header: a delimited block (YAML `---` closed
// by `---` or `...`, TOML `+++`, JSON `;;;`) or a bare JSON object, opening
// on line 1. It returns nil when the file has none, and a block that is
// not closed when the opening delimiter has no match.
//
// A delimiter is a whole line in the first column (trailing blanks
// allowed): an indented `---` inside a block scalar, or a `}` closing a
// nested object, does not end the header.
func (p *parser) splitFrontmatter() *frontmatterBlock {
	s := p.src
	first := strings.TrimRight(string(s.lineText(1)), " \t")
	b := &frontmatterBlock{opener: first, closer: first, startLine: 1, trailing: -1}
	alt := first
	switch {
	case first == "---":
		b.syntax, alt = "yaml", "..."
	case first == "+++":
		b.syntax = "toml"
	case first == ";;;":
		b.syntax = "json"
	case strings.HasPrefix(first, "{") && !strings.HasPrefix(first, "{{"):
		// "{{" opens a template or shortcode, never a JSON object.
		b.syntax, b.opener, b.closer = "json", "{", "}"
		p.braceBlock(b)
		return b
	default:
		return nil
	}
	b.contentStart = len(s.text)
	if s.lineCount() > 1 {
		b.contentStart = s.textStarts[1]
	}
	for line := 2; line <= s.lineCount(); line++ {
		t := strings.TrimRight(string(s.lineText(line)), " \t")
		if t != b.closer && t != alt {
			continue
		}
		b.endLine, b.closed = line, true
		b.content = s.text[b.contentStart:s.textStarts[line-1]]
		b.bodyStart = len(s.text)
		if line < s.lineCount() {
			b.bodyStart = s.textStarts[line]
		}
		return b
	}
	b.endLine, b.content, b.bodyStart = s.lineCount(), s.text[b.contentStart:], len(s.text)
	return b
}

// braceBlock finds where a bare JSON object ends: at the brace that
// closes the first one, outside strings (as hugo reads JSON front
// matter). A string never closed ends with its line, so one missing quote
// is a syntax error inside the header instead of a header that swallows
// the file.
func (p *parser) braceBlock(b *frontmatterBlock) {
	s := p.src
	t := s.text
	depth := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '"':
			for i++; i < len(t) && t[i] != '"' && t[i] != '\n'; i++ {
				if t[i] == '\\' && i+1 < len(t) && t[i+1] != '\n' {
					i++
				}
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth > 0 {
				continue
			}
			b.closed, b.content = true, t[:i+1]
			b.endLine = s.pos(i).Line
			lineEnd := s.lineEnd(b.endLine)
			if len(trimSpaceBytes(t[i+1:lineEnd])) > 0 {
				b.trailing = i + 1
			}
			b.bodyStart = min(lineEnd+1, len(t))
			return
		}
	}
	b.endLine, b.content, b.bodyStart = s.lineCount(), t, len(t)
}

// unterminated is the fatal problem of a header that is never closed.
func (p *parser) unterminated(b *frontmatterBlock) Problem {
	hint := fmt.Sprintf("add a line %q after the last field", b.closer)
	if b.opener == "{" {
		hint = "close the object: each `{` needs its `}`, the last one after the last field"
	}
	return Problem{
		Pos: p.src.lineStart(1), Severity: SeverityError, Code: "frontmatter-unterminated", Fatal: true,
		Message: fmt.Sprintf("frontmatter opened with %q on line 1 is never closed", b.opener),
		Hint:    hint,
	}
}

// parseFrontmatter decodes the header into d.Frontmatter, recording problems.
func (p *parser) parseFrontmatter(b *frontmatterBlock) {
	fm := &p.doc.Frontmatter
	fm.Syntax = b.syntax
	fm.StartLine, fm.EndLine = b.startLine, b.endLine
	fm.Fields = map[string]Position{}
	fm.Spans, fm.KeySpans = map[string]Span{}, map[string]Span{}
	if len(b.content) > MaxFrontmatterBytes {
		p.problem(p.src.lineStart(1), SeverityError, "frontmatter-too-large",
			fmt.Sprintf("frontmatter is %d KiB, over the %d KiB limit", len(b.content)>>10, MaxFrontmatterBytes>>10),
			"keep only the roadmap fields in the header and move prose into the body")
		return
	}
	if b.trailing >= 0 {
		p.problem(p.src.pos(b.trailing), SeverityError, "json-syntax",
			fmt.Sprintf("text after the frontmatter's closing `}` on line %d", b.endLine),
			"start the Markdown on the line after the `}`")
	}
	content := b.content
	if b.syntax != "json" {
		content = stripYAMLComments(content) // TOML comments start with # too
	}
	if len(bytes.TrimSpace(content)) == 0 {
		p.problem(p.src.lineStart(1), SeverityError, "frontmatter-empty",
			"frontmatter is empty", p.emptyHint())
		return
	}
	var root *yaml.Node
	switch b.syntax {
	case "yaml":
		root = p.decodeYAML(b)
	case "toml":
		root = p.decodeTOML(b)
	case "json":
		root = p.decodeJSON(b)
	}
	if root == nil {
		return
	}
	p.walkFrontmatter(root, b)
}

func stripYAMLComments(b []byte) []byte {
	var out []byte
	for _, line := range bytes.Split(b, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] == '#' {
			continue
		}
		out = append(out, line...)
		out = append(out, '\n')
	}
	return out
}

func (p *parser) decodeYAML(b *frontmatterBlock) *yaml.Node {
	// A tab in indentation is the commonest YAML mistake; say so precisely
	// instead of relaying the parser's "cannot start any token".
	for i, line := range bytes.Split(b.content, []byte("\n")) {
		indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		if j := bytes.IndexByte(indent, '\t'); j >= 0 && len(bytes.TrimSpace(line)) > 0 {
			fileLine := b.startLine + 1 + i
			p.problem(p.posLineCol(fileLine, j+1), SeverityError, "yaml-tab",
				"tab character used for indentation in the frontmatter",
				"YAML indents with spaces: replace the tab with spaces")
			return nil
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b.content, &doc); err != nil {
		n, msg := yamlerr.Locate(err)
		line := b.startLine + n
		if line > b.endLine {
			line = b.endLine
		}
		p.problem(p.src.lineStart(line), SeverityError, "yaml-syntax",
			"invalid YAML in frontmatter: "+msg,
			"fix the YAML syntax; quote values that contain ': ', '#' or start with '[', '{', '*' or '&'")
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.problem(p.src.lineStart(1), SeverityError, "frontmatter-empty", "frontmatter is empty", p.emptyHint())
		return nil
	}
	root := doc.Content[0]
	// yaml.Node lines count from the first line after the opening "---".
	rebase(root, b.startLine)
	if v := nesting.YAML(root); v != nil {
		p.problem(p.src.lineStart(v.Line), SeverityError, "frontmatter-"+v.Code, v.Msg, v.Hint)
		return nil
	}
	return root
}

// rebase shifts node lines from header-relative to file lines. Content is
// a tree (aliases point sideways through Alias), so each node is visited once.
func rebase(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		rebase(c, by)
	}
}

func (p *parser) decodeTOML(b *frontmatterBlock) *yaml.Node {
	if v := nesting.TOML(b.content); v != nil {
		p.problem(p.src.lineStart(b.startLine+v.Line), SeverityError, "frontmatter-"+v.Code, v.Msg, v.Hint)
		return nil
	}
	var data map[string]any
	_, err := toml.Decode(string(b.content), &data)
	if err != nil {
		line, col, msg := b.startLine, 1, err.Error()
		var perr toml.ParseError
		if errors.As(err, &perr) {
			line, msg = b.startLine+perr.Position.Line, perr.Message
			if perr.Position.Col > 0 {
				col = perr.Position.Col
			}
		}
		if line > b.endLine {
			line = b.endLine
		}
		p.problem(p.posLineCol(line, col), SeverityError, "toml-syntax",
			"invalid TOML in frontmatter: "+msg, "fix the TOML syntax; strings need double quotes")
		return nil
	}
	lines := tomlKeyLines(b.content)
	return tomlToNode(data, "", lines, b.startLine, b.startLine+1)
}

// tomlKeyLines maps dotted key paths to the line (1-based in content) that
// defines them: TOML's decoder keeps no positions.
func tomlKeyLines(content []byte) map[string]int {
	out := map[string]int{}
	table := ""
	for i, line := range strings.Split(string(content), "\n") {
		if m := tomlTableRe.FindStringSubmatch(line); m != nil {
			table = m[1]
			if _, ok := out[table]; !ok {
				out[table] = i + 1
			}
			continue
		}
		if m := tomlKeyRe.FindStringSubmatch(line); m != nil {
			path := m[1]
			if table != "" {
				path = table + "." + m[1]
			}
			if _, ok := out[path]; !ok {
				out[path] = i + 1
			}
		}
	}
	return out
}

func tomlToNode(v any, path string, lines map[string]int, base, fallback int) *yaml.Node {
	line := fallback
	if l, ok := lines[path]; ok {
		line = base + l
	}
	n := &yaml.Node{Line: line, Column: 1}
	switch x := v.(type) {
	case map[string]any:
		n.Kind, n.Tag = yaml.MappingNode, "!!map"
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return lineOf(lines, join(path, keys[i])) < lineOf(lines, join(path, keys[j]))
		})
		for _, k := range keys {
			child := tomlToNode(x[k], join(path, k), lines, base, line)
			key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k, Line: child.Line, Column: 1}
			n.Content = append(n.Content, key, child)
		}
	case []any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for _, e := range x {
			n.Content = append(n.Content, tomlToNode(e, path, map[string]int{}, base, line))
		}
	case []map[string]any:
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		for _, e := range x {
			n.Content = append(n.Content, tomlToNode(e, path, map[string]int{}, base, line))
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", x
	case int64:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", strconv.FormatInt(x, 10)
	case float64:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(x)
	case time.Time:
		n.Kind, n.Tag = yaml.ScalarNode, "!!timestamp"
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			n.Value = x.Format(civil.Layout)
		} else {
			n.Value = x.Format(time.RFC3339)
		}
	default:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", fmt.Sprint(x)
	}
	return n
}

func lineOf(lines map[string]int, path string) int {
	if l, ok := lines[path]; ok {
		return l
	}
	return 1 << 30
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// The keys format 1 defines, for unknown-key suggestions.
var (
	topKeys     = []string{"roadmap", "title", "owner", "kind", "started", "horizon", "current", "target", "cadence"}
	roleKeys    = []string{"role", "ladder", "level"}
	targetKeys  = []string{"role", "ladder", "level", "industry", "companies", "by"}
	cadenceKeys = []string{"checkin", "review", "rewrite"}
)

func (p *parser) walkFrontmatter(root *yaml.Node, b *frontmatterBlock) {
	fm := &p.doc.Frontmatter
	root = deref(root)
	if root.Kind != yaml.MappingNode {
		p.problem(p.nodePos(root), SeverityError, "wrong-type",
			"frontmatter must be a set of fields", "start with `"+p.kv("roadmap", "1")+"` on its own line")
		return
	}
	fm.Decoded = true
	p.eachField(root, "", topKeys, func(key string, v *yaml.Node) {
		switch key {
		case "roadmap":
			if s, ok := p.scalar(v, key, "a number"); ok {
				n, err := strconv.Atoi(s)
				if err != nil {
					p.fieldProblem(v, key, "wrong-type",
						fmt.Sprintf("roadmap: %q is not a format version", s), "write "+p.kv("roadmap", "1"))
					return
				}
				fm.Roadmap = n
				if n != FormatVersion {
					p.problem(p.nodePos(v), SeverityError, "unsupported-version",
						fmt.Sprintf("roadmap format %d is not supported; this version of the tool reads format %d", n, FormatVersion),
						"write "+p.kv("roadmap", "1")+", or upgrade the roadmap tool")
				}
			}
		case "title":
			fm.Title, _ = p.scalar(v, key, "a string")
		case "owner":
			fm.Owner, _ = p.scalar(v, key, "a string")
		case "kind":
			if s, ok := p.scalar(v, key, "a string"); ok {
				fm.Kind = s
				if IsPlaceholder(s) {
					p.placeholder(v, key, s)
					return
				}
				if l := strings.ToLower(s); l != s && contains(Kinds, l) {
					fm.Kind = l // "kind: Promotion": ids are read in any case
					return
				}
				if !contains(Kinds, s) {
					hint := "use one of " + strings.Join(Kinds, ", ")
					sug, unique := suggest.Nearest(s, Kinds), suggest.Unique(s, Kinds)
					if k, ok := kindWords[strings.ToLower(strings.TrimSpace(s))]; ok {
						sug, unique = k, k // "exploration", "career switch"
					}
					if sug != "" {
						hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
					}
					p.problem(p.nodePos(v), SeverityError, "bad-value", fmt.Sprintf("kind: %q is not a roadmap kind", s), hint)
					p.about(key, unique)
				}
			}
		case "started":
			fm.Started = p.date(v, key)
		case "horizon":
			if s, ok := p.scalar(v, key, "a duration like 2y or 18m"); ok {
				fm.Horizon = s
				if IsPlaceholder(s) {
					p.placeholder(v, key, s)
					return
				}
				n, ok := ParseHorizon(s)
				if !ok {
					p.fieldProblem(v, key, "bad-value",
						fmt.Sprintf("horizon: %q is not a duration", s), "write it as Ny or Nm, e.g. 2y or 18m")
					return
				}
				fm.HorizonMonths = n
			}
		case "current":
			p.role(v, key, roleKeys, &fm.Current, nil)
		case "target":
			p.role(v, key, targetKeys, &fm.Target.Role, &fm.Target)
		case "cadence":
			p.eachField(v, key, cadenceKeys, func(k string, cv *yaml.Node) {
				s, _ := p.scalar(cv, key+"."+k, "a string such as monthly")
				switch k {
				case "checkin":
					fm.Cadence.Checkin = s
				case "review":
					fm.Cadence.Review = s
				case "rewrite":
					fm.Cadence.Rewrite = s
				}
			})
		}
	})
	for _, req := range []string{"roadmap", "title", "kind", "started", "target"} {
		if _, ok := fm.Fields[req]; !ok {
			hint := "add `" + p.kv(req, "…") + "` to the frontmatter"
			switch req {
			case "roadmap":
				hint = "add `" + p.kv("roadmap", "1") + "` as the first field"
			case "started":
				hint = "add the plan's start date, e.g. `" + p.kv("started", "2026-11-02") + "`"
			case "kind":
				hint = "add `" + p.kv("kind", strings.Join(Kinds, "|")) + "`"
			case "target":
				hint = "add a target with role, level, industry and 2-3 companies"
			}
			p.problem(p.src.lineStart(b.startLine), SeverityError, "missing-key",
				fmt.Sprintf("frontmatter has no %q", req), hint)
			if req == "roadmap" {
				p.about(req, strconv.Itoa(FormatVersion))
			} else {
				p.about(req, "")
			}
		}
	}
}

func (p *parser) role(v *yaml.Node, path string, keys []string, r *Role, t *Target) {
	p.eachField(v, path, keys, func(k string, cv *yaml.Node) {
		field := path + "." + k
		switch k {
		case "role":
			r.Role, _ = p.scalar(cv, field, "a job title")
		case "ladder":
			r.Ladder, _ = p.scalar(cv, field, "a ladder id such as software-engineer")
		case "level":
			r.Level, _ = p.scalar(cv, field, "a level id such as senior")
		case "industry":
			t.Industry, _ = p.scalar(cv, field, "a string")
		case "by":
			t.By = p.date(cv, field)
		case "companies":
			t.Companies = p.stringList(cv, field)
		}
	})
}

// eachField walks a mapping, recording positions, unknown keys and
// duplicate keys, and calls fn for the known ones.
func (p *parser) eachField(v *yaml.Node, path string, known []string, fn func(key string, v *yaml.Node)) {
	v = deref(v)
	if v.Kind != yaml.MappingNode {
		if isNull(v) {
			return
		}
		p.fieldProblem(v, path, "wrong-type",
			fmt.Sprintf("%s must be a set of fields (%s), not %s", path, strings.Join(known, ", "), describe(v)),
			p.fieldsHint(path))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		full := join(path, k.Value)
		if sp, ok := p.scalarSpan(k); ok {
			if _, dup := seen[k.Value]; !dup {
				p.doc.Frontmatter.KeySpans[full] = sp
			}
		}
		if first, dup := seen[k.Value]; dup {
			p.problem(p.nodePos(k), SeverityError, "duplicate-key",
				fmt.Sprintf("%q is set twice (first on line %d)", full, first),
				"keep one of the two lines")
			continue
		}
		seen[k.Value] = k.Line
		if !contains(known, k.Value) {
			u := UnknownKey{Path: full, Pos: p.nodePos(k), Suggestion: suggest.Nearest(k.Value, known)}
			p.doc.Frontmatter.Unknown = append(p.doc.Frontmatter.Unknown, u)
			hint := "remove it, or check its spelling; known keys here: " + strings.Join(known, ", ")
			if u.Suggestion != "" {
				hint = fmt.Sprintf("did you mean %q?", u.Suggestion)
			}
			p.problem(u.Pos, SeverityWarning, "unknown-key", fmt.Sprintf("unknown frontmatter key %q", full), hint)
			// Renaming is the fix only when the known key is not set here too.
			if sug := suggest.Unique(k.Value, known); sug != "" && !hasKey(v, sug) {
				p.about(full, sug)
			} else {
				p.about(full, "")
			}
			continue
		}
		if isNull(deref(val)) {
			continue
		}
		p.doc.Frontmatter.Fields[full] = p.nodePos(deref(val))
		if sp, ok := p.scalarSpan(val); ok {
			p.doc.Frontmatter.Spans[full] = sp
		}
		fn(k.Value, val)
	}
}

func (p *parser) scalar(v *yaml.Node, path, want string) (string, bool) {
	v = deref(v)
	if isNull(v) {
		return "", false
	}
	if v.Kind != yaml.ScalarNode {
		p.fieldProblem(v, path, "wrong-type",
			fmt.Sprintf("%s must be %s, not %s", path, want, describe(v)),
			fmt.Sprintf("write it on one line: `%s`", p.kv(lastPart(path), "…")))
		return "", false
	}
	return strings.TrimSpace(v.Value), true
}

func (p *parser) date(v *yaml.Node, path string) civil.Date {
	s, ok := p.scalar(v, path, "a date (YYYY-MM-DD)")
	if !ok {
		return civil.Date{}
	}
	if IsPlaceholder(s) {
		p.placeholder(v, path, s)
		return civil.Date{}
	}
	d, err := civil.Parse(s)
	if errors.Is(err, civil.ErrOutOfRange) {
		p.problem(p.nodePos(v), SeverityError, "bad-date",
			fmt.Sprintf("%s: %q is outside the years %d to %d a roadmap's dates may use", path, s, civil.MinYear, civil.MaxYear),
			"check the year")
		p.about(path, "")
		return civil.Date{}
	}
	if err != nil {
		if fixed, ok := civil.ParseYearFirst(s); ok {
			p.problem(p.nodePos(v), SeverityError, "bad-date",
				fmt.Sprintf("%s: %q is not a date in the form YYYY-MM-DD", path, s),
				fmt.Sprintf("write it as `%s`", p.kv(lastPart(path), fixed.String())))
			p.about(path, fixed.String())
			return civil.Date{}
		}
		p.problem(p.nodePos(v), SeverityError, "bad-date",
			fmt.Sprintf("%s: %q is not a date", path, s),
			fmt.Sprintf("write it as YYYY-MM-DD, e.g. `%s`", p.kv(lastPart(path), "2027-06-30")))
		p.about(path, "")
		return civil.Date{}
	}
	return d
}

func (p *parser) stringList(v *yaml.Node, path string) []string {
	v = deref(v)
	if v.Kind == yaml.ScalarNode && IsPlaceholder(v.Value) {
		p.placeholder(v, path, v.Value)
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		p.problem(p.nodePos(v), SeverityError, "wrong-type",
			fmt.Sprintf("%s must be a list, not %s", path, describe(v)),
			fmt.Sprintf("write `%s`", p.kv(lastPart(path), "[Acme, Globex]")))
		p.about(path, p.oneItemList(v))
		if v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
			// The one value is what the list would hold; the rules that
			// count the list leave the fault to RM001 (FieldProblem).
			return []string{strings.TrimSpace(v.Value)}
		}
		return nil
	}
	if vals, ok := onlyPlaceholders(v); ok {
		// "[TBD, TBD]", or a block list of "- TBD": one list left to fill
		// in, one fault. Nothing is read from it, so the rules that count
		// the list leave it to RM021 (FieldProblem). A warning: an empty
		// list is still a list, and show can print the rest. Its items'
		// positions are kept: where the list is written.
		p.placeholder(v, path, vals)
		last := &p.doc.Problems[len(p.doc.Problems)-1]
		// Said as the list is written, not quoted as one string (which
		// doubled init's brackets and escaped its quotes).
		last.Message = fmt.Sprintf("%s holds only placeholders: %s", path, strings.TrimSuffix(strings.TrimPrefix(vals, "["), "]"))
		last.Severity = SeverityWarning
		for i, e := range v.Content {
			p.doc.Frontmatter.Fields[fmt.Sprintf("%s.%d", path, i)] = p.nodePos(deref(e))
		}
		return nil
	}
	var out []string
	for i, e := range v.Content {
		s, ok := p.scalar(e, fmt.Sprintf("%s item %d", path, i+1), "a name")
		if ok && s != "" {
			item := fmt.Sprintf("%s.%d", path, i)
			p.doc.Frontmatter.Fields[item] = p.nodePos(deref(e))
			if sp, ok := p.scalarSpan(e); ok {
				p.doc.Frontmatter.Spans[item] = sp
			}
			out = append(out, s)
		}
	}
	return out
}

// kindWords are the words people write for a kind that edit distance
// does not find: what "did you mean" and --fix offer.
var kindWords = map[string]string{
	"exploration": KindExplore, "exploring": KindExplore, "explorer": KindExplore,
	"career change": KindCareerChange, "careerchange": KindCareerChange, "career_change": KindCareerChange,
	"career switch": KindCareerChange, "career-switch": KindCareerChange, "switch": KindCareerChange,
	"stall": KindStalled, "stuck": KindStalled, "plateau": KindStalled, "plateaued": KindStalled,
	"promote": KindPromotion, "promoted": KindPromotion,
}

// onlyPlaceholders reports whether a list holds items and every one is a
// placeholder, and returns them as the list is written ("[TBD, TBD]").
func onlyPlaceholders(v *yaml.Node) (string, bool) {
	if len(v.Content) == 0 {
		return "", false
	}
	for _, e := range v.Content {
		if e = deref(e); e.Kind != yaml.ScalarNode || !IsPlaceholder(e.Value) {
			return "", false
		}
	}
	vals := make([]string, 0, len(v.Content))
	for _, e := range v.Content {
		vals = append(vals, strings.TrimSpace(deref(e).Value))
	}
	return "[" + strings.Join(vals, ", ") + "]", true
}

// fieldProblem records an error about the value at path.
func (p *parser) fieldProblem(v *yaml.Node, path, code, msg, hint string) {
	p.doc.Problems = append(p.doc.Problems, Problem{Pos: p.nodePos(v), Severity: SeverityError, Code: code,
		Message: msg, Hint: hint, Path: path})
}

// placeholder records a placeholder where a date, duration or kind belongs,
// or a list of nothing but placeholders.
func (p *parser) placeholder(v *yaml.Node, path, value string) {
	p.doc.Problems = append(p.doc.Problems, Problem{Pos: p.nodePos(v), Severity: SeverityError, Code: CodePlaceholder,
		Message: fmt.Sprintf("%s: %q is a placeholder", path, value), Hint: "fill it in", Path: path, Value: value})
}

// ParseHorizon reads a horizon written "Ny" or "Nm" ("2y", "18m", any
// case, spaces around it ignored) as months. It is the one reader of the
// format's durations; whether the length suits a roadmap is the caller's
// judgement.
func ParseHorizon(s string) (months int, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 2 || len(s) > 4 {
		return 0, false
	}
	unit := s[len(s)-1]
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || s[0] == '+' || (unit != 'y' && unit != 'm') {
		return 0, false
	}
	if unit == 'y' {
		n *= 12
	}
	return n, true
}

// deref follows an alias one step. Aliases are never expanded recursively,
// which is what makes an alias bomb harmless here.
func deref(v *yaml.Node) *yaml.Node {
	if v != nil && v.Kind == yaml.AliasNode && v.Alias != nil {
		return v.Alias
	}
	return v
}

func isNull(v *yaml.Node) bool {
	return v == nil || v.Kind == 0 || (v.Kind == yaml.ScalarNode && v.Tag == "!!null")
}

func describe(v *yaml.Node) string {
	switch v.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("the single value %q", v.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "empty"
}

func lastPart(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (p *parser) nodePos(v *yaml.Node) Position {
	if v == nil || v.Line <= 0 {
		return p.src.lineStart(p.doc.Frontmatter.StartLine)
	}
	return p.posLineCol(v.Line, v.Column)
}

// about records what the last problem is about: the key path, and the one
// correct value to write there ("" when there is no single one).
func (p *parser) about(path, suggestion string) {
	if n := len(p.doc.Problems); n > 0 {
		p.doc.Problems[n-1].Path = path
		p.doc.Problems[n-1].Suggestion = suggestion
	}
}

func hasKey(mapping *yaml.Node, key string) bool {
	for i := 0; i+1 < len(mapping.Content); i += 2 {
		if mapping.Content[i].Value == key {
			return true
		}
	}
	return false
}

// oneItemList is the flow list holding a single scalar as written
// ("Stripe" becomes "[Stripe]", a quoted "Acme, Inc." keeps its quotes),
// or "" when there is no one reading: a plain value with a comma may be
// one name or several, and characters that mean something inside a flow
// list would change it.
func (p *parser) oneItemList(v *yaml.Node) string {
	sp, ok := p.scalarSpan(v)
	if !ok {
		return ""
	}
	written := string(p.doc.Raw[sp.Start.Offset:sp.End.Offset])
	if sp.Quote == 0 && (strings.ContainsAny(written, ",[]{}#&*!|>%@`") || strings.Contains(written, ": ")) {
		return ""
	}
	return "[" + written + "]"
}

// scalarSpan is the extent of a YAML scalar written on one line: a plain
// value exactly as yaml read it, or a quoted one up to its closing quote.
// JSON values have one too (a JSON string is a YAML double-quoted one).
// Block scalars, tagged or multi-line values, and TOML (whose decoder
// keeps no columns) have none.
func (p *parser) scalarSpan(v *yaml.Node) (Span, bool) {
	if syntax := p.doc.Frontmatter.Syntax; syntax != "yaml" && syntax != "json" || v == nil || v.Kind != yaml.ScalarNode || v.Line < 1 || v.Column < 1 || v.Line > p.src.lineCount() {
		return Span{}, false
	}
	line := p.src.lineText(v.Line)
	i, col := p.lineOffset(v.Line, v.Column)
	rest := line[i:]
	var n int
	var quote byte
	switch v.Style {
	case 0:
		if v.Value == "" || strings.ContainsRune(v.Value, '\n') || !bytes.HasPrefix(rest, []byte(v.Value)) {
			return Span{}, false
		}
		n = len(v.Value)
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		quote = '"'
		if v.Style == yaml.SingleQuotedStyle {
			quote = '\''
		}
		n = closingQuote(rest, quote)
		if n < 0 {
			return Span{}, false
		}
	default:
		return Span{}, false
	}
	raw := p.src.rawStarts[v.Line-1] + i
	return Span{
		Start: Position{Line: v.Line, Column: col, Offset: raw},
		End:   Position{Line: v.Line, Column: col + utf8.RuneCount(rest[:n]), Offset: raw + n},
		Quote: quote,
	}, true
}

// closingQuote returns the length of the quoted scalar at the start of s,
// quotes included, or -1 when it does not close on this line.
func closingQuote(s []byte, quote byte) int {
	if len(s) == 0 || s[0] != quote {
		return -1
	}
	for j := 1; j < len(s); j++ {
		switch {
		case quote == '"' && s[j] == '\\':
			j++
		case s[j] == quote && quote == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == quote:
			return j + 1
		}
	}
	return -1
}

// kv writes a field as the header's syntax spells it, for hints: value is
// given as YAML writes it (a number, a date, a flow list, a word) and
// quoted where TOML or JSON need it.
func (p *parser) kv(key, value string) string {
	syntax := p.doc.Frontmatter.Syntax
	if syntax != "toml" && syntax != "json" {
		return key + ": " + value
	}
	quote := func(v string) string {
		if _, err := strconv.Atoi(v); err == nil {
			return v
		}
		if _, err := civil.Parse(v); err == nil && syntax == "toml" {
			return v // a TOML date is not a string
		}
		return strconv.Quote(v)
	}
	if strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]") {
		items := strings.Split(value[1:len(value)-1], ", ")
		for i, it := range items {
			items[i] = quote(it)
		}
		value = "[" + strings.Join(items, ", ") + "]"
	} else {
		value = quote(value)
	}
	if syntax == "toml" {
		return key + " = " + value
	}
	return strconv.Quote(key) + ": " + value
}

func (p *parser) emptyHint() string {
	return fmt.Sprintf("add %s, title, kind, started and target; `roadmap init` writes a complete header",
		p.kv("roadmap", "1"))
}

// fieldsHint says how to write path as a set of fields in the header's syntax.
func (p *parser) fieldsHint(path string) string {
	switch p.doc.Frontmatter.Syntax {
	case "toml":
		return fmt.Sprintf("put its fields under a `[%s]` table", path)
	case "json":
		return fmt.Sprintf("write it as an object: `%q: {…}`", lastPart(path))
	}
	return fmt.Sprintf("indent its fields under `%s:` on the lines below", lastPart(path))
}
