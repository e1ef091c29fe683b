package ladder

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadmapcli/roadmap/pkg/yamlerr"
)

var (
	currencyRe = regexp.MustCompile(`^[A-Z]{3}$`)
)

// Parse decodes one ladder file (one track). Errors are *FileError values
// naming the file, line and column. References in next/moves are checked
// later, when every track is known.
func Parse(file string, data []byte) (*Track, error) {
	p := &parser{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlerr.Locate(err)
		return nil, &FileError{File: file, Line: line, Msg: "invalid YAML: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &FileError{File: file, Line: 1, Col: 1, Msg: "empty ladder file (write a track: see docs/ladders.md)"}
	}
	return p.track(doc.Content[0])
}

type parser struct {
	file string
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) error {
	return &FileError{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

type field struct {
	key   *yaml.Node
	value *yaml.Node
}

// fields reads a mapping, rejecting duplicate and unknown keys.
func (p *parser) fields(n *yaml.Node, what string, known []string) (map[string]field, error) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return nil, p.errf(n, "%s must be a mapping of keys to values", what)
	}
	out := map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], deref(n.Content[i+1])
		name := k.Value
		if !contains(known, name) {
			hint := "known keys: " + strings.Join(known, ", ")
			if s := Nearest(name, known); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			return nil, p.errf(k, "unknown key %q in %s (%s)", name, what, hint)
		}
		if prev, dup := out[name]; dup {
			return nil, p.errf(k, "duplicate key %q in %s (first at line %d)", name, what, prev.key.Line)
		}
		out[name] = field{k, v}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (p *parser) str(f field, name string) (string, error) {
	n := f.value
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return "", p.errf(n, "%s must be text", name)
	}
	return strings.TrimSpace(n.Value), nil
}

func (p *parser) strList(f field, name string) ([]string, error) {
	n := f.value
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errf(n, "%s must be a list (one item per line, each starting with \"- \")", name)
	}
	var out []string
	for _, c := range n.Content {
		c = deref(c)
		if c.Kind != yaml.ScalarNode || isNull(c) {
			return nil, p.errf(c, "each item of %s must be text", name)
		}
		s := strings.TrimSpace(c.Value)
		if s == "" {
			return nil, p.errf(c, "empty item in %s", name)
		}
		out = append(out, s)
	}
	return out, nil
}

func (p *parser) integer(f field, name string) (int, error) {
	n := f.value
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		return 0, p.errf(n, "%s must be a whole number, e.g. 120000 (no currency sign or commas)", name)
	}
	v, err := strconv.Atoi(strings.ReplaceAll(n.Value, "_", ""))
	if err != nil {
		return 0, p.errf(n, "%s must be a whole number", name)
	}
	return v, nil
}

var trackKeys = []string{"track", "title", "kind", "description", "levels"}

func (p *parser) track(root *yaml.Node) (*Track, error) {
	fs, err := p.fields(root, "the track", trackKeys)
	if err != nil {
		return nil, err
	}
	t := &Track{File: p.file, Line: deref(root).Line, Kind: KindIC}
	for _, req := range []string{"track", "title", "levels"} {
		if _, ok := fs[req]; !ok {
			return nil, p.errf(deref(root), "missing required key %q in the track", req)
		}
	}
	if t.ID, err = p.str(fs["track"], "track"); err != nil {
		return nil, err
	}
	if !idRe.MatchString(t.ID) {
		return nil, p.errf(fs["track"].value, "track id %q must be lowercase letters, digits and dashes, e.g. software-engineer", t.ID)
	}
	if t.Title, err = p.str(fs["title"], "title"); err != nil {
		return nil, err
	}
	if f, ok := fs["kind"]; ok {
		if t.Kind, err = p.kind(f); err != nil {
			return nil, err
		}
	}
	if f, ok := fs["description"]; ok {
		if t.Description, err = p.str(f, "description"); err != nil {
			return nil, err
		}
	}
	lv := fs["levels"].value
	if lv.Kind != yaml.SequenceNode || len(lv.Content) == 0 {
		return nil, p.errf(lv, "levels must be a non-empty list, from entry to the top")
	}
	ids := map[string]int{}
	aliases := map[string]string{}
	for _, n := range lv.Content {
		l, err := p.level(n, t)
		if err != nil {
			return nil, err
		}
		if line, dup := ids[l.ID]; dup {
			return nil, p.errf(deref(n), "duplicate level id %q (first at line %d)", l.ID, line)
		}
		ids[l.ID] = l.line
		for _, a := range append([]string{l.ID}, l.Aliases...) {
			k := strings.ToLower(a)
			if other, dup := aliases[k]; dup && other != l.ID {
				return nil, p.errf(deref(n), "alias %q of level %q is already used by level %q", a, l.ID, other)
			}
			aliases[k] = l.ID
		}
		t.Levels = append(t.Levels, l)
	}
	return t, nil
}

var levelKeys = []string{"id", "title", "kind", "aliases", "years", "scope", "skills", "mentorship",
	"visibility", "milestones", "salary", "next", "moves"}

func (p *parser) level(n *yaml.Node, t *Track) (*Level, error) {
	n = deref(n)
	fs, err := p.fields(n, "a level", levelKeys)
	if err != nil {
		return nil, err
	}
	l := &Level{Track: t, Kind: t.Kind, line: n.Line}
	for _, req := range []string{"id", "title"} {
		if _, ok := fs[req]; !ok {
			return nil, p.errf(n, "missing required key %q in the level", req)
		}
	}
	if l.ID, err = p.str(fs["id"], "id"); err != nil {
		return nil, err
	}
	if !idRe.MatchString(l.ID) {
		return nil, p.errf(fs["id"].value, "level id %q must be lowercase letters, digits and dashes, e.g. senior", l.ID)
	}
	if l.Title, err = p.str(fs["title"], "title"); err != nil {
		return nil, err
	}
	if f, ok := fs["kind"]; ok {
		if l.Kind, err = p.kind(f); err != nil {
			return nil, err
		}
	}
	strs := []struct {
		key string
		dst *string
	}{{"years", &l.Years}, {"scope", &l.Scope}, {"mentorship", &l.Mentorship}, {"visibility", &l.Visibility}}
	for _, s := range strs {
		if f, ok := fs[s.key]; ok {
			if *s.dst, err = p.str(f, s.key); err != nil {
				return nil, err
			}
		}
	}
	lists := []struct {
		key string
		dst *[]string
	}{{"aliases", &l.Aliases}, {"skills", &l.Skills}, {"milestones", &l.Milestones}}
	for _, s := range lists {
		if f, ok := fs[s.key]; ok {
			if *s.dst, err = p.strList(f, s.key); err != nil {
				return nil, err
			}
		}
	}
	if f, ok := fs["next"]; ok {
		if isNull(f.value) {
			// no next levels
		} else if f.value.Kind != yaml.SequenceNode {
			return nil, p.errf(f.value, "next must be a list of level ids (or TRACK/LEVEL)")
		} else {
			for _, c := range f.value.Content {
				c = deref(c)
				if c.Kind != yaml.ScalarNode || isNull(c) || strings.TrimSpace(c.Value) == "" {
					return nil, p.errf(c, "each item of next must be a level id or TRACK/LEVEL")
				}
				l.nextRefs = append(l.nextRefs, pos{raw: c.Value, file: p.file, line: c.Line, col: c.Column})
			}
		}
	}
	if f, ok := fs["salary"]; ok && !isNull(f.value) {
		if l.Salary, err = p.salary(f.value); err != nil {
			return nil, err
		}
	}
	if f, ok := fs["moves"]; ok && !isNull(f.value) {
		if f.value.Kind != yaml.SequenceNode {
			return nil, p.errf(f.value, "moves must be a list")
		}
		for _, c := range f.value.Content {
			m, err := p.move(c)
			if err != nil {
				return nil, err
			}
			l.Moves = append(l.Moves, m)
		}
	}
	return l, nil
}

// kind reads a track's or a level's kind.
func (p *parser) kind(f field) (string, error) {
	k, err := p.str(f, "kind")
	if err != nil {
		return "", err
	}
	if k != KindIC && k != KindManagement {
		return "", p.errf(f.value, "kind must be %q (individual contributor) or %q, not %q", KindIC, KindManagement, k)
	}
	return k, nil
}

var salaryKeys = []string{"currency", "region", "basis", "occupation", "low", "high", "band", "topcoded",
	"source", "year", "note"}

func (p *parser) salary(n *yaml.Node) (*Salary, error) {
	fs, err := p.fields(n, "salary", salaryKeys)
	if err != nil {
		return nil, err
	}
	for _, req := range []string{"currency", "region", "basis", "low", "source", "year"} {
		if _, ok := fs[req]; !ok {
			hint := ""
			if req == "source" || req == "year" {
				hint = ": no figure without a named public source and the year it refers to"
			}
			return nil, p.errf(n, "missing required key %q in salary%s", req, hint)
		}
	}
	s := &Salary{}
	for _, x := range []struct {
		key string
		dst *string
	}{{"currency", &s.Currency}, {"region", &s.Region}, {"basis", &s.Basis}, {"occupation", &s.Occupation},
		{"band", &s.Band}, {"source", &s.Source}, {"note", &s.Note}} {
		if f, ok := fs[x.key]; ok {
			if *x.dst, err = p.str(f, x.key); err != nil {
				return nil, err
			}
		}
	}
	if !currencyRe.MatchString(s.Currency) {
		return nil, p.errf(fs["currency"].value, "currency must be a three-letter ISO code such as USD")
	}
	if s.Basis != "base" && s.Basis != "total" {
		return nil, p.errf(fs["basis"].value, "basis must be \"base\" (salary only) or \"total\" (with bonus and equity)")
	}
	if s.Source == "" {
		return nil, p.errf(fs["source"].value, "source must name the public survey the figures come from")
	}
	if s.Low, err = p.integer(fs["low"], "low"); err != nil {
		return nil, err
	}
	if s.Low <= 0 {
		return nil, p.errf(fs["low"].value, "low must be a positive amount")
	}
	if f, ok := fs["high"]; ok && !isNull(f.value) {
		h, err := p.integer(f, "high")
		if err != nil {
			return nil, err
		}
		if h < s.Low {
			return nil, p.errf(f.value, "high (%d) is below low (%d)", h, s.Low)
		}
		s.High = &h
	}
	if f, ok := fs["topcoded"]; ok {
		if f.value.Kind != yaml.ScalarNode || f.value.Tag != "!!bool" {
			return nil, p.errf(f.value, "topcoded must be true or false")
		}
		if err := f.value.Decode(&s.Topcoded); err != nil {
			return nil, p.errf(f.value, "topcoded must be true or false")
		}
	}
	if s.Year, err = p.integer(fs["year"], "year"); err != nil {
		return nil, err
	}
	if s.Year < 1900 || s.Year > 2200 {
		return nil, p.errf(fs["year"].value, "year must be the four-digit year the figures refer to")
	}
	return s, nil
}

var moveKeys = []string{"category", "title", "to", "requires", "tradeoffs"}

func (p *parser) move(n *yaml.Node) (Move, error) {
	n = deref(n)
	fs, err := p.fields(n, "a move", moveKeys)
	if err != nil {
		return Move{}, err
	}
	for _, req := range []string{"category", "title", "requires", "tradeoffs"} {
		if _, ok := fs[req]; !ok {
			return Move{}, p.errf(n, "missing required key %q in the move", req)
		}
	}
	m := Move{Written: true, catPos: pos{file: p.file, line: fs["category"].value.Line, col: fs["category"].value.Column}}
	if m.Category, err = p.str(fs["category"], "category"); err != nil {
		return m, err
	}
	if !contains(Categories, m.Category) {
		return m, p.errf(fs["category"].value, "category must be one of %s, not %q", strings.Join(Categories, ", "), m.Category)
	}
	if m.Title, err = p.str(fs["title"], "title"); err != nil {
		return m, err
	}
	if m.Requires, err = p.str(fs["requires"], "requires"); err != nil {
		return m, err
	}
	if m.Tradeoffs, err = p.str(fs["tradeoffs"], "tradeoffs"); err != nil {
		return m, err
	}
	if f, ok := fs["to"]; ok && !isNull(f.value) {
		raw, err := p.str(f, "to")
		if err != nil {
			return m, err
		}
		m.toPos = pos{raw: raw, file: p.file, line: f.value.Line, col: f.value.Column}
	}
	return m, nil
}
