package ladder

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/roadmapcli/roadmap/pkg/boundedread"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

//go:embed data/*.yaml
var dataFS embed.FS

// builtinOrder is the order built-in tracks are listed in: engineering
// first, then the roles around it. Ids not embedded are skipped.
var builtinOrder = []string{
	"software-engineer",
	"engineering-manager",
	"product-manager",
	"product-designer",
	"data-scientist",
	"site-reliability-engineer",
	"data-engineer",
	"ml-engineer",
	"security-engineer",
	"qa-engineer",
	"mobile-engineer",
	"technical-program-manager",
	"developer-advocate",
	"ux-researcher",
	"solutions-architect",
}

// BuiltInPrefix names embedded files in messages: "builtin/<file>.yaml".
const BuiltInPrefix = "builtin/"

// ConfigFile is the repository configuration whose directory holds ladders/.
const ConfigFile = ".roadmap.yaml"

// LaddersDirName is the repository directory of custom ladders.
const LaddersDirName = "ladders"

// Options says where repository ladders come from.
type Options struct {
	// Dir is an explicit directory of ladder files (--ladders). It must exist.
	Dir string
	// StartDir, when Dir is empty, is where the search for the nearest
	// .roadmap.yaml starts (walking up); its sibling ladders/ directory, if
	// any, is used. Empty means no repository ladders.
	StartDir string
}

// FileError is a problem in a ladder file, printed as
// "FILE:LINE:COL: what (how to fix)".
type FileError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *FileError) Error() string {
	file := safetext.Name(e.File)
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", file, e.Msg)
}

var (
	builtinOnce sync.Once
	builtinSet  []*Track
	builtinErr  error
)

func builtinTracks() ([]*Track, error) {
	builtinOnce.Do(func() {
		entries, err := fs.ReadDir(dataFS, "data")
		if err != nil {
			builtinErr = err
			return
		}
		for _, e := range entries {
			data, err := dataFS.ReadFile(path.Join("data", e.Name()))
			if err != nil {
				builtinErr = err
				return
			}
			t, err := Parse(BuiltInPrefix+e.Name(), data)
			if err != nil {
				builtinErr = err
				return
			}
			t.Origin = OriginBuiltIn
			builtinSet = append(builtinSet, t)
		}
	})
	return builtinSet, builtinErr
}

// BuiltIn returns the embedded ladders alone.
func BuiltIn() (*Set, error) { return Load(Options{}) }

// Load reads the built-in ladders and adds (or overrides, track by track)
// the repository's own. A bad file is a *FileError naming file and line.
func Load(opts Options) (*Set, error) {
	builtins, err := builtinTracks()
	if err != nil {
		return nil, err
	}
	dir := opts.Dir
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil || !st.IsDir() {
			return nil, &FileError{File: dir, Msg: "ladder directory not found (check --ladders)"}
		}
	} else if opts.StartDir != "" {
		dir = FindRepoDir(opts.StartDir)
	}
	var custom []*Track
	if dir != "" {
		custom, err = readDir(dir)
		if err != nil {
			return nil, err
		}
	}
	return assemble(builtins, custom)
}

// FindRepoDir finds the ladders/ directory beside the nearest .roadmap.yaml
// at or above start, or "" when there is none. The result is relative to
// start when start is relative.
func FindRepoDir(start string) string {
	abs, err := filepath.Abs(start)
	if err != nil {
		return ""
	}
	for dir := abs; ; {
		if st, err := os.Stat(filepath.Join(dir, ConfigFile)); err == nil && !st.IsDir() {
			cand := filepath.Join(dir, LaddersDirName)
			if st, err := os.Stat(cand); err == nil && st.IsDir() {
				if !filepath.IsAbs(start) {
					if rel, err := filepath.Rel(abs, cand); err == nil {
						return filepath.Join(start, rel)
					}
				}
				return cand
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// MaxFileBytes caps a repository's ladder file; the largest built-in
// track is about 16 KiB.
const MaxFileBytes = 1 << 20

func readDir(dir string) ([]*Track, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &FileError{File: dir, Msg: fmt.Sprintf("cannot read ladder directory: %v", errors.Unwrap(err))}
	}
	var out []*Track
	seen := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		if ext := strings.ToLower(filepath.Ext(name)); ext != ".yaml" && ext != ".yml" {
			continue
		}
		file := filepath.Join(dir, name)
		data, err := boundedread.File(file, MaxFileBytes)
		if err != nil {
			msg := "cannot read file"
			var be *boundedread.Error
			if errors.As(err, &be) && (be.Kind == boundedread.NotRegular || be.Kind == boundedread.TooLarge) {
				msg = be.Msg
			}
			return nil, &FileError{File: file, Msg: msg}
		}
		t, err := Parse(file, data)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[t.ID]; dup {
			return nil, &FileError{File: file, Line: t.Line, Col: 1,
				Msg: fmt.Sprintf("track %q is already defined in %s (one file per track)", t.ID, prev)}
		}
		seen[t.ID] = file
		t.Origin = file
		out = append(out, t)
	}
	return out, nil
}

// assemble merges the tracks (custom ones replace built-ins with the same
// id, whole) and resolves every reference.
func assemble(builtins, custom []*Track) (*Set, error) {
	s := &Set{byID: map[string]*Track{}}
	overridden := map[string]bool{}
	for _, t := range custom {
		overridden[t.ID] = true
	}
	rank := map[string]int{}
	for i, id := range builtinOrder {
		rank[id] = i
	}
	for _, t := range builtins {
		if !overridden[t.ID] {
			s.byID[t.ID] = t
		}
	}
	for _, t := range custom {
		s.byID[t.ID] = t
	}
	for _, t := range s.byID {
		s.tracks = append(s.tracks, t)
	}
	sort.Slice(s.tracks, func(i, j int) bool {
		ri, iok := rank[s.tracks[i].ID]
		rj, jok := rank[s.tracks[j].ID]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return s.tracks[i].ID < s.tracks[j].ID
	})

	// Resolve references. Built-in data is shared between loads, so the
	// resolved copies live on fresh level values.
	resolved := make([]*Track, len(s.tracks))
	for i, t := range s.tracks {
		resolved[i] = cloneTrack(t)
		s.byID[t.ID] = resolved[i]
	}
	s.tracks = resolved
	for _, t := range s.tracks {
		for _, l := range t.Levels {
			l.Next = nil
			named := map[string]bool{}
			for i := range l.Moves {
				m := &l.Moves[i]
				if m.toPos.raw == "" {
					continue
				}
				ref, err := s.resolveRef(t, m.toPos)
				if err != nil {
					if t.Origin == OriginBuiltIn && overridden[refTrack(t, m.toPos.raw)] {
						m.To = ""
						continue
					}
					return nil, err
				}
				m.To = ref
				if err := s.checkCategory(l, m); err != nil {
					return nil, err
				}
				if !named[ref] {
					named[ref] = true
					l.Next = append(l.Next, ref)
				}
			}
			for _, r := range l.nextRefs {
				ref, err := s.resolveRef(t, r)
				if err != nil {
					if t.Origin == OriginBuiltIn && overridden[refTrack(t, r.raw)] {
						continue // the override dropped it: not the user's mistake
					}
					return nil, err
				}
				if !named[ref] {
					named[ref] = true
					l.Next = append(l.Next, ref)
				}
			}
		}
	}
	return s, nil
}

func cloneTrack(t *Track) *Track {
	c := *t
	c.Levels = make([]*Level, len(t.Levels))
	for i, l := range t.Levels {
		lc := *l
		lc.Track = &c
		lc.Moves = append([]Move(nil), l.Moves...)
		c.Levels[i] = &lc
	}
	return &c
}

func refTrack(t *Track, raw string) string {
	if tr, _, ok := strings.Cut(raw, "/"); ok {
		return strings.ToLower(strings.TrimSpace(tr))
	}
	return t.ID
}

// checkCategory refuses a written move whose category contradicts the
// kind of the level it leads to: a management level is never an IC move,
// a move from an IC level to a management level is a management move, an
// IC level is never a management move, and an outside move leaves the
// ladders (it has no level).
func (s *Set) checkCategory(from *Level, m *Move) error {
	to, err := s.Level(m.To)
	if err != nil {
		return err
	}
	bad := ""
	switch {
	case m.Category == CategoryOutside:
		bad = fmt.Sprintf("an outside move leaves the ladders, but %q leads to %s (use category %s, or drop `to:`)",
			m.Title, m.To, CategoryFor(from, to))
	case to.Kind == KindManagement && m.Category == CategoryIC:
		bad = fmt.Sprintf("%q is filed as an IC move but %s is a management level (use category: management)", m.Title, m.To)
	case to.Kind == KindManagement && from.Kind == KindIC && m.Category != CategoryManagement:
		bad = fmt.Sprintf("%q leads from an IC level to the management level %s (use category: management)", m.Title, m.To)
	case to.Kind == KindIC && m.Category == CategoryManagement:
		bad = fmt.Sprintf("%q is filed as a management move but %s is an IC level (use category: %s)", m.Title, m.To, CategoryFor(from, to))
	}
	if bad == "" {
		return nil
	}
	return &FileError{File: m.catPos.file, Line: m.catPos.line, Col: m.catPos.col, Msg: bad}
}

func (s *Set) resolveRef(t *Track, p pos) (string, error) {
	raw := strings.TrimSpace(p.raw)
	var (
		l   *Level
		err error
	)
	if strings.Contains(raw, "/") {
		l, err = s.Level(raw)
	} else {
		l, err = t.Level(raw)
	}
	if err != nil {
		hint := "use a level id of this track, or TRACK/LEVEL for another track"
		var u *UnknownError
		if errors.As(err, &u) && u.Suggestion() != "" {
			hint = fmt.Sprintf("did you mean %q?", u.Suggestion())
		}
		return "", &FileError{File: p.file, Line: p.line, Col: p.col,
			Msg: fmt.Sprintf("%q does not name a known level (%s)", raw, hint)}
	}
	return l.Ref(), nil
}

var idRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// AddHint says where to put a ladder file named base (FileName of a track
// id, or "ID" for one still to choose) so that a roadmap
// in start finds it: beside the .roadmap.yaml in effect there when there
// is one, else in a ladders/ directory with an empty .roadmap.yaml beside
// it (without one, ladders/ is not looked for). withFlag adds the
// --ladders alternative, for commands that take it.
func AddHint(start, base string, withFlag bool) string {
	file := filepath.Join(LaddersDirName, base+".yaml")
	if cfg := findConfig(start); cfg != "" {
		return fmt.Sprintf("add %s beside %s", filepath.ToSlash(filepath.Join(filepath.Dir(cfg), file)), filepath.ToSlash(cfg))
	}
	where := ""
	if d := filepath.Clean(start); d != "." {
		where = " in " + filepath.ToSlash(d)
	}
	s := fmt.Sprintf("create %s and an empty %s beside it%s", filepath.ToSlash(file), ConfigFile, where)
	if withFlag {
		s += ", or pass --ladders DIR"
	}
	return s
}

// findConfig is the nearest .roadmap.yaml at or above start, relative to
// start's form ("" when there is none).
func findConfig(start string) string {
	abs, err := filepath.Abs(start)
	if err != nil {
		return ""
	}
	for dir := abs; ; {
		if st, err := os.Stat(filepath.Join(dir, ConfigFile)); err == nil && !st.IsDir() {
			if !filepath.IsAbs(start) {
				if rel, err := filepath.Rel(abs, dir); err == nil {
					return filepath.Join(start, rel, ConfigFile)
				}
			}
			return filepath.Join(dir, ConfigFile)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// FileName is a track id as a ladder file's base name: lower case, with
// spaces, underscores and slashes as hyphens.
func FileName(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(id)) {
		switch {
		case r == ' ' || r == '_' || r == '/' || r == '\\':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
