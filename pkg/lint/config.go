package lint

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/lint/vague"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/suggest"
	"github.com/roadmapcli/roadmap/pkg/yamlerr"
)

// ConfigFile is the name of the configuration file looked for in each
// directory from a roadmap up to the file system root.
const ConfigFile = ".roadmap.yaml"

// Config is a parsed .roadmap.yaml:
//
//	rules:                 # severity per rule (ID or name): error, warning, info, off
//	  RM007: off
//	  hedging: error
//	phrases:               # extra vague phrases, added to the built-in lists
//	  targets: [a bigger role]
//	  actions: [level up]
//	  hedges: [ideally]
//	include: ["plans/**/*.txt"]   # more files to lint when walking a directory
//	ignore: ["archive/**"]        # files and directories never linted
//	                              # when walking (unless named: IgnoredUnder)
//
// Globs are relative to the configuration file's directory; ** matches any
// number of directories.
type Config struct {
	Path    string
	Dir     string
	Rules   map[string]Severity
	Phrases vague.Lists
	Include []string
	Ignore  []string

	matcher *vague.Matcher

	laddersOnce sync.Once
	ladders     *ladder.Set
	laddersErr  error
}

// ConfigError is a bad configuration file, with the line at fault.
type ConfigError struct {
	Path         string
	Line, Column int
	Msg, Hint    string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(safetext.Name(e.Path))
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, max(e.Column, 1))
	}
	b.WriteString(": " + e.Msg)
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

var configKeys = []string{"rules", "phrases", "include", "ignore"}
var phraseKeys = []string{"targets", "actions", "hedges"}

// MaxConfigBytes caps a configuration file: a few hundred bytes is usual.
const MaxConfigBytes = 1 << 20

// LoadConfig reads and checks a configuration file (a regular file of at
// most MaxConfigBytes).
func LoadConfig(file string) (*Config, error) {
	data, err := boundedread.File(file, MaxConfigBytes)
	if err != nil {
		msg := "cannot read the configuration file"
		var be *boundedread.Error
		if errors.As(err, &be) {
			switch be.Kind {
			case boundedread.NotExist:
				msg = "configuration file not found"
			case boundedread.NotRegular, boundedread.TooLarge, boundedread.IsDir:
				msg = "configuration file " + strings.TrimPrefix(be.Msg, "file ")
			}
		}
		return nil, &ConfigError{Path: file, Msg: msg, Hint: "check the path given by --config or ROADMAP_CONFIG"}
	}
	return ParseConfig(file, data)
}

// ParseConfig checks a configuration file's contents.
func ParseConfig(file string, data []byte) (*Config, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	cfg := &Config{Path: file, Dir: filepath.Dir(abs), Rules: map[string]Severity{}}
	bad := func(n *yaml.Node, msg, hint string) error {
		return &ConfigError{Path: file, Line: n.Line, Column: n.Column, Msg: msg, Hint: hint}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlerr.Locate(err)
		return nil, &ConfigError{Path: file, Line: line, Column: 1, Msg: "invalid YAML: " + msg, Hint: "fix the YAML syntax"}
	}
	if len(doc.Content) == 0 {
		return cfg, nil // an empty file is a valid, empty configuration
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, bad(root, "the configuration must be a mapping of keys", "start with `rules:`, `phrases:`, `include:` or `ignore:`")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "rules":
			if err := cfg.readRules(v, bad); err != nil {
				return nil, err
			}
		case "phrases":
			if v.Kind != yaml.MappingNode {
				return nil, bad(v, "phrases must be a mapping", "write `phrases:` then `targets:`, `actions:` or `hedges:` lists")
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				pk, pv := v.Content[j], v.Content[j+1]
				list, err := stringList(pv, "phrases."+pk.Value, bad)
				if err != nil {
					return nil, err
				}
				switch pk.Value {
				case "targets":
					cfg.Phrases.Targets = list
				case "actions":
					cfg.Phrases.Actions = list
				case "hedges":
					cfg.Phrases.Hedges = list
				default:
					return nil, bad(pk, fmt.Sprintf("unknown phrase list %q", pk.Value), didYouMean(pk.Value, phraseKeys))
				}
			}
			m, err := vague.Compile(vague.Builtin().With(cfg.Phrases))
			if err != nil {
				return nil, bad(k, err.Error(), "fix or remove the phrase")
			}
			cfg.matcher = m
		case "include", "ignore":
			list, err := stringList(v, k.Value, bad)
			if err != nil {
				return nil, err
			}
			for j, g := range list {
				if _, err := path.Match(strings.ReplaceAll(g, "**", "x"), ""); err != nil || g == "" {
					return nil, bad(v.Content[j], fmt.Sprintf("%s: %q is not a valid glob", k.Value, g), "use *, ?, [abc] and ** (any directories)")
				}
			}
			if k.Value == "include" {
				cfg.Include = list
			} else {
				cfg.Ignore = list
			}
		default:
			return nil, bad(k, fmt.Sprintf("unknown key %q", k.Value), didYouMean(k.Value, configKeys))
		}
	}
	return cfg, nil
}

func (cfg *Config) readRules(v *yaml.Node, bad func(*yaml.Node, string, string) error) error {
	if v.Kind != yaml.MappingNode {
		return bad(v, "rules must be a mapping of rule to severity", "write e.g. `rules:` then `  RM007: off`")
	}
	for j := 0; j+1 < len(v.Content); j += 2 {
		rk, rv := v.Content[j], v.Content[j+1]
		r := Lookup(rk.Value)
		if r == nil {
			hint := "name rules by ID (RM005) or name (action-concrete); `roadmap lint --list-rules` lists them"
			if sug := suggest.Nearest(rk.Value, ruleNames()); sug != "" {
				hint = fmt.Sprintf("did you mean %s? %s", sug, hint)
			}
			return bad(rk, fmt.Sprintf("unknown rule %q", rk.Value), hint)
		}
		value := rv.Value
		if rv.Kind == yaml.ScalarNode && rv.Tag == "!!bool" && !strings.EqualFold(value, "on") {
			value = "off" // YAML 1.1 readers turn a bare off into false
		}
		sev, err := ParseSeverity(value)
		if err != nil || rv.Kind != yaml.ScalarNode {
			return bad(rv, fmt.Sprintf("rules.%s: %q is not a severity", rk.Value, rv.Value), "use error, warning, info or off")
		}
		cfg.Rules[r.ID] = sev
	}
	return nil
}

func stringList(v *yaml.Node, key string, bad func(*yaml.Node, string, string) error) ([]string, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil, nil
	}
	if v.Kind != yaml.SequenceNode {
		return nil, bad(v, key+" must be a list", fmt.Sprintf("write `%s: [first, second]`", lastKey(key)))
	}
	out := make([]string, 0, len(v.Content))
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			return nil, bad(e, key+" must be a list of strings", "quote each entry")
		}
		out = append(out, e.Value)
	}
	return out, nil
}

func lastKey(key string) string {
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return key[i+1:]
	}
	return key
}

func didYouMean(name string, known []string) string {
	hint := "known keys: " + strings.Join(known, ", ")
	if sug := suggest.Nearest(name, known); sug != "" {
		hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
	}
	return hint
}

// Ignored reports whether a path (absolute or relative to the working
// directory) matches one of the config's ignore globs.
func (cfg *Config) Ignored(file string) bool { return cfg != nil && cfg.matches(cfg.Ignore, file) }

// IgnoredUnder is Ignored for a path met walking root, a directory named
// on the command line: a glob that covers root itself does not apply
// under it, since the user named it, as a file named on the command line
// is linted whatever the globs say. So with `ignore: ["**/testdata/**"]`,
// `roadmap lint .` skips the test data and `roadmap lint pkg/x/testdata`
// lints it.
func (cfg *Config) IgnoredUnder(file, root string) bool {
	if !cfg.Ignored(file) {
		return false
	}
	for _, g := range cfg.Ignore {
		if cfg.matches([]string{g}, file) && !cfg.matches([]string{g}, root) {
			return true
		}
	}
	return false
}

// Included reports whether a path matches one of the include globs.
func (cfg *Config) Included(file string) bool { return cfg != nil && cfg.matches(cfg.Include, file) }

func (cfg *Config) matches(globs []string, file string) bool {
	if len(globs) == 0 {
		return false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(cfg.Dir, abs)
	// The globs name what is inside the configuration's directory, never
	// that directory itself or anything outside it.
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range globs {
		if matchGlob(strings.TrimPrefix(g, "./"), rel) {
			return true
		}
	}
	return false
}

// matchGlob matches a slash path against a glob where ** stands for any
// number of directories and a pattern naming a directory covers what is
// inside it.
func matchGlob(pattern, name string) bool {
	return matchParts(strings.Split(strings.Trim(pattern, "/"), "/"), strings.Split(name, "/"))
}

func matchParts(pat, name []string) bool {
	// Consecutive ** are one: each more used to multiply the work.
	var ps []string
	for _, p := range pat {
		if p == "**" && len(ps) > 0 && ps[len(ps)-1] == "**" {
			continue
		}
		ps = append(ps, p)
	}
	// Each ** tries every place the rest could start; what it finds for a
	// (pattern, name) position is remembered, so a glob with many ** is
	// matched in polynomial time. Without the memo, a hostile
	// .roadmap.yaml's ignore of ten ** against a deep path took minutes.
	memo := make([]int8, (len(ps)+1)*(len(name)+1)) // 0 unknown, 1 no, 2 yes
	var match func(i, j int) bool
	match = func(i, j int) bool {
		for i < len(ps) {
			if ps[i] == "**" {
				k := i*(len(name)+1) + j
				if memo[k] == 0 {
					memo[k] = 1
					for n := j; n <= len(name); n++ {
						if match(i+1, n) {
							memo[k] = 2
							break
						}
					}
				}
				return memo[k] == 2
			}
			if j == len(name) {
				return false
			}
			if ok, _ := path.Match(ps[i], name[j]); !ok {
				return false
			}
			i, j = i+1, j+1
		}
		// The pattern is used up: it named this path or a directory above it.
		return true
	}
	return match(0, 0)
}

// ConfigResolver finds the configuration for each file: an explicit file
// (--config, then ROADMAP_CONFIG) when given, else the nearest .roadmap.yaml
// walking up from the file's directory. Lookups are cached per directory;
// it is safe for concurrent use.
type ConfigResolver struct {
	// Explicit is a configuration file to use for every roadmap.
	Explicit string

	mu       sync.Mutex
	explicit *Config
	byDir    map[string]*Config
	byPath   map[string]*Config
}

// For returns the configuration that applies to files in dir (nil when
// there is none).
func (r *ConfigResolver) For(dir string) (*Config, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.Explicit != "" {
		if r.explicit == nil {
			cfg, err := LoadConfig(r.Explicit)
			if err != nil {
				return nil, err
			}
			r.explicit = cfg
		}
		return r.explicit, nil
	}
	if r.byDir == nil {
		r.byDir, r.byPath = map[string]*Config{}, map[string]*Config{}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return r.find(abs)
}

func (r *ConfigResolver) find(dir string) (*Config, error) {
	if cfg, ok := r.byDir[dir]; ok {
		return cfg, nil
	}
	var cfg *Config
	file := filepath.Join(dir, ConfigFile)
	if st, err := os.Stat(file); err == nil && !st.IsDir() {
		if cached, ok := r.byPath[file]; ok {
			cfg = cached
		} else {
			loaded, err := LoadConfig(displayPath(file))
			if err != nil {
				return nil, err
			}
			cfg, r.byPath[file] = loaded, loaded
		}
	} else if up := filepath.Dir(dir); up != dir {
		var err error
		if cfg, err = r.find(up); err != nil {
			return nil, err
		}
	}
	r.byDir[dir] = cfg
	return cfg, nil
}

// displayPath shows a configuration file found by walking up relative to
// the working directory, like the roadmaps' own paths, where it can.
func displayPath(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return abs
	}
	return rel
}
