package scaffold

import (
	"bytes"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// FormatVersion is the roadmap file format the templates write.
const FormatVersion = 1

type frontmatterValues struct {
	title, owner, kind string
	started            civil.Date
	horizon            string
	current, target    Role
	industry           string
	companies          []string
	by                 civil.Date
}

// frontmatter marshals the values as an ordered YAML mapping, so every
// string is quoted and escaped exactly as YAML needs, whatever it holds.
func frontmatter(v frontmatterValues) (string, error) {
	role := func(r Role, extra ...*yaml.Node) *yaml.Node {
		m := mapping(
			"role", str(r.Role),
			"ladder", str(r.Ladder),
		)
		if !r.NoLevel {
			m.Content = append(m.Content, key("level"), str(r.Level))
		}
		m.Content = append(m.Content, extra...)
		return m
	}
	companies := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, c := range v.companies {
		companies.Content = append(companies.Content, str(c))
	}
	kind := str(v.kind)
	kind.LineComment = "# promotion | career-change | stalled | explore"
	horizon := str(v.horizon)
	horizon.LineComment = "# 12m..36m, written as Ny or Nm"
	cadence := mapping(
		"checkin", str("monthly"),
		"review", str("quarterly"),
		"rewrite", str("yearly"),
	)
	cadence.Content[1].LineComment = "# am I on track?"
	cadence.Content[3].LineComment = "# do the assumptions still hold?"
	cadence.Content[5].LineComment = "# rewrite the whole plan"

	doc := mapping(
		"roadmap", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(FormatVersion)},
		"title", str(v.title),
		"owner", str(v.owner),
		"kind", kind,
		"started", date(v.started),
		"horizon", horizon,
		"current", role(v.current),
		"target", role(v.target,
			key("industry"), str(v.industry),
			key("companies"), companies,
			key("by"), date(v.by)),
		"cadence", cadence,
	)

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}}); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func key(k string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k} }

// str is a string scalar: the encoder quotes it when plain style would read
// back as something else (a list, a comment, a number, a date ...).
// Placeholders are always double-quoted, as the file format shows them.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if len(s) >= len(PlaceholderPrefix) && s[:len(PlaceholderPrefix)] == PlaceholderPrefix {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// date is a plain YYYY-MM-DD, as the file format writes dates.
func date(d civil.Date) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}
}

func mapping(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i < len(kv); i += 2 {
		m.Content = append(m.Content, key(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return m
}
