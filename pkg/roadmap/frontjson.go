package roadmap

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmapcli/roadmap/pkg/nesting"
)

// decodeJSON reads JSON frontmatter into the node tree the YAML and TOML
// headers give, so one walk reads all three. encoding/json checks the
// syntax (JSON's, not YAML's: a trailing comma or a bare key is an error
// here even though YAML's flow style would take it); the tree is then
// built from the decoder's tokens, each node at the line and column where
// its token starts.
func (p *parser) decodeJSON(b *frontmatterBlock) *yaml.Node {
	var raw json.RawMessage
	if err := json.Unmarshal(b.content, &raw); err != nil {
		off, msg := 0, err.Error()
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// Offset counts the byte that was wrong; point at it.
			off = max(int(se.Offset)-1, 0)
		}
		// An error at the end of the input ("unexpected end") is at the
		// last character written.
		if end := len(bytes.TrimRight(b.content, " \t\r\n")); off >= end {
			off = max(end-1, 0)
		}
		p.problem(p.src.pos(b.contentStart+off), SeverityError, "json-syntax",
			"invalid JSON in frontmatter: "+msg,
			"fix the JSON syntax: keys and strings in double quotes, a comma between fields and none after the last")
		return nil
	}
	r := &jsonReader{p: p, src: b.content, base: b.contentStart, dec: json.NewDecoder(bytes.NewReader(b.content))}
	r.dec.UseNumber()
	root, err := r.node()
	if err != nil {
		// The syntax was checked above; a failure here is the decoder's
		// and is reported rather than hidden.
		p.problem(p.src.pos(b.contentStart), SeverityError, "json-syntax",
			"invalid JSON in frontmatter: "+err.Error(), "fix the JSON syntax")
		return nil
	}
	if v := nesting.YAML(root); v != nil {
		p.problem(p.src.lineStart(v.Line), SeverityError, "frontmatter-"+v.Code, v.Msg, v.Hint)
		return nil
	}
	return root
}

// jsonReader turns a JSON decoder's tokens into yaml nodes with positions.
type jsonReader struct {
	p    *parser
	dec  *json.Decoder
	src  []byte
	base int // offset of src in the normalised text
}

// next reads a token and the offset where it starts: the decoder reports
// where the previous token ended, so the separators between are skipped.
func (r *jsonReader) next() (json.Token, int, error) {
	start := int(r.dec.InputOffset())
	for start < len(r.src) && strings.IndexByte(" \t\r\n:,", r.src[start]) >= 0 {
		start++
	}
	tok, err := r.dec.Token()
	return tok, start, err
}

func (r *jsonReader) node() (*yaml.Node, error) {
	tok, start, err := r.next()
	if err != nil {
		return nil, err
	}
	return r.value(tok, start)
}

func (r *jsonReader) value(tok json.Token, start int) (*yaml.Node, error) {
	pos := r.p.src.pos(r.base + start)
	n := &yaml.Node{Line: pos.Line, Column: pos.Column}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for r.dec.More() {
				key, err := r.node()
				if err != nil {
					return nil, err
				}
				val, err := r.node()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, key, val)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for r.dec.More() {
				e, err := r.node()
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, e)
			}
		default:
			return nil, fmt.Errorf("unexpected %q", t)
		}
		if _, err := r.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", t.String()
		if strings.ContainsAny(n.Value, ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// jsonHasKey reports whether the JSON object src starts with sets key at
// its top level. It reads as far as the object is well formed, so a
// header broken further down still counts.
func jsonHasKey(src []byte, key string) bool {
	dec := json.NewDecoder(bytes.NewReader(src))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return false
		}
		if k == key {
			return true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}
