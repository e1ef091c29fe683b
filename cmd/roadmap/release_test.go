package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goreleaserConfig is the part of .goreleaser.yaml these tests read.
type goreleaserConfig struct {
	Builds []struct {
		ID           string   `yaml:"id"`
		Flags        []string `yaml:"flags"`
		Ldflags      []string `yaml:"ldflags"`
		ModTimestamp string   `yaml:"mod_timestamp"`
	} `yaml:"builds"`
	Archives []struct {
		ID         string `yaml:"id"`
		BuildsInfo struct {
			Mtime string `yaml:"mtime"`
		} `yaml:"builds_info"`
		Files []archiveFile `yaml:"files"`
	} `yaml:"archives"`
}

// archiveFile is an archive's files entry: a pattern, or src with info.
type archiveFile struct {
	Src  string `yaml:"src"`
	Info struct {
		Mtime string `yaml:"mtime"`
	} `yaml:"info"`
}

func (f *archiveFile) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		f.Src = n.Value
		return nil
	}
	type plain archiveFile
	return n.Decode((*plain)(f))
}

func readGoreleaser(t *testing.T) goreleaserConfig {
	t.Helper()
	b, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c goreleaserConfig
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if len(c.Builds) == 0 || len(c.Archives) == 0 {
		t.Fatal(".goreleaser.yaml has no builds or no archives")
	}
	return c
}

// readmeLink is a relative Markdown link target in README.md.
var readmeLink = regexp.MustCompile(`\]\(([^()\s#]+)(#[^()\s]*)?\)`)

// TestReleaseArchivesShipWhatTheReadmeLinks: every document and example
// the shipped README links to is in the archive, and every page under
// docs/ too.
// Patterns are matched as goreleaser matches a pattern without **
// (one path segment per *); ** is refused because goreleaser's
// docs/**/* matched only files in a subdirectory of docs/.
func TestReleaseArchivesShipWhatTheReadmeLinks(t *testing.T) {
	c := readGoreleaser(t)
	root := "../.."
	for _, a := range c.Archives {
		shipped := archived(t, a.ID, a.Files)
		readme, err := os.ReadFile(filepath.Join(root, "README.md"))
		if err != nil {
			t.Fatal(err)
		}
		want, dirs := map[string]bool{}, map[string]bool{}
		for _, m := range readmeLink.FindAllStringSubmatch(string(readme), -1) {
			target := m[1]
			if strings.Contains(target, "://") || sourceTree(target) {
				continue
			}
			if st, err := os.Stat(filepath.Join(root, target)); err == nil && st.IsDir() {
				dirs[strings.TrimSuffix(target, "/")+"/"] = true
				continue
			}
			want[target] = true
		}
		docs, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
		for _, d := range docs {
			rel, _ := filepath.Rel(root, d)
			want[filepath.ToSlash(rel)] = true
		}
		var missing []string
		for f := range want {
			if !shipped[f] {
				missing = append(missing, f)
			}
		}
	dir:
		for d := range dirs {
			for f := range shipped {
				if strings.HasPrefix(f, d) {
					continue dir
				}
			}
			missing = append(missing, d)
		}
		sort.Strings(missing)
		if len(missing) > 0 {
			t.Errorf("archive %s leaves out what README.md links to: %s", a.ID, strings.Join(missing, ", "))
		}
		if len(want) < 10 {
			t.Fatalf("found only %d linked files: the link pattern is broken", len(want))
		}
	}
}

// archived is the set of repository files an archive's files entries
// match, as goreleaser matches a pattern without ** (one path segment per
// *), by path from the repository root.
func archived(t *testing.T, id string, files []archiveFile) map[string]bool {
	t.Helper()
	const root = "../.."
	shipped := map[string]bool{}
	for _, f := range files {
		if strings.Contains(f.Src, "**") {
			t.Errorf("archive %s: %q: name each directory's files instead of **", id, f.Src)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(root, f.Src))
		if err != nil || len(matches) == 0 {
			t.Errorf("archive %s: %q matches no file", id, f.Src)
		}
		for _, m := range matches {
			rel, _ := filepath.Rel(root, m)
			shipped[filepath.ToSlash(rel)] = true
		}
	}
	return shipped
}

// TestReleaseDocsLinksStayInTheArchive: every relative link in a shipped
// Markdown page (docs/*.md, the rule pages, the tour, the examples)
// resolves to a file the archive ships too, so a reader of the unpacked
// archive follows no link to nothing. docs/rules/README.md and the pages
// beside it link to one another; a page added to a new directory without
// a pattern of its own fails here.
func TestReleaseDocsLinksStayInTheArchive(t *testing.T) {
	c := readGoreleaser(t)
	const root = "../.."
	for _, a := range c.Archives {
		shipped := archived(t, a.ID, a.Files)
		for _, dir := range []string{"docs", "docs/rules"} {
			pages, _ := filepath.Glob(filepath.Join(root, dir, "*.md"))
			for _, p := range pages {
				rel, _ := filepath.Rel(root, p)
				if !shipped[filepath.ToSlash(rel)] {
					t.Errorf("archive %s leaves out %s", a.ID, filepath.ToSlash(rel))
				}
			}
		}
		links := 0
		for page := range shipped {
			if !strings.HasSuffix(page, ".md") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(root, page))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range readmeLink.FindAllStringSubmatch(prose(string(b)), -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				links++
				resolved := filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(page), target)))
				if st, err := os.Stat(filepath.Join(root, resolved)); err != nil {
					t.Errorf("%s links to %s, which does not exist", page, target)
					continue
				} else if st.IsDir() {
					if !shippedUnder(shipped, resolved+"/") && !sourceTree(resolved+"/") {
						t.Errorf("%s links to %s/, and archive %s ships nothing in it", page, resolved, a.ID)
					}
					continue
				}
				if !shipped[resolved] && !sourceTree(resolved) {
					t.Errorf("%s links to %s, which archive %s leaves out", page, resolved, a.ID)
				}
			}
		}
		t.Logf("archive %s: %d links followed", a.ID, links)
		if links < 50 {
			t.Fatalf("followed only %d links from the shipped pages: the link pattern is broken", links)
		}
	}
}

// codeRe is a fenced block or a code span: what it shows is not a link.
var codeRe = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")

// prose is a Markdown page without its code.
func prose(md string) string { return codeRe.ReplaceAllString(md, "") }

func shippedUnder(shipped map[string]bool, dir string) bool {
	for f := range shipped {
		if strings.HasPrefix(f, dir) {
			return true
		}
	}
	return false
}

// TestReleaseBuildsAreReproducible: the same commit gives the same
// archive, so nothing may carry the time of the build.
func TestReleaseBuildsAreReproducible(t *testing.T) {
	const commitDate = "{{ .CommitDate }}"
	c := readGoreleaser(t)
	for _, b := range c.Builds {
		if b.ModTimestamp != "{{ .CommitTimestamp }}" {
			t.Errorf("build %s: mod_timestamp = %q, want {{ .CommitTimestamp }}", b.ID, b.ModTimestamp)
		}
		if !contains(b.Flags, "-trimpath") {
			t.Errorf("build %s: no -trimpath (the builder's paths end up in the binary)", b.ID)
		}
		flags := strings.Join(b.Ldflags, " ")
		if !strings.Contains(strings.ReplaceAll(flags, " ", ""), "build.Date={{.CommitDate}}") {
			t.Errorf("build %s: the stamped date must be the commit's: %s", b.ID, flags)
		}
		for _, v := range []string{".Date}}", ".Now", ".Timestamp}}"} {
			if strings.Contains(strings.ReplaceAll(flags, " ", ""), v) {
				t.Errorf("build %s: ldflags use the build time (%s)", b.ID, v)
			}
		}
	}
	for _, a := range c.Archives {
		if a.BuildsInfo.Mtime != commitDate {
			t.Errorf("archive %s: builds_info.mtime = %q, want %s", a.ID, a.BuildsInfo.Mtime, commitDate)
		}
		for _, f := range a.Files {
			if f.Info.Mtime != commitDate {
				t.Errorf("archive %s: %s has mtime %q, want %s", a.ID, f.Src, f.Info.Mtime, commitDate)
			}
		}
	}
}

// currentMajors are the action majors in support when this was written
// (December 2026: checkout v7 and setup-go v7 run on Node 24, CodeQL
// Action v3 is deprecated for v4). An action not listed here fails the
// test, so adding one means looking its current major up.
var currentMajors = map[string]string{
	"actions/checkout":                  "v7",
	"actions/setup-go":                  "v7",
	"github/codeql-action/upload-sarif": "v4",
}

// TestCIExampleUsesCurrentActions checks the workflow users copy.
func TestCIExampleUsesCurrentActions(t *testing.T) {
	b, err := os.ReadFile("../../examples/ci/github-workflow.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Uses string         `yaml:"uses"`
				With map[string]any `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(b, &wf); err != nil {
		t.Fatal(err)
	}
	used := 0
	for job, j := range wf.Jobs {
		for _, s := range j.Steps {
			if s.Uses == "" {
				continue
			}
			used++
			name, ref, _ := strings.Cut(s.Uses, "@")
			want, ok := currentMajors[name]
			switch {
			case !ok:
				t.Errorf("job %s uses %s: look up its current major and add it to currentMajors", job, s.Uses)
			case ref != want:
				t.Errorf("job %s uses %s, want %s@%s", job, s.Uses, name, want)
			}
			// setup-go keys its cache on go.sum; a repository of
			// roadmaps has none, and the cache step warns.
			if name == "actions/setup-go" && s.With["cache"] != false {
				t.Errorf("job %s: actions/setup-go without cache: false warns in a repository with no go.sum", job)
			}
		}
	}
	if used < 3 {
		t.Fatalf("read %d actions from the workflow: the test reads nothing", used)
	}
}

// sourceTree is true for a link into the code and its test data, which
// a reader follows on the repository's site; the archive ships the
// documents and examples.
func sourceTree(path string) bool {
	for _, dir := range []string{"cmd/", "internal/", "pkg/", "scripts/", "testdata/"} {
		if strings.HasPrefix(path, dir) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
