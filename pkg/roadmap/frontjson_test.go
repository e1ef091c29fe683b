package roadmap

import (
	"bytes"
	"strings"
	"testing"
)

// goodJSON is good's header written as JSON, in both forms JSON front
// matter takes: between `;;;` lines, and as a bare object.
const goodJSONObject = `{
  "roadmap": 1,
  "title": "Path to Staff Engineer",
  "owner": "Ana Souza",
  "kind": "promotion",
  "started": "2026-11-02",
  "horizon": "2y",
  "current": {"role": "Senior Software Engineer", "ladder": "software-engineer", "level": "senior"},
  "target": {
    "role": "Staff Software Engineer",
    "ladder": "software-engineer",
    "level": "staff",
    "industry": "B2B SaaS",
    "companies": ["Datadog", "Atlassian", "Stripe"],
    "by": "2028-06-30"
  },
  "cadence": {"checkin": "monthly", "review": "quarterly", "rewrite": "yearly"}
}
`

func goodBody() string { return good[strings.Index(good, "\n# Path"):] }

func TestParseJSON(t *testing.T) {
	yamlDoc := Parse("r.md", []byte(good))
	for name, src := range map[string]string{
		"bare object":   goodJSONObject + goodBody(),
		"semicolons":    ";;;\n" + goodJSONObject + ";;;\n" + goodBody(),
		"crlf with bom": "\ufeff" + strings.ReplaceAll(goodJSONObject+goodBody(), "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			d := Parse("r.md", []byte(src))
			if err := d.Err(); err != nil {
				t.Fatal(err)
			}
			if len(d.Problems) != 0 {
				t.Fatalf("problems: %v", d.Problems)
			}
			fm := d.Frontmatter
			if fm.Syntax != "json" || !fm.Decoded {
				t.Fatalf("syntax %q, decoded %v", fm.Syntax, fm.Decoded)
			}
			want := yamlDoc.Frontmatter
			if fm.Title != want.Title || fm.Owner != want.Owner || fm.Kind != want.Kind || fm.Started != want.Started ||
				fm.HorizonMonths != want.HorizonMonths || fm.Current != want.Current || fm.Cadence != want.Cadence ||
				fm.Target.Role != want.Target.Role || fm.Target.By != want.Target.By ||
				strings.Join(fm.Target.Companies, ",") != strings.Join(want.Target.Companies, ",") {
				t.Errorf("JSON header read as\n%+v\nwant the YAML one's\n%+v", fm, want)
			}
			if len(d.Actions) != 3 || len(d.Gap) != 4 || len(d.Reviews) != 1 {
				t.Errorf("body: %d actions, %d gap items, %d reviews", len(d.Actions), len(d.Gap), len(d.Reviews))
			}
			// Every field's position is its value's first byte in the file.
			raw := []byte(src)
			for path, pos := range fm.Fields {
				if c := raw[pos.Offset]; c != '"' && c != '{' && c != '[' && (c < '0' || c > '9') {
					t.Errorf("%s at %d:%d points at %q", path, pos.Line, pos.Column, c)
				}
			}
			sp, ok := fm.Spans["target.level"]
			if !ok || string(raw[sp.Start.Offset:sp.End.Offset]) != `"staff"` || sp.Quote != '"' {
				t.Errorf("target.level span = %+v (%v)", sp, ok)
			}
			byLine := strings.Count(src[:strings.Index(src, `"by"`)], "\n") + 1
			if p := fm.Fields["target.by"]; p.Line != byLine || p.Column != 11 {
				t.Errorf("target.by at %d:%d, want %d:11", p.Line, p.Column, byLine)
			}
		})
	}
}

func TestJSONBadInputs(t *testing.T) {
	deep := `{"roadmap": 1, "x": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}\n"
	tests := []struct {
		name  string
		src   string
		code  string
		line  int
		col   int
		fatal bool
	}{
		{"trailing comma", "{\n  \"roadmap\": 1,\n  \"title\": \"T\",\n}\n# T\n", "json-syntax", 4, 1, false},
		{"missing comma", ";;;\n{\n  \"roadmap\": 1\n  \"title\": \"T\"\n}\n;;;\n", "json-syntax", 4, 3, false},
		{"bare key", "{\n  roadmap: 1\n}\n", "json-syntax", 2, 3, false},
		{"unclosed string", "{\n  \"roadmap\": 1,\n  \"title\": \"T,\n  \"kind\": \"promotion\"\n}\n# T\n", "json-syntax", 3, 0, false},
		{"semicolons not an object", ";;;\n[1, 2]\n;;;\n", "wrong-type", 2, 1, false},
		{"semicolons, two values", ";;;\n{\"roadmap\": 1}\n{\"title\": \"T\"}\n;;;\n", "json-syntax", 3, 1, false},
		{"end of input", ";;;\n{\"roadmap\": 1,\n;;;\n", "json-syntax", 2, 0, false},
		{"text after the brace", "{\"roadmap\": 1} # Title\n", "json-syntax", 1, 15, false},
		{"empty semicolons", ";;;\n\n;;;\n# T\n", "frontmatter-empty", 1, 1, false},
		{"empty object", "{}\n# T\n", "missing-key", 1, 1, false},
		{"unterminated object", "{\n  \"roadmap\": 1,\n  \"target\": {\"role\": \"x\"\n\n# T\n", "frontmatter-unterminated", 1, 1, true},
		{"unterminated semicolons", ";;;\n{\"roadmap\": 1}\n", "frontmatter-unterminated", 1, 1, true},
		{"too deep", deep, "frontmatter-too-deep", 1, 1, false},
		{"too large", "{\"roadmap\": 1, \"x\": \"" + strings.Repeat("a", MaxFrontmatterBytes) + "\"}\n", "frontmatter-too-large", 1, 1, false},
		{"duplicate key", "{\"roadmap\": 1,\n\"roadmap\": 1}\n", "duplicate-key", 2, 1, false},
		{"bad date", "{\"roadmap\": 1, \"title\": \"T\", \"kind\": \"promotion\",\n \"started\": \"2026-13-01\", \"target\": {\"role\": \"x\"}}\n", "bad-date", 2, 13, false},
		{"number where a title goes", "{\"roadmap\": 1, \"title\": [1]}\n", "wrong-type", 1, 25, false},
		{"template braces are not JSON", "{{< hugo >}}\n# T\n", "no-frontmatter", 1, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("bad.md", []byte(tt.src))
			p := assertProblem(t, d, tt.code, tt.line)
			if tt.col > 0 && p.Pos.Column != tt.col {
				t.Errorf("%s at column %d, want %d: %s", tt.code, p.Pos.Column, tt.col, p.Format(d.Path))
			}
			if p.Fatal != tt.fatal {
				t.Errorf("fatal = %v, want %v", p.Fatal, tt.fatal)
			}
			if p.Hint == "" {
				t.Errorf("%s has no hint on how to fix it", p.Code)
			}
		})
	}
}

// Hints write fields as the header's own syntax does.
func TestHintsSpeakTheHeadersSyntax(t *testing.T) {
	for src, want := range map[string]string{
		"---\ntitle: T\n---\n":             "add `roadmap: 1` as the first field",
		"+++\ntitle = \"T\"\n+++\n":        "add `roadmap = 1` as the first field",
		"{\"title\": \"T\"}\n":             "add `\"roadmap\": 1` as the first field",
		";;;\n{\"title\": \"T\"}\n;;;\n":   "add `\"roadmap\": 1` as the first field",
		"{\"roadmap\": 1, \"kind\": 3}\n":  "add the plan's start date, e.g. `\"started\": \"2026-11-02\"`",
		"+++\nroadmap = 1\n+++\n":          "add the plan's start date, e.g. `started = 2026-11-02`",
		"{\"target\": {\"companies\": 1}}": "write `\"companies\": [\"Acme\", \"Globex\"]`",
		"{\"target\": \"Staff\"}":          "write it as an object: `\"target\": {…}`",
	} {
		d := Parse("r.md", []byte(src))
		found := false
		for _, p := range d.Problems {
			found = found || p.Hint == want
		}
		if !found {
			t.Errorf("%q: no hint %q in %v", src, want, d.Problems)
		}
	}
}

// Where the header ends: delimiters are whole lines in the first column,
// and a bare JSON object ends at its own closing brace. These are the
// cases a line-by-line splitter that trims indentation gets wrong.
func TestFrontmatterEnds(t *testing.T) {
	const head = "roadmap: 1\ntitle: T\nkind: promotion\nstarted: 2026-11-02\n"
	tests := []struct {
		name    string
		src     string
		endLine int
		role    string
	}{
		{"yaml closed by dots", "---\n" + head + "target:\n  role: Staff\n...\n# T\n---\n", 8, "Staff"},
		{"indented dashes in a block scalar", "---\n" + head + "owner: |\n  ---\n  Ana\ntarget:\n  role: Staff\n---\n# T\n", 11, "Staff"},
		{"nested brace alone before a blank line", "{\n  \"target\": {\n    \"role\": \"Staff\"\n  }\n\n}\n# T\n", 6, "Staff"},
		{"one-line object", `{"target": {"role": "Staff"}}` + "\n# T\n", 1, "Staff"},
		{"brace inside a string", `{"title": "a } b", "target": {"role": "Staff"}}` + "\n", 1, "Staff"},
		{"escaped quote inside a string", `{"title": "a \" } b", "target": {"role": "Staff"}}` + "\n", 1, "Staff"},
		{"no newline at the end", `{"target": {"role": "Staff"}}`, 1, "Staff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("r.md", []byte(tt.src))
			if d.Frontmatter.EndLine != tt.endLine || d.Frontmatter.Target.Role.Role != tt.role {
				t.Errorf("header ends on line %d with target.role %q, want line %d and %q (problems %v)",
					d.Frontmatter.EndLine, d.Frontmatter.Target.Role.Role, tt.endLine, tt.role, d.Problems)
			}
		})
	}
	d := Parse("r.md", []byte("{\"target\": {\"role\": \"Staff\"}}\n# Title\n\n## Gap\n"))
	if d.Title != "Title" || len(d.Sections) != 1 {
		t.Errorf("body after a one-line object: title %q, %d sections", d.Title, len(d.Sections))
	}
}

func TestHasRoadmapKeyJSON(t *testing.T) {
	for src, want := range map[string]bool{
		"{\n  \"roadmap\": 1\n}\n":                   true,
		"{\"title\": \"x\", \"roadmap\": 1}\n":       true,
		";;;\n{\"roadmap\": 1}\n;;;\n":               true,
		"\ufeff{\r\n  \"roadmap\": 1\r\n}\r\n":       true,
		"{\n  \"roadmap\": 1,\n  \"title\": \"x\"\n": true, // never closed: a broken roadmap
		"{\"roadmap\": 1,, \"x\": 2}\n":              true, // broken after the key
		"{\"target\": {\"roadmap\": 1}}\n":           false,
		"{\"title\": \"roadmap\"}\n":                 false,
		"{\"title\": \"x\"}\n\"roadmap\": 1\n":       false,
		"[{\"roadmap\": 1}]\n":                       false,
		"{{ roadmap }}\n":                            false,
	} {
		if got := HasRoadmapKey([]byte(src)); got != want {
			t.Errorf("HasRoadmapKey(%q) = %v, want %v", src, got, want)
		}
	}
}

// A JSON roadmap's positions point at the same bytes whatever the line
// endings: edits splice there.
func TestJSONPositionsWithCRLF(t *testing.T) {
	raw := []byte("\ufeff" + strings.ReplaceAll(goodJSONObject+goodBody(), "\n", "\r\n"))
	d := Parse("r.md", raw)
	sp := d.Frontmatter.Spans["started"]
	if !bytes.Equal(raw[sp.Start.Offset:sp.End.Offset], []byte(`"2026-11-02"`)) {
		t.Errorf("started span covers %q", raw[sp.Start.Offset:sp.End.Offset])
	}
	if a := d.Actions[0]; raw[a.Pos.Offset] != '-' {
		t.Errorf("action offset points at %q", raw[a.Pos.Offset])
	}
}
