// Package build reports the version the binary was built as.
package build

import (
	"runtime/debug"
	"strings"
)

// Set by the release build through -ldflags "-X ...". A plain `go install`
// leaves them empty, and Info falls back to the module's build information.
var (
	Version = ""
	Commit  = ""
	Date    = ""
)

// Info is the version triple shown by `roadmap --version`.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	Date    string `json:"date,omitempty"`
}

// Current returns the ldflags values, else what the Go toolchain recorded.
func Current() Info {
	info := Info{Version: Version, Commit: Commit, Date: Date}
	if info.Version != "" {
		return info
	}
	info.Version = "devel"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		info.Version = strings.TrimPrefix(v, "v")
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if info.Commit == "" {
				info.Commit = s.Value
			}
		case "vcs.time":
			if info.Date == "" {
				info.Date = s.Value
			}
		}
	}
	return info
}

// String is the one line printed by --version.
func (i Info) String() string {
	var b strings.Builder
	b.WriteString(i.Version)
	if i.Commit != "" || i.Date != "" {
		b.WriteString(" (")
		commit := i.Commit
		if len(commit) > 12 {
			commit = commit[:12]
		}
		b.WriteString(strings.TrimSpace(strings.Join(nonEmpty(commit, i.Date), ", ")))
		b.WriteString(")")
	}
	return b.String()
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
